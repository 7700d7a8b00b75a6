"""The figure helper: deterministic, self-contained, scheme-aware inline SVG."""

from __future__ import annotations

import base64
import io
import re

import numpy as np
import pytest
from PIL import Image

from lossnotes.figures import FOREGROUND, subplots, to_svg


def line_figure():
    fig, ax = subplots()
    ax.plot([0, 1, 2], [2, 0, 1], label="loss")
    ax.set(title="A title", xlabel="step", ylabel="loss")
    ax.legend()
    return fig


def raster_figure():
    grid = np.linspace(-2, 2, 121)
    fig, ax = subplots()
    ax.contourf(grid, grid, grid[None, :] ** 2 - grid[:, None] ** 2, levels=25, rasterized=True)
    return fig


def ids(svg: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', svg)


def test_same_figure_renders_to_the_same_bytes() -> None:
    first, second = to_svg(line_figure(), alt="x"), to_svg(line_figure(), alt="x")
    # The second copy gets a distinct id prefix but is otherwise identical.
    assert re.sub(r"f[0-9a-f]{10}(-\d+)?", "ID", first) == re.sub(
        r"f[0-9a-f]{10}(-\d+)?", "ID", second
    )


def test_two_figures_on_one_page_share_no_ids() -> None:
    first, second = to_svg(line_figure(), alt="x"), to_svg(line_figure(), alt="x")
    assert ids(first) and not set(ids(first)) & set(ids(second))
    # Every internal reference points at an id of its own figure.
    for svg in (first, second):
        refs = re.findall(r'(?:href="#|url\(#)([^")]+)', svg)
        assert refs and set(refs) <= set(ids(svg))


def test_text_and_axes_follow_the_page_colour() -> None:
    svg = to_svg(line_figure(), alt="x")
    assert FOREGROUND not in svg
    assert "currentColor" in svg
    assert "<style" not in svg, "a <style> in inline SVG would restyle the whole page"
    assert "font-family" not in svg, "text should take the page's font"
    assert "<?xml" not in svg and "<metadata" not in svg and "<!--" not in svg


def test_alt_text_is_escaped_and_required() -> None:
    svg = to_svg(line_figure(), alt='A "quoted" <b>alt</b>', caption="Caption & more")
    assert 'aria-label="A &quot;quoted&quot; &lt;b&gt;alt&lt;/b&gt;"' in svg
    assert "<figcaption>Caption &amp; more</figcaption>" in svg
    with pytest.raises(ValueError, match="alt must be a non-empty description"):
        to_svg(line_figure(), alt="  ")
    with pytest.raises(TypeError, match="fig must be a matplotlib Figure; got list"):
        to_svg([], alt="x")  # type: ignore[arg-type]


def test_rasterized_artists_are_palette_pngs() -> None:
    svg = to_svg(raster_figure(), alt="x")
    payloads = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", svg)
    assert payloads
    for payload in payloads:
        image = Image.open(io.BytesIO(base64.b64decode(payload)))
        assert image.mode == "P", "embedded raster should use a palette"


def numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def test_minified_svg_draws_what_matplotlib_wrote() -> None:
    """Same elements, text and references; every coordinate within 0.005 pt."""
    import xml.etree.ElementTree as ET

    from lossnotes.figures._svg import _minify

    fig = line_figure()
    fig.axes[0].set_yscale("log")  # tick labels become mathtext: <text> with <tspan>s
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    raw = buffer.getvalue()
    small = _minify(raw[raw.index("<svg") :])
    assert len(small) < 0.75 * len(raw)
    referenced = set(re.findall(r'(?:href="#|url\(#)([^")]+)', small))
    assert referenced and referenced <= set(ids(small)), "a reference lost its target"

    def elements(svg: str) -> list[ET.Element]:
        return [
            e for e in ET.fromstring(svg).iter() if not (e.tag.endswith("}defs") and len(e) == 0)
        ]

    before, after = elements(raw), elements(small)
    assert [e.tag for e in before] == [e.tag for e in after]
    for old, new in zip(before, after):
        assert (old.text or "").strip() == (new.text or "").strip()
        for name, value in old.attrib.items():
            if name == "id":
                assert new.get(name) in {None, value}
            elif name == "transform" and re.fullmatch(r"rotate\(-?0 [^)]*\)", value):
                assert new.get(name) is None  # a rotation by zero draws the same
            else:
                assert (
                    re.sub(r"[-\d.e\s]+", " ", new.get(name, "")).split()
                    == re.sub(r"[-\d.e\s]+", " ", value).split()
                )
                assert np.allclose(
                    numbers(new.get(name, "")), numbers(value), rtol=0, atol=0.0051
                ), name
