"""Loss surfaces: 2-D slices through parameter space.

``f`` is any loss of a flat parameter vector (for instance
``lambda t: model.loss(t, X, y)``). Pass ``batched=True`` when ``f`` accepts a stack of
parameter vectors of shape (m, p) and returns m losses (for instance
``lambda t: model.batched_loss(t, X, y)``): slices are then evaluated one grid row at a
time instead of one point at a time. For the two-parameter linear
model, ``mse_surface_linear()`` evaluates the whole grid from a few statistics.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_bool, check_callable
from lossnotes.landscape._compensated import double_length_mean, two_product
from lossnotes.landscape._directions import _evaluate_rows

__all__ = ["grid_loss", "mse_surface_linear"]


def grid_loss(
    f: Callable[[FloatArray], Any],
    center: Any,
    d1: Any,
    d2: Any,
    alphas: Any,
    betas: Any,
    *,
    batched: bool = False,
) -> FloatArray:
    """Loss on the plane ``center + alpha d1 + beta d2``: ``Z[j, i] = f(center + alphas[i] d1 + betas[j] d2)``.

    Rows follow ``betas`` and columns ``alphas``, the layout ``matplotlib.contour(alphas, betas, Z)`` wants.

    Parameters
    ----------
    f : callable
        ``f(theta) -> float`` on a flat vector of length p (or, with ``batched=True``,
        ``f(thetas) -> (m,)`` on an (m, p) stack).
    center, d1, d2 : array_like of shape (p,)
        Origin of the slice and its two directions.
    alphas, betas : array_like, 1-D
        Coordinates along ``d1`` and ``d2``.
    batched : bool, default False

    Returns
    -------
    numpy.ndarray of shape (len(betas), len(alphas))

    Examples
    --------
    >>> grid_loss(lambda t: t @ t, np.zeros(2), [1.0, 0.0], [0.0, 1.0], [0.0, 1.0, 2.0], [0.0, 1.0])
    array([[0., 1., 4.],
           [1., 2., 5.]])
    """
    check_callable("f", f)
    batched = check_bool("batched", batched)
    origin = as_float_array("center", center, ndim=1)
    u = as_float_array("d1", d1, ndim=1)
    v = as_float_array("d2", d2, ndim=1)
    for name, direction in (("d1", u), ("d2", v)):
        if direction.shape != origin.shape:
            raise ValueError(
                f"{name} must have the shape of center {origin.shape}; got {direction.shape}"
            )
    a = as_float_array("alphas", alphas, ndim=1)
    b = as_float_array("betas", betas, ndim=1)
    Z = np.empty((b.size, a.size))
    for j, beta in enumerate(b):  # one row at a time bounds memory at len(alphas) * p
        Z[j] = _evaluate_rows(f, origin + a[:, None] * u + beta * v, batched)
    return Z


def mse_surface_linear(x: Any, y: Any, ws: Any, bs: Any) -> FloatArray:
    """MSE of ``y ~ w x + b`` over a grid, ``Z[j, i] = mean((y - ws[i] x - bs[j])**2)``, in O(grid).

    Writes the MSE as a sum of non-negative terms built from centred statistics,
    ``Sxx (w - w*)**2 + Sres + (y_mean - w x_mean - b)**2`` with ``w* = Sxy / Sxx`` and
    ``Sres`` the residual variance at ``w*``, so the cost does not depend on n and no
    large terms cancel (expanding ``sum y**2 - 2 w sum xy + ...`` would). The last term
    uses double-length means, so it stays accurate for data far from the origin.

    Parameters
    ----------
    x, y : array_like of shape (n,)
    ws, bs : array_like, 1-D
        Slopes and intercepts.

    Returns
    -------
    numpy.ndarray of shape (len(bs), len(ws))

    Examples
    --------
    >>> mse_surface_linear([0.0, 1.0, 2.0], [1.0, 3.0, 5.0], [2.0, 0.0], [1.0, 0.0])
    array([[ 0.        ,  6.66666667],
           [ 1.        , 11.66666667]])
    """
    xs = as_float_array("x", x, ndim=1)
    ys = as_float_array("y", y, ndim=1)
    if xs.shape != ys.shape:
        raise ValueError(f"x and y must have the same shape; got {xs.shape} and {ys.shape}")
    w = as_float_array("ws", ws, ndim=1)
    b = as_float_array("bs", bs, ndim=1)
    # MSE = var(y - w x) + (mean(y) - w mean(x) - b)**2, exactly. The variance part is
    # written as a sum of non-negative terms of centred statistics; the offset is the
    # difference of two large numbers when the data sit far from the origin, so it is
    # formed from double-length means and an error-free product.
    x_hi, x_lo = double_length_mean(xs)
    y_hi, y_lo = double_length_mean(ys)
    xc, yc = xs - x_hi, ys - y_hi
    xc -= xc.mean()  # second pass: centre exactly on the data, not on the rounded mean
    yc -= yc.mean()
    sxx = float(np.mean(xc * xc))
    if sxx > 0.0:
        w_star = float(np.mean(xc * yc)) / sxx
        s_res = float(np.mean((yc - w_star * xc) ** 2))
        slope_term = sxx * (w - w_star) ** 2 + s_res
    else:  # constant x: the slope only shifts the intercept
        slope_term = np.full(w.shape, float(np.mean(yc * yc)))
    product, product_error = two_product(w, x_hi)
    offset_w = (y_hi - product) + (y_lo - w * x_lo - product_error)
    offset = offset_w[None, :] - b[:, None]
    return slope_term[None, :] + offset * offset
