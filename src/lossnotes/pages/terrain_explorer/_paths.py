"""The explorer's optimizers and default settings, and the reference paths the page checks.

A path stops early when an iterate leaves the *escape box* (the plotting window grown
ten-fold about its centre) or a gradient is not finite: unbounded surfaces (saddles)
would otherwise overflow. The page's JavaScript port applies the same rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from lossnotes._validate import (
    as_float_array,
    check_choice,
    check_in_range,
    check_positive,
    check_positive_int,
    check_shape,
)
from lossnotes.landscape import SURFACES, get_surface
from lossnotes.optim import GradientTransformation, adam, rmsprop, run, sgd

ESCAPE = 10.0  # the escape box is the plotting window grown this many times about its centre


class Settings(NamedTuple):
    """A surface's default settings: learning rates for the SGD family and the adaptive
    optimizers (their steps are about ``lr`` whatever the gradient's scale), and steps."""

    lr: float
    adaptive_lr: float
    steps: int


DEFAULTS: dict[str, Settings] = {
    "bowl": Settings(0.1, 0.1, 60), "ill_conditioned": Settings(0.05, 0.1, 100),
    "saddle": Settings(0.1, 0.1, 60), "monkey_saddle": Settings(0.05, 0.05, 60),
    "rastrigin": Settings(0.01, 0.05, 150), "rosenbrock": Settings(0.001, 0.05, 500),
    "himmelblau": Settings(0.01, 0.1, 200), "plateau": Settings(0.1, 0.1, 100),
}  # fmt: skip
"""Default settings of the explorer, by surface name."""

# name -> (label, adaptive?, factory(lr, beta)); torch's defaults otherwise.
OPTIMIZERS: dict[str, tuple[str, bool, Callable[[float, float], GradientTransformation]]] = {
    "gd": ("Gradient descent", False, lambda lr, beta: sgd(lr)),
    "momentum": ("Momentum", False, lambda lr, beta: sgd(lr, momentum=beta)),
    "nesterov": ("Nesterov", False, lambda lr, beta: sgd(lr, momentum=beta, nesterov=True)),
    "rmsprop": ("RMSProp", True, lambda lr, beta: rmsprop(lr)),
    "adam": ("Adam", True, lambda lr, beta: adam(lr)),
}
"""The explorer's optimizers: label, whether it uses the adaptive learning rate, factory."""


def make_optimizer(name: str, lr: float, beta: float = 0.9) -> GradientTransformation:
    """The explorer's optimizer ``name`` (a key of ``OPTIMIZERS``), torch's conventions.

    Examples
    --------
    >>> make_optimizer("nesterov", 0.1).update(np.array([1.0]), make_optimizer("nesterov", 0.1)
    ...     .init(np.zeros(1)), np.zeros(1))[0]  # g + beta * buf with buf = g: 1.9 g
    array([-0.19])
    """
    factory = OPTIMIZERS[check_choice("name", name, tuple(OPTIMIZERS))][2]
    beta = check_in_range("beta", beta, 0.0, 1.0, high_inclusive=False)
    return factory(check_positive("lr", lr), beta)


def trajectory(
    surface: str, optimizer: str, lr: float, steps: int, start: Any = None, beta: float = 0.9
) -> np.ndarray:
    """Iterates of ``optimizer`` on ``surface`` from ``start``, as ``lossnotes.optim.run``.

    Returns an array of shape ``(k + 1, 2)`` with ``k <= steps``: shorter when an
    iterate leaves the escape box or a gradient is not finite (the last row is then the
    first iterate outside the box).
    """
    s = get_surface(check_choice("surface", surface, tuple(SURFACES)))
    opt = make_optimizer(check_choice("optimizer", optimizer, tuple(OPTIMIZERS)), lr, beta)
    x = as_float_array("start", s.start if start is None else start)
    if x.shape != (2,):
        raise ValueError(f"start must be a point (x, y); got shape {x.shape}")
    steps = check_positive_int("steps", steps)
    centre = np.array([sum(s.xlim), sum(s.ylim)]) / 2
    half = ESCAPE * np.array([s.xlim[1] - s.xlim[0], s.ylim[1] - s.ylim[0]]) / 2

    def gradient(point: np.ndarray) -> np.ndarray:
        return np.array(s.grad(point[0], point[1]), dtype=np.float64)

    def escaped(point: np.ndarray) -> bool:
        # Out of the escape box, or nowhere a step can be taken from: the path ends here.
        inside = np.all(np.isfinite(point)) and np.all(np.abs(point - centre) <= half)
        return not (inside and np.all(np.isfinite(gradient(point))))

    return run(opt, gradient, x, steps, stop=escaped)


def outcome(surface: str, point: Any) -> dict[str, float]:
    """Loss, gradient norm and distance to the nearest known global minimum at ``point``.

    Examples
    --------
    >>> {k: round(v, 4) for k, v in outcome("himmelblau", (3.0, 2.5)).items()}
    {'loss': 5.3125, 'grad_norm': 25.7391, 'distance': 0.5}
    """
    s = get_surface(check_choice("surface", surface, tuple(SURFACES)))
    point = as_float_array("point", point)
    check_shape("point", point, (2,), "a point (x, y)")
    x, y = (float(v) for v in point)
    distance = min((float(np.hypot(x - a, y - b)) for a, b in s.minima), default=float("nan"))
    return {
        "loss": float(s.f(x, y)),
        "grad_norm": float(np.hypot(*s.grad(x, y))),
        "distance": distance,
    }
