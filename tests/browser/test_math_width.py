"""Display formulas fit the content column on a desktop: none is cut off at 1280 px.

A formula wider than its column scrolls sideways, and a reader who does not scroll never
sees its end (the "= p - y" of a derivation). On a phone that is unavoidable and the
formulas are made keyboard-reachable (tests/test_math_render.py); at 1280 px every display
formula must be broken into lines that fit. Collapsed answers are opened first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browsing import DESKTOP, new_context, open_page
from checks import OPEN_DETAILS_JS

pytestmark = pytest.mark.browser

WIDE_JS = """() => [...document.querySelectorAll('article .katex-display')]
  .filter((f) => f.getClientRects().length > 0)
  .map((f) => ({
    over: f.scrollWidth - f.clientWidth,
    tex: (f.querySelector('annotation') || {}).textContent || '',
  }))"""


def test_no_display_formula_is_wider_than_its_column_at_1280px(
    browser: Browser, site_url: str, pages: list[str], built_site: Path
) -> None:
    assert DESKTOP["width"] == 1280
    context, traffic = new_context(browser, site_url, viewport=DESKTOP)
    problems, seen = [], 0
    try:
        for path in pages:
            open_page(context, traffic, site_url + path)
            page = context.pages[0]
            page.evaluate(OPEN_DETAILS_JS)
            page.wait_for_timeout(50)
            formulas = page.evaluate(WIDE_JS)
            seen += len(formulas)
            problems += [
                f"{path or 'home'}: {f['over']} px too wide: {' '.join(f['tex'].split())[:90]!r}"
                for f in formulas
                if f["over"] > 1
            ]
    finally:
        context.close()
    assert seen > 10, f"only {seen} display formulas found: is the math typeset?"
    assert not problems, "display formulas wider than the column at 1280 px:\n" + "\n".join(
        problems
    )
