"""What a transform is, and the small immutable states the transforms keep between steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from lossnotes._validate import FloatArray

__all__ = [
    "GradientTransformation", "EmptyState", "TraceState", "AdamState", "RmsState",
    "AdagradState", "ScheduleState", "VelocityState",
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
