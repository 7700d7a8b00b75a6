"""Plumbing shared by the loss modules: reductions and array-valued range checks.

Private: callers are the public loss functions, which have already validated the
``reduction`` argument, so nothing here re-checks it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, check_choice

REDUCTIONS = ("mean", "sum", "none")


def check_reduction(reduction: Any) -> str:
    """Validate ``reduction`` against PyTorch's three options."""
    return check_choice("reduction", reduction, REDUCTIONS)


def reduce(values: FloatArray, reduction: str) -> float | FloatArray:
    """Apply a reduction to per-element losses: a Python float for mean/sum, the array for none."""
    if reduction == "none":
        return values
    total = float(np.sum(values))
    return total / values.size if reduction == "mean" else total


def grad_scale(values_size: int, reduction: str) -> float:
    """Factor the per-element derivative is multiplied by under ``reduction``.

    With ``"none"`` the gradient returned is that of the *sum* of the per-element
    losses (what ``loss.backward(torch.ones_like(loss))`` gives in PyTorch).
    """
    return 1.0 / values_size if reduction == "mean" else 1.0


def check_array_in_range(name: str, array: np.ndarray, low: float, high: float) -> None:
    """Raise ``ValueError`` naming the first entry of ``array`` outside ``[low, high]``."""
    bad = (array < low) | (array > high)
    if np.any(bad):
        where = np.argwhere(bad)[0]
        index = int(where[0]) if where.size == 1 else tuple(int(i) for i in where)
        raise ValueError(
            f"{name} must be in [{low:g}, {high:g}]; got {float(array[tuple(where)])!r} at index {index}"
        )


def as_class_indices(name: str, value: Any, n_classes: int) -> np.ndarray:
    """Check ``value`` is a 1-D array of integer class indices in ``[0, n_classes)``."""
    array = np.asarray(value)
    if array.dtype.kind not in "iu":
        raise TypeError(
            f"{name} must hold integer class indices; got dtype {array.dtype}"
            " (cast with .astype(int), or pass one-hot probabilities of shape (n, K))"
        )
    if array.ndim != 1:
        raise ValueError(f"{name} must have 1 dimension(s); got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {array.shape}")
    bad = (array < 0) | (array >= n_classes)
    if np.any(bad):
        index = int(np.argmax(bad))
        raise ValueError(
            f"{name} must hold class indices in [0, {n_classes - 1}]; got {int(array[index])}"
            f" at index {index}"
        )
    return array.astype(np.intp)
