"""A figure the reader moves: every frame drawn at build time, one slider (or two).

The author writes an ordinary drawing function of one parameter (or two); the build
draws it at every value, in the house style, and the page gets the default frame as
a normal static figure, a labelled range input, and the frame's key numbers in a live
region. One shared script (``docs/javascripts/figures.js``) swaps frames; without it
the default frame stays. Frames are shipped compactly (:mod:`._frames`).
"""

from __future__ import annotations

import html
import itertools
import json
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from lossnotes._validate import as_float_array, check_callable, check_str
from lossnotes.figures._frames import encode, split_svg
from lossnotes.figures._svg import prefix_ids, svg_markup, unique_prefix

#: One entry per interactive figure rendered in this process, for the build report.
rendered: list[dict[str, Any]] = []


def _panels(drawn: Any) -> list[Figure]:
    figs = list(drawn) if isinstance(drawn, (tuple, list)) else [drawn]
    if not figs or not all(isinstance(fig, Figure) for fig in figs):
        raise TypeError(
            f"draw must return a matplotlib Figure or a tuple of them; got {type(drawn).__name__}"
        )
    return figs


def _axis(name: str, values: Any) -> Any:
    axis = as_float_array(name, values, ndim=1)
    if len(axis) < 2:
        raise ValueError(f"{name} must hold at least two values; got {len(axis)}")
    return axis


def _default(name: str, values: Any, default: Any) -> int:
    if default is None:
        return (len(values) - 1) // 2
    target = as_float_array(name, default, ndim=0)
    return int(abs(values - target).argmin())


def _slider(key: str, axis: int, label: str, shown: list[str], start: int) -> str:
    ident = f"{key}-{axis}"
    return (
        f'<div class="lossnotes-slider"><label for="{ident}">{html.escape(label)}</label>'
        f'<input type="range" id="{ident}" min="0" max="{len(shown) - 1}" step="1" '
        f'value="{start}" aria-valuetext="{html.escape(shown[start])}">'
        f'<output for="{ident}">{html.escape(shown[start])}</output></div>'
    )


def interactive_figure(
    draw: Callable[..., Any],
    values: Sequence[float],
    *,
    label: str,
    alt: str,
    text: Callable[..., str] | None = None,
    fmt: str = "{:.3g}",
    default: float | None = None,
    values2: Sequence[float] | None = None,
    label2: str | None = None,
    default2: float | None = None,
) -> str:
    """Draw ``draw(value)`` at every value and return HTML with a slider over the frames.

    Parameters
    ----------
    draw : callable
        ``draw(value)`` (``draw(value, value2)`` with ``values2``), each value as given in
        ``values`` (an int stays an int), returns a matplotlib
        Figure in the house style, or a tuple of them shown side by side (they stack on
        a narrow screen). Every frame must have the same size.
    values : sequence of float
        The values the slider steps through, at least two.
    label : str
        What the slider sets, with units, e.g. ``"Step size η (per step)"``.
    alt : str
        Text alternative of the figure (of every panel), in one sentence.
    text : callable, optional
        ``text(value)`` returns the frame's key numbers as one line, shown in a live
        region under the figure.
    fmt : str, default ``"{:.3g}"``
        How the current value is shown beside the slider.
    default : float, optional
        The value shown first (the nearest of ``values``); the middle one by default.
    values2, label2, default2 : optional
        A second slider: frames over the grid of ``values`` and ``values2``.

    Returns
    -------
    str
        HTML to print from a ``python exec="1" html="1"`` block.

    Examples
    --------
    >>> from lossnotes.figures import subplots
    >>> def draw(slope):
    ...     fig, ax = subplots()
    ...     ax.plot([0, 1], [0, slope])
    ...     return fig
    >>> page = interactive_figure(draw, [0.5, 1.0, 2.0], label="Slope", alt="A line",
    ...                           text=lambda s: f"slope {s:g}")
    >>> page.count('type="range"'), 'aria-live="polite">slope 1</p>' in page
    (1, True)
    """
    check_callable("draw", draw)
    check_callable("text", text, optional=True)
    check_str("label", label, one_line=True)
    check_str("alt", alt, one_line=True)
    check_str("fmt", fmt)
    if not alt.strip() or not label.strip():
        raise ValueError("alt and label must say what the figure and the slider show")
    axes = [_axis("values", values)]
    labels = [label]
    starts = [_default("default", axes[0], default)]
    if values2 is not None:
        axes.append(_axis("values2", values2))
        check_str("label2", label2, one_line=True)
        labels.append(str(label2))
        starts.append(_default("default2", axes[1], default2))
    try:
        shown = [[fmt.format(v) for v in axis] for axis in axes]
    except (ValueError, IndexError, KeyError) as error:
        raise ValueError(f"fmt must format one number, like '{{:.3g}}'; got {fmt!r}") from error
    began = time.perf_counter()
    # draw gets the values as given (ints stay ints), as Python numbers.
    given = [np.asarray(values).tolist()] + (
        [np.asarray(values2).tolist()] if len(axes) > 1 else []
    )
    grid = list(itertools.product(*given))
    drawings: list[list[str]] = []
    texts: list[str] = []
    for point in grid:
        figs = _panels(draw(*point))
        drawings.append([svg_markup(fig) for fig in figs])
        texts.append(check_str("text(value)", text(*point), one_line=True) if text else "")
    start = starts[0] * len(axes[1]) + starts[1] if len(axes) == 2 else starts[0]
    key = "i" + unique_prefix(json.dumps([drawings, texts]))
    if len({len(frame) for frame in drawings}) != 1:
        raise ValueError("every frame drawn by draw must have the same number of panels")
    openings, bodies = [], []
    for p in range(len(drawings[start])):
        parts = [split_svg(prefix_ids(frame[p], f"{key}p{p}")) for frame in drawings]
        if len({opening for opening, _ in parts}) != 1:
            raise ValueError("every frame drawn by draw must have the same size")
        openings.append(parts[0][0])
        bodies.append([body for _, body in parts])
    data = encode(bodies, start)
    data.update(texts=texts, shown=shown, sizes=[len(axis) for axis in axes])
    rendered.append(
        {"alt": alt, "frames": len(grid), "seconds": round(time.perf_counter() - began, 3)}
    )
    named = f'<svg role="img" aria-label="{html.escape(alt.strip(), quote=True)}" '
    figures = "".join(
        f'<figure class="lossnotes-figure">{opening.replace("<svg ", named, 1)}{body[start]}</svg></figure>'
        for opening, body in zip(openings, bodies)
    )
    sliders = "".join(_slider(key, i, labels[i], shown[i], starts[i]) for i in range(len(axes)))
    payload = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<div class="lossnotes-interactive" id="{key}">'
        f'<div class="lossnotes-panels">{figures}</div>'
        f'<div class="lossnotes-controls" hidden>{sliders}</div>'
        f'<p class="lossnotes-frame-text" aria-live="polite">{html.escape(texts[start])}</p>'
        f'<script type="application/json" class="lossnotes-frames">{payload}</script></div>'
    )
