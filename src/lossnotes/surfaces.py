"""Loss surfaces: 2-D slices through parameter space, random directions, 1-D interpolation.

``f`` is any loss of a flat parameter vector (for instance
``lambda t: model.loss(t, X, y)``). Pass ``batched=True`` when ``f`` accepts a stack of
parameter vectors of shape (m, p) and returns m losses: slices are then evaluated one
grid row at a time instead of one point at a time. For the two-parameter linear
model, :func:`mse_surface_linear` evaluates the whole grid from six numbers.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, as_generator, check_choice
from lossnotes.flat_params import unflatten


def _evaluate_rows(f: Callable, thetas: FloatArray, batched: bool) -> FloatArray:
    if not batched:
        return np.array([float(f(theta)) for theta in thetas])
    values = np.asarray(f(thetas), dtype=float)
    if values.shape != (len(thetas),):
        raise ValueError(
            f"f with batched=True must return shape ({len(thetas)},) for a stack of shape"
            f" {thetas.shape}; got shape {values.shape}"
        )
    return values


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


def param_grid_loss(
    f: Callable[[FloatArray], Any], ws: Any, bs: Any, *, batched: bool = False
) -> FloatArray:
    """Loss over a grid of two parameters: ``Z[j, i] = f([ws[i], bs[j]])``.

    Examples
    --------
    >>> param_grid_loss(lambda t: t[0] - t[1], [1.0, 2.0], [0.0, 10.0])
    array([[ 1.,  2.],
           [-9., -8.]])
    """
    return grid_loss(f, np.zeros(2), [1.0, 0.0], [0.0, 1.0], ws, bs, batched=batched)


def _double_length_mean(v: FloatArray) -> tuple[float, float]:
    """Mean of ``v`` as an unevaluated sum ``hi + lo`` accurate to about 1e-32 relative."""
    total = math.fsum(v)  # correctly rounded sum
    remainder = math.fsum(np.append(v, -total))  # what the rounding left out
    hi = total / v.size
    q, q_error = _two_product(np.array(hi), float(v.size))
    return hi, float(((total - q) - q_error + remainder) / v.size)


def _two_product(a: np.ndarray, b: float) -> tuple[np.ndarray, np.ndarray]:
    """``a * b = p + e`` exactly (Dekker's algorithm); ``e = 0`` where splitting overflows."""
    p = a * b
    with np.errstate(over="ignore", invalid="ignore"):
        a_hi, a_lo = _split(a)
        b_hi, b_lo = _split(np.asarray(b))
        e = ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
    return p, np.where(np.isfinite(e), e, 0.0)


def _split(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    c = 134217729.0 * a  # 2**27 + 1 splits a double into two 26-bit halves
    hi = c - (c - a)
    return hi, a - hi


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
    x_hi, x_lo = _double_length_mean(xs)
    y_hi, y_lo = _double_length_mean(ys)
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
    product, product_error = _two_product(w, x_hi)
    offset_w = (y_hi - product) + (y_lo - w * x_lo - product_error)
    offset = offset_w[None, :] - b[:, None]
    return slope_term[None, :] + offset * offset


def random_direction(
    model: Any,
    seed: int | None | np.random.Generator = 0,
    *,
    filter_normalize: bool = True,
    theta: Any = None,
    bias: str = "zero",
) -> FloatArray:
    """A random Gaussian direction in parameter space, filter-normalised as in Li et al. (2018).

    With ``filter_normalize=True`` each filter of the direction (a row of a weight
    matrix: the weights into one neuron) is rescaled to the norm of the same row of
    ``theta``, so slices of networks with different weight scales are comparable.
    Bias vectors follow ``bias``: ``"zero"`` (the default; Li et al.'s ``ignore="biasbn"``)
    leaves them out of the direction, ``"normalize"`` rescales each entry to ``|theta_i|``
    as their code does for 1-D parameters.

    Parameters
    ----------
    model : object with ``param_shapes``, or list of shape tuples
    seed : int, None or numpy.random.Generator, default 0
    filter_normalize : bool, default True
    theta : array_like of shape (p,), optional
        Reference parameters; required when ``filter_normalize`` is true.
    bias : {"zero", "normalize"}, default "zero"
        Applies to every 0-D/1-D parameter array.

    Returns
    -------
    numpy.ndarray of shape (p,)

    Examples
    --------
    >>> theta = np.array([3.0, 4.0, 0.0, 0.0, 7.0])   # W (2, 2) then b (1,)
    >>> d = random_direction([(2, 2), (1,)], seed=0, theta=theta)
    >>> float(np.hypot(d[0], d[1])), float(np.hypot(d[2], d[3])), float(d[4])
    (5.0, 0.0, 0.0)
    """
    shapes = [tuple(s) for s in getattr(model, "param_shapes", model)]
    bias = check_choice("bias", bias, ("zero", "normalize"))
    rng = as_generator("seed", seed)
    parts = [rng.standard_normal(shape) for shape in shapes]
    if filter_normalize:
        if theta is None:
            raise ValueError("theta is required when filter_normalize=True; got None")
        for part, reference in zip(parts, unflatten(theta, shapes)):
            if part.ndim >= 2:
                rows, ref_rows = part.reshape(len(part), -1), reference.reshape(len(part), -1)
                rows *= (np.linalg.norm(ref_rows, axis=1) / np.linalg.norm(rows, axis=1))[:, None]
            elif bias == "normalize":
                part *= np.abs(reference) / np.abs(part)
    if bias == "zero":
        for part in parts:
            if part.ndim <= 1:
                part[...] = 0.0
    return np.concatenate([p.ravel() for p in parts])


def interpolate(
    f: Callable[[FloatArray], Any], theta_a: Any, theta_b: Any, ts: Any, *, batched: bool = False
) -> FloatArray:
    """Loss along the straight line ``(1 - t) theta_a + t theta_b`` (Goodfellow et al. 2015).

    Examples
    --------
    >>> interpolate(lambda t: float(t @ t), [1.0, 0.0], [0.0, 1.0], [0.0, 0.5, 1.0])
    array([1. , 0.5, 1. ])
    """
    a = as_float_array("theta_a", theta_a, ndim=1)
    b = as_float_array("theta_b", theta_b, ndim=1)
    if a.shape != b.shape:
        raise ValueError(f"theta_a and theta_b must have the same shape; got {a.shape} and {b.shape}")
    t = as_float_array("ts", ts, ndim=1)
    return _evaluate_rows(f, (1.0 - t)[:, None] * a + t[:, None] * b, batched)
