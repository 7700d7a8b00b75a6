"""Measuring a loss landscape: chords, gradient norms along a path and random Hessians.

A loss here is any callable ``loss(theta) -> float`` on a flat parameter vector
(``functools.partial(model.loss, X=X, y=y)`` for the models of ``lossnotes.models``).

Examples
--------
>>> bowl = lambda theta: float(theta @ theta)
>>> chord_gap(bowl, np.array([-1.0, 0.0]), np.array([1.0, 0.0]), 0.5)  # chord 1, curve 0
1.0
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_float_array,
    as_generator,
    check_callable,
    check_positive_int,
    check_same_shape,
)

LossFn = Callable[[FloatArray], float]


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
    check_callable("f", f)
    start, end = as_float_array("a", a, ndim=1), as_float_array("b", b, ndim=1)
    check_same_shape("a", start, "b", end)
    ts = as_float_array("t", t)
    if np.any((ts < 0) | (ts > 1)):
        raise ValueError(f"t must lie in [0, 1]; got values from {ts.min()} to {ts.max()}")
    fa, fb = f(start), f(end)
    gaps = np.array([tk * fa + (1 - tk) * fb - f(tk * start + (1 - tk) * end) for tk in ts.ravel()])
    return float(gaps[0]) if ts.ndim == 0 else gaps.reshape(ts.shape)


def gradient_norms(grad: Callable[[FloatArray], FloatArray], path: Any) -> FloatArray:
    """Euclidean norm of ``grad(theta)`` at every row of a trajectory ``path`` (steps + 1, p)."""
    check_callable("grad", grad)
    points = as_float_array("path", path, ndim=2)
    return np.array([float(np.linalg.norm(grad(theta))) for theta in points])


def goe_matrices(
    dim: int, n_samples: int, seed: int | np.random.Generator | None = 0
) -> FloatArray:
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
    """Fraction of ``goe_matrices()`` whose eigenvalues are all positive.

    If a critical point's Hessian were such a random matrix, this would be the chance
    that the point is a minimum rather than a saddle (Bray & Dean, 2007; Dauphin et al., 2014).

    Examples
    --------
    >>> fraction_positive_definite(1, 20000, seed=0)   # one eigenvalue: a coin flip
    0.498
    """
    eigenvalues = np.linalg.eigvalsh(goe_matrices(dim, n_samples, seed))
    return float(np.mean(eigenvalues.min(axis=1) > 0))
