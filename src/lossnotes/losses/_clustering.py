"""Within-cluster sum of squares (the k-means objective) and the assignment it implies.

A point belongs to its *nearest* centroid, ``argmin_k ||x - mu_k||**2``. (Source text
001 writes ``argmax``; that would assign each point to its farthest centroid.)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array
from lossnotes.losses._common import check_reduction, grad_scale, reduce


def _points_and_centroids(points: Any, centroids: Any) -> tuple[FloatArray, FloatArray]:
    x = as_float_array("points", points, ndim=2)
    mu = as_float_array("centroids", centroids, ndim=2)
    if x.shape[1] != mu.shape[1]:
        raise ValueError(
            "points and centroids must have the same number of features;"
            f" got shapes {x.shape} and {mu.shape}"
        )
    return x, mu


def _squared_distances(x: FloatArray, mu: FloatArray) -> FloatArray:
    # Direct differences rather than |x|^2 - 2 x.mu + |mu|^2, which cancels badly
    # for points far from the origin; (n, K, d) is small at this chapter's sizes.
    diff = x[:, None, :] - mu[None, :, :]
    return np.einsum("nkd,nkd->nk", diff, diff)


def assign_clusters(points: Any, centroids: Any) -> np.ndarray:
    """Index of the nearest centroid for each point, ``argmin_k ||x - mu_k||**2``.

    Ties go to the lowest index (``numpy.argmin``).

    Parameters
    ----------
    points : array_like of shape (n, d)
    centroids : array_like of shape (K, d)

    Returns
    -------
    numpy.ndarray of shape (n,)
        Integer cluster labels in ``[0, K)``.

    Examples
    --------
    >>> assign_clusters([[0.0, 0.0], [9.0, 1.0]], [[0.0, 1.0], [10.0, 0.0]])
    array([0, 1])
    """
    x, mu = _points_and_centroids(points, centroids)
    return np.argmin(_squared_distances(x, mu), axis=1)


def wcss(points: Any, centroids: Any, *, reduction: str = "sum") -> float | FloatArray:
    """Within-cluster sum of squares: ``sum_i min_k ||x_i - mu_k||**2``.

    Each point is charged the squared distance to its nearest centroid, which is the
    per-sample loss ``sum_k I(assign_i = k) ||x_i - mu_k||**2`` of source text 001.

    Parameters
    ----------
    points : array_like of shape (n, d)
    centroids : array_like of shape (K, d)
    reduction : {"sum", "mean", "none"}, default "sum"
        ``"sum"`` is the usual WCSS (scikit-learn's ``inertia_``); ``"none"`` gives each
        point's squared distance.

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> wcss([[0.0, 0.0], [9.0, 1.0]], [[0.0, 1.0], [10.0, 0.0]])
    3.0
    """
    x, mu = _points_and_centroids(points, centroids)
    reduction = check_reduction(reduction)
    return reduce(np.min(_squared_distances(x, mu), axis=1), reduction)


def wcss_grad(points: Any, centroids: Any, *, reduction: str = "sum") -> FloatArray:
    """Gradient of ``wcss()`` with respect to the **centroids** (not the points).

    ``d/d mu_k = sum over points assigned to k of 2 (mu_k - x_i)``, with assignments
    held fixed (they are piecewise constant; the loss is not differentiable at ties).
    Setting it to zero gives the k-means update ``mu_k = mean of its points``.

    Parameters
    ----------
    points, centroids, reduction
        As for ``wcss()``.

    Returns
    -------
    numpy.ndarray of shape (K, d)

    Examples
    --------
    >>> wcss_grad([[0.0, 0.0], [9.0, 1.0]], [[0.0, 1.0], [10.0, 0.0]])
    array([[ 0.,  2.],
           [ 2., -2.]])
    """
    x, mu = _points_and_centroids(points, centroids)
    reduction = check_reduction(reduction)
    labels = np.argmin(_squared_distances(x, mu), axis=1)
    grad = np.zeros_like(mu)
    np.add.at(grad, labels, 2.0 * (mu[labels] - x))
    return grad * grad_scale(len(x), reduction)
