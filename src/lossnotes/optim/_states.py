"""What a transform is, and the small immutable states the transforms keep between steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_shape

__all__ = [
    "GradientTransformation", "EmptyState", "TraceState", "AdamState", "RmsState",
    "AdagradState", "ScheduleState", "VelocityState", "transformation", "unchecked",
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
