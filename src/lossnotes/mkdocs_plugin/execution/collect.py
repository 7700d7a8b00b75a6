"""Collect what a page will execute before any page is rendered: its blocks and inline values.

To run blocks ahead of rendering (and in parallel) we need their code exactly as
markdown-exec will receive it: snippets inlined, indentation of lists and tabs removed,
options parsed. So each page with executed fences is converted once with the site's own
Markdown extensions while markdown-exec's Python runner only records its arguments.

An *inline value* is ``{{ expression }}`` in the prose (outside code), for example
``ran {{ len(path) - 1 }} steps`` or ``ended {{ gap:.2g }} above``: the contents of an
f-string replacement field, evaluated in the session of the nearest executed block above
it, after that block ran. The sentence stays prose; the number in it is computed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import markdown as markdown_lib
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from .blocks import FENCE, INCLUDE, BlockTracker, fence_end

INLINE = re.compile(r"\{\{\s*(?P<expr>.+?)\s*\}\}")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


@dataclass
class Item:
    """A block or an inline value of a page, as the worker will run it."""

    kind: str  # "block" or "inline"
    page: str
    number: int  # the block's number on the page, or the inline value's (1, 2, ...)
    line: int
    code: str
    session: str | None
    title: str = ""
    id: str | None = None
    limit: float = 60.0
    #: Options of the fence that the engine reads (``traceback="1"``: shows one on purpose).
    shows_traceback: bool = False
    html: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        if self.kind == "inline":
            return f"{self.page}: inline value {self.number} (line {self.line}, '{{{{ {self.code} }}}}')"
        title = f", title '{self.title}'" if self.title else ""
        return f"{self.page}: executed block {self.number} (line {self.line}{title})"


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


class Collector:
    """Dry-run markdown-exec over a page: record each Python block's code and options."""

    def __init__(self, tracker: BlockTracker, default_limit: float) -> None:
        self.tracker = tracker
        self.default_limit = default_limit
        self.active = False
        self.items: list[Item] = []
        self._md: markdown_lib.Markdown | None = None

    def record(self, code: str, session: str | None, id: str | None, extra: dict[str, Any]) -> None:
        tracker = self.tracker
        block = tracker.current
        self.items.append(
            Item(
                kind="block",
                page=tracker.page,
                number=tracker.count,
                line=block.line if block else 0,
                code=code,
                session=session or None,
                title=block.title if block else "",
                id=id or None,
                limit=tracker.timeout if tracker.timeout is not None else self.default_limit,
                shows_traceback=tracker.shows_traceback,
                html=tracker.html,
                extra=dict(extra),
            )
        )

    @contextmanager
    def _collecting(self) -> Iterator[None]:
        self.active, self.items = True, []
        try:
            yield
        finally:
            self.active = False

    def page(self, page: Page, config: MkDocsConfig) -> list[Item]:
        """The blocks and inline values of ``page``, in document order."""
        source = page.file.content_string
        markdown, _meta = meta.get_data(source)
        self.tracker.start_page(page)
        values = inline_values(markdown)
        if not self.tracker.blocks and not values and "--8<--" not in markdown:
            return []
        if self._md is None:
            self._md = markdown_lib.Markdown(
                extensions=config.markdown_extensions, extension_configs=config.mdx_configs
            )
        with self._collecting():
            self._md.reset()
            try:
                self._md.convert(markdown)
            except Exception as error:
                raise PluginError(_conversion_error(page.file.src_uri, source, error)) from error
            blocks = self.items
        return _with_inline_values(page.file.src_uri, blocks, values, markdown, source)


def _with_inline_values(
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


def _conversion_error(page: str, source: str, error: Exception) -> str:
    text = str(error)
    if type(error).__name__ == "SnippetMissingError":
        for number, line in enumerate(source.splitlines(), start=1):
            found = INCLUDE.match(line)
            if found and found[1] in text:
                return f"{page}: line {number}: the snippet '{found[1]}' it includes does not exist"
        return f"{page}: {text}"
    return f"{page}: converting the page to find its blocks failed: {type(error).__name__}: {text}"
