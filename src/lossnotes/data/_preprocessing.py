"""Preprocessing as pairs of pure functions: *fit* on training data, *transform* anything.

A fitted preprocessor is a small NamedTuple of what it learned (means and scales, the
kept columns), so the same fitted object is applied to validation and test data and
nothing can be re-fitted by accident. Conventions follow scikit-learn's
``StandardScaler`` (population standard deviation; constant columns keep scale 1) and
``SelectKBest(f_regression)`` (rank features by squared correlation with the target).

Examples
--------
>>> X = np.array([[1.0, 10.0], [3.0, 10.0], [5.0, 10.0]])
>>> scaling = fit_standardizer(X)
>>> standardize(scaling, X)[:, 0], scaling.scale
(array([-1.224745,  0.      ,  1.224745]), array([1.632993, 1.      ]))
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_float_array,
    as_generator,
    check_in_range,
    check_positive_int,
    check_same_length,
)

__all__ = [
    "Standardization",
    "fit_standardizer",
    "standardize",
    "FeatureSelection",
    "fit_select_k_best",
    "select_features",
    "train_val_test_split",
]


class Standardization(NamedTuple):
    """What ``fit_standardizer()`` learned: per-column ``mean`` and ``scale``."""

    mean: FloatArray
    scale: FloatArray


class FeatureSelection(NamedTuple):
    """What ``fit_select_k_best()`` learned: kept column ``indices`` and every column's ``scores``."""

    indices: np.ndarray
    scores: FloatArray


def fit_standardizer(X: Any) -> Standardization:
    """Learn column means and standard deviations (``ddof=0``) from ``X`` of shape (n, d).

    A constant column gets scale 1 (as scikit-learn), so it maps to zeros, not NaN.

    Examples
    --------
    >>> fit_standardizer([[0.0], [2.0]])
    Standardization(mean=array([1.]), scale=array([1.]))
    """
    X = as_float_array("X", X, ndim=2)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    # relative test, as scikit-learn: a spread at round-off level counts as constant
    tiny = scale <= 10 * np.finfo(float).eps * np.maximum(np.abs(mean), 1.0)
    return Standardization(mean, np.where(tiny, 1.0, scale))


def standardize(scaling: Standardization, X: Any) -> FloatArray:
    """Apply a fitted ``Standardization``: ``(X - mean) / scale``.

    Examples
    --------
    >>> standardize(fit_standardizer([[0.0], [2.0]]), [[4.0]])
    array([[3.]])
    """
    if not isinstance(scaling, Standardization):
        raise TypeError(f"scaling must come from fit_standardizer; got {type(scaling).__name__}")
    X = as_float_array("X", X, ndim=2)
    if X.shape[1] != scaling.mean.size:
        raise ValueError(
            f"X must have {scaling.mean.size} columns, as the data the scaling was fitted on; "
            f"got shape {X.shape}"
        )
    return (X - scaling.mean) / scaling.scale


def fit_select_k_best(X: Any, y: Any, k: int) -> FeatureSelection:
    """Keep the ``k`` columns of ``X`` most correlated (in absolute value) with ``y``.

    Scores are squared Pearson correlations, which rank columns as scikit-learn's
    ``SelectKBest(f_regression, k=k)`` does; a constant column scores 0. Ties keep
    the lower column index. Kept indices are returned in increasing order.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0, 5.0], [2.0, 1.0, 5.0], [3.0, 0.0, 5.0], [4.0, 1.0, 5.0]])
    >>> fit_select_k_best(X, [0, 0, 1, 1], k=1).indices
    array([0])
    """
    X = as_float_array("X", X, ndim=2)
    y = as_float_array("y", y, ndim=1)
    check_same_length("X", X, "y", y)
    k = check_positive_int("k", k)
    if k > X.shape[1]:
        raise ValueError(f"k must be at most the number of columns {X.shape[1]}; got {k}")
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    norms = np.sqrt(np.sum(Xc**2, axis=0) * np.sum(yc**2))
    covariance = yc @ Xc
    scores = np.divide(covariance**2, norms**2, out=np.zeros(X.shape[1]), where=norms > 0)
    top = np.argsort(-scores, kind="stable")[:k]
    return FeatureSelection(np.sort(top), scores)


def select_features(selection: FeatureSelection, X: Any) -> FloatArray:
    """Apply a fitted ``FeatureSelection``: the kept columns of ``X``.

    Examples
    --------
    >>> selection = FeatureSelection(np.array([0, 2]), np.zeros(3))
    >>> select_features(selection, [[1.0, 2.0, 3.0]])
    array([[1., 3.]])
    """
    if not isinstance(selection, FeatureSelection):
        raise TypeError(
            f"selection must come from fit_select_k_best; got {type(selection).__name__}"
        )
    X = as_float_array("X", X, ndim=2)
    if X.shape[1] != selection.scores.size:
        raise ValueError(
            f"X must have {selection.scores.size} columns, as the data the selection was "
            f"fitted on; got shape {X.shape}"
        )
    return X[:, selection.indices]


def train_val_test_split(
    n_samples: int, *, val_size: float = 0.2, test_size: float = 0.2, seed: Any = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle ``range(n_samples)`` once and cut it into train, validation and test indices.

    ``val_size`` and ``test_size`` are fractions; their counts are rounded up (as
    scikit-learn's ``train_test_split`` does for the test part), and the training part
    gets the rest, which must not be empty. ``val_size=0`` gives an empty validation part.

    Examples
    --------
    >>> train, val, test = train_val_test_split(10, val_size=0.2, test_size=0.3, seed=0)
    >>> len(train), len(val), len(test), sorted(np.concatenate([train, val, test]).tolist()) == list(range(10))
    (5, 2, 3, True)
    """
    n = check_positive_int("n_samples", n_samples)
    val_size = check_in_range("val_size", val_size, 0.0, 1.0, high_inclusive=False)
    test_size = check_in_range("test_size", test_size, 0.0, 1.0, high_inclusive=False)
    n_val, n_test = int(np.ceil(val_size * n)), int(np.ceil(test_size * n))
    if n_val + n_test >= n:
        raise ValueError(
            f"val_size + test_size must leave training samples; got {n_val} validation and "
            f"{n_test} test samples out of n_samples={n}"
        )
    order = as_generator("seed", seed).permutation(n)
    return order[n_val + n_test :], order[:n_val], order[n_val : n_val + n_test]
