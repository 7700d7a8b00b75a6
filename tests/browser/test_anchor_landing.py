"""A link to a heading lands with the heading at the top of the window.

Blocks far from the viewport are drawn with a placeholder height
(``content-visibility: auto`` in ``docs/stylesheets/lossnotes.css``). Arriving at an
anchor, the browser scrolls by those placeholders; the blocks near the heading are then
drawn at their real size, and the heading must stay where the reader was sent. Docstring
examples on an API page, once made skippable, broke this: a link to an object landed up
to a screen away from it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browsing import DESKTOP, PHONE, new_context, open_page

pytestmark = pytest.mark.browser
#: Long pages with headings several screens down: two chapters and two API pages.
PAGES = [
    "chapter/loss-functions/",
    "chapter/adaptive-optimizers/",
    "reference/losses/",
    "reference/optim/",
]
HEADINGS_JS = "[...document.querySelectorAll('article h2[id], article h3[id]')].map((h) => h.id)"
TOP_JS = "(id) => document.getElementById(id).getBoundingClientRect().top"
#: Below the sticky header (48 px) and the heading's scroll margin, with some slack.
TOP_RANGE = (40, 120)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_a_link_to_a_heading_lands_on_it(
    browser: Browser, site_url: str, path: str, viewport: str
) -> None:
    size = PHONE if viewport == "phone" else DESKTOP
    context, traffic = new_context(browser, site_url, viewport=size)
    try:
        assert not open_page(context, traffic, site_url + path)
        ids = context.pages[0].evaluate(HEADINGS_JS)
        # Three headings from the middle of the page (the last ones cannot reach the top).
        chosen = ids[len(ids) // 4 : -3 : max(1, len(ids) // 6)][:3]
        assert len(chosen) == 3, f"/{path}: too few headings: {ids}"
        missed = []
        for heading in chosen:
            page = context.pages[0]
            page.goto("about:blank")
            assert not open_page(context, traffic, f"{site_url}{path}#{heading}")
            top = page.evaluate(TOP_JS, heading)
            if not TOP_RANGE[0] <= top <= TOP_RANGE[1]:
                missed.append(f"#{heading} at {top:.0f} px")
        assert not missed, f"/{path} [{viewport}]: headings not at the top: {missed}"
    finally:
        context.close()
