"""The per-sample gradients whose mini-batch averages the mini-batches page measures.

The variance table and the batch-size slider both scatter batch gradients of one
regression at one point; ``gradient_problem()`` is that set-up, defined once.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from lossnotes._validate import FloatArray
from lossnotes.models import LinearRegression
from lossnotes.optim import per_sample_gradients

__all__ = ["GradientProblem", "gradient_problem"]


class GradientProblem(NamedTuple):
    """A regression, a point away from its minimum, and every sample's gradient there."""

    X: FloatArray  #: inputs, shape (200, 2), standard normal
    y: FloatArray  #: targets 2 x1 - x2 + 0.5 plus Gaussian noise of standard deviation 0.5
    model: LinearRegression  #: the least-squares model on two features
    theta: FloatArray  #: the point [w1, w2, b] the gradients are taken at
    G: FloatArray  #: row i: the gradient of sample i's loss at ``theta``, shape (200, 3)


def gradient_problem() -> GradientProblem:
    """The page's regression and its per-sample gradients at ``theta = [1, 0, 0]``.

    Returns
    -------
    GradientProblem
        Fresh arrays on every call (seeded: the same numbers every time).

    Examples
    --------
    >>> problem = gradient_problem()
    >>> problem.G.shape, problem.theta.tolist()
    ((200, 3), [1.0, 0.0, 0.0])
    >>> full = problem.model.grad(problem.theta, problem.X, problem.y)
    >>> bool(np.allclose(problem.G.mean(axis=0), full))  # the mean is the full gradient
    True
    """
    rng = np.random.default_rng(0)
    n = 200
    X = rng.normal(size=(n, 2))
    y = X @ np.array([2.0, -1.0]) + 0.5 + rng.normal(0, 0.5, size=n)
    model = LinearRegression(n_features=2)
    theta = np.array([1.0, 0.0, 0.0])
    return GradientProblem(X, y, model, theta, per_sample_gradients(model.grad, theta, X, y))
