"""Inline values: ``{{ expression }}`` in the prose, computed in the page's session.

For example ``ran {{ len(path) - 1 }} steps`` or ``ended {{ gap:.2g }} above``: the
contents of an f-string replacement field, evaluated in the session of the nearest
executed block above it, after that block ran. The sentence stays prose; the number in
it is computed. Fenced and inline code are left alone.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from .blocks import FENCE, fence_end
from .items import Item

INLINE = re.compile(r"\{\{\s*(?P<expr>.+?)\s*\}\}")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


def masked(markdown: str) -> str:
    """``markdown`` with fenced and inline code blanked out (same length, same lines).

    Examples
    --------
    >>> masked("a `b` c\\n```\\nd\\n```\\ne")
    'a     c\\n   \\n \\n   \\ne'
    """
    chars = list(markdown)

    def blank(start: int, end: int) -> None:
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = " "

    position = 0
    for opening in FENCE.finditer(markdown):
        if opening.start() < position:
            continue  # a line inside (or closing) a fence already blanked
        closing = fence_end(markdown, opening)
        line_end = markdown.find("\n", closing)
        position = len(markdown) if line_end < 0 else line_end
        blank(opening.start(), position)
    text = "".join(chars)
    for span in _CODE_SPAN.finditer(text):
        blank(span.start(), span.end())
    return "".join(chars)


def inline_values(markdown: str) -> list[tuple[int, int, int, str]]:
    """``(start, end, line, expression)`` of every inline value in ``markdown``.

    Examples
    --------
    >>> inline_values("Ran {{ n }} steps.\\n\\n```python\\nx = {{ not_this }}\\n```\\n`{{ nor_this }}`")
    [(4, 11, 1, 'n')]
    """
    text = masked(markdown)
    return [
        (m.start(), m.end(), text.count("\n", 0, m.start()) + 1, m["expr"])
        for m in INLINE.finditer(text)
    ]


def fill_inline_values(markdown: str, values: list[str]) -> str:
    """Put ``values`` (in order) in place of the inline values of ``markdown``."""
    pieces, last = [], 0
    for (start, end, _line, _expr), value in zip(inline_values(markdown), values, strict=True):
        pieces += [markdown[last:start], value]
        last = end
    return "".join(pieces) + markdown[last:]


def with_inline_values(
    page: str,
    blocks: list[Item],
    values: list[tuple[int, int, int, str]],
    markdown: str,
    source: str,
) -> list[Item]:
    offset = source.count("\n") - markdown.count("\n")  # front matter lines
    items = list(blocks)
    for number, (_start, _end, line, expression) in enumerate(values, start=1):
        line += offset
        before = [b for b in blocks if b.line < line]
        if not before or before[-1].session is None:
            raise PluginError(
                f"{page}: inline value {number} (line {line}, '{{{{ {expression} }}}}') has no "
                'session to be computed in: put it after an executed block with a session="..."'
            )
        items.append(Item("inline", page, number, line, expression, before[-1].session))
    return sorted(items, key=lambda item: (item.line, item.kind != "block"))
