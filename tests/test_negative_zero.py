"""No page prints a negative zero: "-0", "-0.0000" or "(-0.000, 1.304)" mean nothing to a reader.

A value that rounds to zero is shown as 0 (``markdown_table`` does this for tables; an
f-string needs ``np.round(x, k) + 0.0`` or a format that keeps the digits, such as ``.1e``).
The text a reader sees is read from the built pages, outside code and formulas.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_math_render import PageText, html_pages

pytestmark = pytest.mark.build

NEGATIVE_ZERO = re.compile(r"(?<![\w.])[-\u2212]0(?:\.0+)?(?![\d.eE])")


def test_the_pattern() -> None:
    found = NEGATIVE_ZERO.findall(
        "logit -0.0000, (-0.000, 1.3), -0 and −0.0; not -0.5, -0.01, -1e-5, 10-0"
    )
    assert found == ["-0.0000", "-0.000", "-0", "\u22120.0"]


def test_no_page_shows_a_negative_zero(built_site: Path) -> None:
    problems = []
    for path in html_pages(built_site):
        html = path.read_text()
        text = " ".join(PageText(html[html.find("<body") :]).text)
        problems += [
            f"{path.relative_to(built_site)}: {text[max(m.start() - 40, 0) : m.end() + 20]!r}"
            for m in NEGATIVE_ZERO.finditer(text)
        ]
    assert not problems, "\n".join(problems)
