"""A downloadable notebook for every page with executed blocks.

The page's Markdown is cut at its executed fences: the prose between them becomes
Markdown cells, each executed Python block becomes a code cell holding exactly the
code that ran (snippets inlined, ``# markdown-exec: hide`` markers dropped but the
hidden lines kept, since the output needs them). The first code cell installs the
version of lossnotes the page was built with when the kernel lacks it (Jupyter,
Colab); the next makes ``print`` show its text rendered, as on the page: HTML
(figures) as HTML, the rest as Markdown.

The notebook is built as plain nbformat 4.5 JSON (nbformat's own constructors are
untyped); the tests validate it against nbformat's schema.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..execution.blocks import EXEC, FENCE, INCLUDE
from .readers import install_cell

_HIDE = re.compile(r"[ \t]*#[ \t]*markdown-exec:[ \t]*hide[ \t]*$", re.M)
_PYTHON = {"python", "py"}

Notebook = dict[str, Any]

SETUP = """\
# Set-up added to the generated notebook: the page's code prints Markdown or HTML,
# which the page shows rendered; so does this notebook (at the end of each cell).
import builtins as _builtins

try:
    from IPython import get_ipython as _get_ipython
    from IPython.display import HTML as _HTML, Markdown as _Markdown, display as _display
except ImportError:  # run as a plain script: keep the ordinary print
    _get_ipython = lambda: None  # noqa: E731

_printed = []


def _show_printed(*_):
    text = "".join(_printed).strip()
    _printed.clear()
    if text:
        _display(_HTML(text) if text.startswith("<") else _Markdown(text))


if _get_ipython() is not None:
    def print(*values, sep=" ", end="\\n", file=None, flush=False):
        if file is not None:
            return _builtins.print(*values, sep=sep, end=end, file=file, flush=flush)
        _printed.append(sep.join(str(value) for value in values) + end)

    _get_ipython().events.register("post_run_cell", _show_printed)
"""


def split_page(markdown: str) -> list[tuple[str, str]]:
    """Cut Markdown into ``("prose", text)`` and ``("exec", language)`` pieces, in order.

    Examples
    --------
    >>> split_page('# T\\n\\n```python exec="1"\\nprint(1)\\n```\\nEnd\\n')
    [('prose', '# T\\n'), ('exec', 'python'), ('prose', 'End\\n')]
    """
    pieces: list[tuple[str, str]] = []
    prose: list[str] = []
    lines = markdown.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index].rstrip("\n"))
        if not match:
            prose.append(lines[index])
            index += 1
            continue
        fence = match["fence"]
        close = re.compile(
            rf"^{re.escape(match['indent'])}[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$"
        )
        end = index + 1
        while end < len(lines) and not close.match(lines[end].rstrip("\n")):
            end += 1
        if EXEC.search(match["attrs"]):
            if "".join(prose).strip():
                pieces.append(("prose", "".join(prose).strip("\n") + "\n"))
            prose = []
            pieces.append(("exec", match["lang"]))
        else:
            prose.extend(lines[index : end + 1])
        index = end + 1
    if "".join(prose).strip():
        pieces.append(("prose", "".join(prose).strip("\n") + "\n"))
    return pieces


def expand_snippets(text: str, base_paths: list[Path]) -> str:
    """Inline ``--8<-- "file"`` lines the way pymdownx.snippets does (simple form only)."""

    def include(match: re.Match[str]) -> str:
        for base in base_paths:
            path = base / match[1]
            if path.is_file():
                return path.read_text(encoding="utf-8").rstrip("\n")
        return match[0]

    return INCLUDE.sub(include, text)


def _markdown_cell(source: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": source}


def _code_cell(source: str) -> dict[str, Any]:
    return {**_markdown_cell(source), "cell_type": "code", "execution_count": None, "outputs": []}


def page_notebook(
    title: str,
    markdown: str,
    codes: dict[int, str],
    *,
    source_url: str,
    base_paths: list[Path],
    built: str,
) -> Notebook | None:
    """The notebook of a page; ``codes`` maps block numbers (from 1) to the code that ran.

    ``built`` is the version of lossnotes the page was built with, which the first cell installs.
    """
    if not codes:
        return None
    cells = [
        _code_cell(install_cell(built).rstrip("\n")),
        _markdown_cell(
            f"*Generated from the page [{title}]({source_url}) of lossnotes {built}. It runs top to "
            "bottom in a fresh kernel; the cell above installs lossnotes if the kernel lacks it.*"
        ),
        _code_cell(SETUP),
    ]
    number = 0
    for kind, value in split_page(markdown):
        if kind == "prose":
            cells.append(_markdown_cell(expand_snippets(value, base_paths).rstrip("\n")))
            continue
        number += 1
        code = codes.get(number)
        if code is None or value not in _PYTHON:
            continue
        cells.append(_code_cell(_HIDE.sub("", code).strip("\n")))
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"  # stable ids: the same page gives the same file
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def page_file(
    page: Page, markdown: str, codes: dict[int, str], config: MkDocsConfig, built: str
) -> tuple[str, str] | None:
    """A page's notebook as the name and text of the file written next to the page, if any."""
    bases = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    root = Path(config.config_file_path).parent
    base_paths = [root / base for base in ([bases] if isinstance(bases, str) else bases)]
    notebook = page_notebook(
        page.title or page.file.src_uri,
        markdown,
        codes,
        source_url=page.canonical_url or page.url,
        base_paths=base_paths,
        built=built,
    )
    if notebook is None:
        return None
    return notebook_name(page.file.src_uri), json.dumps(notebook, indent=1) + "\n"


def notebook_name(src_uri: str) -> str:
    """File name of a page's notebook, placed next to the page's ``index.html``.

    Examples
    --------
    >>> notebook_name("chapters/losses.md"), notebook_name("index.md"), notebook_name("part/index.md")
    ('losses.ipynb', 'lossnotes.ipynb', 'part.ipynb')
    """
    path = Path(src_uri)
    if path.stem.lower() in {"index", "readme"}:
        return f"{path.parent.name or 'lossnotes'}.ipynb"
    return f"{path.stem}.ipynb"
