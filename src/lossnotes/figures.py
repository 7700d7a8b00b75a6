"""One house style for every figure, and deterministic inline SVG for the pages.

Figures are drawn with a *sentinel* foreground colour which :func:`to_svg` replaces
by ``currentColor``: inline SVG inherits the page's text colour, so titles, labels,
ticks and axes follow the reader's light or dark scheme with one rendering. Data
colours come from the Okabe-Ito palette (colour-blind safe, mid-luminance so that
lines read on white and on slate). Heavy artists (3-D surfaces, dense images) can be
drawn with ``rasterized=True``: they are embedded as compressed PNG inside the SVG
while text stays vector.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
from collections import Counter
from typing import Any

import matplotlib

matplotlib.use("Agg")  # headless and deterministic, also inside `mkdocs serve`

from cycler import cycler
from matplotlib.figure import Figure
from PIL import Image

#: Drawn as this colour, published as ``currentColor``. Never used by data.
FOREGROUND = "#010203"
#: Okabe & Ito (2008), minus black (our foreground) and yellow (invisible on white).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
#: Sequential colour maps that read in both schemes and for colour-blind readers.
SEQUENTIAL_CMAP = "viridis"
DIVERGING_CMAP = "PuOr"

STYLE: dict[str, Any] = {
    "figure.figsize": (6.0, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 150,  # resolution of rasterized artists inside the SVG
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.transparent": True,
    "svg.fonttype": "none",  # real text: small, selectable, scalable
    "svg.hashsalt": "lossnotes",  # stable clip-path ids from build to build
    "font.family": "sans-serif",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "text.color": FOREGROUND,
    "axes.labelcolor": FOREGROUND,
    "axes.edgecolor": FOREGROUND,
    "xtick.color": FOREGROUND,
    "ytick.color": FOREGROUND,
    "grid.color": FOREGROUND,
    "grid.alpha": 0.15,
    "axes.grid": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "lines.linewidth": 2.0,
    "image.cmap": SEQUENTIAL_CMAP,
    "contour.negative_linestyle": "solid",
}

_seen_ids: Counter[str] = Counter()


def use_house_style() -> None:
    """Apply :data:`STYLE` to matplotlib's global ``rcParams``.

    Text created after this call (titles, labels) reads these settings, which is
    why :func:`subplots` calls it rather than using a temporary context.
    """
    matplotlib.rcParams.update(STYLE)


def subplots(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float] | None = None,
             **kwargs: Any) -> tuple[Figure, Any]:
    """Create a figure in the house style without pyplot's global figure registry.

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes, as :func:`matplotlib.pyplot.subplots`.
    figsize : (float, float), optional
        Size in inches; defaults to 6 x 3.6 per row of one panel.
    **kwargs
        Passed to :meth:`matplotlib.figure.Figure.subplots` (``subplot_kw``,
        ``sharex``, ...).

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes or array of Axes

    Examples
    --------
    >>> fig, ax = subplots()
    >>> _ = ax.plot([0, 1], [1, 0])
    >>> to_svg(fig, alt="A falling line").startswith('<figure class="lossnotes-figure">')
    True
    """
    use_house_style()
    if figsize is None:
        figsize = (min(4.0 * ncols, 10.0) if ncols > 1 else 6.0, 3.6 * nrows)
    fig = Figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=True, **kwargs)
    return fig, axes


def _unique_prefix(svg: str) -> str:
    digest = hashlib.sha1(svg.encode()).hexdigest()[:10]
    _seen_ids[digest] += 1
    count = _seen_ids[digest]
    return f"f{digest}" if count == 1 else f"f{digest}-{count}"


def _prefix_ids(svg: str, prefix: str) -> str:
    """Make every id in the SVG unique to this figure, and every reference follow."""
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'(xlink:href|href)="#([^"]+)"', rf'\1="#{prefix}-\2"', svg)
    return re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)


_PNG = re.compile(r'data:image/png;base64,([A-Za-z0-9+/=\s]+)')


def _smaller_png(match: re.Match[str]) -> str:
    """Re-encode an embedded raster with a 256-colour palette: a third of the bytes.

    Rasterized artists are smooth colour maps and flat fills, which a palette keeps
    visually intact; alpha survives (fast octree quantization supports RGBA).
    """
    image = Image.open(io.BytesIO(base64.b64decode(match[1])))
    palette = image.convert("RGBA").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=True)
    if buffer.tell() >= len(match[1]) * 3 // 4:
        return match[0]  # already small: keep the original
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


_GEOMETRY = re.compile(r'\s(d|x|y|width|height|transform|points)="([^"]*)"')
_DECIMAL = re.compile(r"-?\d+\.\d+")


def _round(match: re.Match[str]) -> str:
    """A coordinate to 0.01 pt (a thousandth of a pixel at any size a page shows)."""
    text = f"{float(match[0]):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _minify(svg: str) -> str:
    """Drop what the browser does not need: about a third of the compressed bytes.

    matplotlib writes coordinates to six decimals, one path command per line, an
    indented tree, an id on every group and a no-op ``rotate(-0 ...)`` on every
    label. Coordinates keep two decimals; ids stay only where something refers to
    them (clip paths, glyph and marker definitions).
    """
    def geometry(match: re.Match[str]) -> str:
        value = _DECIMAL.sub(_round, match[2])
        if match[1] == "d":
            value = " ".join(value.split())
        return f' {match[1]}="{value}"'

    svg = re.sub(r'\stransform="rotate\(-?0 [^")]*\)"', "", svg)
    svg = _GEOMETRY.sub(geometry, svg)
    svg = re.sub(r">\s+<", "><", svg)
    svg = re.sub(r"<defs>\s*</defs>", "", svg)
    referenced = set(re.findall(r'href="#([^"]+)"', svg)) | set(re.findall(r"url\(#([^)]+)\)", svg))
    return re.sub(r'\sid="([^"]+)"', lambda m: m[0] if m[1] in referenced else "", svg)


def to_svg(fig: Figure, *, alt: str, caption: str | None = None) -> str:
    """Render a figure as inline, deterministic, scheme-aware SVG inside ``<figure>``.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure drawn in the house style.
    alt : str
        Text alternative for screen readers: what the figure shows, in one sentence.
    caption : str, optional
        Visible caption below the figure (HTML is escaped).

    Returns
    -------
    str
        ``<figure class="lossnotes-figure"><svg role="img" ...>...</svg></figure>``.

    Examples
    --------
    >>> fig, ax = subplots()
    >>> _ = ax.set_title("t")
    >>> svg = to_svg(fig, alt="An empty plot")
    >>> "currentColor" in svg and "<?xml" not in svg and 'aria-label="An empty plot"' in svg
    True
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure; got {type(fig).__name__}")
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError(f"alt must be a non-empty description of the figure; got {alt!r}")
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML declaration and DOCTYPE
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    # A <style> inside inline SVG applies to the whole page; ours lives in figures.css.
    svg = re.sub(r"<style[^>]*>.*?</style>\s*", "", svg, flags=re.S)
    # Text takes the page's font (and size relative to the figure) instead of DejaVu.
    svg = re.sub(r"; font-family: [^;\"]*", "", svg)
    svg = svg.replace(FOREGROUND, "currentColor")
    svg = _PNG.sub(_smaller_png, svg)
    svg = _minify(svg)
    svg = _prefix_ids(svg, _unique_prefix(svg))
    label = html.escape(alt.strip(), quote=True)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    body = f'<figure class="lossnotes-figure">{svg.strip()}'
    if caption:
        body += f"<figcaption>{html.escape(caption)}</figcaption>"
    return body + "</figure>"
