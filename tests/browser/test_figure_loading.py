"""A figure's drawing is fetched as the reader nears it, and shows without JavaScript.

The plugin leaves each figure's ``<use>`` naming its drawing file in ``data-src``
(``assets/figures.py``); ``figures.js`` asks for the file when the figure comes within
a screen of the viewport, and for every figure before printing. Without JavaScript a
``<noscript>`` copy of the figure refers to the file directly.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from browsing import new_context, open_page, wait_for_drawing

pytestmark = pytest.mark.browser
#: The chapter page with the most figures: most of them lie screens below the first.
PAGE = "chapter/gradient-descent/"

# For each figure of the page with a drawing file: its file, whether figures.js has
# asked for it yet, and how many screens below the top of the viewport it starts.
FIGURES_JS = """() => [...document.querySelectorAll('.lossnotes-figure svg.lossnotes-lazy')].map((svg) => {
  const use = svg.querySelector(':scope > use');
  const file = (use.getAttribute('xlink:href') || use.dataset.src || '').split('#')[0];
  return { file: new URL(file, location.href).href, asked: use.hasAttribute('xlink:href'),
           screens: svg.getBoundingClientRect().top / innerHeight };
})"""


def figures(page: Page) -> list[dict]:
    return page.evaluate(FIGURES_JS)


def test_drawings_are_fetched_as_the_reader_nears_them(browser: Browser, site_url: str) -> None:
    context, traffic = new_context(browser, site_url)
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url.split("#")[0]))
        assert not open_page(context, traffic, site_url + PAGE)
        found = figures(page)
        far = [figure for figure in found if figure["screens"] > 3]
        assert len(found) >= 5 and len(far) >= 3, f"{PAGE}: too few figures below the fold: {found}"
        # Three screens down, nothing has asked for the drawing, and it was not fetched.
        assert not any(figure["asked"] for figure in far), far
        near_files = {figure["file"] for figure in found if figure["screens"] <= 3}
        far_files = {figure["file"] for figure in far} - near_files  # a file can be shown twice
        assert far_files and not far_files & set(requested), "a far drawing was fetched on load"
        # Scrolled to, the last figure asks for its file, and its drawing shows.
        last = page.locator(".lossnotes-figure svg.lossnotes-lazy").last
        assert wait_for_drawing(last), f"{PAGE}: the last figure's drawing did not load"
        assert figures(page)[-1]["file"] in requested
        assert not traffic.take()
    finally:
        context.close()


def test_printing_asks_for_every_drawing(browser: Browser, site_url: str) -> None:
    context, traffic = new_context(browser, site_url)
    try:
        page = context.new_page()
        assert not open_page(context, traffic, site_url + PAGE)
        assert not all(figure["asked"] for figure in figures(page))
        page.pdf()  # printing: the browser sends beforeprint first
        assert all(figure["asked"] for figure in figures(page))
    finally:
        context.close()


def test_without_javascript_every_drawing_shows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        page.goto(site_url + PAGE, wait_until="load")
        lazy = page.locator(".lossnotes-figure svg.lossnotes-lazy")
        copies = page.locator(".lossnotes-figure noscript > svg")
        assert lazy.count() >= 5 and copies.count() == lazy.count()
        assert not any(svg.is_visible() for svg in lazy.all()), "an empty figure takes room"
        for index, svg in enumerate(copies.all()):
            assert svg.get_attribute("role") == "img" and svg.get_attribute("aria-label")
            svg.scroll_into_view_if_needed()
            for _ in range(400):  # no page script runs, so the wait is this side's
                if svg.evaluate("(s) => s.querySelector('use').getBBox().width") > 0:
                    break
                page.wait_for_timeout(25)
            else:
                raise AssertionError(f"{PAGE}: figure {index + 1} shows no drawing")
    finally:
        context.close()
