"""The data, network and data loader of the training-loop page, defined once for its loops.

The six-step loop and the same loop with ``zero_grad`` forgotten train one small
network on one noisy sine with the same shuffles, so that the only difference between
them is the line the page removes; ``sine_problem()`` and ``dataloader()`` are that
shared set-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import numpy as np

from lossnotes._validate import FloatArray
from lossnotes.models import MLP

__all__ = ["SineProblem", "sine_problem", "dataloader"]


class SineProblem(NamedTuple):
    """The page's regression, its network, and the generator that shuffles the batches."""

    X: FloatArray  #: inputs, shape (200, 1), uniform on [-3, 3]
    y: FloatArray  #: targets sin(x) plus Gaussian noise of standard deviation ``noise``
    noise: float  #: the standard deviation of the targets' noise
    model: MLP  #: one hidden layer of 16 tanh units, mean squared error
    rng: np.random.Generator  #: the generator that drew the data, to shuffle with next


def sine_problem() -> SineProblem:
    """The noisy sine, the network that fits it and the generator for the shuffles.

    Returns
    -------
    SineProblem
        Fresh arrays and a fresh generator on every call (seeded: the same numbers, and
        the same shuffles, every time).

    Examples
    --------
    >>> problem = sine_problem()
    >>> problem.X.shape, problem.noise, problem.model.sizes
    ((200, 1), 0.1, (1, 16, 1))
    """
    noise = 0.1
    rng = np.random.default_rng(0)
    X = rng.uniform(-3, 3, size=(200, 1))
    y = np.sin(X[:, 0]) + rng.normal(0, noise, size=200)
    model = MLP(sizes=(1, 16, 1), activation="tanh", output="regression")
    return SineProblem(X, y, noise, model, rng)


def dataloader(
    X: FloatArray, y: FloatArray, batch_size: int, rng: np.random.Generator
) -> Iterator[tuple[FloatArray, FloatArray]]:
    """One epoch of mini-batches in a fresh random order, as PyTorch's ``DataLoader(shuffle=True)``.

    The last batch is shorter when ``batch_size`` does not divide the number of rows.

    Examples
    --------
    >>> batches = dataloader(np.arange(5.0)[:, None], np.arange(5.0), 2, np.random.default_rng(0))
    >>> [len(y_batch) for _, y_batch in batches]
    [2, 2, 1]
    """
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        idx = order[start : start + batch_size]
        yield X[idx], y[idx]
