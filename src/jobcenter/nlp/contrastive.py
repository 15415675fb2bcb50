"""Contrastive fine-tuning of a sentence encoder on ``(anchor, positive, group)`` pairs, shared by the models
that the title normaliser fine-tunes (``jobcenter.nlp.minilm``, ``jobcenter.nlp.e5torch``).

The recipe is the standard in-batch-negatives one (symmetric InfoNCE, "multiple negatives ranking"): each batch
holds pairs of distinct groups, and each anchor must pick its own positive among the batch's, and back.
Linear warm-up over ``warmup`` of the steps, then linear decay to zero. Seeded: the batches and their order are
reproducible (the weights only up to floating-point differences between thread counts).

Imports torch only when ``train`` runs.
"""

from __future__ import annotations

import os
import random
import time
from collections import deque
from typing import Callable, Iterable, Sequence


def batches(pairs: Sequence[tuple[str, str, int]], batch_size: int, rng: random.Random) -> list[list]:
    """Shuffled batches in which no two pairs share a group (two labels of one occupation are not negatives).

    A pair whose group is already in the batch being filled waits at the back of the queue; every pair lands in
    a batch of two or more unless only its own group is left.
    """
    order = list(pairs)
    rng.shuffle(order)
    queue, out = deque(order), []
    current: list = []
    seen: set = set()
    waited = 0

    def flush() -> None:
        nonlocal current, seen, waited
        if len(current) >= 2:
            out.append(current)
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
    return out


def train(pairs: Sequence[tuple[str, str, int]], build: Callable[[], tuple[object, Callable, Iterable]], *,
          epochs: int, batch_size: int, learning_rate: float, scale: float = 20.0, warmup: float = 0.1,
          seed: int = 13, threads: int | None = None, log: Callable[[str], None] | None = None,
          log_every: int = 100):
    """Train what ``build()`` returns — ``(model, embed, parameters)``, with ``embed(texts)`` giving
    L2-normalised rows and ``parameters`` the ones to train — and return the model (the caller saves it).

    ``build`` runs after the seed is set (building a model draws random numbers). ``threads``: torch threads
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
        model, embed, parameters = build()
        optimiser = torch.optim.AdamW(parameters, lr=learning_rate)
        plan = [batches(pairs, batch_size, rng) for _ in range(epochs)]  # one shuffle per epoch
        total = max(1, sum(len(epoch) for epoch in plan))
        warm = max(1, int(warmup * total))
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda step: min(1.0, (step + 1) / warm) * max(0.0, (total - step) / total))
        started, step = time.perf_counter(), 0
        for epoch, epoch_batches in enumerate(plan):
            for batch in epoch_batches:
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
                if log is not None and (step % log_every == 0 or step == total):
                    log(f"fine-tune step {step}/{total} (epoch {epoch + 1}) loss {loss.item():.3f}, "
                        f"{time.perf_counter() - started:.0f} s")
        return model
    finally:
        torch.set_num_threads(previous_threads)
