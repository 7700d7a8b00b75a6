"""A downloadable notebook for every page with executed blocks.

The page's Markdown is cut at its executed fences: the prose between them becomes
Markdown cells, each executed Python block becomes a code cell holding exactly the
code that ran (snippets inlined, ``# markdown-exec: hide`` markers dropped but the
hidden lines kept, since the output needs them). A first code cell makes ``print``
show its text rendered, as on the page: HTML (figures) as HTML, the rest as Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from ..execution.blocks import EXEC, FENCE

_HIDE = re.compile(r"[ \t]*#[ \t]*markdown-exec:[ \t]*hide[ \t]*$", re.M)
_SNIPPET = re.compile(r"""^[ \t]*-+8<-+[ \t]+["']([^"']+)["'][ \t]*$""", re.M)
_PYTHON = {"python", "py"}

SETUP = '''\
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
'''


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
        close = re.compile(rf"^{re.escape(match['indent'])}[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not close.match(lines[end].rstrip("\n")):
            end += 1
        if EXEC.search(match["attrs"]):
            if "".join(prose).strip():
                pieces.append(("prose", "".join(prose).strip("\n") + "\n"))
            prose = []
            pieces.append(("exec", match["lang"]))
        else:
            prose.extend(lines[index:end + 1])
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

    return _SNIPPET.sub(include, text)


def page_notebook(title: str, markdown: str, codes: dict[int, str], *, source_url: str,
                  base_paths: list[Path]) -> nbformat.NotebookNode | None:
    """The notebook of a page; ``codes`` maps block numbers (from 1) to the code that ran."""
    if not codes:
        return None
    cells = [
        nbformat.v4.new_markdown_cell(
            f"*Generated from the page [{title}]({source_url}) of lossnotes. It runs top to "
            "bottom in a fresh kernel with lossnotes installed.*"
        ),
        nbformat.v4.new_code_cell(SETUP),
    ]
    number = 0
    for kind, value in split_page(markdown):
        if kind == "prose":
            cells.append(nbformat.v4.new_markdown_cell(expand_snippets(value, base_paths).rstrip("\n")))
            continue
        number += 1
        code = codes.get(number)
        if code is None or value not in _PYTHON:
            continue
        cells.append(nbformat.v4.new_code_cell(_HIDE.sub("", code).strip("\n")))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index}"  # stable ids: the same page gives the same file
    return notebook


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


def download_link(name: str) -> str:
    return (
        f'<p class="lossnotes-download"><a class="md-button" href="{name}" download '
        f'title="Download this page as a Jupyter notebook">Download as notebook</a></p>'
    )


def insert_after_title(html: str, snippet: str) -> str:
    """Put ``snippet`` right after the page's ``<h1>``, or first when there is none."""
    end = html.find("</h1>")
    if end < 0:
        return snippet + html
    end += len("</h1>")
    return html[:end] + snippet + html[end:]
