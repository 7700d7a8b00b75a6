"""Valid random inputs for every loss of ``lossnotes.losses.LOSSES``, for the tests.

Each generator returns ``(args, kwargs)`` away from kinks, so a finite-difference check
of the gradient is meaningful.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from lossnotes.losses import log_softmax

Example = tuple[tuple[Any, ...], dict[str, Any]]


def _regression_pair(rng: np.random.Generator) -> Example:
    y_true = rng.normal(size=(4, 3))
    # Residuals of magnitude in [0.2, 2] with random signs: away from 0 (MAE's kink)
    # and from +-1 (Huber's default delta) ... except by chance, so nudge those away.
    r = rng.uniform(0.2, 2.0, size=y_true.shape) * rng.choice([-1.0, 1.0], size=y_true.shape)
    r[np.abs(np.abs(r) - 1.0) < 0.1] *= 1.5
    return (y_true + r, y_true), {}


def _probabilities(rng: np.random.Generator) -> Example:
    return (rng.uniform(0.05, 0.95, size=6), rng.uniform(0.0, 1.0, size=6)), {}


def _logits_binary(rng: np.random.Generator) -> Example:
    return (rng.normal(scale=3.0, size=6), rng.integers(0, 2, size=6).astype(float)), {}


def _logits_classes(rng: np.random.Generator) -> Example:
    logits = rng.normal(scale=2.0, size=(5, 4))
    if rng.random() < 0.5:
        return (logits, rng.integers(0, 4, size=5)), {}
    return (logits, rng.dirichlet(np.ones(4), size=5)), {}


def _log_probabilities(rng: np.random.Generator) -> Example:
    return (log_softmax(rng.normal(size=(5, 4))), rng.integers(0, 4, size=5)), {}


def _gaussian(rng: np.random.Generator) -> Example:
    args, _ = _regression_pair(rng)
    return (*args, rng.uniform(0.5, 2.0, size=args[0].shape)), {"full": True}


def _clusters(rng: np.random.Generator) -> Example:
    centroids = rng.normal(scale=5.0, size=(3, 2))
    points = np.repeat(centroids, 4, axis=0) + rng.normal(scale=0.5, size=(12, 2))
    return (points, centroids), {}


EXAMPLES: dict[str, Callable[[np.random.Generator], Example]] = {
    "mse": _regression_pair,
    "mae": _regression_pair,
    "huber": lambda rng: (_regression_pair(rng)[0], {"delta": 1.0}),
    "gaussian_nll": _gaussian,
    "bce": _probabilities,
    "bce_with_logits": _logits_binary,
    "cross_entropy": _logits_classes,
    "nll": _log_probabilities,
    "wcss": _clusters,
}
