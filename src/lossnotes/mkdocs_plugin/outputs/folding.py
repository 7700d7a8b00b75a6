"""Results first: each example's code folds behind a line naming its file.

A page leads with what its examples compute; the code is one click away. Every block
that shows its code above its output (``source="above"``) gets that code, and the
source link under it, wrapped in ``<details class="lossnotes-code">`` whose summary
says ``Code · <file>.py`` (the file's name, never its path in the repository). A block
of two or three lines stays open: folding it would hide less than the summary says.
The copy button still copies the code itself, which is unchanged inside the fold.

:func:`fold_control` adds, once per page with folded code, a button under the title
that expands or collapses every fold; ``docs/javascripts/figures.js`` makes it work,
and it stays hidden without JavaScript. Printing shows the code (``lossnotes.css``).
"""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath
from typing import Any

from markupsafe import Markup

from ..execution.blocks import Block
from .readers import insert_after_title

#: Blocks this short stay open.
OPEN_LINES = 3
_CODE = re.compile(r'^(\s*<div class="language-\w+ highlight">.*?</code></pre></div>)', re.S)
_LINKS = re.compile(r'(?:\s*<p class="lossnotes-source">.*?</p>)*', re.S)
MARK = '<details class="lossnotes-code">'
_NOTES = re.compile(r'(?:\s*<p class="lossnotes-(?:run|download)">.*?</p>)*', re.S)


def summary(block: Block | None) -> str:
    """``Code · <file>``, naming the files the block includes, by name only.

    Examples
    --------
    >>> summary(Block(1, "", ("snippets/gd_learning_rates.py",))), summary(None)
    ('Code · gd_learning_rates.py', 'Code')
    """
    names = [PurePosixPath(path).name for path in (block.includes if block else ())]
    return " · ".join(["Code", *names])


def fold_code(block: Block | None, options: dict[str, Any], rendered: str) -> str:
    """``rendered`` (a block's HTML) with its code folded, when it shows code above its output.

    Examples
    --------
    >>> code = '<div class="language-python highlight"><pre><code>a\\nb\\nc\\nd\\n</code></pre></div>'
    >>> fold_code(None, {"source": "above"}, code + "<p>out</p>")[:59]
    '<details class="lossnotes-code"><summary>Code</summary><div'
    >>> fold_code(None, {"source": "above"}, code.replace("c\\nd\\n", "") + "<p>out</p>")[:8]
    '<div cla'
    """
    if options.get("source") != "above" or not rendered:
        return rendered
    text = str(rendered)
    code = _CODE.match(text)
    if code is None:
        return rendered
    body = code[1][code[1].find("<code>") + len("<code>") : code[1].rfind("</code>")]
    lines = body.strip("\n").count("\n") + 1
    if lines <= OPEN_LINES:
        return rendered
    links = _LINKS.match(text, code.end())  # the links under the code fold with it
    end = links.end() if links else code.end()
    folded = (
        f"{MARK}<summary>{html.escape(summary(block))}</summary>{text[:end]}</details>{text[end:]}"
    )
    return Markup(folded) if isinstance(rendered, Markup) else folded  # our own HTML


def fold_control(page_html: str) -> str:
    """One button that expands or collapses every fold of the page, after the title and
    the notes under it (how to run the examples, the notebook).

    The button is hidden until the script shows it. In the notebook's download row it
    sits beside the download button, which is taller, so showing it moves nothing on
    the page (no layout shift as the page loads); without that row it gets its own line.

    Examples
    --------
    >>> fold = '<details class="lossnotes-code">'
    >>> fold_control('<h1>T</h1><p class="lossnotes-run">r</p>' + fold)[:70]
    '<h1>T</h1><p class="lossnotes-run">r</p><p class="lossnotes-fold-all" '
    >>> fold_control('<h1>T</h1><p class="lossnotes-download"><a>nb</a></p>' + fold)[40:82]
    '<a>nb</a><span class="lossnotes-fold-all" '
    >>> row = '<p class="lossnotes-download"><a>nb</a></p><p class="lossnotes-run">r</p>'
    >>> fold_control('<h1>T</h1>' + row + fold).count('</span></p><p class="lossnotes-run">')
    1
    """
    if MARK not in page_html:
        return page_html
    button = '<button type="button" aria-pressed="false">Show all code</button>'
    title = page_html.find("</h1>")
    if title < 0:
        return insert_after_title(page_html, f'<p class="lossnotes-fold-all" hidden>{button}</p>')
    notes = _NOTES.match(page_html, title + len("</h1>"))
    end = notes.end() if notes else title + len("</h1>")
    row = page_html.find('<p class="lossnotes-download">', title, end)
    if row >= 0:  # inside that row, before its own </p>, wherever it sits among the notes
        inside = page_html.find("</p>", row)
        control = f'<span class="lossnotes-fold-all" hidden>{button}</span>'
        return page_html[:inside] + control + page_html[inside:]
    control = f'<p class="lossnotes-fold-all" hidden>{button}</p>'
    return page_html[:end] + control + page_html[end:]
