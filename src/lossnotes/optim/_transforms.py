"""Gradient transformations: the optax-style building blocks of ``lossnotes.optim``.

A transform is ``GradientTransformation(init, update)``: ``init(params) -> state`` and
``update(grads, state, params) -> (updates, new_state)``. States are small NamedTuples
and are never mutated, so a whole trajectory can be recorded and replayed. Each block
follows the matching piece of ``torch.optim``'s formulas; ``lossnotes.optim`` chains
them into ``sgd``, ``adam`` and friends.

Speed without mutation: a transform may write in place only into arrays it has just
allocated itself (``scale_by_adam`` builds the new moments and the update direction
with ``out=`` arguments). The caller's ``grads``, ``params`` and old state are only
read, so every old state stays valid. A composed Adam step allocates five arrays
(``mu``, ``nu`` and the direction here, one each for the learning rate and
``apply_updates``) where the textbook numpy expression allocates about fourteen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    check_bool,
    check_in_range,
    check_positive,
)
from lossnotes.optim._states import (
    AdagradState,
    AdamState,
    EmptyState,
    GradientTransformation,
    RmsState,
    ScheduleState,
    TraceState,
    transformation,
)

__all__ = [
    "scale", "scale_by_learning_rate", "trace", "scale_by_adam",
    "scale_by_rms", "scale_by_adagrad", "add_decayed_weights",
]  # fmt: skip


def _lerp(old: FloatArray, new: FloatArray, weight: float) -> FloatArray:
    """``old + weight * (new - old)`` (torch's ``lerp_``) in one fresh array."""
    out = np.subtract(new, old)
    out *= weight
    out += old
    return out


def _stateless(fn: Callable[[FloatArray, Any], FloatArray]) -> GradientTransformation:
    return transformation(lambda params: EmptyState(), lambda g, s, p=None: (fn(g, p), s))


def scale(step: float) -> GradientTransformation:
    """Multiply updates by a constant ``step`` (any finite real number).

    Examples
    --------
    >>> scale(0.5).update(np.array([2.0, -4.0]), EmptyState())[0]
    array([ 1., -2.])
    """
    step = check_in_range("step", step, -np.inf, np.inf)
    return _stateless(lambda g, p: np.multiply(g, step))


def scale_by_learning_rate(learning_rate: float | Callable[[int], float]) -> GradientTransformation:
    """Multiply updates by ``-learning_rate``; a callable is a schedule of the step count.

    The schedule gets ``count = 0`` on the first step (torch's ``step - 1``).

    Examples
    --------
    >>> halving = scale_by_learning_rate(lambda count: 0.5**count)
    >>> updates, state = halving.update(np.ones(1), halving.init(np.ones(1)))
    >>> updates, halving.update(np.ones(1), state)[0]
    (array([-1.]), array([-0.5]))
    """
    if not callable(learning_rate):
        lr = check_positive("learning_rate", learning_rate)
        return _stateless(lambda g, p: np.multiply(g, -lr))

    def update(
        grads: FloatArray, state: Any, params: FloatArray | None = None
    ) -> tuple[FloatArray, Any]:
        return np.multiply(grads, -learning_rate(state.count)), ScheduleState(state.count + 1)

    return transformation(lambda params: ScheduleState(0), update)


def trace(
    decay: float, *, nesterov: bool = False, dampening: float = 0.0
) -> GradientTransformation:
    """Momentum as in ``torch.optim.SGD``: ``buf <- decay buf + (1 - dampening) g``.

    The buffer starts at the first gradient (not at zero), so dampening does not
    shrink the first step. With ``nesterov`` the update is ``g + decay * buf``.

    Examples
    --------
    >>> t = trace(0.9, dampening=0.5)
    >>> u1, state = t.update(np.array([1.0]), t.init(np.zeros(1)))
    >>> u1, t.update(np.array([1.0]), state)[0]  # 1, then 0.9 * 1 + 0.5 * 1
    (array([1.]), array([1.4]))
    """
    nesterov = check_bool("nesterov", nesterov)
    decay = check_in_range("decay", decay, 0.0, 1.0, high_inclusive=False)
    dampening = check_in_range("dampening", dampening, 0.0, 1.0)
    if nesterov and (decay == 0.0 or dampening != 0.0):
        raise ValueError(
            f"nesterov=True requires decay > 0 and dampening = 0; got decay={decay}, "
            f"dampening={dampening}"
        )

    def update(
        grads: FloatArray, state: Any, params: FloatArray | None = None
    ) -> tuple[FloatArray, Any]:
        if state.count == 0:
            buf = np.array(grads, dtype=np.float64)
        else:
            buf = np.multiply(state.trace, decay)
            buf += (1.0 - dampening) * grads if dampening else grads
        updates = grads + decay * buf if nesterov else buf
        return updates, TraceState(state.count + 1, buf)

    return transformation(
        lambda params: TraceState(0, np.zeros_like(params, dtype=np.float64)), update
    )


def scale_by_adam(
    b1: float = 0.9, b2: float = 0.999, eps: float = 1e-8, *, bias_correction: bool = True
) -> GradientTransformation:
    """Adam's direction ``m_hat / (sqrt(v_hat) + eps)``, eps outside the root (torch).

    ``bias_correction=False`` returns ``m / (sqrt(v) + eps)``: the moments start at
    zero, so the first direction is ``(1 - b1) / sqrt(1 - b2) sign(g)``, about 3.16
    times the corrected one for the default betas.

    Examples
    --------
    >>> t = scale_by_adam()
    >>> t.update(np.array([3.0, -0.01]), t.init(np.zeros(2)))[0]  # ~ sign(g); eps shows
    array([ 1.      , -0.999999])
    """
    bias_correction = check_bool("bias_correction", bias_correction)
    b1 = check_in_range("b1", b1, 0.0, 1.0, high_inclusive=False)
    b2 = check_in_range("b2", b2, 0.0, 1.0, high_inclusive=False)
    eps = check_positive("eps", eps)

    def init(params: FloatArray) -> Any:
        zeros = np.zeros_like(params, dtype=np.float64)
        return AdamState(0, zeros, zeros.copy())

    def update(
        grads: FloatArray, state: Any, params: FloatArray | None = None
    ) -> tuple[FloatArray, Any]:
        count = state.count + 1
        mu = _lerp(state.mu, grads, 1.0 - b1)
        direction = np.multiply(grads, grads)  # fresh array, reused as scratch below
        direction *= 1.0 - b2
        nu = np.multiply(state.nu, b2)
        nu += direction
        np.sqrt(nu, out=direction)
        # m_hat / (sqrt(v_hat) + eps) = (m / (sqrt(v) + eps c2)) * c2 / c1 with
        # c1 = 1 - b1^t, c2 = sqrt(1 - b2^t): the corrections become scalars, one pass fewer
        c1 = 1.0 - b1**count if bias_correction else 1.0
        c2 = np.sqrt(1.0 - b2**count) if bias_correction else 1.0
        direction += eps * c2
        np.divide(mu, direction, out=direction)
        if bias_correction:
            direction *= c2 / c1
        return direction, AdamState(count, mu, nu)

    return transformation(init, update)


def scale_by_rms(
    alpha: float = 0.99, eps: float = 1e-8, *, centered: bool = False
) -> GradientTransformation:
    """RMSprop's ``g / (sqrt(v) + eps)``; centered uses ``v - mean(g)^2`` (torch).

    The centered variance is clipped at 0 before the square root, where rounding could
    make it slightly negative (torch would return NaN there).

    Examples
    --------
    >>> t = scale_by_rms(alpha=0.75)
    >>> t.update(np.array([2.0]), t.init(np.zeros(1)))[0]  # 2 / sqrt(0.25 * 4)
    array([2.])
    """
    centered = check_bool("centered", centered)
    alpha = check_in_range("alpha", alpha, 0.0, 1.0, high_inclusive=False)
    eps = check_positive("eps", eps)

    def init(params: FloatArray) -> Any:
        zeros = np.zeros_like(params, dtype=np.float64)
        return RmsState(zeros, zeros.copy())

    def update(
        grads: FloatArray, state: Any, params: FloatArray | None = None
    ) -> tuple[FloatArray, Any]:
        nu = np.multiply(state.nu, alpha)
        nu += (1.0 - alpha) * np.square(grads)
        mu = _lerp(state.mu, grads, 1.0 - alpha) if centered else state.mu
        denom = np.maximum(nu - np.square(mu), 0.0) if centered else nu.copy()
        np.sqrt(denom, out=denom)
        denom += eps
        return np.divide(grads, denom, out=denom), RmsState(nu, mu)

    return transformation(init, update)


def scale_by_adagrad(
    initial_accumulator_value: float = 0.0, eps: float = 1e-10
) -> GradientTransformation:
    """AdaGrad's ``g / (sqrt(sum of squared gradients) + eps)`` (torch).

    Examples
    --------
    >>> t = scale_by_adagrad()
    >>> u1, state = t.update(np.array([3.0]), t.init(np.zeros(1)))
    >>> u1, t.update(np.array([4.0]), state)[0]  # 3 / 3, then 4 / sqrt(9 + 16)
    (array([1.]), array([0.8]))
    """
    initial = check_in_range("initial_accumulator_value", initial_accumulator_value, 0.0, np.inf)
    eps = check_positive("eps", eps)

    def update(
        grads: FloatArray, state: Any, params: FloatArray | None = None
    ) -> tuple[FloatArray, Any]:
        total = state.sum_of_squares + np.square(grads)
        denom = np.sqrt(total)
        denom += eps
        return np.divide(grads, denom, out=denom), AdagradState(total)

    return transformation(lambda p: AdagradState(np.full(np.shape(p), initial)), update)


def add_decayed_weights(weight_decay: float) -> GradientTransformation:
    """Add ``weight_decay * params`` to the updates (L2 before a chain, decoupled after).

    Examples
    --------
    >>> add_decayed_weights(0.1).update(np.zeros(2), EmptyState(), np.array([1.0, -2.0]))[0]
    array([ 0.1, -0.2])
    """
    weight_decay = check_in_range("weight_decay", weight_decay, 0.0, np.inf)

    def fn(grads: FloatArray, params: FloatArray | None) -> FloatArray:
        if params is None:
            raise ValueError("add_decayed_weights needs params: call update(grads, state, params)")
        return grads + weight_decay * params

    return _stateless(fn)
