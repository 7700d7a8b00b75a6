"""A result typed into the prose is a defect: numbers a reader sees come from executed blocks.

Prose is the Markdown of a page outside fenced code blocks (executed or shown). Any
decimal number there must be a true constant of the field (a default hyper-parameter,
a textbook value), listed below; everything else has to be printed by a block.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))

#: Constants that are definitions, not results: Adam/RMSProp defaults and the like.
ALLOWED = {"0.9", "0.99", "0.999", "1e-8", "10^{-8}", "1e-10", "0.5", "0.01", "0.001", "1e-3"}

FENCE = re.compile(
    r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,}).*?^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S
)
INLINE_CODE = re.compile(r"`[^`\n]+`")
DECIMAL = re.compile(
    r"(?<![\w.])(?:\d+\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|\d+\^\{-?\d+\})(?![\w.])"
)


def prose_of(markdown: str) -> str:
    """The page without fenced blocks, inline code, HTML comments or link targets."""
    text = FENCE.sub("", markdown)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return INLINE_CODE.sub("", text)


def test_prose_of_strips_code() -> None:
    page = "Loss 0.25 here.\n\n```python\nx = 0.75\n```\n\nAnd `1.5` in code."
    assert DECIMAL.findall(prose_of(page)) == ["0.25"]


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.relative_to(ROOT / "docs").as_posix())
def test_no_typed_in_results(page: Path) -> None:
    numbers = DECIMAL.findall(prose_of(page.read_text()))
    typed = sorted(set(numbers) - ALLOWED)
    assert not typed, (
        f"{page.relative_to(ROOT)} has decimal numbers typed into its prose: {typed}. "
        "Print them from an executed block (quote a source's wrong value in `inline code`), "
        "or add a true constant to ALLOWED."
    )
