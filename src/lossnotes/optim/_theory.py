"""Closed forms on a quadratic: the best step size of gradient descent and of momentum.

On ``f(x) = 0.5 sum_i lambda_i x_i^2`` the error along each eigenvector shrinks by a
factor that depends only on the step size, the momentum and ``lambda_i``, so the best
settings are formulas of the extreme eigenvalues. The pages print them beside what
``contraction_rates()`` measures at those settings.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import as_float_array

__all__ = ["optimal_step_size", "optimal_momentum"]


def _extremes(eigenvalues: Any) -> tuple[float, float]:
    lam = as_float_array("eigenvalues", eigenvalues, ndim=1)
    if np.any(lam <= 0):
        raise ValueError(f"eigenvalues must be > 0 (a strictly convex quadratic); got {lam.min()}")
    return float(lam.min()), float(lam.max())


def optimal_step_size(eigenvalues: Any) -> float:
    """Gradient descent's fastest step size, ``2 / (lambda_min + lambda_max)``.

    There the error factors of the shallowest and steepest directions are equal,
    ``(kappa - 1) / (kappa + 1)`` with ``kappa = lambda_max / lambda_min``.

    Parameters
    ----------
    eigenvalues : array_like of shape (d,)
        The Hessian's eigenvalues, all > 0.

    Returns
    -------
    float

    Examples
    --------
    >>> optimal_step_size([1.0, 3.0])
    0.5
    """
    low, high = _extremes(eigenvalues)
    return 2.0 / (low + high)


def optimal_momentum(eigenvalues: Any) -> tuple[float, float]:
    """Heavy-ball momentum's fastest pair ``(lr, beta)`` (Polyak 1964; Goh 2017).

    ``lr = 4 / (sqrt(lambda_min) + sqrt(lambda_max))^2`` and
    ``beta = ((sqrt(kappa) - 1) / (sqrt(kappa) + 1))^2``, where the error shrinks by
    ``(sqrt(kappa) - 1) / (sqrt(kappa) + 1)`` per step in every direction. In the
    chapter's convention ``v <- beta v - lr g``, ``x <- x + v``.

    Parameters
    ----------
    eigenvalues : array_like of shape (d,)
        The Hessian's eigenvalues, all > 0.

    Returns
    -------
    lr, beta : float

    Examples
    --------
    >>> optimal_momentum([1.0, 9.0])
    (0.25, 0.25)
    """
    low, high = _extremes(eigenvalues)
    root_kappa = np.sqrt(high / low)
    lr = 4.0 / (np.sqrt(low) + np.sqrt(high)) ** 2
    return float(lr), float(((root_kappa - 1.0) / (root_kappa + 1.0)) ** 2)
