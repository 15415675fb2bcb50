"""A linear classifier from character n-grams of labels to their codes.

Nearest-label matching (TF-IDF) rewards any shared n-gram; a classifier trained on all labels of all codes learns
which n-grams tell codes apart (e.g. that "자수" points to embroidery machines whatever the suffix).
"""

from __future__ import annotations

import numpy as np

from .text import clean


class CharNgramClassifier:
    """SGD (modified Huber loss) over character 1–3-gram TF-IDF; ``scores`` are clipped to [0, 1]."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 3), alpha: float = 1e-5, max_iter: int = 30,
                 random_state: int = 0):
        self.ngram_range = ngram_range
        self.alpha = alpha
        self.max_iter = max_iter
        self.random_state = random_state

    def fit(self, texts: list[str], labels: np.ndarray, n_classes: int) -> "CharNgramClassifier":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier

        self.vectorizer_ = TfidfVectorizer(analyzer="char_wb", ngram_range=self.ngram_range, sublinear_tf=True,
                                           preprocessor=clean, dtype=np.float32)
        features = self.vectorizer_.fit_transform(texts)
        self.model_ = SGDClassifier(loss="modified_huber", alpha=self.alpha, max_iter=self.max_iter, tol=None,
                                    random_state=self.random_state).fit(features, labels)
        self.n_classes_ = n_classes
        # one row of weights per class, scattered to the full class range (classes without labels score 0)
        self.coef_ = np.zeros((n_classes, features.shape[1]), dtype=np.float32)
        self.intercept_ = np.full(n_classes, -1.0, dtype=np.float32)
        classes = self.model_.classes_
        if len(classes) == 2 and self.model_.coef_.shape[0] == 1:
            self.coef_[classes[1]] = self.model_.coef_[0]
            self.coef_[classes[0]] = -self.model_.coef_[0]
            self.intercept_[classes[1]] = self.model_.intercept_[0]
            self.intercept_[classes[0]] = -self.model_.intercept_[0]
        else:
            self.coef_[classes] = self.model_.coef_
            self.intercept_[classes] = self.model_.intercept_
        self.model_ = None  # the scattered weights are all we keep (smaller to cache)
        # features × classes, contiguous: a sparse query row then touches only its own n-grams' rows
        self.weights_ = np.ascontiguousarray(self.coef_.T)
        self.coef_ = None
        return self

    def scores(self, text: str) -> np.ndarray:
        features = self.vectorizer_.transform([text])
        raw = np.asarray(features @ self.weights_).ravel() + self.intercept_
        return np.clip((raw + 1.0) / 2.0, 0.0, 1.0).astype(np.float32)
