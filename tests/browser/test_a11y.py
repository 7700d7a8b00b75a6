"""Accessibility of every page in both colour schemes.

axe-core comes from the npm registry (package-lock.json, installed by ``npm ci``) and
is injected into each page after it has loaded and rendered its math (see checks.py).
No serious or critical violation is tolerated; the theme's contrast issues are fixed
by the site's own docs/stylesheets/a11y.css, not allow-listed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from playwright.sync_api import Browser

from browsing import PHONE, new_context, open_page
from checks import SCHEME_PARAMS, axe_problems, page_name, summary

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


@pytest.mark.parametrize("scheme", SCHEME_PARAMS)
def test_no_serious_accessibility_violation_on_a_phone(browser: Browser, site_url: str, pages: list[str],
                                                       scheme: str) -> None:
    """At 390 px wide formulas and tables scroll inside themselves: each must be keyboard-reachable."""
    context, traffic = new_context(browser, site_url, scheme, viewport=PHONE)
    problems = []
    try:
        for path in pages:
            problems += [f"{page_name(path)} [{scheme}, 390 px]: {problem}"
                         for problem in open_page(context, traffic, site_url + path)]
            problems += [f"{page_name(path)} [{scheme}, 390 px]: {problem}"
                         for problem in axe_problems(context.pages[0])]
    finally:
        context.close()
    assert not problems, f"{len(problems)} accessibility problem(s) on a phone:\n" + "\n".join(problems)
