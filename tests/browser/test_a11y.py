"""Accessibility of every page in both colour schemes.

axe-core comes from the npm registry (package-lock.json, installed by ``npm ci``) and
is injected into each page after it has loaded and rendered its math (see checks.py).
No serious or critical violation is tolerated; the theme's contrast issues are fixed
by the site's own docs/stylesheets/a11y.css, not allow-listed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from checks import SCHEME_PARAMS, summary

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
