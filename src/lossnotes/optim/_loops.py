"""``run``: an optimizer on a gradient function, every iterate recorded.

``run(optimizer, grad_fn, x0, steps)`` records every iterate; ``run_with_state`` also
keeps every optimizer state; a stopping rule can end a run early.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_float_array,
    check_positive_int,
    describe,
)
from lossnotes.optim._states import GradientTransformation, apply_updates, unchecked

__all__ = ["run", "run_with_state"]


def run(
    optimizer: GradientTransformation,
    grad_fn: Callable[[FloatArray], FloatArray],
    x0: FloatArray,
    steps: int,
    *,
    stop: Callable[[FloatArray], bool] | None = None,
) -> FloatArray:
    """Run ``steps`` updates from ``x0`` and return the whole trajectory.

    Parameters
    ----------
    optimizer : GradientTransformation
        For example ``adam(lr=0.1)``.
    grad_fn : callable
        ``grad_fn(x)`` returns the gradient at ``x``, an array of ``x``'s shape.
    x0 : array_like
        Starting point (any shape, finite).
    steps : int
        Number of updates, at least 1.
    stop : callable, optional
        A stopping rule: ``stop(x)`` is asked before each update, on the current
        iterate, and a true answer ends the run there.

    Returns
    -------
    numpy.ndarray of shape ``(k + 1, *x0.shape)``
        Row 0 is ``x0``; row ``k`` the iterate after ``k`` updates; ``k = steps``
        unless ``stop`` ended the run earlier.

    Raises
    ------
    ValueError
        If a gradient has the wrong shape, or is NaN or inf (a diverging run: the
        message names the step).

    Examples
    --------
    >>> from lossnotes.optim._aliases import sgd
    >>> run(sgd(lr=0.25), lambda x: 2 * x, np.array([1.0]), 3)[:, 0]
    array([1.   , 0.5  , 0.25 , 0.125])
    >>> run(sgd(lr=0.25), lambda x: 2 * x, np.array([1.0]), 9, stop=lambda x: x[0] < 0.3)[:, 0]
    array([1.  , 0.5 , 0.25])
    """
    if stop is not None and not callable(stop):
        raise TypeError(f"stop must be callable or None; got {describe(stop)}")
    return _loop(optimizer, grad_fn, x0, steps, keep_states=False, stop=stop)[0]


def run_with_state(
    optimizer: GradientTransformation,
    grad_fn: Callable[[FloatArray], FloatArray],
    x0: FloatArray,
    steps: int,
) -> tuple[FloatArray, list[Any]]:
    """As ``run()``, also returning the optimizer state after each of the ``steps + 1`` rows.

    States are never mutated, so keeping them all is safe: ``states[k]`` is the state
    after ``k`` updates (``states[0] = optimizer.init(x0)``).

    Examples
    --------
    >>> from lossnotes.optim._aliases import adam
    >>> trajectory, states = run_with_state(adam(lr=0.1), lambda x: 2 * x, np.ones(1), 2)
    >>> [s[0].count for s in states]  # the AdamState inside the chain
    [0, 1, 2]
    >>> states[1][0].mu  # m_1 = (1 - beta1) g_1 = 0.1 * 2
    array([0.2])
    """
    return _loop(optimizer, grad_fn, x0, steps, keep_states=True)


def _loop(
    optimizer: GradientTransformation,
    grad_fn: Callable[[FloatArray], FloatArray],
    x0: Any,
    steps: int,
    *,
    keep_states: bool,
    stop: Callable[[FloatArray], bool] | None = None,
) -> tuple[FloatArray, list[Any]]:
    if not isinstance(optimizer, GradientTransformation):
        raise TypeError(
            f"optimizer must be a GradientTransformation; got {type(optimizer).__name__}"
        )
    if not callable(grad_fn):
        raise TypeError(f"grad_fn must be callable; got {type(grad_fn).__name__}")
    x = as_float_array("x0", x0)
    steps = check_positive_int("steps", steps)
    trajectory = np.empty((steps + 1, *x.shape))
    trajectory[0] = x
    state = optimizer.init(x)
    states = [state]
    for k in range(steps):
        if stop is not None and stop(x):
            return trajectory[: k + 1], states
        grads = checked_grad(grad_fn(x), x, k)
        updates, state = unchecked(optimizer.update)(grads, state, x)
        if keep_states:  # only on request: each state holds arrays of x's size
            states.append(state)
        x = apply_updates(x, updates)
        trajectory[k + 1] = x
    return trajectory, states


def checked_grad(grads: object, x: FloatArray, step: int) -> FloatArray:
    grads = np.asarray(grads, dtype=np.float64)
    if grads.shape != x.shape:
        raise ValueError(
            f"grad_fn must return an array of the parameters' shape {x.shape}; "
            f"got shape {grads.shape} at step {step}"
        )
    if not np.all(np.isfinite(grads)):
        raise ValueError(
            f"grad_fn returned NaN or inf at step {step}: the run diverged; "
            "try a smaller lr or fewer steps"
        )
    return grads
