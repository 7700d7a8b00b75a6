"""Build-time data for the terrain explorer page: grids, colour bands, reference paths.

The page draws the :data:`lossnotes.terrain.SURFACES` in the browser and recomputes
optimizer paths there with a JavaScript port (``docs/javascripts/explorer/explorer.js``)
of the surfaces and of :mod:`lossnotes.optim`'s update rules. This module exports what
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
from typing import Any, Callable, NamedTuple

import numpy as np

from lossnotes._validate import as_float_array, check_choice, check_positive, check_positive_int
from lossnotes.optim import Optimizer, adam, apply_updates, rmsprop, sgd
from lossnotes.terrain import SURFACES, get_surface

__all__ = ["OPTIMIZERS", "DEFAULTS", "Settings", "make_optimizer", "trajectory", "outcome",
           "band_levels", "explorer_data", "explorer_html"]

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
OPTIMIZERS: dict[str, tuple[str, bool, Callable[[float, float], Optimizer]]] = {
    "gd": ("Gradient descent", False, lambda lr, beta: sgd(lr)),
    "momentum": ("Momentum", False, lambda lr, beta: sgd(lr, momentum=beta)),
    "nesterov": ("Nesterov", False, lambda lr, beta: sgd(lr, momentum=beta, nesterov=True)),
    "rmsprop": ("RMSProp", True, lambda lr, beta: rmsprop(lr)),
    "adam": ("Adam", True, lambda lr, beta: adam(lr)),
}
"""The explorer's optimizers: label, whether it uses the adaptive learning rate, factory."""


def make_optimizer(name: str, lr: float, beta: float = 0.9) -> Optimizer:
    """The explorer's optimizer ``name`` (a key of :data:`OPTIMIZERS`), torch's conventions.

    Examples
    --------
    >>> make_optimizer("nesterov", 0.1).update(np.array([1.0]), make_optimizer("nesterov", 0.1)
    ...     .init(np.zeros(1)), np.zeros(1))[0]  # g + beta * buf with buf = g: 1.9 g
    array([-0.19])
    """
    factory = OPTIMIZERS[check_choice("optimizer", name, tuple(OPTIMIZERS))][2]
    return factory(check_positive("lr", lr), beta)


def trajectory(surface: str, optimizer: str, lr: float, steps: int,
               start: Any = None, beta: float = 0.9) -> np.ndarray:
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
    path, state = [x], opt.init(x)
    for _ in range(steps):
        grads = np.array(s.grad(x[0], x[1]), dtype=np.float64)
        if not np.all(np.isfinite(grads)):
            break
        updates, state = opt.update(grads, state, x)
        x = apply_updates(x, updates)
        path.append(x)
        if not (np.all(np.isfinite(x)) and np.all(np.abs(x - centre) <= half)):
            break
    return np.array(path)


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
    return {"loss": float(s.f(x, y)), "grad_norm": float(np.hypot(*s.grad(x, y))),
            "distance": distance}


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
        surfaces.append({
            "name": name, "title": s.title, "formula": s.formula, "xlim": s.xlim, "ylim": s.ylim,
            "start": s.start, "minima": s.minima, "lr": d.lr, "adaptive_lr": d.adaptive_lr,
            "steps": d.steps, "x": _round(xs), "y": _round(ys), "z": z.tolist(),
            "levels": _round(band_levels(z, bands), 8),
        })
        for opt, (_, adaptive, _) in OPTIMIZERS.items():
            lr = d.adaptive_lr if adaptive else d.lr
            path = trajectory(name, opt, lr, check_steps)
            check.append({"surface": name, "optimizer": opt, "lr": lr, "beta": 0.9,
                          "steps": check_steps, "start": s.start, "path": path.tolist()})
    return {
        "surfaces": surfaces, "check": check, "escape": ESCAPE,
        "optimizers": [{"name": k, "label": v[0], "adaptive": v[1], "colour": PALETTE[i]}
                       for i, (k, v) in enumerate(OPTIMIZERS.items())],
        "bands": ["#{:02x}{:02x}{:02x}".format(*(int(round(255 * c)) for c in rgba[:3]))
                  for rgba in viridis],
    }


_CONTROLS = """\
<div class="lx-controls">
<p class="lx-field"><label for="lx-surface">Surface</label>
<select id="lx-surface" data-lx="surface">{surface_options}</select></p>
<p class="lx-formula" data-lx="formula">{formulas}</p>
<fieldset class="lx-field lx-optimizers"><legend>Optimizers</legend>{optimizer_boxes}</fieldset>
<p class="lx-field"><label for="lx-lr">Learning rate: gradient descent, momentum, Nesterov</label>
<input id="lx-lr-log" data-lx="lr_log" type="range" min="-4" max="0" step="0.05"
 aria-label="Learning rate of gradient descent, momentum and Nesterov, on a log scale">
<input id="lx-lr" data-lx="lr" type="number" min="0.0001" max="10" step="any"></p>
<p class="lx-field"><label for="lx-adaptive-lr">Learning rate: RMSProp, Adam</label>
<input id="lx-adaptive-lr-log" data-lx="adaptive_lr_log" type="range" min="-4" max="0" step="0.05"
 aria-label="Learning rate of RMSProp and Adam, on a log scale">
<input id="lx-adaptive-lr" data-lx="adaptive_lr" type="number" min="0.0001" max="10" step="any"></p>
<p class="lx-field"><label for="lx-steps">Steps</label>
<input id="lx-steps-range" data-lx="steps_range" type="range" min="1" max="1000" step="1"
 aria-label="Steps (slider)">
<input id="lx-steps" data-lx="steps" type="number" min="1" max="2000" step="1"></p>
<p class="lx-field"><label for="lx-beta">Momentum coefficient (momentum, Nesterov)</label>
<input id="lx-beta" data-lx="beta" type="number" min="0" max="0.99" step="0.01"></p>
<p class="lx-field"><span id="lx-start-label">Start</span>
<label class="lx-inline" for="lx-x0">x</label>
<input id="lx-x0" data-lx="x0" type="number" step="0.05" aria-describedby="lx-start-label">
<label class="lx-inline" for="lx-y0">y</label>
<input id="lx-y0" data-lx="y0" type="number" step="0.05" aria-describedby="lx-start-label"></p>
<p class="lx-field"><button type="button" class="md-button" data-lx="reset">Reset settings</button>
<button type="button" class="md-button" data-lx="reset_view">Reset 3-D view</button></p>
</div>"""

_VIEWS = """\
<div class="lx-views">
<figure class="lx-figure">
<div class="lx-view" id="lx-view3d" data-lx="view3d" tabindex="0" role="application"
 aria-roledescription="3-D view" aria-label="3-D surface with the paths. Drag to rotate, scroll or pinch
 to zoom; with the keyboard, arrow keys rotate and plus and minus zoom." aria-describedby="lx-status"></div>
<figcaption>The surface in 3-D: drag (or use the arrow keys) to rotate, scroll or pinch (or + and
&minus;) to zoom.</figcaption>
</figure>
<figure class="lx-figure">
<div class="lx-view" id="lx-view2d" data-lx="view2d" tabindex="0" role="application"
 aria-roledescription="contour map" aria-label="Contour map with the paths. Click to start there;
 with the keyboard, arrow keys move the start." aria-describedby="lx-status"></div>
<figcaption>The same surface from above, in bands of equal area (dark = low): click a point
(or use the arrow keys) to start there. A star marks each global minimum.</figcaption>
</figure>
</div>
<p class="lx-status" id="lx-status" data-lx="status" role="status" aria-live="polite">
Loading the explorer&hellip;</p>
<div class="lx-tablewrap" tabindex="0" role="region" aria-label="Where each optimizer ended up">
<table class="lx-table"><caption>Where each optimizer ended up</caption>
<thead><tr><th scope="col">Optimizer</th><th scope="col">Steps</th><th scope="col">End point</th>
<th scope="col">Loss</th><th scope="col">Distance to a global minimum</th>
<th scope="col">Verdict</th></tr></thead>
<tbody data-lx="table"></tbody></table></div>"""


def explorer_html(data: dict[str, Any], root: str = "../../") -> str:
    """The explorer's markup: controls, formulas, the two views, the summary, the data
    (JSON in the ``data-lx-data`` attribute of a hidden ``<div>``) and the scripts.

    ``root`` is the site root relative to the page (``../../`` for ``chapter/<page>/``).
    """
    from html import escape

    options = "".join(f'<option value="{s["name"]}">{escape(s["title"])}</option>'
                      for s in data["surfaces"])
    boxes = "".join(
        f'<label class="lx-check"><input type="checkbox" data-lx-optimizer="{o["name"]}" checked>'
        f'<span class="lx-swatch" style="--lx-colour: {o["colour"]}" aria-hidden="true"></span>'
        f'{escape(o["label"])}</label>' for o in data["optimizers"])
    # Each surface's formula, typeset at build time (the plugin replaces \(...\)); the
    # page shows the selected one. Hidden ones are out of the accessibility tree too.
    formulas = "".join(
        f'<span class="arithmatex" data-lx-formula="{s["name"]}"{" hidden" * (i > 0)}>'
        f'\\({escape("f(x, y) = " + s["formula"], quote=False)}\\)</span>'
        for i, s in enumerate(data["surfaces"]))
    # In a single-quoted attribute, JSON needs only ' and & escaped (and < > for good measure).
    payload = (json.dumps(data, separators=(",", ":")).replace("&", "&amp;").replace("'", "&#39;")
               .replace("<", "&lt;").replace(">", "&gt;"))
    # One <div> holds everything, so that Markdown passes it through as a block of HTML.
    return (
        '<div class="lx" id="terrain-explorer" data-lossnotes-explorer>\n'
        f'<link rel="stylesheet" href="{root}javascripts/explorer/explorer.css">\n'
        # fetch Plotly (for the 3-D view) alongside the page, behind what the page needs first;
        # explorer.js runs it once the contour map, drawn without it, is on screen
        f'<link rel="preload" href="{root}{PLOTLY}" as="script" fetchpriority="low">\n'
        + _CONTROLS.format(surface_options=options, optimizer_boxes=boxes, formulas=formulas)
        + "\n" + _VIEWS
        + f"\n<div hidden data-lx-data='{payload}'></div>\n"
        '<noscript><p>The explorer needs JavaScript; the text above describes what it shows.</p>'
        '</noscript>\n'
        f'<script src="{root}javascripts/explorer/port.js"></script>\n'
        f'<script src="{root}javascripts/explorer/explorer.js"></script>\n</div>\n'
    )
