"""Helpers for looking at one trained network three ways: parameters, inputs, hidden units.

``fit_mlp()`` trains an ``MLP`` by full-batch Adam
(``model.batched_loss`` then slices its loss surface);
``principal_components()`` projects hidden activations to 2-D; ``flip_along_gradient()``
finds the smallest step along the input gradient that flips a binary prediction.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_float_array,
    check_methods,
    check_positive,
    check_positive_int,
    check_shape,
)
from lossnotes.optim import adam, run

__all__ = ["fit_mlp", "flip_along_gradient", "principal_components"]


def fit_mlp(
    model: Any, X: Any, y: Any, *, steps: int = 300, lr: float = 0.05, seed: int = 0
) -> tuple[FloatArray, FloatArray]:
    """Train ``model`` on ``(X, y)`` by full-batch Adam from ``model.init(seed)``.

    Returns
    -------
    theta : numpy.ndarray
        Final parameters.
    path : numpy.ndarray of shape (steps + 1, p)
        Every iterate, for loss curves and trajectories.
    """
    check_methods("model", model, ("init", "grad"), "a model of lossnotes.models")
    steps = check_positive_int("steps", steps)
    path = run(adam(lr=lr), lambda t: model.grad(t, X, y), model.init(seed=seed), steps)
    return path[-1], path


def principal_components(H: Any, k: int = 2) -> tuple[FloatArray, FloatArray]:
    """Project the rows of ``H`` on its first ``k`` principal axes.

    Returns the projection (n, k) and the fraction of variance each axis explains (k,).

    Examples
    --------
    >>> H = np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 0.0]])
    >>> proj, share = principal_components(H, k=1)
    >>> np.abs(proj[:, 0]).tolist(), share.tolist()
    ([2.0, 0.0, 2.0], [1.0])
    """
    H = as_float_array("H", H, ndim=2)
    k = check_positive_int("k", k)
    if k > min(H.shape):
        raise ValueError(f"k must be at most min(H.shape) = {min(H.shape)}; got {k}")
    centred = H - H.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    total = float(np.sum(s**2)) or 1.0
    return centred @ vt[:k].T, s[:k] ** 2 / total


def flip_along_gradient(
    model: Any, theta: Any, x: Any, *, max_step: float = 2.0, h: float = 1e-6
) -> tuple[float, FloatArray]:
    """Smallest step along the (normalised) input gradient of the logit that flips a binary prediction.

    The direction is ``-sign(z) * grad_x z`` (towards the boundary); the step length is
    found by bisection on the sign of the logit, to 1e-7.

    Returns
    -------
    step : float
        Euclidean length of the perturbation (``inf`` if no flip within ``max_step``).
    x_flipped : numpy.ndarray
        The perturbed input, just across the boundary.
    """
    check_methods("model", model, ("forward",), "a binary classifier of lossnotes.models")
    point = as_float_array("x", x, ndim=1)
    check_shape("x", point, (getattr(model, "sizes", point.shape)[0],), "the model's input")
    max_step, h = check_positive("max_step", max_step), check_positive("h", h)

    def logit(p: FloatArray) -> float:
        return float(model.forward(theta, p[None, :])[0])

    z0 = logit(point)
    eye = np.eye(point.size) * h
    grad = np.array([(logit(point + e) - logit(point - e)) / (2 * h) for e in eye])
    direction = -np.sign(z0) * grad / np.linalg.norm(grad)
    if np.sign(logit(point + max_step * direction)) == np.sign(z0):
        return float("inf"), point
    low, high = 0.0, max_step
    while high - low > 1e-7:
        mid = 0.5 * (low + high)
        low, high = (
            (mid, high) if np.sign(logit(point + mid * direction)) == np.sign(z0) else (low, mid)
        )
    return high, point + high * direction


def trained_moons_mlp() -> tuple[Any, FloatArray, tuple[Any, Any], tuple[Any, Any]]:
    """The three-views page's checkpoint: a 2-16-1 tanh MLP on two moons (the page's example ``views_train.py``).

    Returns ``model, theta, (X, y), (X_test, y_test)``: 300 training points and 1,000
    new points with noise 0.15, 400 full-batch Adam steps at learning rate 0.05, seed 0.
    """
    from lossnotes.data import two_moons
    from lossnotes.models import MLP

    X, y = two_moons(300, noise=0.15, seed=0)
    X_test, y_test = two_moons(1000, noise=0.15, seed=1)
    model = MLP(sizes=(2, 16, 1), activation="tanh", output="binary")
    theta, _ = fit_mlp(model, X, y, steps=400, lr=0.05, seed=0)
    return model, theta, (X, y), (X_test, y_test)
