"""The theme's start-up script finds its page-wide changes already made.

As Material's bundle starts, instant navigation makes every address on the page
absolute (which, for a style sheet's ``<link>``, applies the sheet anew) and the
palette sets ``data-md-color-switching`` on ``<body>``; each makes the browser restyle
the whole page. ``overrides/partials/startup.html`` makes both changes at the top of
``<body>``, before the page's content is parsed, so that the bundle changes nothing.

Each test records the attribute changes as the page loads, with whether the bundle had
run (its ``document$`` exists) when they were reported.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browsing import PHONE, allow_instant_navigation, new_context, open_page

pytestmark = pytest.mark.browser
PAGE = "chapter/gradient-descent/"

RECORD_JS = """
window.lossnotesChanges = [];
new MutationObserver((records) => {
  const bundled = typeof window.document$ !== "undefined";
  for (const record of records) {
    window.lossnotesChanges.push({
      element: record.target.tagName.toLowerCase() + (record.target.rel ? "[rel=" + record.target.rel + "]" : ""),
      attribute: record.attributeName, before: record.oldValue,
      after: record.target.getAttribute(record.attributeName), bundled,
    });
  }
}).observe(document, { subtree: true, attributes: true, attributeOldValue: true,
                       attributeFilter: ["href", "src", "data-md-color-switching"] });
"""


def load_changes(browser: Browser, site_url: str, path: str) -> list[dict]:
    context, traffic = new_context(browser, site_url, viewport=PHONE)
    try:
        context.add_init_script(RECORD_JS)
        assert not open_page(context, traffic, site_url + path)
        return context.pages[0].evaluate("window.lossnotesChanges")
    finally:
        context.close()


@pytest.mark.parametrize("path", [PAGE, ""])
def test_the_style_sheets_are_not_applied_anew(browser: Browser, site_url: str, path: str) -> None:
    changes = load_changes(browser, site_url, path)
    sheets = [change for change in changes if change["element"] == "link[rel=stylesheet]"]
    assert len(sheets) >= 3, f"/{path}: the style sheets' addresses were not made absolute"
    assert all(sheet["after"].startswith("http://") for sheet in sheets), sheets
    late = [sheet for sheet in sheets if sheet["bundled"]]
    assert not late, f"/{path}: the theme's bundle rewrote style sheet addresses: {late}"


def test_the_palette_only_ends_the_switch(browser: Browser, site_url: str) -> None:
    changes = load_changes(browser, site_url, PAGE)
    switching = [change for change in changes if change["attribute"] == "data-md-color-switching"]
    # Set before the bundle runs. The bundle's own setting then leaves the value as it
    # is (the browser restyles nothing for it), and a frame later it removes it.
    changed = [c for c in switching if c["bundled"] and c["before"] != c["after"]]
    assert switching and not switching[0]["bundled"], switching
    assert [(c["before"], c["after"]) for c in changed] == [("", None)], switching


def test_instant_navigation_keeps_the_style_sheets(browser: Browser, site_url: str) -> None:
    context, traffic = new_context(browser, site_url, viewport=PHONE)
    allow_instant_navigation(context, traffic)
    try:
        assert not open_page(context, traffic, site_url + PAGE)
        page = context.pages[0]
        page.evaluate("window.lossnotesMark = 1")
        sheets = page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].length")
        page.evaluate(
            "for (const l of document.querySelectorAll('link[rel=stylesheet]')) l.lossnotesKept = true"
        )
        # A link at the top of the article: the footer's, at the end of a long page whose
        # blocks are drawn as they are scrolled to, can move under the click.
        page.evaluate(
            "document.querySelector('article').insertAdjacentHTML("
            "'afterbegin', `<a id='next-page' href='../mini-batches/'>next</a>`)"
        )
        page.click("#next-page")
        page.wait_for_url("**/chapter/mini-batches/")
        assert page.evaluate("window.lossnotesMark") == 1, "the next page was loaded anew"
        kept = page.evaluate(
            "[...document.querySelectorAll('link[rel=stylesheet]')].filter((l) => l.lossnotesKept).length"
        )
        assert kept == sheets, (
            f"instant navigation replaced {sheets - kept} of {sheets} style sheets"
        )
    finally:
        context.close()
