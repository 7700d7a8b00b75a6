"""Regression losses: squared error, absolute error and Huber.

Conventions follow PyTorch (``MSELoss``, ``L1Loss``, ``HuberLoss``):
prediction first, target second, ``reduction`` in ``{"mean", "sum", "none"}``. Every
``*_grad`` takes exactly the arguments of its loss and returns the gradient with
respect to the first one; with ``reduction="none"`` it is the gradient of the sum.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_positive, check_same_shape
from lossnotes.losses import kernels
from lossnotes.losses._common import check_reduction, grad_scale, reduce


def _residual(
    input: Any, target: Any, reduction: Any, names: tuple[str, str] = ("input", "target")
) -> tuple[FloatArray, str]:
    prediction = as_float_array(names[0], input)
    target = as_float_array(names[1], target)
    check_same_shape(names[0], prediction, names[1], target)
    return prediction - target, check_reduction(reduction)


def mse(input: Any, target: Any, *, reduction: str = "mean") -> float | FloatArray:
    """Mean squared error ``mean((target - input)**2)`` (no factor 1/2, as in PyTorch).

    Residuals beyond about 1.3e154 square past the float64 range: the loss is then
    ``inf`` (silently, as in PyTorch), never NaN. Use ``huber()`` for such data.

    Parameters
    ----------
    input, target : array_like
        Predictions and targets of the same shape.
    reduction : {"mean", "sum", "none"}, default "mean"
        Average, total, or per-element losses.

    Returns
    -------
    float or numpy.ndarray
        The reduced loss, or per-element losses for ``"none"``.

    Examples
    --------
    >>> mse([1.0, 2.0], [1.0, 12.0])   # an error of 10 costs 100
    50.0
    >>> mse([1.0, 2.0], [1.0, 12.0], reduction="none")
    array([  0., 100.])
    """
    r, reduction = _residual(input, target, reduction)
    with np.errstate(over="ignore"):  # documented: overflow gives inf
        return reduce(kernels.squared_error(r), reduction)


def mse_grad(input: Any, target: Any, *, reduction: str = "mean") -> FloatArray:
    """Gradient of ``mse()`` with respect to ``input``: ``2 (input - target) / n``.

    Parameters
    ----------
    input, target, reduction
        As for ``mse()``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``input``.

    Examples
    --------
    >>> mse_grad([1.0, 2.0], [1.0, 12.0])
    array([  0., -10.])
    """
    r, reduction = _residual(input, target, reduction)
    return kernels.squared_error_grad(r) * grad_scale(r.size, reduction)


def mae(input: Any, target: Any, *, reduction: str = "mean") -> float | FloatArray:
    """Mean absolute error ``mean(|target - input|)`` (PyTorch ``L1Loss``).

    Parameters
    ----------
    input, target : array_like
        Predictions and targets of the same shape.
    reduction : {"mean", "sum", "none"}, default "mean"

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> mae([1.0, 2.0], [1.0, 12.0])
    5.0
    """
    r, reduction = _residual(input, target, reduction)
    return reduce(np.abs(r), reduction)


def mae_grad(input: Any, target: Any, *, reduction: str = "mean") -> FloatArray:
    """Subgradient of ``mae()``: ``sign(input - target) / n``, taking 0 at a zero residual.

    Zero at the kink is PyTorch's choice (``torch.sign(0) == 0``); any value in
    ``[-1, 1]`` would be a valid subgradient there.

    Parameters
    ----------
    input, target, reduction
        As for ``mae()``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``input``.

    Examples
    --------
    >>> mae_grad([1.0, 2.0, 3.0], [1.0, 12.0, 0.0], reduction="sum")
    array([ 0., -1.,  1.])
    """
    r, reduction = _residual(input, target, reduction)
    return np.sign(r) * grad_scale(r.size, reduction)


def huber(
    input: Any, target: Any, *, delta: float = 1.0, reduction: str = "mean"
) -> float | FloatArray:
    """Huber loss: ``0.5 r**2`` where ``|r| < delta``, else ``delta (|r| - 0.5 delta)``.

    Quadratic (MSE-like) for small residuals and linear (MAE-like) for large ones,
    with matching value and slope at ``|r| = delta``. Same as PyTorch ``HuberLoss``.

    Parameters
    ----------
    input, target : array_like
        Predictions and targets of the same shape.
    delta : float, default 1.0
        Where the quadratic part hands over to the linear part; must be > 0.
    reduction : {"mean", "sum", "none"}, default "mean"

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> huber([0.0, 0.0], [0.5, 3.0], reduction="none")
    array([0.125, 2.5  ])
    >>> huber([0.0], [1e200])   # linear tail: no overflow
    1e+200
    """
    delta = check_positive("delta", delta)
    r, reduction = _residual(input, target, reduction)
    a = np.abs(r)
    # Square only the clipped residual, so huge residuals never overflow.
    clipped = np.minimum(a, delta)
    return reduce(0.5 * clipped * clipped + delta * (a - clipped), reduction)


def huber_grad(
    input: Any, target: Any, *, delta: float = 1.0, reduction: str = "mean"
) -> FloatArray:
    """Gradient of ``huber()`` with respect to ``input``: ``clip(r, -delta, delta) / n``.

    Parameters
    ----------
    input, target, delta, reduction
        As for ``huber()``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``input``.

    Examples
    --------
    >>> huber_grad([0.0, 0.0], [0.5, 3.0], reduction="sum")
    array([-0.5, -1. ])
    """
    delta = check_positive("delta", delta)
    r, reduction = _residual(input, target, reduction)
    return np.clip(r, -delta, delta) * grad_scale(r.size, reduction)
