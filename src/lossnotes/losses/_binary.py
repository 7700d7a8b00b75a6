"""Binary cross-entropy, on probabilities (``bce``) or on logits (``bce_with_logits``).

Conventions follow PyTorch (``BCELoss``, ``BCEWithLogitsLoss``): input first,
target second, ``reduction`` in ``{"mean", "sum", "none"}``. Every ``*_grad`` takes
exactly its loss's arguments and returns the gradient with respect to the first one
(with ``"none"``: the gradient of the sum of the losses).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_same_shape
from lossnotes.losses import kernels
from lossnotes.losses._common import check_array_in_range, check_reduction, grad_scale, reduce

_LOG_FLOOR = -100.0  # PyTorch's BCELoss clamps each log term at -100
_BCE_GRAD_EPS = 1e-12  # PyTorch's BCELoss backward divides by max(p (1 - p), 1e-12)


def _binary_pair(
    first_name: str, first: Any, target: Any, reduction: Any, *, probabilities: bool
) -> tuple[FloatArray, FloatArray, str]:
    values = as_float_array(first_name, first)
    labels = as_float_array("target", target)
    check_same_shape(first_name, values, "target", labels)
    if probabilities:
        check_array_in_range(first_name, values, 0.0, 1.0)
    check_array_in_range("target", labels, 0.0, 1.0)
    return values, labels, check_reduction(reduction)


def bce(p: Any, target: Any, *, reduction: str = "mean") -> float | FloatArray:
    """Binary cross-entropy on probabilities, ``-(y log p + (1 - y) log(1 - p))``.

    Each log is clamped at -100 as in PyTorch, so ``p = 0`` or ``1`` gives a finite loss
    (at most 100). Prefer ``bce_with_logits()``: ``p`` rounds to exactly 1 for logits
    above about 37 in float64 (17 in float32), and the loss then saturates.

    Parameters
    ----------
    p : array_like
        Predicted probabilities in ``[0, 1]``.
    target : array_like
        Targets in ``[0, 1]`` (usually 0/1), same shape as ``p``.
    reduction : {"mean", "sum", "none"}, default "mean"

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> bce([0.5, 0.0], [1.0, 1.0], reduction="none")
    array([  0.69314718, 100.        ])
    """
    p, y, reduction = _binary_pair("p", p, target, reduction, probabilities=True)
    with np.errstate(divide="ignore"):  # log(0) = -inf is clamped just below
        log_p = np.maximum(np.log(p), _LOG_FLOOR)
        log_q = np.maximum(np.log1p(-p), _LOG_FLOOR)
    return reduce(-(y * log_p + (1.0 - y) * log_q), reduction)


def bce_grad(p: Any, target: Any, *, reduction: str = "mean") -> FloatArray:
    """Gradient of ``bce()`` w.r.t. ``p``: ``(p - y) / max(p (1 - p), 1e-12) / n``.

    The 1e-12 floor is PyTorch's, which keeps the gradient finite at ``p = 0`` and ``1``.

    Parameters
    ----------
    p, target, reduction
        As for ``bce()``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``p``.

    Examples
    --------
    >>> bce_grad([0.5, 0.25], [1.0, 0.0], reduction="sum")
    array([-2.        ,  1.33333333])
    """
    p, y, reduction = _binary_pair("p", p, target, reduction, probabilities=True)
    return (p - y) / np.maximum(p * (1.0 - p), _BCE_GRAD_EPS) * grad_scale(p.size, reduction)


def bce_with_logits(logits: Any, target: Any, *, reduction: str = "mean") -> float | FloatArray:
    """Binary cross-entropy on logits, ``bce(sigmoid(z), y)`` in the stable form.

    Computed as ``max(z, 0) - z y + log(1 + exp(-|z|))``, exact for every finite logit
    (``z = 1e4`` included), as PyTorch ``BCEWithLogitsLoss``.

    Parameters
    ----------
    logits : array_like
        Logits ``z``.
    target : array_like
        Targets in ``[0, 1]``, same shape as ``logits``.
    reduction : {"mean", "sum", "none"}, default "mean"

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> bce_with_logits([0.0, -1e4, 1e4], [1.0, 1.0, 1.0], reduction="none")
    array([6.93147181e-01, 1.00000000e+04, 0.00000000e+00])
    """
    z, y, reduction = _binary_pair("logits", logits, target, reduction, probabilities=False)
    return reduce(kernels.logistic_loss(z, y), reduction)


def bce_with_logits_grad(logits: Any, target: Any, *, reduction: str = "mean") -> FloatArray:
    """Gradient of ``bce_with_logits()`` w.r.t. the logits: ``(sigmoid(z) - y) / n``.

    Parameters
    ----------
    logits, target, reduction
        As for ``bce_with_logits()``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``logits``.

    Examples
    --------
    >>> bce_with_logits_grad([0.0, 1e4], [1.0, 0.0], reduction="sum")
    array([-0.5,  1. ])
    """
    z, y, reduction = _binary_pair("logits", logits, target, reduction, probabilities=False)
    return kernels.logistic_loss_grad(z, y) * grad_scale(z.size, reduction)
