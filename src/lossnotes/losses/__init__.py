"""Every loss of the chapter in one place, with a registry that keeps value and gradient together.

The functions live in :mod:`lossnotes.regression_losses` (MSE, MAE, Huber),
:mod:`lossnotes.gaussian_losses`, :mod:`lossnotes.binary_losses` (BCE on probabilities
or logits), :mod:`lossnotes.categorical_losses` (cross-entropy, NLL) and
:mod:`lossnotes.clustering_losses` (WCSS); this module re-exports them with the stable
activations of :mod:`lossnotes.activations` and adds :data:`LOSSES`.

One signature for all: ``loss(input, target, ..., *, reduction="mean")`` and
``loss_grad`` with exactly the same arguments, returning the gradient with respect to
the first argument (predictions, probabilities, logits or log-probabilities). The one
exception is :func:`wcss_grad`, which differentiates with respect to the centroids;
:attr:`Loss.wrt` records that.

Examples
--------
>>> entry = LOSSES["huber"]
>>> entry.value([0.0, 0.0], [0.5, 3.0], delta=1.0, reduction="sum")
2.625
>>> entry.grad([0.0, 0.0], [0.5, 3.0], delta=1.0, reduction="sum")
array([-0.5, -1. ])
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

import numpy as np

from lossnotes.activations import log_softmax, sigmoid, softmax
from lossnotes.binary_losses import bce, bce_grad, bce_with_logits, bce_with_logits_grad
from lossnotes.categorical_losses import cross_entropy, cross_entropy_grad, nll, nll_grad
from lossnotes.clustering_losses import assign_clusters, wcss, wcss_grad
from lossnotes.gaussian_losses import gaussian_nll, gaussian_nll_grad
from lossnotes.regression_losses import huber, huber_grad, mae, mae_grad, mse, mse_grad

__all__ = [
    "LOSSES", "Loss", "assign_clusters", "bce", "bce_grad", "bce_with_logits",
    "bce_with_logits_grad", "cross_entropy", "cross_entropy_grad", "gaussian_nll",
    "gaussian_nll_grad", "huber", "huber_grad", "log_softmax", "mae", "mae_grad", "mse",
    "mse_grad", "nll", "nll_grad", "sigmoid", "softmax", "wcss", "wcss_grad",
]  # fmt: skip

Example = tuple[tuple[Any, ...], dict[str, Any]]


class Loss(NamedTuple):
    """A loss and its gradient, with what tests and pages need to call them.

    Attributes
    ----------
    value, grad : callable
        ``value(*args, reduction=..., **kwargs)`` and ``grad`` with the same arguments.
    example : callable
        ``example(rng) -> (args, kwargs)``: a valid random input, away from kinks, so a
        finite-difference check of ``grad`` is meaningful.
    wrt : int
        Position of the argument ``grad`` differentiates (0 except for ``wcss``).
    """

    value: Callable[..., Any]
    grad: Callable[..., np.ndarray]
    example: Callable[[np.random.Generator], Example]
    wrt: int = 0


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


LOSSES: dict[str, Loss] = {
    "mse": Loss(mse, mse_grad, _regression_pair),
    "mae": Loss(mae, mae_grad, _regression_pair),
    "huber": Loss(huber, huber_grad, lambda rng: (_regression_pair(rng)[0], {"delta": 1.0})),
    "gaussian_nll": Loss(gaussian_nll, gaussian_nll_grad, _gaussian),
    "bce": Loss(bce, bce_grad, _probabilities),
    "bce_with_logits": Loss(bce_with_logits, bce_with_logits_grad, _logits_binary),
    "cross_entropy": Loss(cross_entropy, cross_entropy_grad, _logits_classes),
    "nll": Loss(nll, nll_grad, _log_probabilities),
    "wcss": Loss(wcss, wcss_grad, _clusters, wrt=1),
}
"""Registry of every loss: name -> :class:`Loss`. Tests check no ``*_grad`` is missing."""
