"""Seeded 2-D classification shapes: two moons and XOR.

Each takes ``(n, noise, seed)`` and returns ``X`` float64 of shape (n, 2) and labels
``int64`` in {0, 1}. Re-exported by ``lossnotes.data``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_generator,
    check_in_range,
    check_positive_int,
)

Seed = int | None | np.random.Generator
Labels = np.ndarray


def _noise_level(noise: Any) -> float:
    return check_in_range("noise", noise, 0.0, float("inf"))


def _shuffled(rng: np.random.Generator, X: FloatArray, y: np.ndarray) -> tuple[FloatArray, Labels]:
    order = rng.permutation(len(X))
    return X[order], y[order].astype(np.int64)


def two_moons(n: int = 200, noise: float = 0.1, seed: Seed = 0) -> tuple[FloatArray, Labels]:
    """Two interleaving half circles (as scikit-learn's ``make_moons``), shuffled.

    ``n // 2`` points of class 0 on the upper moon, the rest class 1; then Gaussian
    noise of standard deviation ``noise``.

    Examples
    --------
    >>> X, y = two_moons(6, noise=0.0, seed=0)
    >>> X.shape, sorted(y.tolist())
    ((6, 2), [0, 0, 0, 1, 1, 1])
    """
    n = check_positive_int("n", n, minimum=2)
    noise = _noise_level(noise)
    rng = as_generator("seed", seed)
    n_out = n // 2
    t_out, t_in = np.linspace(0, np.pi, n_out), np.linspace(0, np.pi, n - n_out)
    X = np.vstack(
        [
            np.column_stack([np.cos(t_out), np.sin(t_out)]),
            np.column_stack([1 - np.cos(t_in), 0.5 - np.sin(t_in)]),
        ]
    )
    y = np.repeat([0, 1], [n_out, n - n_out])
    return _shuffled(rng, X + rng.normal(0.0, noise, X.shape), y)


def xor(n: int = 200, noise: float = 0.1, seed: Seed = 0) -> tuple[FloatArray, Labels]:
    """Points uniform on ``[-1, 1]^2``, class 1 where the coordinates' signs differ.

    Labels are set before ``noise`` (Gaussian, on the inputs) is added, so points near
    the axes can land in the other class's quadrant.

    Examples
    --------
    >>> X, y = xor(5, noise=0.0, seed=0)
    >>> bool(np.all(y == (np.sign(X[:, 0]) != np.sign(X[:, 1]))))
    True
    """
    n = check_positive_int("n", n)
    noise = _noise_level(noise)
    rng = as_generator("seed", seed)
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(np.int64)
    return X + rng.normal(0.0, noise, X.shape), y
