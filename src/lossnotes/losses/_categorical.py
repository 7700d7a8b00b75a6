"""Multi-class losses: cross-entropy on logits and negative log-likelihood on log-probabilities.

Conventions follow PyTorch (``CrossEntropyLoss``, ``NLLLoss``): input first,
target second, ``reduction`` in ``{"mean", "sum", "none"}``. Every ``*_grad`` takes
exactly its loss's arguments and returns the gradient with respect to the first one
(with ``"none"``: the gradient of the sum of the losses).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array
from lossnotes.losses import kernels
from lossnotes.losses._common import (
    as_class_indices,
    check_array_in_range,
    check_reduction,
    grad_scale,
    reduce,
)


def _target_distribution(target: Any, n: int, k: int) -> FloatArray:
    """Class indices (n,) or probabilities (n, K) -> probabilities (n, K)."""
    array = np.asarray(target)
    if array.ndim == 1:
        indices = as_class_indices("target", array, k)
        if len(indices) != n:
            raise ValueError(
                f"logits and target must have the same number of samples; got {n} and {len(indices)}"
            )
        return np.eye(k)[indices]
    probabilities = as_float_array("target", array, ndim=2)
    if probabilities.shape != (n, k):
        raise ValueError(
            f"target probabilities must have the shape of logits {(n, k)}; got {probabilities.shape}"
        )
    check_array_in_range("target", probabilities, 0.0, 1.0)
    sums = probabilities.sum(axis=1)
    if not np.allclose(sums, 1.0, rtol=0.0, atol=1e-6):
        row = int(np.argmax(np.abs(sums - 1.0)))
        raise ValueError(f"target rows must sum to 1; row {row} sums to {float(sums[row])!r}")
    return probabilities


def _logits_and_target(
    logits: Any, target: Any, reduction: Any
) -> tuple[FloatArray, FloatArray, str]:
    z = as_float_array("logits", logits, ndim=2)
    return z, _target_distribution(target, *z.shape), check_reduction(reduction)


def cross_entropy(logits: Any, target: Any, *, reduction: str = "mean") -> float | FloatArray:
    """Categorical cross-entropy from logits: ``-sum_k t_k log_softmax(z)_k`` per sample.

    As PyTorch ``CrossEntropyLoss``: log-softmax then negative log-likelihood, averaged
    over samples by ``"mean"``.

    Parameters
    ----------
    logits : array_like of shape (n, K)
    target : array_like of shape (n,) with integer class indices, or (n, K) probabilities
        One-hot or soft labels; rows must sum to 1.
    reduction : {"mean", "sum", "none"}, default "mean"
        ``"none"`` gives one loss per sample, shape (n,).

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> cross_entropy([[0.0, 0.0, 0.0]], [2])   # uniform over 3 classes: log 3
    1.0986122886681098
    """
    z, t, reduction = _logits_and_target(logits, target, reduction)
    return reduce(kernels.softmax_cross_entropy(z, t), reduction)


def cross_entropy_grad(logits: Any, target: Any, *, reduction: str = "mean") -> FloatArray:
    """Gradient of ``cross_entropy()`` w.r.t. the logits: ``(softmax(z) - t) / n``, shape (n, K).

    Parameters
    ----------
    logits, target, reduction
        As for ``cross_entropy()``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``logits``.

    Examples
    --------
    >>> cross_entropy_grad([[0.0, 0.0]], [1])
    array([[ 0.5, -0.5]])
    """
    z, t, reduction = _logits_and_target(logits, target, reduction)
    return kernels.softmax_cross_entropy_grad(z, t) * grad_scale(len(z), reduction)


def _log_probs_and_target(
    log_probs: Any, target: Any, reduction: Any
) -> tuple[FloatArray, np.ndarray, str]:
    values = as_float_array("log_probs", log_probs, ndim=2)
    if np.any(values > 1e-12):  # a probability above 1: these are probably logits
        i, j = (int(a) for a in np.argwhere(values > 1e-12)[0])
        raise ValueError(
            f"log_probs must be log-probabilities (<= 0); got {float(values[i, j])!r} at index {(i, j)}"
            " (for logits use cross_entropy)"
        )
    indices = as_class_indices("target", target, values.shape[1])
    if len(indices) != len(values):
        raise ValueError(
            "log_probs and target must have the same number of samples;"
            f" got {len(values)} and {len(indices)}"
        )
    return values, indices, check_reduction(reduction)


def nll(log_probs: Any, target: Any, *, reduction: str = "mean") -> float | FloatArray:
    """Negative log-likelihood ``-log_probs[i, target[i]]`` (PyTorch ``NLLLoss``).

    Parameters
    ----------
    log_probs : array_like of shape (n, K)
        Log-probabilities, e.g. from ``log_softmax()``.
    target : array_like of shape (n,)
        Integer class indices in ``[0, K)``.
    reduction : {"mean", "sum", "none"}, default "mean"

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> nll(np.log([[0.25, 0.75], [0.5, 0.5]]), [1, 0], reduction="none")
    array([0.28768207, 0.69314718])
    """
    values, indices, reduction = _log_probs_and_target(log_probs, target, reduction)
    return reduce(-values[np.arange(len(values)), indices], reduction)


def nll_grad(log_probs: Any, target: Any, *, reduction: str = "mean") -> FloatArray:
    """Gradient of ``nll()`` w.r.t. ``log_probs``: ``-onehot(target) / n``.

    Parameters
    ----------
    log_probs, target, reduction
        As for ``nll()``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``log_probs``.

    Examples
    --------
    >>> nll_grad(np.log([[0.25, 0.75]]), [1])
    array([[ 0., -1.]])
    """
    values, indices, reduction = _log_probs_and_target(log_probs, target, reduction)
    onehot = np.eye(values.shape[1], dtype=bool)[indices]
    return np.where(onehot, -grad_scale(len(values), reduction), 0.0)
