"""Browser fixtures: the built site served under its project path, and one Chromium.

Playwright drives the system's Chromium (Debian's ``chromium`` package, installed by
``dev.py test``/``.ci/run``); no browser is ever downloaded. Every fixture is
session-scoped, so each xdist worker serves the site and starts Chromium once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from browsing import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from checks import crawl_site  # noqa: E402
from siteserver import serve, site_pages  # noqa: E402


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site, served like GitHub Pages under /lossnotes/."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def pages(built_site: Path) -> list[str]:
    """Every page of the built site ('' is the home page), discovered from the build."""
    found = site_pages(built_site)
    assert found, f"no */index.html in the built site {built_site}"
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), (
        f"no Chromium at {CHROMIUM}: install Debian's chromium (apt-get install chromium) "
        "or set LOSSNOTES_CHROMIUM; run the tests through dev.py test or .ci/run"
    )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def crawl(
    browser: Browser, site_url: str, pages: list[str]
) -> Callable[[str], dict[str, dict[str, list[str]]]]:
    """``crawl(scheme)``: every page visited once per scheme and worker, all checks recorded."""
    done: dict[str, dict[str, dict[str, list[str]]]] = {}

    def run(scheme: str) -> dict[str, dict[str, list[str]]]:
        if scheme not in done:
            done[scheme] = crawl_site(browser, site_url, pages, scheme)
        return done[scheme]

    return run
