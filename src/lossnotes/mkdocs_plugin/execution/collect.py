"""Collect what a page will execute before any page is rendered: its blocks and inline values.

To run blocks ahead of rendering (and in parallel) we need their code exactly as
markdown-exec will receive it: snippets inlined, indentation of lists and tabs removed,
options parsed. So each page with executed fences is converted once with the site's own
Markdown extensions while markdown-exec's Python runner only records its arguments.
The page's inline values (:mod:`.inline`) are collected with its blocks. Under
``mkdocs serve`` a page's collection is remembered while its source, the snippet files
it read (:mod:`.snippetfiles`) and ``mkdocs.yml`` are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import markdown as markdown_lib
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from .. import thirdparty
from .blocks import INCLUDE, BlockTracker
from .inline import inline_values, with_inline_values
from .items import Item
from .snippetfiles import SnippetRead, SnippetsSeen


class Collector:
    """Dry-run markdown-exec over a page: record each Python block's code and options."""

    def __init__(self, tracker: BlockTracker, default_limit: float) -> None:
        self.tracker = tracker
        self.default_limit = default_limit
        self.active = False
        self.items: list[Item] = []
        self._md: markdown_lib.Markdown | None = None
        #: Across the rebuilds of ``mkdocs serve``: page -> (its Markdown, snippets read, items).
        self._memory: dict[str, tuple[str, list[SnippetRead], list[Item]]] = {}
        self._settings = ""

    def start_build(self, config: MkDocsConfig, settings: str) -> None:
        """A new build: new extensions; the memory holds while ``settings`` (the config) do."""
        self._md = None
        if settings != self._settings:
            self._memory, self._settings = {}, settings

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
        src = page.file.src_uri
        self.tracker.start_page(page)
        remembered = self._memory.get(src)
        if remembered and remembered[0] == source and all(s.unchanged() for s in remembered[1]):
            return [replace(item) for item in remembered[2]]  # mkdocs serve: nothing changed
        markdown, _meta = meta.get_data(source)
        values = inline_values(markdown)
        if not self.tracker.blocks and not values and "--8<--" not in markdown:
            self._memory[src] = (source, [], [])
            return []
        if self._md is None:
            self._md = markdown_lib.Markdown(
                extensions=config.markdown_extensions, extension_configs=config.mdx_configs
            )
        seen = SnippetsSeen()
        with self._collecting(), thirdparty.watch_render(config, seen):
            self._md.reset()
            try:
                self._md.convert(markdown)
            except Exception as error:
                raise PluginError(_conversion_error(src, source, error)) from error
            blocks = self.items
        items = with_inline_values(src, blocks, values, markdown, source)
        if not self.tracker.failures and not seen.downloads:
            self._memory[src] = (source, seen.snippets, [replace(item) for item in items])
        return items


def _conversion_error(page: str, source: str, error: Exception) -> str:
    text = str(error)
    if type(error).__name__ == "SnippetMissingError":
        for number, line in enumerate(source.splitlines(), start=1):
            found = INCLUDE.match(line)
            if found and found[1] in text:
                return f"{page}: line {number}: the snippet '{found[1]}' it includes does not exist"
        return f"{page}: {text}"
    return f"{page}: converting the page to find its blocks failed: {type(error).__name__}: {text}"
