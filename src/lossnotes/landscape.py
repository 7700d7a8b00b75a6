"""Measuring a loss landscape: slices, straight-line paths, chords and random Hessians.

A loss here is any callable ``loss(theta) -> float`` on a flat parameter vector
(``functools.partial(model.loss, X=X, y=y)`` for the models of :mod:`lossnotes.models`).
Slices follow Li et al. (2018), *Visualizing the Loss Landscape of Neural Nets*; straight
lines follow Goodfellow et al. (2015), *Qualitatively characterizing neural network
optimization problems*.

Examples
--------
>>> bowl = lambda theta: float(theta @ theta)
>>> chord_gap(bowl, np.array([-1.0, 0.0]), np.array([1.0, 0.0]), 0.5)  # chord 1, curve 0
1.0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_float_array,
    as_generator,
    check_positive_int,
    check_same_shape,
)

LossFn = Callable[[FloatArray], float]


def _pair(a: Any, b: Any) -> tuple[FloatArray, FloatArray]:
    start, end = as_float_array("a", a, ndim=1), as_float_array("b", b, ndim=1)
    check_same_shape("a", start, "b", end)
    return start, end


def chord_gap(f: LossFn, a: Any, b: Any, t: Any) -> FloatArray | float:
    """Chord minus curve, ``t f(a) + (1 - t) f(b) - f(t a + (1 - t) b)``, for each ``t``.

    ``f`` is convex on the segment exactly when no gap is negative, for every pair of
    end points: a negative gap is a certificate that ``f`` is *not* convex.

    Parameters
    ----------
    f : callable
        ``f(theta) -> float`` on 1-D arrays.
    a, b : array_like of shape (p,)
        End points of the chord.
    t : float or array_like of floats in [0, 1]

    Returns
    -------
    float or numpy.ndarray shaped like ``t``

    Examples
    --------
    >>> gaps = chord_gap(lambda v: float(np.sin(v[0])), [0.0], [np.pi], [0.25, 0.5])
    >>> bool(np.all(gaps < 0))   # sin is concave on [0, pi]: the chord lies below
    True
    """
    start, end = _pair(a, b)
    ts = as_float_array("t", t)
    if np.any((ts < 0) | (ts > 1)):
        raise ValueError(f"t must lie in [0, 1]; got values from {ts.min()} to {ts.max()}")
    fa, fb = f(start), f(end)
    gaps = np.array([tk * fa + (1 - tk) * fb - f(tk * start + (1 - tk) * end) for tk in ts.ravel()])
    return float(gaps[0]) if ts.ndim == 0 else gaps.reshape(ts.shape)


def interpolate(loss: LossFn, a: Any, b: Any, alphas: Any) -> FloatArray:
    """Loss along the straight line ``(1 - alpha) a + alpha b`` (Goodfellow et al., 2015).

    ``alpha = 0`` is ``a`` and ``alpha = 1`` is ``b``; values outside [0, 1] extrapolate.

    Examples
    --------
    >>> interpolate(lambda v: float(v @ v), [0.0], [2.0], [0.0, 0.5, 1.0])
    array([0., 1., 4.])
    """
    start, end = _pair(a, b)
    steps = as_float_array("alphas", alphas, ndim=1)
    return np.array([loss((1 - alpha) * start + alpha * end) for alpha in steps])


def loss_grid(loss: LossFn, center: Any, d1: Any, d2: Any, alphas: Any, betas: Any) -> FloatArray:
    """Loss on the plane ``center + alpha d1 + beta d2``; ``Z[j, i]`` at ``(alphas[i], betas[j])``.

    With ``center = 0`` and unit directions this is the plain loss surface over two
    parameters; with filter-normalized random directions it is Li et al.'s slice.

    Examples
    --------
    >>> loss_grid(lambda v: float(v @ v), [0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0, 1], [0, 2])
    array([[0., 1.],
           [4., 5.]])
    """
    origin, u = _pair(center, d1)
    _, v = _pair(center, d2)
    xs = as_float_array("alphas", alphas, ndim=1)
    ys = as_float_array("betas", betas, ndim=1)
    return np.array([[loss(origin + x * u + y * v) for x in xs] for y in ys])


def filter_normalized_direction(
    theta: Any, shapes: Sequence[tuple[int, ...]], seed: int | np.random.Generator | None = 0
) -> FloatArray:
    """A random Gaussian direction rescaled filter by filter to the norms of ``theta`` (Li et al.).

    For a dense layer a *filter* is one output unit's incoming weights, a row of
    ``W (out, in)``: the direction's row is rescaled to the norm of ``theta``'s row, so a
    step of 1 along it changes every unit by its own scale and slices of networks with
    different weight scales become comparable. Bias entries (1-D shapes) are set to
    zero, as in the paper's experiments.

    Parameters
    ----------
    theta : array_like of shape (p,)
        Flat parameters, layers in ``shapes`` order.
    shapes : sequence of tuple of int
        ``model.param_shapes``.
    seed : int, Generator or None

    Returns
    -------
    numpy.ndarray of shape (p,)

    Examples
    --------
    >>> theta = np.array([3.0, 4.0, 0.0, 0.0, 1.0])     # W (2, 2) rows [3, 4], [0, 0]; b (1,)
    >>> d = filter_normalized_direction(theta, [(2, 2), (1,)], seed=1)
    >>> round(float(np.linalg.norm(d[:2])), 12), d[2:].tolist()
    (5.0, [0.0, 0.0, 0.0])
    """
    vector = as_float_array("theta", theta, ndim=1)
    sizes = [int(np.prod(shape)) for shape in shapes]
    if sum(sizes) != vector.size:
        raise ValueError(f"shapes must account for theta's {vector.size} entries; got {sum(sizes)}")
    rng = as_generator("seed", seed)
    direction = rng.standard_normal(vector.size)
    start = 0
    for shape, size in zip(shapes, sizes):
        block = slice(start, start + size)
        if len(shape) == 1:
            direction[block] = 0.0
        else:
            d, w = direction[block].reshape(shape[0], -1), vector[block].reshape(shape[0], -1)
            direction[block] = (d * (np.linalg.norm(w, axis=1) / np.linalg.norm(d, axis=1))[:, None]).ravel()
        start += size
    return direction


def gradient_norms(grad: Callable[[FloatArray], FloatArray], path: Any) -> FloatArray:
    """Euclidean norm of ``grad(theta)`` at every row of a trajectory ``path`` (steps + 1, p)."""
    points = as_float_array("path", path, ndim=2)
    return np.array([float(np.linalg.norm(grad(theta))) for theta in points])


def goe_matrices(dim: int, n_samples: int, seed: int | np.random.Generator | None = 0) -> FloatArray:
    """Random symmetric matrices ``(G + G^T) / 2``, ``G`` standard normal: the Gaussian
    orthogonal ensemble (off-diagonal variance 1/2, diagonal variance 1).

    Returns
    -------
    numpy.ndarray of shape (n_samples, dim, dim)
    """
    dim, n_samples = check_positive_int("dim", dim), check_positive_int("n_samples", n_samples)
    G = as_generator("seed", seed).standard_normal((n_samples, dim, dim))
    return 0.5 * (G + np.swapaxes(G, 1, 2))


def fraction_positive_definite(
    dim: int, n_samples: int, seed: int | np.random.Generator | None = 0
) -> float:
    """Fraction of :func:`goe_matrices` whose eigenvalues are all positive.

    If a critical point's Hessian were such a random matrix, this would be the chance
    that the point is a minimum rather than a saddle (Bray & Dean, 2007; Dauphin et al., 2014).

    Examples
    --------
    >>> fraction_positive_definite(1, 20000, seed=0)   # one eigenvalue: a coin flip
    0.498
    """
    eigenvalues = np.linalg.eigvalsh(goe_matrices(dim, n_samples, seed))
    return float(np.mean(eigenvalues.min(axis=1) > 0))
