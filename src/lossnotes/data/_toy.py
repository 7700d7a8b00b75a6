"""Seeded toy datasets: noisy lines, imbalanced classes, blobs.

Every generator takes ``seed`` (an int, None, or a ``numpy.random.Generator``) and
returns ``X`` as float64 of shape (n, d) with integer labels (``int64``) or real
targets. Same seed, same data.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_float_array,
    as_generator,
    check_bool,
    check_choice,
    check_in_range,
    check_pair,
    check_positive,
    check_positive_int,
)
from lossnotes.data._shapes import Labels, Seed, _shuffled

__all__ = ["blobs", "imbalanced", "linear_data"]


def linear_data(
    n: int = 50,
    w: Any = 2.0,
    b: float = 1.0,
    *,
    noise: str = "gaussian",
    scale: float = 1.0,
    df: float = 3.0,
    outliers: int = 0,
    outlier_shift: float = 10.0,
    x_range: tuple[float, float] = (-3.0, 3.0),
    seed: Seed = 0,
    return_outliers: bool = False,
) -> tuple[FloatArray, FloatArray] | tuple[FloatArray, FloatArray, np.ndarray]:
    """Noisy linear targets ``y = X w + b + noise``, optionally with outliers.

    Parameters
    ----------
    n : int, default 50
    w : float or array_like of shape (d,), default 2.0
        True weights; a scalar gives one feature.
    b : float, default 1.0
    noise : {"gaussian", "laplace", "student_t"}, default "gaussian"
        Noise family. ``scale`` is its scale parameter (the standard deviation only for
        the Gaussian; Laplace's is ``sqrt(2) scale``; Student-t's ``scale sqrt(df/(df-2))``).
    scale : float, default 1.0
    df : float, default 3.0
        Degrees of freedom for ``"student_t"`` (heavy tails for small ``df``).
    outliers : int, default 0
        Number of samples, chosen at random, whose target is raised by ``outlier_shift``.
    outlier_shift : float, default 10.0
    x_range : (float, float), default (-3, 3)
        Features are uniform on this interval.
    seed : int, None or numpy.random.Generator, default 0
    return_outliers : bool, default False
        Also return a boolean mask of the outliers.

    Returns
    -------
    X : numpy.ndarray of shape (n, d)
    y : numpy.ndarray of shape (n,)
    mask : numpy.ndarray of shape (n,), only if ``return_outliers``

    Examples
    --------
    >>> X, y = linear_data(4, w=2.0, b=1.0, scale=0.0, seed=0)
    >>> X.shape, bool(np.allclose(y, 2 * X[:, 0] + 1))
    ((4, 1), True)
    """
    return_outliers = check_bool("return_outliers", return_outliers)
    n = check_positive_int("n", n)
    weights = as_float_array("w", np.atleast_1d(w), ndim=1)  # a scalar is one feature
    b = check_in_range("b", b, -np.inf, np.inf, low_inclusive=False, high_inclusive=False)
    noise = check_choice("noise", noise, ("gaussian", "laplace", "student_t"))
    scale = check_in_range("scale", scale, 0.0, float("inf"))
    df = check_positive("df", df)
    outliers = check_positive_int("outliers", outliers, minimum=0)
    if outliers > n:
        raise ValueError(f"outliers must be at most n = {n}; got {outliers}")
    outlier_shift = check_in_range(
        "outlier_shift", outlier_shift, -np.inf, np.inf, low_inclusive=False, high_inclusive=False
    )
    low, high = check_pair("x_range", x_range, increasing=True)
    rng = as_generator("seed", seed)
    X = rng.uniform(low, high, size=(n, weights.size))
    if noise == "gaussian":
        eps = rng.normal(0.0, 1.0, n)
    elif noise == "laplace":
        eps = rng.laplace(0.0, 1.0, n)
    else:
        eps = rng.standard_t(df, n)
    y = X @ weights + b + scale * eps
    mask = np.zeros(n, dtype=bool)
    mask[rng.choice(n, size=outliers, replace=False)] = True
    y[mask] += outlier_shift
    return (X, y, mask) if return_outliers else (X, y)


def imbalanced(
    n: int = 500,
    positive_fraction: float = 0.1,
    *,
    separation: float = 2.0,
    d: int = 2,
    seed: Seed = 0,
) -> tuple[FloatArray, Labels]:
    """Two Gaussian classes (unit covariance) with ``round(n * positive_fraction)`` positives.

    The positive class is centred ``separation`` away from the negatives along the
    first axis.

    Examples
    --------
    >>> X, y = imbalanced(100, 0.05, seed=0)
    >>> X.shape, int(y.sum())
    ((100, 2), 5)
    """
    n = check_positive_int("n", n, minimum=2)
    fraction = check_in_range(
        "positive_fraction", positive_fraction, 0.0, 1.0, low_inclusive=False, high_inclusive=False
    )
    separation = check_in_range("separation", separation, 0.0, np.inf, high_inclusive=False)
    d = check_positive_int("d", d)
    n_pos = int(round(n * fraction))
    if not 1 <= n_pos <= n - 1:
        raise ValueError(
            f"positive_fraction * n must round to between 1 and n - 1; got {fraction} * {n} = {n_pos}"
        )
    rng = as_generator("seed", seed)
    y = np.repeat([0, 1], [n - n_pos, n_pos])
    X = rng.normal(size=(n, d))
    X[:, 0] += separation * y
    return _shuffled(rng, X, y)


def blobs(
    n: int = 300,
    centers: Any = 3,
    std: float = 1.0,
    seed: Seed = 0,
    *,
    d: int = 2,
    center_box: tuple[float, float] = (-10.0, 10.0),
) -> tuple[FloatArray, Labels]:
    """Isotropic Gaussian clusters (as ``make_blobs``): ``n // k`` points each, remainder to the first.

    ``centers`` is a number of clusters (centres drawn uniformly in ``center_box``) or
    an array of centres of shape (k, d).

    Examples
    --------
    >>> X, labels = blobs(7, centers=[[0.0, 0.0], [5.0, 5.0]], std=0.1, seed=0)
    >>> np.bincount(labels).tolist()
    [4, 3]
    """
    n = check_positive_int("n", n)
    std = check_in_range("std", std, 0.0, np.inf, high_inclusive=False)
    rng = as_generator("seed", seed)
    if isinstance(centers, (int, np.integer)) and not isinstance(centers, bool):
        k = check_positive_int("centers", centers)
        d = check_positive_int("d", d)
        box = check_pair("center_box", center_box, increasing=True)
        means = rng.uniform(box[0], box[1], size=(k, d))
    else:
        means = as_float_array("centers", centers, ndim=2)
    k = len(means)
    counts = np.full(k, n // k) + (np.arange(k) < n % k)
    labels = np.repeat(np.arange(k), counts)
    X = means[labels] + rng.normal(0.0, std, size=(n, means.shape[1]))
    return _shuffled(rng, X, labels)
