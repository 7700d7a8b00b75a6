"""Number the executed blocks of a page and turn a failing one into a build error.

markdown-exec reports a failing block as a warning and renders its traceback into
the page. We wrap its SuperFences formatter instead: each executed block gets a
number, a failure is remembered with the page, the block number, the line where
the fence opens and the exception's last line, the page gets no traceback, and the
build stops with a message that says exactly where to look.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from .. import thirdparty

#: The opening line of a fenced code block (````` ``` ````` or ``~~~``, inside a quote or
#: list too): the one pattern for fences in the plugin. ``lang`` is empty on a closing line.
FENCE = re.compile(
    r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?\.?(?P<lang>[\w-]*)(?P<attrs>[^\n]*)$",
    re.M,
)
#: The attribute that makes markdown-exec execute a fence.
EXEC = re.compile(r"""\bexec=["']?(?:1|true|yes|on)\b""", re.I)
_TITLE = re.compile(r"""\btitle=["']([^"']*)["']""")
#: A pymdownx.snippets include line, ``--8<-- "file"`` (the simple form only).
INCLUDE = re.compile(r"""^[ \t>]*-+8<-+[ \t]+["']([^"']+)["'][ \t]*$""", re.M)


@dataclass(frozen=True)
class Block:
    """Where an executed block stands in its page's Markdown source."""

    line: int
    title: str
    #: The files its fence includes with ``--8<--``, as written.
    includes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    """A block that raised: enough to find it without reading a traceback."""

    page: str
    number: int
    block: Block | None
    error: str

    def __str__(self) -> str:
        where = f"block {self.number}"
        if self.block is not None:
            where += f" (line {self.block.line}"
            where += f", title '{self.block.title}')" if self.block.title else ")"
        return f"{self.page}: executed {where} failed: {self.error}"


def find_exec_blocks(markdown: str) -> list[Block]:
    """List the fences that markdown-exec will execute, in document order.

    Examples
    --------
    >>> text = 'Intro\\n\\n```python exec="1" title="demo"\\n--8<-- "snippets/a.py"\\nprint(1)\\n```\\n'
    >>> find_exec_blocks(text)
    [Block(line=3, title='demo', includes=('snippets/a.py',))]
    """
    blocks = []
    for match in FENCE.finditer(markdown):
        attrs = match["attrs"]
        if match["lang"] and EXEC.search(attrs):
            title = _TITLE.search(attrs)
            line = markdown.count("\n", 0, match.start()) + 1
            body = markdown[match.end() : fence_end(markdown, match)]
            blocks.append(
                Block(
                    line=line,
                    title=title[1] if title else "",
                    includes=tuple(INCLUDE.findall(body)),
                )
            )
    return blocks


def fence_end(markdown: str, opening: re.Match[str]) -> int:
    """Where the fence that ``opening`` (a :data:`FENCE` match) starts is closed, or the end."""
    fence = opening["fence"]
    close = re.compile(
        rf"^{re.escape(opening['indent'])}[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M
    )
    found = close.search(markdown, opening.end())
    return found.start() if found else len(markdown)


def _last_error_line(log_message: str) -> str:
    """The exception line of markdown-exec's report (``ValueError: ...``)."""
    lines = [line.strip() for line in log_message.strip().splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("```")]
    return lines[-1] if lines else "unknown error"


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class BlockTracker:
    """Per-page bookkeeping of executed blocks and their failures."""

    def __init__(self) -> None:
        self.page = "<unknown page>"
        self.blocks: list[Block] = []
        self.count = 0
        self.failures: list[Failure] = []
        self.before_block: list[Callable[[Page | None, int], None]] = []
        #: Called on each block's HTML (with its :class:`Block` and markdown-exec's options).
        self.after_block: list[Callable[[Block | None, dict[str, Any], str], str]] = []
        #: The ``timeout="seconds"`` attribute of the block being formatted, if any.
        self.timeout: float | None = None
        #: Its ``traceback="1"``: the block prints a traceback on purpose.
        self.shows_traceback = False
        #: Its ``html="1"``: the output is HTML, not Markdown.
        self.html = False
        #: While a page is converted only to collect its blocks: no failures, no hooks.
        self.collecting = False
        self._page: Page | None = None

    def wrap_formatters(self, config: MkDocsConfig) -> None:
        """Wrap every markdown-exec fence formatter configured for SuperFences."""
        from markdown_exec import formatter as exec_formatter

        fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
        for fence in fences:
            original = fence.get("format")
            if (
                original is exec_formatter
                or getattr(original, "__wrapped__", None) is exec_formatter
            ):
                fence["format"] = functools.update_wrapper(
                    functools.partial(self._format, exec_formatter), exec_formatter
                )

    def start_page(self, page: Page) -> None:
        self._page = page
        self.page = page.file.src_uri
        # The file, not the Markdown MkDocs hands over: that has lost its front matter,
        # and line numbers must match what the author sees in the editor.
        self.blocks = find_exec_blocks(page.file.content_string)
        self.count = 0
        self.failures = []

    @property
    def current(self) -> Block | None:
        """The block being formatted (``None`` past the fences found in the source)."""
        return self.blocks[self.count - 1] if 0 < self.count <= len(self.blocks) else None

    def _format(self, original: Callable[..., str], *args: Any, **kwargs: Any) -> str:
        self.count += 1
        # Our own fence attribute: take it out of markdown-exec's extras, which it would
        # otherwise copy onto the displayed source block.
        options = args[3] if len(args) > 3 else kwargs.get("options", {})
        extra = options.get("extra", {}) if isinstance(options, dict) else {}
        self.timeout = None
        self.html = bool(options.get("html")) if isinstance(options, dict) else False
        self.shows_traceback = str(extra.pop("traceback", "")).lower() in ("1", "true", "yes", "on")
        if "timeout" in extra:
            raw = extra.pop("timeout")
            try:
                self.timeout = float(raw)
            except ValueError:
                self.failures.append(
                    Failure(
                        self.page,
                        self.count,
                        self.current,
                        f"ValueError: timeout must be a number of seconds; got {raw!r}",
                    )
                )
                return ""
        if self.collecting:
            return str(original(*args, **kwargs))
        for hook in self.before_block:
            hook(self._page, self.count)
        capture = _Capture()
        logger = logging.getLogger(thirdparty.EXEC_LOGGER)
        logger.addHandler(capture)
        try:
            html = original(*args, **kwargs)
        finally:
            logger.removeHandler(capture)
        failed = [m for m in capture.messages if thirdparty.EXEC_FAILED in m]
        if failed:
            self.failures.append(
                Failure(self.page, self.count, self.current, _last_error_line(failed[0]))
            )
            return ""  # never publish the traceback
        for after in self.after_block:
            html = after(self.current, options if isinstance(options, dict) else {}, html)
        return html

    def raise_for_failures(self) -> None:
        """Stop the build if any block of the current page failed."""
        if self.failures:
            raise PluginError("\n".join(str(failure) for failure in self.failures))
