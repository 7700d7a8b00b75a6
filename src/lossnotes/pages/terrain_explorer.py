"""Build-time data for the terrain explorer page: grids, colour bands, reference paths.

The page draws the ``lossnotes.landscape.SURFACES`` in the browser and recomputes
optimizer paths there with a JavaScript port (``docs/javascripts/explorer/explorer.js``)
of the surfaces and of ``lossnotes.optim``'s update rules. This module exports what
the page embeds: each surface's height grid and colour bands, the reader's default
settings, and reference paths computed here, against which the port is checked; and each
surface's formula, as TeX that the lossnotes plugin typesets at build time.

The data ride in an attribute, not in a ``<script type="application/json">``: Material's
instant navigation re-creates a page's inline scripts without their ``type``, and so
would run the JSON as JavaScript.

A path stops early when an iterate leaves the *escape box* (the plotting window grown
ten-fold about its centre) or a gradient is not finite: unbounded surfaces (saddles)
would otherwise overflow. The port applies the same rule.

Examples
--------
>>> path = trajectory("bowl", "gd", lr=0.25, steps=3, start=(1.0, -2.0))
>>> path.tolist()
[[1.0, -2.0], [0.5, -1.0], [0.25, -0.5], [0.125, -0.25]]
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from pathlib import Path
from string import Template
from typing import Any, NamedTuple

import numpy as np

from lossnotes._validate import (
    as_float_array,
    check_choice,
    check_positive,
    check_positive_int,
    describe,
)
from lossnotes.landscape import SURFACES, get_surface
from lossnotes.optim import GradientTransformation, adam, rmsprop, run, sgd

__all__ = [
    "OPTIMIZERS",
    "DEFAULTS",
    "Settings",
    "make_optimizer",
    "trajectory",
    "outcome",
    "band_levels",
    "explorer_data",
    "explorer_html",
]

PLOTLY = "assets/vendor/plotly-gl3d.min.js"  # where the lossnotes plugin serves Plotly
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
    factory = OPTIMIZERS[check_choice("optimizer", name, tuple(OPTIMIZERS))][2]
    return factory(check_positive("lr", lr), beta)


def trajectory(
    surface: str, optimizer: str, lr: float, steps: int, start: Any = None, beta: float = 0.9
) -> np.ndarray:
    """Iterates of ``optimizer`` on ``surface`` from ``start``, as ``lossnotes.optim.run``.

    Returns an array of shape ``(k + 1, 2)`` with ``k <= steps``: shorter when an
    iterate leaves the escape box or a gradient is not finite (the last row is then the
    first iterate outside the box).
    """
    s = get_surface(surface)
    opt = make_optimizer(optimizer, lr, beta)
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
    s = get_surface(surface)
    x, y = (float(v) for v in as_float_array("point", point))
    distance = min((float(np.hypot(x - a, y - b)) for a, b in s.minima), default=float("nan"))
    return {
        "loss": float(s.f(x, y)),
        "grad_norm": float(np.hypot(*s.grad(x, y))),
        "distance": distance,
    }


def band_levels(z: Any, bands: int = 10) -> np.ndarray:
    """Level boundaries that split the values ``z`` into ``bands`` equally populated bands.

    Equal-area bands show the shape of any surface (a bowl, a banana valley three
    orders of magnitude deep) with one colour map; ties (a plateau) merge bands.

    Examples
    --------
    >>> band_levels(np.arange(10.0), bands=5).tolist()
    [1.8, 3.6, 5.4, 7.2]
    """
    z = as_float_array("z", z).ravel()
    bands = check_positive_int("bands", bands, minimum=2)
    return np.unique(np.quantile(z, np.arange(1, bands) / bands))


def _round(values: np.ndarray, digits: int = 5) -> list[float]:
    return [float(f"{v:.{digits}g}") for v in np.ravel(values)]


def explorer_data(grid: int = 51, check_steps: int = 30) -> dict[str, Any]:
    """Everything the page embeds: surfaces, settings, colours, reference paths.

    ``check`` holds, for every surface and optimizer at the default settings, the first
    ``check_steps`` steps as ``lossnotes`` computes them (full precision), for the
    page's port to be compared against.
    """
    from matplotlib import colormaps

    from lossnotes.figures import PALETTE

    bands = 10
    viridis = colormaps["viridis"]((np.arange(bands) + 0.5) / bands)
    surfaces, check = [], []
    for name, s in SURFACES.items():
        xs, ys = np.linspace(*s.xlim, grid), np.linspace(*s.ylim, grid)
        z = np.array(_round(s.f(*np.meshgrid(xs, ys))))  # bands of the heights embedded
        d = DEFAULTS[name]
        surfaces.append(
            {
                "name": name,
                "title": s.title,
                "formula": s.formula,
                "xlim": s.xlim,
                "ylim": s.ylim,
                "start": s.start,
                "minima": s.minima,
                "lr": d.lr,
                "adaptive_lr": d.adaptive_lr,
                "steps": d.steps,
                "x": _round(xs),
                "y": _round(ys),
                "z": z.tolist(),
                "levels": _round(band_levels(z, bands), 8),
            }
        )
        for opt, (_, adaptive, _) in OPTIMIZERS.items():
            lr = d.adaptive_lr if adaptive else d.lr
            path = trajectory(name, opt, lr, check_steps)
            check.append(
                {
                    "surface": name,
                    "optimizer": opt,
                    "lr": lr,
                    "beta": 0.9,
                    "steps": check_steps,
                    "start": s.start,
                    "path": path.tolist(),
                }
            )
    return {
        "surfaces": surfaces,
        "check": check,
        "escape": ESCAPE,
        "optimizers": [
            {"name": k, "label": v[0], "adaptive": v[1], "colour": PALETTE[i]}
            for i, (k, v) in enumerate(OPTIMIZERS.items())
        ],
        "bands": [
            "#{:02x}{:02x}{:02x}".format(*(int(round(255 * c)) for c in rgba[:3]))
            for rgba in viridis
        ],
    }


def explorer_html(data: dict[str, Any]) -> str:
    """The explorer's markup: controls, formulas, the two views, the summary, the data
    (JSON in the ``data-lx-data`` attribute of a hidden ``<div>``) and the scripts.

    Filled from the template ``terrain_explorer.html`` beside this module (its
    ``$name`` placeholders). Its links start ``lossnotes-root:``, which the lossnotes
    plugin rewrites to the site root relative to the page, so the explorer works on a
    page at any depth. Plotly (the 3-D view) is preloaded behind what the page needs
    first; explorer.js runs it once the contour map, drawn without it, is on screen.
    """
    if not isinstance(data, dict) or not {"surfaces", "optimizers"} <= data.keys():
        raise TypeError(
            "data must be the dict made by explorer_data(), with 'surfaces' and 'optimizers';"
            f" got {describe(data)}"
        )
    options = "".join(
        f'<option value="{escape(s["name"])}">{escape(s["title"])}</option>'
        for s in data["surfaces"]
    )
    boxes = "".join(
        f'<label class="lx-check"><input type="checkbox" data-lx-optimizer="{escape(o["name"])}"'
        f' checked><span class="lx-swatch" style="--lx-colour: {escape(o["colour"])}"'
        f' aria-hidden="true"></span>{escape(o["label"])}</label>'
        for o in data["optimizers"]
    )
    # Each surface's formula, typeset at build time (the plugin replaces \\(...\\)); the
    # page shows the selected one. Hidden ones are out of the accessibility tree too.
    formulas = "".join(
        f'<span class="arithmatex" data-lx-formula="{escape(s["name"])}"{" hidden" * (i > 0)}>'
        f"\\({escape('f(x, y) = ' + s['formula'], quote=False)}\\)</span>"
        for i, s in enumerate(data["surfaces"])
    )
    # In a single-quoted attribute, JSON needs only ' and & escaped (and < > for good measure).
    payload = json.dumps(data, separators=(",", ":"))
    for char, entity in (("&", "&amp;"), ("'", "&#39;"), ("<", "&lt;"), (">", "&gt;")):
        payload = payload.replace(char, entity)
    template = Template((Path(__file__).parent / "terrain_explorer.html").read_text())
    return template.substitute(
        plotly=PLOTLY,
        surface_options=options,
        optimizer_boxes=boxes,
        formulas=formulas,
        payload=payload,
    )
