"""What a transform is, how transforms combine (``chain``) and apply (``apply_updates``), and
the small immutable states the transforms keep between steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_shape

__all__ = [
    "GradientTransformation", "EmptyState", "TraceState", "AdamState", "RmsState",
    "AdagradState", "ScheduleState", "VelocityState", "transformation", "unchecked", "apply_updates", "chain",
]  # fmt: skip


class GradientTransformation(NamedTuple):
    """A gradient transformation: two pure functions (also used for single transforms)."""

    init: Callable[[FloatArray], Any]
    update: Callable[..., tuple[FloatArray, Any]]


class EmptyState(NamedTuple):
    """State of a stateless transform."""


class TraceState(NamedTuple):
    count: int  # type: ignore[assignment]  # optax's name; it shadows tuple.count
    trace: FloatArray


class AdamState(NamedTuple):
    count: int  # type: ignore[assignment]  # optax's name; it shadows tuple.count
    mu: FloatArray
    nu: FloatArray


class RmsState(NamedTuple):
    nu: FloatArray  # moving average of squared gradients
    mu: FloatArray  # moving average of gradients (used only when centered)


class AdagradState(NamedTuple):
    sum_of_squares: FloatArray


class ScheduleState(NamedTuple):
    count: int  # type: ignore[assignment]  # optax's name; it shadows tuple.count


class VelocityState(NamedTuple):
    velocity: FloatArray


def _state_shape(state: Any) -> tuple[int, ...] | None:
    """Shape of the first array held in a (possibly nested) state, if any."""
    if isinstance(state, np.ndarray):
        return state.shape
    for item in state if isinstance(state, tuple) else ():
        shape = _state_shape(item)
        if shape is not None:
            return shape
    return None


def transformation(
    init: Callable[[FloatArray], Any], update: Callable[..., tuple[FloatArray, Any]]
) -> GradientTransformation:
    """A ``GradientTransformation`` whose ``init`` and ``update`` check their arguments.

    ``params`` and ``grads`` must be real numbers (integers become float64), finite,
    and ``grads`` must have the shape of ``params`` (of the state's arrays when
    ``params`` is not given); ``state`` must be of the type ``init`` returns. The
    unchecked ``update`` stays reachable by ``unchecked()``, for ``chain()`` and the
    loops, which check once for all their parts.

    Examples
    --------
    >>> t = transformation(lambda p: VelocityState(np.zeros_like(p)), lambda g, s, p=None: (g, s))
    >>> t.update(np.ones(3), t.init(np.zeros((3, 1))))
    Traceback (most recent call last):
    ...
    ValueError: grads must have the shape of the state's arrays (3, 1); got (3,)
    """
    state_type = type(init(np.zeros(0)))

    def checked_init(params: Any) -> Any:
        return init(as_float_array("params", params, allow_empty=True))

    def checked_update(grads: Any, state: Any, params: Any = None) -> tuple[FloatArray, Any]:
        if type(state) is not state_type:
            raise TypeError(
                f"state must be a {state_type.__name__} as returned by init() or update(); "
                f"got {type(state).__name__}"
            )
        grads = as_float_array("grads", grads, allow_empty=True)
        shape = _state_shape(state)
        if params is not None:
            params = as_float_array("params", params, allow_empty=True)
            check_shape("grads", grads, params.shape, "params")
        if shape is not None:
            check_shape("grads", grads, shape, "the state's arrays")
        return update(grads, state, params)

    checked_update.unchecked = update  # type: ignore[attr-defined]  # see unchecked()
    return GradientTransformation(checked_init, checked_update)


def unchecked(
    update: Callable[..., tuple[FloatArray, Any]],
) -> Callable[..., tuple[FloatArray, Any]]:
    """The update function behind a checked one (or ``update`` itself, if not checked)."""
    return getattr(update, "unchecked", update)


def apply_updates(params: FloatArray, updates: FloatArray) -> FloatArray:
    """Return ``params + updates`` as a new array.

    Examples
    --------
    >>> apply_updates(np.array([1.0, 2.0]), np.array([-0.5, 0.5]))
    array([0.5, 2.5])
    >>> apply_updates(np.zeros((3, 1)), np.ones(3))
    Traceback (most recent call last):
    ...
    ValueError: updates must have the shape of params (3, 1); got (3,)
    """
    params = as_float_array("params", params, allow_empty=True)
    updates = as_float_array("updates", updates, allow_empty=True)
    check_shape("updates", updates, params.shape, "params")
    return np.add(params, updates)


def chain(*transforms: GradientTransformation) -> GradientTransformation:
    """Apply transforms in order; the state is the tuple of their states.

    Examples
    --------
    >>> from lossnotes.optim import scale, scale_by_learning_rate
    >>> opt = chain(scale(2.0), scale_by_learning_rate(0.1))
    >>> updates, _ = opt.update(np.array([1.0]), opt.init(np.zeros(1)), np.zeros(1))
    >>> updates
    array([-0.2])
    """
    for i, t in enumerate(transforms):
        if not isinstance(t, GradientTransformation):
            raise TypeError(
                f"transforms[{i}] must be a GradientTransformation; got {type(t).__name__}"
            )

    def init(params: FloatArray) -> Any:
        return tuple(t.init(params) for t in transforms)

    def update(
        grads: FloatArray, state: Any, params: FloatArray | None = None
    ) -> tuple[FloatArray, Any]:
        new_states = []
        for t, s in zip(transforms, state):
            grads, s = unchecked(t.update)(grads, s, params)
            new_states.append(s)
        return grads, tuple(new_states)

    return transformation(init, update)
