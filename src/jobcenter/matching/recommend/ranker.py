"""The learned ranker: LightGBM LambdaRank on the interpretable features, trained from recorded outcomes.

It replaces the weighted sum only when there are enough outcomes (``Recommender.fit_outcomes``); its
explanations are per-feature contributions (TreeSHAP, ``pred_contrib``), so the same "features that moved the
rank most" can be shown. Versioned by a digest of the trained model.
"""

from __future__ import annotations

import hashlib
from typing import Sequence

import numpy as np


class LambdaRanker:
    """``fit(X, labels, group_sizes)`` → ``predict(X)``; parameters in ``__init__`` (scikit-learn style)."""

    def __init__(self, feature_names: Sequence[str], n_estimators: int = 200, learning_rate: float = 0.05,
                 num_leaves: int = 15, min_child_samples: int = 10, random_state: int = 0):
        self.feature_names = list(feature_names)
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.num_leaves = num_leaves
        self.min_child_samples = min_child_samples
        self.random_state = random_state

    def fit(self, X: np.ndarray, labels: np.ndarray, group_sizes: Sequence[int]) -> "LambdaRanker":
        import lightgbm

        # one thread: the host is shared, and training is a background job, not a request
        self.model_ = lightgbm.LGBMRanker(
            objective="lambdarank", n_estimators=self.n_estimators, learning_rate=self.learning_rate,
            num_leaves=self.num_leaves, min_child_samples=self.min_child_samples, random_state=self.random_state,
            n_jobs=1, deterministic=True, force_row_wise=True, verbose=-1)
        self.model_.fit(np.asarray(X, dtype=np.float64), np.asarray(labels, dtype=np.int64),
                        group=list(group_sizes), feature_name=[f.replace(" ", "_") for f in self.feature_names])
        dump = self.model_.booster_.model_to_string()
        self.version = "lambdarank-" + hashlib.sha256(dump.encode("utf-8")).hexdigest()[:12]
        self.n_pairs_ = int(len(labels))
        self.n_groups_ = int(len(group_sizes))
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        if len(X) == 0:
            return np.zeros(0)
        # squashed to (−1, 1): the order is the model's, and a stretch penalty still puts stretches last
        return np.tanh(self.model_.booster_.predict(np.asarray(X, dtype=np.float64)) / 4.0)

    def contributions(self, x: np.ndarray) -> dict[str, float]:
        row = self.model_.booster_.predict(np.asarray(x, dtype=np.float64)[None, :], pred_contrib=True)[0]
        return {name: float(value) for name, value in zip(self.feature_names, row[:-1])}
