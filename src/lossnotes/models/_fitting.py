"""Fitting small models under different losses: robust lines and logistic regression.

``fit_line()`` fits ``y = slope * x + intercept`` by minimising the MSE (closed form),
the MAE or the Huber loss (both by iteratively reweighted least squares, IRLS). It
accepts many target vectors at once, so a page can compare estimators over hundreds of
noise draws in one vectorised call. ``fit_logistic()`` is Newton's method on the mean
binary cross-entropy.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_float_array,
    check_choice,
    check_positive,
    check_positive_int,
)
from lossnotes.losses import kernels
from lossnotes.models._hessian import logistic_hessian

__all__ = ["fit_line", "fit_logistic"]

LINE_LOSSES = ("mse", "mae", "huber")


def _weighted_line(x: FloatArray, y: FloatArray, w: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Weighted least-squares line for each row of ``y`` (and ``w``), shared ``x``."""
    # Deviations from the weighted means, not raw sums of x^2 and x y: the textbook
    # formula n Sxy - Sx Sy cancels catastrophically once x sits far from 0.
    sw = w.sum(-1)
    mean_x, mean_y = (w * x).sum(-1) / sw, (w * y).sum(-1) / sw
    dx = x - mean_x[..., None]
    slope = (w * dx * (y - mean_y[..., None])).sum(-1) / (w * dx * dx).sum(-1)
    return slope, mean_y - slope * mean_x


def fit_line(
    x: Any, y: Any, *, loss: str = "mse", delta: float = 1.0, n_iter: int = 200
) -> tuple[Any, Any]:
    """Slope and intercept of the line minimising ``loss`` over the points ``(x, y)``.

    Parameters
    ----------
    x : array_like of shape (n,)
        Inputs, with at least two distinct values.
    y : array_like of shape (n,) or (m, n)
        Targets; with shape (m, n) each row is fitted separately (vectorised).
    loss : {"mse", "mae", "huber"}, default "mse"
        MSE is solved exactly; MAE and Huber by IRLS started from the MSE line, with
        weights ``1 / |r|`` (MAE, ``|r|`` floored at 1e-9 times the spread of ``y``) or
        ``min(1, delta / |r|)`` (Huber), the fixed-point form of their normal equations.
    delta : float, default 1.0
        Huber threshold (PyTorch's ``HuberLoss`` convention; in units of ``y``).
    n_iter : int, default 200
        IRLS iterations.

    Returns
    -------
    slope, intercept : float, or arrays of shape (m,) when ``y`` is 2-D

    Examples
    --------
    >>> x = np.arange(5.0)
    >>> y = 2 * x + 1
    >>> y[4] += 40                      # one gross outlier
    >>> [round(float(v), 3) for v in fit_line(x, y)]
    [10.0, -7.0]
    >>> [round(float(v), 3) for v in fit_line(x, y, loss="mae")]
    [2.0, 1.0]
    """
    x = as_float_array("x", x, ndim=1)
    targets = as_float_array("y", y, ndim=(1, 2))
    if targets.shape[-1] != x.size:
        raise ValueError(f"y must have {x.size} columns, one per x; got shape {targets.shape}")
    if np.ptp(x) == 0:
        raise ValueError(f"x must hold at least two distinct values; got all equal to {x[0]!r}")
    loss = check_choice("loss", loss, LINE_LOSSES)
    delta = check_positive("delta", delta)
    n_iter = check_positive_int("n_iter", n_iter)
    # Fit in coordinates centred on the data (differences of nearby floats are exact),
    # then move the intercept back: right far from the origin, where x^2 loses all digits.
    x_ref, y_ref = float(np.mean(x)), np.mean(targets, axis=-1)
    xc, yc = x - x_ref, targets - y_ref[..., None]
    slope, intercept = _weighted_line(xc, yc, np.ones_like(yc))
    if loss != "mse":
        floor = 1e-9 * max(float(np.ptp(yc)), 1.0)
        for _ in range(n_iter):
            r = np.abs(yc - (slope[..., None] * xc + intercept[..., None]))
            r = np.maximum(r, floor)
            weights = 1.0 / r if loss == "mae" else np.minimum(1.0, delta / r)
            slope, intercept = _weighted_line(xc, yc, weights)
    intercept = y_ref + intercept - slope * x_ref
    if targets.ndim == 1:
        return float(slope), float(intercept)
    return slope, intercept


def fit_logistic(X: Any, y: Any, *, n_iter: int = 50) -> tuple[FloatArray, float]:
    """Weights and intercept maximising the Bernoulli likelihood (mean BCE), by Newton's method.

    Parameters
    ----------
    X : array_like of shape (n, d) or (n,)
    y : array_like of shape (n,)
        Labels 0 or 1; the classes must overlap (no separating hyperplane), or the
        maximum-likelihood weights are infinite.
    n_iter : int, default 50

    Returns
    -------
    weights : numpy.ndarray of shape (d,)
    intercept : float

    Examples
    --------
    >>> w, b = fit_logistic([0.0, 0.0, 1.0, 1.0, 1.0], [0, 1, 0, 1, 1])
    >>> round(float(w[0]), 4), round(b, 4)   # log-odds 0 at x=0, log 2 at x=1
    (0.6931, 0.0)
    """
    X = as_float_array("X", X, ndim=(1, 2))
    X = X[:, None] if X.ndim == 1 else X
    labels = as_float_array("y", y, ndim=1)
    if labels.size != len(X):
        raise ValueError(f"X and y must have the same length; got {len(X)} and {labels.size}")
    if not np.all((labels == 0) | (labels == 1)):
        raise ValueError(f"y must hold labels 0 or 1; got values {np.unique(labels)[:10].tolist()}")
    n_iter = check_positive_int("n_iter", n_iter)
    design = np.column_stack([X, np.ones(len(X))])
    theta = np.zeros(design.shape[1])
    for _ in range(n_iter):
        gradient = design.T @ (kernels.sigmoid(design @ theta) - labels) / len(design)
        try:
            step = np.linalg.solve(logistic_hessian(design, theta), gradient)
        except np.linalg.LinAlgError:
            step = np.full_like(theta, np.inf)  # singular: p(1 - p) underflowed, see below
        if not np.all(np.isfinite(step)):
            break
        theta = theta - step
        if np.linalg.norm(step) <= 1e-10 * (1.0 + np.linalg.norm(theta)):
            return theta[:-1], float(theta[-1])
    # Newton converges quadratically when the maximum exists; on separable classes the
    # likelihood keeps rising as the weights grow, and the steps never shrink.
    raise ValueError(
        f"fit_logistic did not converge in n_iter={n_iter} Newton steps: the classes in X and y"
        " are (nearly) linearly separable, so the maximum-likelihood weights are infinite"
    )
