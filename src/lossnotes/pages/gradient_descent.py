"""The regression that the gradient-descent page trains, defined once for all its examples.

The batch, mini-batch and stochastic comparison, the batch-size measurement and the
learning-rate decay all fit the line ``y_hat = w x + b`` to the same data from the same
start with the same learning rate; ``line_problem()`` is that set-up, so that a change
to it reaches every one of them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from lossnotes._validate import FloatArray

__all__ = ["LineProblem", "line_problem"]


class LineProblem(NamedTuple):
    """The page's regression: data, start, learning rate and least-squares optimum."""

    X: FloatArray  #: inputs, shape (200, 1), uniform on [-2, 2]
    y: FloatArray  #: targets 1.5 x - 0.5 plus Gaussian noise of standard deviation 0.5
    theta0: FloatArray  #: the start [w, b]
    lr: float  #: the learning rate every run starts from
    theta_star: FloatArray  #: the least-squares [w, b]
    min_loss: float  #: the mean squared error at ``theta_star``, the floor of every run


def line_problem() -> LineProblem:
    """The noisy line, its start and learning rate, and its least-squares minimum.

    Returns
    -------
    LineProblem
        Fresh arrays on every call (seeded: the same numbers every time).

    Examples
    --------
    >>> problem = line_problem()
    >>> problem.X.shape, problem.theta0.tolist(), problem.lr
    ((200, 1), [-1.5, 2.0], 0.05)
    >>> design = np.column_stack([problem.X[:, 0], np.ones(200)])
    >>> residual = design @ problem.theta_star - problem.y
    >>> bool(np.allclose(design.T @ residual, 0.0)), bool(np.isclose(np.mean(residual**2), problem.min_loss))
    (True, True)
    """
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, size=(200, 1))
    y = 1.5 * X[:, 0] - 0.5 + rng.normal(0, 0.5, size=200)
    design = np.column_stack([X[:, 0], np.ones(len(X))])
    theta_star = np.asarray(np.linalg.lstsq(design, y, rcond=None)[0], dtype=np.float64)
    min_loss = float(np.mean((design @ theta_star - y) ** 2))
    return LineProblem(X, y, np.array([-1.5, 2.0]), 0.05, theta_star, min_loss)
