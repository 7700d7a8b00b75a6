"""Gaussian negative log-likelihood: the loss whose fixed-variance case is MSE.

Conventions follow PyTorch ``GaussianNLLLoss``: mean first, target second, the
variance third; ``reduction`` in ``{"mean", "sum", "none"}``; the gradient is with
respect to the mean (with ``"none"``: the gradient of the sum of the losses).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_bool, check_positive
from lossnotes.losses._common import check_array_in_range, grad_scale, reduce
from lossnotes.losses._regression import _residual


def _gaussian_parts(
    mean: Any, target: Any, var: Any, eps: Any, reduction: Any
) -> tuple[FloatArray, FloatArray, str]:
    r, reduction = _residual(mean, target, reduction, names=("mean", "target"))
    eps = check_positive("eps", eps)
    variance = as_float_array("var", var)
    check_array_in_range("var", variance, 0.0, np.inf)
    try:
        variance = np.broadcast_to(variance, r.shape)
    except ValueError:
        raise ValueError(
            f"var must be a scalar or broadcast to the shape of mean {r.shape}; "
            f"got shape {variance.shape}"
        ) from None
    # PyTorch clamps the variance (without gradient) for stability.
    return r, np.maximum(variance, eps), reduction


def gaussian_nll(
    mean: Any,
    target: Any,
    var: Any,
    *,
    full: bool = False,
    eps: float = 1e-6,
    reduction: str = "mean",
) -> float | FloatArray:
    """Gaussian negative log-likelihood ``0.5 (log var + (target - mean)**2 / var)``.

    As PyTorch ``GaussianNLLLoss``: the variance is clamped below at ``eps``, and the
    constant ``0.5 log(2 pi)`` is added only when ``full=True``. With a fixed variance
    this is ``mse / (2 var)`` plus a constant, so both losses pick the same fit.

    Parameters
    ----------
    mean : array_like
        Predicted means.
    target : array_like
        Observations, same shape as ``mean``.
    var : array_like
        Predicted variances (>= 0): a scalar or anything broadcasting to ``mean``'s shape.
    full : bool, default False
        Include the constant term.
    eps : float, default 1e-6
        Lower clamp for ``var``.
    reduction : {"mean", "sum", "none"}, default "mean"

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> gaussian_nll([0.0, 0.0], [1.0, 3.0], 1.0)   # = mse / 2 when var = 1
    2.5
    >>> round(gaussian_nll([0.0], [0.0], 1.0, full=True), 6)   # 0.5 log(2 pi)
    0.918939
    """
    full = check_bool("full", full)
    r, variance, reduction = _gaussian_parts(mean, target, var, eps, reduction)
    with np.errstate(over="ignore"):  # as for mse: a huge residual gives inf
        values = 0.5 * (np.log(variance) + r * r / variance)
    if full:
        values = values + 0.5 * np.log(2.0 * np.pi)
    return reduce(values, reduction)


def gaussian_nll_grad(
    mean: Any,
    target: Any,
    var: Any,
    *,
    full: bool = False,
    eps: float = 1e-6,
    reduction: str = "mean",
) -> FloatArray:
    """Gradient of ``gaussian_nll()`` with respect to ``mean``: ``(mean - target) / var / n``.

    Parameters
    ----------
    mean, target, var, full, eps, reduction
        As for ``gaussian_nll()``.

    Returns
    -------
    numpy.ndarray
        Same shape as ``mean``.

    Examples
    --------
    >>> gaussian_nll_grad([0.0, 0.0], [1.0, 3.0], 2.0, reduction="sum")
    array([-0.5, -1.5])
    """
    full = check_bool("full", full)
    del full  # a constant: no effect on the gradient
    r, variance, reduction = _gaussian_parts(mean, target, var, eps, reduction)
    return r / variance * grad_scale(r.size, reduction)
