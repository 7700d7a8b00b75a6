"""Find TeX in a page's HTML where KaTeX's auto-render found it in the browser, and replace it.

The pages used to load KaTeX's ``auto-render`` with the delimiters ``$$...$$``,
``$...$``, ``\\(...\\)`` and ``\\[...\\]``. Formulas reach a page in three ways, and
auto-render caught all of them, so this module looks where it looked:

* pymdownx.arithmatex (generic mode) wraps Markdown math as
  ``<span class="arithmatex">\\(...\\)</span>`` or ``<div class="arithmatex">\\[...\\]</div>``,
  including in Markdown printed by executed blocks;
* ``$$...$$`` written inside a paragraph is left to the browser by arithmatex;
* mkdocs-jupyter leaves a notebook's ``$...$`` as text.

So every text run of the ``<body>`` (text between two tags, entities decoded, as a DOM
text node) outside ``script``, ``noscript``, ``style``, ``textarea``, ``pre``, ``code``
and ``option`` is split with auto-render's own rules (:func:`split`), and each formula is
replaced by ``<span>`` + KaTeX's markup + ``</span>``, the same tree auto-render built.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable

#: auto-render's delimiters, in the order lossnotes configured them ($$ before $).
DELIMITERS = (("$$", "$$", True), ("$", "$", False), ("\\(", "\\)", False), ("\\[", "\\]", True))
_LEFT = re.compile("|".join(re.escape(left) for left, _, _ in DELIMITERS))
_MAYBE = re.compile(r"[$\\&]")  # a delimiter's first character, or an entity that may hide one
_ATTRS = (
    r"""[^'">]*(?:(?:"[^"]*"|'[^']*')[^'">]*)*"""  # up to the tag's end; quoted values may hold '>'
)
# A comment, CDATA, a raw-text element whole (script, style, textarea: never math), a tag
# of another element whose text is not math (its name in group 2), or any other tag.
_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>"
    rf"|<(script|style|textarea)\b{_ATTRS}>.*?</\1\s*>"
    rf"|</?(pre|code|noscript|option)\b({_ATTRS})>"
    rf"|</?[a-zA-Z]{_ATTRS}>|<![^>]*>",
    re.S | re.I,
)
_BODY = re.compile(r"<body\b", re.I)

Formula = tuple[str, bool]  # TeX, display mode


def _end_of_math(delimiter: str, text: str, start: int) -> int:
    """Where ``delimiter`` closes, skipping braces and escaped characters (auto-render's rule)."""
    index, braces = start, 0
    while index < len(text):
        if braces <= 0 and text.startswith(delimiter, index):
            return index
        if text[index] == "\\":
            index += 1
        elif text[index] == "{":
            braces += 1
        elif text[index] == "}":
            braces -= 1
        index += 1
    return -1


def split(text: str) -> list[str | Formula]:
    """Text and formulas, in order, as auto-render's ``splitAtDelimiters`` cuts them.

    Examples
    --------
    >>> split(r"a $x^2$ and \\(y\\), $$z$$ but $5")
    ['a ', ('x^2', False), ' and ', ('y', False), ', ', ('z', True), ' but ', '$5']
    >>> split(r"\\[ \\text{a \\] inside} \\]")
    [(' \\\\text{a \\\\] inside} ', True)]
    """
    parts: list[str | Formula] = []
    while (found := _LEFT.search(text)) is not None:
        if found.start():
            parts.append(text[: found.start()])
            text = text[found.start() :]
        left, right, display = next(d for d in DELIMITERS if text.startswith(d[0]))
        end = _end_of_math(right, text, len(left))
        if end < 0:
            break
        parts.append((text[len(left) : end], display))
        text = text[end + len(right) :]
    if text:
        parts.append(text)
    return parts


def _runs(page: str) -> list[tuple[int, int, list[str | Formula]]]:
    """Start, end and parts of every text run of the body that holds a formula."""
    found = []
    depth = 0  # elements open around the current position whose text is not math
    body = _BODY.search(page)
    position = body.start() if body else 0
    for token in _TOKEN.finditer(page, position):
        start = token.start()
        # Most runs have no delimiter: only those with one are decoded and split.
        if start > position and not depth and _MAYBE.search(page, position, start):
            parts = split(htmllib.unescape(page[position:start]))
            if any(isinstance(part, tuple) for part in parts):
                found.append((position, start, parts))
        if token.group(2) is not None and not token.group(3).endswith("/"):
            depth = max(depth + (-1 if page[start + 1] == "/" else 1), 0)
        position = token.end()
    if position < len(page) and not depth and _MAYBE.search(page, position):
        parts = split(htmllib.unescape(page[position:]))
        if any(isinstance(part, tuple) for part in parts):
            found.append((position, len(page), parts))
    return found


def formulas(page: str) -> list[Formula]:
    """Every formula of the page, once each, in order of appearance.

    Examples
    --------
    >>> formulas('<body><p>$a &lt; b$</p><code>$c$</code><div class="arithmatex">\\\\[a &lt; b\\\\]</div>')
    [('a < b', False), ('a < b', True)]
    """
    unique: dict[Formula, None] = {}
    for _, _, parts in _runs(page):
        unique.update((part, None) for part in parts if isinstance(part, tuple))
    return list(unique)


def typeset(page: str, render: Callable[[list[Formula]], dict[Formula, str]]) -> str:
    """The page with every formula replaced by ``render``'s markup for it.

    ``render`` receives every formula of the page at once (for one batch) and returns
    the markup of each.

    Examples
    --------
    >>> typeset("<p>x &amp; $y$</p>", lambda found: {f: f"<b>{f[0]}</b>" for f in found})
    '<p>x &amp; <span><b>y</b></span></p>'
    """
    runs = _runs(page)
    if not runs:
        return page
    unique = list(
        dict.fromkeys(part for _, _, parts in runs for part in parts if isinstance(part, tuple))
    )
    markup = render(unique)
    pieces, position = [], 0
    for start, end, parts in runs:
        pieces.append(page[position:start])
        pieces += [
            f"<span>{markup[part]}</span>"
            if isinstance(part, tuple)
            else htmllib.escape(part, quote=False)
            for part in parts
        ]
        position = end
    pieces.append(page[position:])
    return "".join(pieces)
