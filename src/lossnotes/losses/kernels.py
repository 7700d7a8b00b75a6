"""The per-sample formulas behind every loss, unvalidated, for callers that checked already.

Each formula of ``lossnotes.losses`` is written once, here; the public losses
validate their arguments, call these kernels and reduce. ``lossnotes.models`` calls
them directly on its network outputs. Everything here also runs on complex arrays
(branches look at the real part only), so ``lossnotes.models.hessian()`` can
differentiate a gradient by complex step.

Examples
--------
>>> import numpy as np
>>> logistic_loss(np.array([0.0, 1e4]), np.array([1.0, 1.0]))
array([0.69314718, 0.        ])
>>> softmax(np.array([[1e4, 0.0]]))
array([[1., 0.]])
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "sigmoid", "log_softmax", "softmax", "squared_error", "squared_error_grad",
    "logistic_loss", "logistic_loss_grad", "softmax_cross_entropy", "softmax_cross_entropy_grad",
]  # fmt: skip


def sigmoid(z: np.ndarray) -> np.ndarray:
    """``1 / (1 + exp(-z))`` without overflow, for real or complex ``z``."""
    # exp(-|z|) never overflows, so both branches are safe for logits like +-1e4.
    e = np.exp(-np.where(z.real >= 0, z, -z))
    return np.where(z.real >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_softmax(z: np.ndarray) -> np.ndarray:
    """``z - logsumexp(z)`` along the last axis."""
    # Subtracting the row maximum makes every exponent <= 0: no overflow, and the
    # largest term is exactly 1, so the log of the sum never sees 0.
    shifted = z - np.max(z.real, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def softmax(z: np.ndarray) -> np.ndarray:
    """``exp(z) / sum(exp(z))`` along the last axis."""
    e = np.exp(z - np.max(z.real, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def squared_error(residual: np.ndarray) -> np.ndarray:
    """``r**2`` per element; overflow gives inf (callers silence or document it)."""
    return residual * residual


def squared_error_grad(residual: np.ndarray) -> np.ndarray:
    """``d(r**2)/dr = 2 r``."""
    return 2.0 * residual


def logistic_loss(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Binary cross-entropy on a logit: ``max(z, 0) - z y + log(1 + exp(-|z|))``."""
    # Written on the real part's sign, so complex-step derivatives go through.
    positive_part = np.where(z.real > 0, z, 0.0)
    return positive_part - z * y + np.log1p(np.exp(-np.where(z.real >= 0, z, -z)))


def logistic_loss_grad(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``sigmoid(z) - y``: the gradient of ``logistic_loss()`` in the logit."""
    return sigmoid(z) - y


def softmax_cross_entropy(z: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``-sum(t log softmax(z))`` per row, ``target`` a distribution over the last axis."""
    return -np.sum(target * log_softmax(z), axis=-1)


def softmax_cross_entropy_grad(z: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``softmax(z) - t``: the gradient of ``softmax_cross_entropy()`` in the logits."""
    return softmax(z) - target
