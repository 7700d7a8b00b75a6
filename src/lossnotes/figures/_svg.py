"""Deterministic, scheme-aware inline SVG for the pages.

``to_svg()`` replaces the house style's sentinel foreground colour by
``currentColor``, so inline SVG inherits the page's text colour; rasterized artists
are embedded as compressed PNG inside the SVG while text stays vector.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
from collections import Counter

from matplotlib.figure import Figure
from PIL import Image

from lossnotes._validate import check_instance, check_str
from lossnotes.figures._style import FOREGROUND

_seen_ids: Counter[str] = Counter()


def unique_prefix(svg: str) -> str:
    digest = hashlib.sha1(svg.encode()).hexdigest()[:10]
    _seen_ids[digest] += 1
    count = _seen_ids[digest]
    return f"f{digest}" if count == 1 else f"f{digest}-{count}"


def prefix_ids(svg: str, prefix: str) -> str:
    """Make every id in the SVG unique to this figure, and every reference follow."""
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r'(xlink:href|href)="#([^"]+)"', rf'\1="#{prefix}-\2"', svg)
    return re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)


_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=\s]+)")


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
    >>> from lossnotes.figures._style import subplots
    >>> fig, ax = subplots()
    >>> _ = ax.set_title("t")
    >>> svg = to_svg(fig, alt="An empty plot")
    >>> "currentColor" in svg and "<?xml" not in svg and 'aria-label="An empty plot"' in svg
    True
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure; got {type(fig).__name__}")
    check_instance("fig", fig, Figure, "a matplotlib Figure")
    check_str("caption", caption, optional=True)
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError(f"alt must be a non-empty description of the figure; got {alt!r}")
    svg = svg_markup(fig)
    svg = prefix_ids(svg, unique_prefix(svg))
    label = html.escape(alt.strip(), quote=True)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    body = f'<figure class="lossnotes-figure">{svg.strip()}'
    if caption:
        body += f"<figcaption>{html.escape(caption)}</figcaption>"
    return body + "</figure>"


def svg_markup(fig: Figure) -> str:
    """The figure's minified, scheme-aware ``<svg>`` element, with its ids as matplotlib wrote them."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML declaration and DOCTYPE
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    # A <style> inside inline SVG applies to the whole page; ours lives in figures.css.
    svg = re.sub(r"<style[^>]*>.*?</style>\s*", "", svg, flags=re.S)
    # Text takes the page's font (and size relative to the figure) instead of DejaVu.
    svg = re.sub(r"; font-family: [^;\"]*", "", svg)
    svg = svg.replace(FOREGROUND, "currentColor")
    svg = _PNG.sub(_smaller_png, svg)
    return _minify(svg).strip()
