"""Every figure is legible in the light and the dark scheme, from one rendering.

Markup: the figures of the built site are SVG drawings, each <use>d by its page
from a file, whose text and axes take ``currentColor``; the only rasters are notebook outputs, which the plugin's style
sheet inverts in the dark scheme. Browser: in both schemes the figures' text
contrasts with the page by at least 4.5:1 (WCAG AA), and screenshots are saved
(to ``$LOSSNOTES_SCREENSHOTS`` when set) for a person to look at.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from browsing import new_context, open_page, wait_for_drawing
from checks import contrast, rgb

FIGURE = re.compile(r'<figure class="lossnotes-figure">(.*?)</figure>', re.S)
DARK_INK = re.compile(
    r"(?:fill|stroke|color)\s*[:=]\s*\"?\s*(?:#000000|#000\b|black\b|#010203)", re.I
)
OPAQUE_BACKGROUND = re.compile(r'style="fill: #ffffff"', re.I)


def site_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("index.html") if "assets" not in path.parts)


# The <use> names its file in data-src until figures.js loads it (assets/figures.py).
USE = re.compile(r'^<svg\b[^>]*><use (?:xlink:href|data-src)="([^"#]+)#figure"/></svg>')


def drawing(page: Path, figure: str) -> str:
    """The figure's drawing: the SVG file its <use> refers to (the plugin moves it there)."""
    used = USE.match(figure)
    assert used, f"{page}: figure is not a <use> of a drawing file: {figure[:200]}"
    return (page.parent / used[1]).resolve().read_text()


@pytest.mark.build
def test_figures_are_scheme_aware_svg(built_site: Path) -> None:
    figures = 0
    for page in site_pages(built_site):
        html = page.read_text()
        for figure in FIGURE.findall(html):
            figures += 1
            where = f"{page.relative_to(built_site)}: figure {figures}"
            assert (
                figure.startswith("<svg") and 'role="img"' in figure and "aria-label=" in figure
            ), where
            figure = drawing(page, figure)
            assert "currentColor" in figure, f"{where} does not follow the page's colour"
            assert not DARK_INK.search(figure), (
                f"{where} has hard-coded black: {DARK_INK.search(figure)[0]}"
            )
            assert not OPAQUE_BACKGROUND.search(figure), f"{where} has an opaque white background"
        # Rasters outside SVG figures are notebook outputs, which the dark scheme inverts.
        for match in re.finditer(r"<img\b[^>]*\bsrc=\"data:image/", html):
            before = html[: match.start()]
            assert before.rfind("jp-RenderedImage") > before.rfind("</div>"), (
                f"{page.relative_to(built_site)}: a raster image outside a notebook output"
            )
    assert figures >= 1
    css = (built_site / "assets" / "lossnotes-build.css").read_text()
    assert '[data-md-color-scheme="slate"] .jupyter-wrapper .jp-RenderedImage img' in css
    assert "invert(1)" in css


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_read_in_both_schemes(
    built_site: Path, browser, site_url: str, scheme: str, tmp_path: Path
) -> None:
    # One Playwright per process: the session's browser (tests/browser/conftest.py).
    url = site_url
    with_figures = [
        p for p in site_pages(built_site) if 'class="lossnotes-figure"' in p.read_text()
    ]
    notebooks = [p for p in site_pages(built_site) if "jp-RenderedImage" in p.read_text()]
    assert with_figures
    shots = Path(os.environ.get("LOSSNOTES_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    context, traffic = new_context(browser, url, scheme)
    checked = 0
    for path in with_figures + notebooks[:1]:
        if path in with_figures and checked >= 3:
            continue
        relative = path.parent.relative_to(built_site).as_posix()
        open_page(context, traffic, url + (relative + "/" if relative != "." else ""))
        tab = context.pages[0]
        expected = "slate" if scheme == "dark" else "default"
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
        if path in with_figures:
            visible = tab.locator(".lossnotes-figure svg >> visible=true")
            if not visible.count():
                continue  # every figure of the page is in a closed <details> or tab
            checked += 1
            figure = visible.first
            assert wait_for_drawing(figure), f"{relative}: the first figure's drawing did not load"
            # The drawings' text is currentColor inside a <use>: it takes the <use>'s colour.
            fills = tab.evaluate(
                "[...document.querySelectorAll('.lossnotes-figure svg use')]"
                ".map(u => getComputedStyle(u).color)"
            )
            assert fills, f"{relative}: no text in the figures"
            page_colour = rgb(background)
            assert page_colour is not None, f"{relative}: transparent page background"
            colours = [rgb(fill) for fill in set(fills)]
            worst = min(contrast(colour, page_colour) for colour in colours if colour is not None)
            assert worst >= 4.5, f"{relative} ({scheme}): figure text contrast {worst:.2f}:1"
            figure.screenshot(path=str(shots / f"{relative.replace('/', '-')}-{scheme}.png"))
        else:
            image = tab.locator(".jp-RenderedImage img >> visible=true").first
            image.scroll_into_view_if_needed()
            applied = image.evaluate("i => getComputedStyle(i).filter")
            assert (applied != "none") == (scheme == "dark"), applied
            image.screenshot(path=str(shots / f"{relative.replace('/', '-')}-{scheme}.png"))
    context.close()
    assert checked == 3
