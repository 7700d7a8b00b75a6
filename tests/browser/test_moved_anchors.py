"""Old links to headings that a page split moved land on the new page, at the heading.

The map is the plugin's ``moved_anchors`` in ``mkdocs.yml`` (checked by the build);
``docs/javascripts/moved.js`` follows it on a first load and after Material's instant
navigation, which swaps the page without reloading scripts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from browsing import allow_instant_navigation, new_context, open_page

pytestmark = pytest.mark.browser


def moved_anchors() -> list[tuple[str, str, str]]:
    """(old page, anchor, new page) URLs relative to the site, for every configured entry."""
    config = yaml.safe_load((Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text())
    option = next(
        p["lossnotes"] for p in config["plugins"] if isinstance(p, dict) and "lossnotes" in p
    )
    url = lambda src: src.removesuffix(".md") + "/"  # noqa: E731
    return [
        (url(old), anchor, url(new))
        for old, targets in option["moved_anchors"].items()
        for new, anchors in targets.items()
        for anchor in anchors
    ]


MOVED = moved_anchors()


def test_the_site_lists_moved_anchors() -> None:
    assert MOVED, "mkdocs.yml lists no moved_anchors: nothing to test"


def test_an_old_link_loads_the_new_page_at_the_heading(browser: Browser, site_url: str) -> None:
    context, traffic = new_context(browser, site_url)
    problems = []
    try:
        for old, anchor, new in MOVED:
            found = open_page(context, traffic, f"{site_url}{old}#{anchor}")
            # Leaving the old page aborts what it was still fetching (Material's sitemap).
            problems += [f"{old}#{anchor}: {p}" for p in found if "ERR_ABORTED" not in p]
            page = context.pages[0]
            page.wait_for_url(f"{site_url}{new}#{anchor}", timeout=10000)
            if page.locator(f"article [id='{anchor}']").count() != 1:
                problems.append(f"{old}#{anchor}: {new} shows no heading #{anchor}")
        # An anchor the old page still has stays where it is.
        old, _, _ = MOVED[0]
        open_page(context, traffic, f"{site_url}{old}#key-points")
        context.pages[0].wait_for_timeout(300)
        if context.pages[0].url != f"{site_url}{old}#key-points":
            problems.append(f"{old}#key-points, still on the page, went to {context.pages[0].url}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_an_old_link_followed_by_instant_navigation_lands_on_the_new_page(
    browser: Browser, site_url: str
) -> None:
    old, anchor, new = MOVED[-1]
    context, traffic = new_context(browser, site_url)
    allow_instant_navigation(context, traffic)
    requests: list[tuple[str, str]] = []
    try:
        assert not (problems := open_page(context, traffic, site_url)), problems
        page = context.pages[0]
        page.on("request", lambda request: requests.append((request.url, request.resource_type)))
        page.evaluate(
            "([href]) => document.querySelector('article').insertAdjacentHTML("
            "'afterbegin', `<a id='old-link' href='${href}'>an old link</a>`)",
            [f"{old}#{anchor}"],
        )
        page.click("#old-link")
        page.wait_for_url(f"{site_url}{new}#{anchor}", timeout=10000)
        page.wait_for_selector(f"article [id='{anchor}']")
        # Material fetched the old page and swapped it in (no document load of it)...
        kinds = {kind for url, kind in requests if url.startswith(f"{site_url}{old}")}
        assert kinds and kinds <= {"fetch", "xhr"}, f"{old} was loaded as {kinds}, not swapped in"
        # ... and then moved.js sent the reader on to the new page.
        assert any(url.startswith(f"{site_url}{new}") for url, _ in requests)
        problems = [p for p in traffic.take() if "ERR_ABORTED" not in p]  # as above
        assert not problems, problems
    finally:
        context.close()
