"""``train``: mini-batch epochs of an optimizer on data, with the losses recorded.

``train`` shuffles the sample indices once per epoch (seeded), walks them in batches
of ``batch_size`` (the last, shorter batch is kept, as ``torch.utils.data.DataLoader``
does by default), and for each batch computes the loss and gradient, asks the
optimizer for updates and applies them. ``batch_size = n`` is batch gradient descent,
``batch_size = 1`` is stochastic gradient descent.

The loss and gradient callables take ``(theta, X_batch, y_batch)`` and return the
*mean* over the batch, so step sizes mean the same thing for every batch size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_data,
    as_float_array,
    as_generator,
    check_bool,
    check_positive_int,
    check_same_length,
)
from lossnotes.optim._loops import checked_grad
from lossnotes.optim._states import GradientTransformation, apply_updates, unchecked

__all__ = ["TrainResult", "train"]

BatchLossFn = Callable[[FloatArray, Any, Any], float]
BatchGradFn = Callable[[FloatArray, Any, Any], FloatArray]


class TrainResult(NamedTuple):
    """What ``train`` records.

    ``batch_loss[k]`` is the loss on step ``k``'s batch *before* its update;
    ``examples_seen[k]`` counts the samples processed up to and including step ``k``;
    ``epoch_loss[e]`` / ``val_loss[e]`` are full training / validation losses after ``e``
    epochs (index 0 is before training); ``epoch_params[e]`` the parameters then.
    """

    theta: FloatArray
    batch_loss: FloatArray
    examples_seen: FloatArray
    epoch_loss: FloatArray
    val_loss: FloatArray | None
    epoch_params: FloatArray
    state: Any


def train(
    optimizer: GradientTransformation,
    grad_fn: BatchGradFn,
    loss_fn: BatchLossFn,
    theta0: FloatArray,
    X: Any,
    y: Any,
    *,
    batch_size: int,
    epochs: int,
    seed: int | np.random.Generator | None = 0,
    shuffle: bool = True,
    X_val: Any = None,
    y_val: Any = None,
) -> TrainResult:
    """Train ``theta0`` with mini-batches of ``(X, y)``; return a ``TrainResult``.

    Parameters
    ----------
    optimizer : GradientTransformation
        For example ``lossnotes.optim.sgd(0.1)``.
    grad_fn, loss_fn : callable
        ``grad_fn(theta, X_batch, y_batch)`` -> mean gradient, ``theta``'s shape;
        ``loss_fn(theta, X_batch, y_batch)`` -> mean loss (a float).
    theta0 : array_like
        Initial parameters (any shape; a flat vector for most pages).
    X, y : array_like
        Training inputs and targets, indexed along their first axis.
    batch_size : int
        Samples per step; clipped to ``len(X)``.
    epochs : int
        Passes over the data.
    seed : int, Generator or None, default 0
        Seeds the per-epoch shuffles.
    shuffle : bool, default True
        ``False`` walks the samples in their given order every epoch.
    X_val, y_val : array_like, optional
        Validation data; its loss is recorded once per epoch.

    Returns
    -------
    TrainResult
        ``theta``, ``batch_loss`` and ``examples_seen`` (one per step), ``epoch_loss``,
        ``val_loss`` and ``epoch_params`` (``epochs + 1`` rows), and the final ``state``.

    Examples
    --------
    >>> from lossnotes.optim._aliases import sgd
    >>> X = np.arange(6.0); y = 2 * X
    >>> loss = lambda w, Xb, yb: float(np.mean((w[0] * Xb - yb) ** 2))
    >>> grad = lambda w, Xb, yb: np.array([np.mean(2 * (w[0] * Xb - yb) * Xb)])
    >>> result = train(sgd(0.02), grad, loss, np.zeros(1), X, y, batch_size=4, epochs=30)
    >>> result.examples_seen[:3]  # batches of 4 and 2 per epoch
    array([ 4.,  6., 10.])
    >>> round(float(result.theta[0]), 4)
    2.0
    """
    shuffle = check_bool("shuffle", shuffle)
    if not isinstance(optimizer, GradientTransformation):
        raise TypeError(
            f"optimizer must be a GradientTransformation; got {type(optimizer).__name__}"
        )
    for name, fn in (("grad_fn", grad_fn), ("loss_fn", loss_fn)):
        if not callable(fn):
            raise TypeError(f"{name} must be callable; got {type(fn).__name__}")
    theta = as_float_array("theta0", theta0)
    X, y = as_data("X", X), as_data("y", y)
    check_same_length("X", X, "y", y)
    validation = X_val is not None or y_val is not None
    if validation:
        if X_val is None or y_val is None:
            raise ValueError("X_val and y_val must be given together; got only one of them")
        X_val, y_val = as_data("X_val", X_val), as_data("y_val", y_val)
        check_same_length("X_val", X_val, "y_val", y_val)
    n = len(X)
    batch_size = min(check_positive_int("batch_size", batch_size), n)
    epochs = check_positive_int("epochs", epochs)
    rng = as_generator("seed", seed)

    steps_per_epoch = -(-n // batch_size)  # ceil: the last partial batch is kept
    batch_loss = np.empty(epochs * steps_per_epoch)
    examples_seen = np.empty(epochs * steps_per_epoch)
    epoch_loss, val_loss = np.empty(epochs + 1), np.empty(epochs + 1)
    epoch_params = np.empty((epochs + 1, *theta.shape))

    def record_epoch(e: int) -> None:
        epoch_loss[e] = loss_fn(theta, X, y)
        if validation:
            val_loss[e] = loss_fn(theta, X_val, y_val)
        epoch_params[e] = theta

    state = optimizer.init(theta)
    record_epoch(0)
    step, seen = 0, 0
    for epoch in range(epochs):
        order = rng.permutation(n) if shuffle else np.arange(n)
        for start in range(0, n, batch_size):
            idx = order[start : start + batch_size]
            Xb, yb = X[idx], y[idx]
            batch_loss[step] = loss_fn(theta, Xb, yb)
            grads = checked_grad(grad_fn(theta, Xb, yb), theta, step)
            updates, state = unchecked(optimizer.update)(grads, state, theta)
            theta = apply_updates(theta, updates)
            seen += len(idx)
            examples_seen[step] = seen
            step += 1
        record_epoch(epoch + 1)
    return TrainResult(
        theta,
        batch_loss,
        examples_seen,
        epoch_loss,
        val_loss if validation else None,
        epoch_params,
        state,
    )
