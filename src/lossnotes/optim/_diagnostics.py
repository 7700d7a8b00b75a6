"""Measurements behind the gradient-descent pages: stability edges, batch noise, early stopping.

Each function measures something the chapter states as theory, so a page can print the
measurement next to the formula and a test can check that the two agree:

* ``contraction_rates()`` runs (momentum) gradient descent on a quadratic for a whole
  grid of step sizes at once and returns the measured per-step growth of the error;
  ``first_divergent()`` reads the edge of stability off the grid.
* ``per_sample_gradients()``, ``mean_over_all_batches()``,
  ``sampled_batch_variance()`` and ``batch_variance_theory()`` measure how a
  mini-batch gradient scatters around the full gradient.
* ``early_stopping()`` picks the epoch a patience rule stops at.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from math import comb
from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_data,
    as_float_array,
    as_generator,
    check_in_range,
    check_positive_int,
    check_same_length,
)

__all__ = [
    "contraction_rates",
    "first_divergent",
    "per_sample_gradients",
    "mean_over_all_batches",
    "sampled_batch_variance",
    "batch_variance_theory",
    "early_stopping",
]


def contraction_rates(
    eigenvalues: Any, lrs: Any, *, beta: float = 0.0, steps: int = 1000
) -> FloatArray:
    """Measured per-step growth factor of momentum GD on ``f(x) = 0.5 sum_i lambda_i x_i^2``.

    For every step size ``lr`` the chapter's momentum ``v <- beta v - lr grad``,
    ``x <- x + v`` (plain gradient descent when ``beta = 0``) runs from ``x = 1``,
    ``v = 0``. The state ``(x, v)`` is renormalised every step, so even wildly diverging
    runs stay finite; the factor returned is the geometric mean growth of ``|(x, v)|``
    over the second half of the run, an estimate of the iteration's spectral radius.
    Below 1 the run converges, above 1 it diverges.

    Parameters
    ----------
    eigenvalues : array_like of shape (d,)
        Curvatures ``lambda_i`` of the quadratic (Hessian eigenvalues), all >= 0.
    lrs : array_like of shape (m,)
        Step sizes to try.
    beta : float, default 0.0
        Momentum coefficient in [0, 1).
    steps : int, default 1000
        Iterations per run.

    Returns
    -------
    numpy.ndarray of shape (m,)

    Examples
    --------
    On ``f = 0.5 x^2`` gradient descent multiplies the error by ``|1 - lr|`` each step:

    >>> contraction_rates([1.0], [0.5, 1.5, 2.5])
    array([0.5, 0.5, 1.5])
    """
    lam = as_float_array("eigenvalues", eigenvalues, ndim=1)
    if np.any(lam < 0):
        raise ValueError(f"eigenvalues must be >= 0 (a convex quadratic); got {lam.min()}")
    lr = as_float_array("lrs", lrs, ndim=1)
    beta = check_in_range("beta", beta, 0.0, 1.0, high_inclusive=False)
    steps = check_positive_int("steps", steps, minimum=2)
    x, v = np.ones((lr.size, lam.size)), np.zeros((lr.size, lam.size))
    log_growth = np.zeros(lr.size)
    for k in range(steps):
        v = beta * v - lr[:, None] * lam * x
        x = x + v
        norm = np.sqrt(np.sum(x * x, axis=1) + np.sum(v * v, axis=1))
        norm = np.where(norm > 0, norm, 1.0)  # an exact zero stays zero: nothing to rescale
        if k >= steps // 2:
            log_growth += np.log(norm)
        x, v = x / norm[:, None], v / norm[:, None]
    return np.exp(log_growth / (steps - steps // 2))


def first_divergent(lrs: Any, rates: Any) -> float:
    """The smallest step size in an increasing grid whose measured rate exceeds 1.

    Returns NaN when every run on the grid converges.

    Examples
    --------
    >>> first_divergent([0.5, 1.5, 2.5], [0.5, 0.5, 1.5])
    2.5
    """
    lr = as_float_array("lrs", lrs, ndim=1)
    rate = as_float_array("rates", rates, ndim=1)
    if lr.shape != rate.shape:
        raise ValueError(f"lrs and rates must have the same shape; got {lr.shape} and {rate.shape}")
    if np.any(np.diff(lr) <= 0):
        raise ValueError("lrs must be strictly increasing")
    diverged = np.flatnonzero(rate > 1.0)
    return float(lr[diverged[0]]) if diverged.size else float("nan")


def per_sample_gradients(
    grad_fn: Callable[[FloatArray, Any, Any], FloatArray], theta: Any, X: Any, y: Any
) -> FloatArray:
    """Stack ``grad_fn(theta, X[i:i+1], y[i:i+1])`` for every sample: shape (n, p).

    Their mean is the full-batch gradient whenever ``grad_fn`` is a mean over samples.

    Examples
    --------
    >>> grad = lambda w, Xb, yb: np.array([np.mean(2 * (w[0] * Xb[:, 0] - yb) * Xb[:, 0])])
    >>> per_sample_gradients(grad, [1.0], [[1.0], [2.0]], [0.0, 0.0])
    array([[2.],
           [8.]])
    """
    if not callable(grad_fn):
        raise TypeError(f"grad_fn must be callable; got {type(grad_fn).__name__}")
    theta = as_float_array("theta", theta, ndim=None)
    X, y = as_data("X", X), as_data("y", y)
    check_same_length("X", X, "y", y)
    return np.stack([np.ravel(grad_fn(theta, X[i : i + 1], y[i : i + 1])) for i in range(len(X))])


def mean_over_all_batches(G: Any, batch_size: int, *, limit: int = 200_000) -> FloatArray:
    """Average the batch-mean gradient over *every* subset of ``batch_size`` samples.

    This is the exact expectation of the mini-batch gradient when a batch is drawn
    uniformly without replacement; it equals the full gradient ``G.mean(0)``.

    Parameters
    ----------
    G : array_like of shape (n, p)
        Per-sample gradients.
    batch_size : int
        Size ``B`` of each subset, ``1 <= B <= n``.
    limit : int, default 200000
        Refuse when there are more than this many subsets (``n choose B``).

    Examples
    --------
    >>> mean_over_all_batches([[1.0], [2.0], [6.0]], 2)   # (1.5 + 3.5 + 4) / 3
    array([3.])
    """
    G = as_float_array("G", G, ndim=2)
    n = len(G)
    B = check_positive_int("batch_size", batch_size)
    limit = check_positive_int("limit", limit)
    if B > n:
        raise ValueError(f"batch_size must be at most the {n} samples; got {B}")
    if comb(n, B) > limit:
        raise ValueError(
            f"there are {comb(n, B)} batches of {B} out of {n}; more than limit={limit}"
        )
    index = np.array(list(combinations(range(n), B)))
    return G[index].mean(axis=1).mean(axis=0)


def sampled_batch_variance(
    G: Any, batch_size: int, *, n_batches: int = 2000, seed: Any = 0
) -> float:
    """Measured ``E |g_B - g|^2``: batches of ``batch_size`` drawn without replacement.

    ``g_B`` is the mean of ``batch_size`` distinct rows of ``G`` and ``g`` the mean of all
    rows; the expectation is estimated from ``n_batches`` independent batches.

    Examples
    --------
    >>> sampled_batch_variance(np.ones((5, 2)), 3)   # identical samples: no noise
    0.0
    """
    G = as_float_array("G", G, ndim=2)
    n = len(G)
    B = check_positive_int("batch_size", batch_size)
    if B > n:
        raise ValueError(f"batch_size must be at most the {n} samples; got {B}")
    n_batches = check_positive_int("n_batches", n_batches)
    rng = as_generator("seed", seed)
    # The B smallest of n iid uniforms are a uniformly random B-subset.
    index = np.argpartition(rng.random((n_batches, n)), B - 1, axis=1)[:, :B]
    deviation = G[index].mean(axis=1) - G.mean(axis=0)
    return float(np.mean(np.sum(deviation**2, axis=1)))


def batch_variance_theory(G: Any, batch_size: int) -> float:
    """``sigma^2 / B * (n - B) / (n - 1)`` with ``sigma^2 = mean_i |g_i - g|^2``.

    The variance of a mean of ``B`` samples drawn without replacement from ``n``: the
    with-replacement ``sigma^2 / B`` times the finite-population correction, which makes
    it exactly 0 at ``B = n``.

    Examples
    --------
    >>> batch_variance_theory([[0.0], [2.0]], 1), batch_variance_theory([[0.0], [2.0]], 2)
    (1.0, 0.0)
    """
    G = as_float_array("G", G, ndim=2)
    n = len(G)
    B = check_positive_int("batch_size", batch_size)
    if B > n or n < 2:
        raise ValueError(f"batch_size must be in [1, n] with n >= 2; got B={B}, n={n}")
    sigma2 = float(np.mean(np.sum((G - G.mean(axis=0)) ** 2, axis=1)))
    return sigma2 / B * (n - B) / (n - 1)


def early_stopping(val_loss: Any, patience: int) -> tuple[int, int]:
    """Where a patience rule stops: ``(best_epoch, stop_epoch)``.

    Training stops at the first epoch that is ``patience`` epochs past the best
    validation loss so far without improving on it (or at the last epoch), and the
    parameters of ``best_epoch`` are kept.

    Examples
    --------
    >>> early_stopping([5.0, 3.0, 2.0, 2.5, 2.1, 2.2, 1.0], patience=3)
    (2, 5)
    """
    loss = as_float_array("val_loss", val_loss, ndim=1)
    patience = check_positive_int("patience", patience)
    best = 0
    for epoch in range(1, len(loss)):
        if loss[epoch] < loss[best]:
            best = epoch
        elif epoch - best >= patience:
            return best, epoch
    return best, len(loss) - 1
