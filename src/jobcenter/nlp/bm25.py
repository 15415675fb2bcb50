"""BM25 over token lists (bm25s), with dense per-document scores for fusion."""

from __future__ import annotations

import numpy as np


class BM25Index:
    """``fit(token_lists)`` then ``scores(query_tokens)`` → one float per document."""

    def __init__(self, k1: float = 1.2, b: float = 0.75, method: str = "lucene"):
        self.k1 = k1
        self.b = b
        self.method = method

    def fit(self, token_lists: list[list[str]]) -> "BM25Index":
        import logging

        import bm25s

        # bm25s sets its own logger to DEBUG on import; its progress lines are noise in CLIs and logs
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        self.n_docs_ = len(token_lists)
        # bm25s refuses empty documents in its vocabulary build; a placeholder token never matches a query.
        docs = [tokens or ["\u2400"] for tokens in token_lists]
        self.model_ = bm25s.BM25(k1=self.k1, b=self.b, method=self.method)
        self.model_.index(docs, show_progress=False)
        self.vocab_ = set(self.model_.vocab_dict)
        return self

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        known = [t for t in query_tokens if t in self.vocab_]
        if not known:
            return np.zeros(self.n_docs_, dtype=np.float32)
        return np.asarray(self.model_.get_scores(known), dtype=np.float32)
