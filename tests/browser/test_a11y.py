"""Accessibility of every page in both colour schemes.

axe-core comes from the npm registry (package-lock.json, installed by ``npm ci``) and
is injected into each page after it has loaded and rendered its math (see checks.py).
No serious or critical violation is tolerated; the theme's contrast issues are fixed
by the site's own docs/stylesheets/a11y.css, not allow-listed. On a phone (390 px)
every page is also checked for reflow: no page is wider than the screen.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from browsing import PHONE, draw_all, new_context, open_page
from checks import (
    BEFORE_DRAWING,
    OPEN_DETAILS_JS,
    SCHEME_PARAMS,
    axe_problems,
    page_name,
    shift_problems,
    summary,
)

pytestmark = pytest.mark.browser
Report = dict[str, dict[str, list[str]]]


@pytest.mark.parametrize("scheme", SCHEME_PARAMS)
def test_no_serious_accessibility_violation(crawl: Callable[[str], Report], scheme: str) -> None:
    problems = summary(crawl(scheme), "axe", scheme)
    assert not problems, f"{len(problems)} accessibility problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEME_PARAMS)
def test_figures_carry_alternative_text(crawl: Callable[[str], Report], scheme: str) -> None:
    """Every figure, image and canvas of the content has a text alternative (or is marked decorative)."""
    problems = summary(crawl(scheme), "alt", scheme)
    assert not problems, "\n".join(problems)


# The page's width once its fonts are in (KaTeX's widen formulas late), and what sticks
# out past the viewport's right edge without a scrolling box of its own to hold it.
WIDTH_JS = """async (width) => {
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const held = (e) => {
    for (let a = e.parentElement; a && a !== document.documentElement; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  const out = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !held(e))
    .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''}`
      + ` (right edge ${Math.round(e.getBoundingClientRect().right)} px): `
      + (e.textContent || '').trim().slice(0, 50));
  return {width: document.documentElement.scrollWidth, out};
}"""


def sideways_problems(page: Page, width: int) -> list[str]:
    """The page is wider than the phone (it would scroll sideways), with what widens it."""
    found = page.evaluate(WIDTH_JS, width)
    # A block that is drawn only near the viewport contains what it holds (paint
    # containment): something too wide there is clipped instead of widening the page.
    if found["width"] <= width and not found["out"]:
        return []
    return [f"the page is {found['width']} px wide, wider than the screen", *found["out"]]


@pytest.mark.parametrize("scheme", SCHEME_PARAMS)
def test_no_serious_accessibility_violation_nor_sideways_scroll_on_a_phone(
    browser: Browser, site_url: str, pages: list[str], scheme: str
) -> None:
    """At 390 px wide formulas and tables scroll inside themselves: each must be
    keyboard-reachable, and none may widen the page (WCAG 1.4.10, reflow): its
    document is no wider than the screen, with every example's code folded and open.
    Nor does the page move under the reader as it loads (a narrow window holds fewer
    blocks, drawn differently)."""
    assert PHONE["width"] == 390
    context, traffic = new_context(browser, site_url, scheme, viewport=PHONE)
    problems = []
    try:
        for path in pages:
            where = f"{page_name(path)} [{scheme}, 390 px]"
            problems += [
                f"{where}: {problem}" for problem in open_page(context, traffic, site_url + path)
            ]
            page = context.pages[0]
            problems += [f"{where}: {problem}" for problem in shift_problems(page)]
            problems += [f"{where}: {problem}" for problem in axe_problems(page, BEFORE_DRAWING)]
            draw_all(page)
            problems += [f"{where}: {problem}" for problem in axe_problems(page)]
            problems += [
                f"{where}: {problem}" for problem in sideways_problems(page, PHONE["width"])
            ]
            page.evaluate(OPEN_DETAILS_JS)
            draw_all(page)
            problems += [
                f"{where}, code unfolded: {problem}"
                for problem in sideways_problems(page, PHONE["width"])
            ]
    finally:
        context.close()
    assert not problems, f"{len(problems)} problem(s) on a phone:\n" + "\n".join(problems)


UNREACHABLE_JS = """() => [...document.querySelectorAll('.katex-display, .md-typeset__scrollwrap')]
  .filter((region) => region.scrollWidth > region.clientWidth && region.tabIndex !== 0)
  .map((region) => region.textContent.trim().slice(0, 60))"""


def test_formulas_that_overflow_once_their_fonts_arrive_become_reachable(
    browser: Browser, site_url: str, built_site: Path, pages: list[str]
) -> None:
    """KaTeX's fonts, held back a moment, widen formulas after the first layout: the
    check must follow (a race axe lost now and then when fonts came late)."""
    with_display_math = [
        path for path in pages if "katex-display" in (built_site / path / "index.html").read_text()
    ]
    assert with_display_math
    context, traffic = new_context(browser, site_url)

    def late(route: Route) -> None:
        time.sleep(0.6)
        route.continue_()

    context.route("**/assets/katex/fonts/*.woff2", late)
    problems = []
    try:
        for path in with_display_math:
            problems += open_page(context, traffic, site_url + path)
            page = context.pages[0]
            page.evaluate("document.fonts.ready")
            page.evaluate(
                "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
            )
            problems += [
                f"{page_name(path)}: scrolls but cannot be focused: {text!r}"
                for text in page.evaluate(UNREACHABLE_JS)
            ]
    finally:
        context.close()
    # This test holds every font back itself; a held font that the browser gives up on is
    # its own doing, not the page's (any other failed request still counts).
    problems = [p for p in problems if not re.search(r"fonts/\S+\.woff2 \(net::ERR_ABORTED\)", p)]
    assert not problems, "\n".join(problems)
