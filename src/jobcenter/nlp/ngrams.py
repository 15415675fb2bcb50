"""Character n-gram TF-IDF: robust to spacing, compounding and spelling variants; the baseline signal."""

from __future__ import annotations

import numpy as np

from .text import clean


class CharNgramIndex:
    """Cosine similarity of character n-gram TF-IDF vectors (word-bounded n-grams, sublinear tf)."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 3), analyzer: str = "char_wb"):
        self.ngram_range = ngram_range
        self.analyzer = analyzer

    def fit(self, texts: list[str]) -> "CharNgramIndex":
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizer_ = TfidfVectorizer(analyzer=self.analyzer, ngram_range=self.ngram_range,
                                           sublinear_tf=True, preprocessor=clean, dtype=np.float32)
        self.matrix_ = self.vectorizer_.fit_transform(texts).tocsr()
        self.matrix_t_ = self.matrix_.T.tocsr()
        return self

    def transform(self, texts: list[str]):
        return self.vectorizer_.transform(texts)

    def scores(self, text: str) -> np.ndarray:
        q = self.vectorizer_.transform([text])
        return np.asarray((q @ self.matrix_t_).todense(), dtype=np.float32).ravel()

    def scores_many(self, texts: list[str]) -> np.ndarray:
        q = self.vectorizer_.transform(texts)
        return np.asarray((q @ self.matrix_t_).todense(), dtype=np.float32)
