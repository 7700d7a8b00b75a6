"""What the explorer page embeds: height grids, colour bands, formulas, and its HTML.

The data ride in an attribute, not in a ``<script type="application/json">``: Material's
instant navigation re-creates a page's inline scripts without their ``type``, and so
would run the JSON as JavaScript.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from string import Template
from typing import Any

import numpy as np

from lossnotes._validate import (
    as_float_array,
    check_positive_int,
    check_sequence,
    check_str,
    describe,
)
from lossnotes.landscape import SURFACES
from lossnotes.pages.terrain_explorer._paths import DEFAULTS, ESCAPE, OPTIMIZERS, trajectory

PLOTLY = "assets/vendor/plotly-gl3d.min.js"  # where the lossnotes plugin serves Plotly


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
    grid = check_positive_int("grid", grid, minimum=2)
    check_steps = check_positive_int("check_steps", check_steps)
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


def _field(record: Any, key: str) -> Any:
    if not isinstance(record, dict) or key not in record:
        raise TypeError(
            f"data must be the dict made by explorer_data(); {key!r} is missing from "
            f"{describe(record)}"
        )
    return record[key]


def explorer_html(data: dict[str, Any]) -> str:
    """The explorer's markup: controls, formulas, the two views, the summary, the data
    (JSON in the ``data-lx-data`` attribute of a hidden ``<div>``) and the scripts.

    Filled from the template ``explorer.html`` beside this module (its
    ``$name`` placeholders). Its links start ``lossnotes-root:``, which the lossnotes
    plugin rewrites to the site root relative to the page, so the explorer works on a
    page at any depth. Plotly (the 3-D view) is fetched by explorer.js once the contour
    map, drawn without it, is on screen and the 3-D view nears the viewport.
    """
    for key, fields in (("surfaces", ("name", "title", "formula")),
                        ("optimizers", ("name", "label", "colour"))):  # fmt: skip
        items = check_sequence(f"data[{key!r}]", _field(data, key), "dicts")
        for i, item in enumerate(items):
            for name in fields:
                check_str(f"data[{key!r}][{i}][{name!r}]", _field(item, name))
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
    template = Template((Path(__file__).parent / "explorer.html").read_text())
    return template.substitute(
        surface_options=options,
        optimizer_boxes=boxes,
        formulas=formulas,
        payload=payload,
    )
