"""Frames of one figure, shipped compactly: what every frame shares is sent once.

Each frame's SVG is cut into *chunks*: a leaf element (a path, a tick mark, a text
with its words) or the opening or closing tag of a group. Chunks are interned in one
table shared by every frame and panel, so an axis, a tick label or a contour that is
the same in every frame is stored once. Each frame is then written as edits of the
default frame's list of chunks: ``[i, j]`` copies the default's chunks ``i`` to
``j - 1``, a bare number inserts one chunk of the table. A frame that moves one line
costs a few numbers and that line's path.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

_TOKEN = re.compile(r"<[^>]+>|[^<]+")
_OPEN = re.compile(r"^(<svg\b[^>]*>)(.*)</svg>$", re.S)

Op = list[int] | int


def split_svg(svg: str) -> tuple[str, str]:
    """The ``<svg ...>`` opening tag of a drawing and what it holds.

    Examples
    --------
    >>> split_svg('<svg viewBox="0 0 1 1"><path d="M 0 0"/></svg>')
    ('<svg viewBox="0 0 1 1">', '<path d="M 0 0"/>')
    """
    match = _OPEN.match(svg.strip())
    if match is None:
        raise ValueError("not a single <svg> element")
    return match[1], match[2]


def chunks(body: str) -> list[str]:
    """Cut SVG markup into leaf elements and the opening and closing tags of groups.

    Examples
    --------
    >>> chunks('<g><text x="1">0.5</text><path d="M 0 0"/></g>')
    ['<g>', '<text x="1">0.5</text>', '<path d="M 0 0"/>', '</g>']
    """
    tokens = _TOKEN.findall(body)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        opening = token.startswith("<") and not token.startswith("</") and not token.endswith("/>")
        if opening:
            # A leaf element: its text (if any) and its closing tag travel with it.
            j = i + 1
            while j < len(tokens) and not tokens[j].startswith("<"):
                j += 1
            if j < len(tokens) and tokens[j].startswith("</"):
                out.append("".join(tokens[i : j + 1]))
                i = j + 1
                continue
        out.append(token)
        i += 1
    return out


class Table:
    """Interned chunks: each distinct chunk gets one index, in order of first use."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def ids(self, pieces: list[str]) -> list[int]:
        out = []
        for piece in pieces:
            if piece not in self._index:
                self._index[piece] = len(self.items)
                self.items.append(piece)
            out.append(self._index[piece])
        return out


def edits(base: list[int], frame: list[int]) -> list[Op]:
    """``frame`` as copies of ranges of ``base`` and inserted chunk ids.

    Examples
    --------
    >>> edits([0, 1, 2, 3], [0, 1, 7, 3])
    [[0, 2], 7, [3, 4]]
    >>> rebuild([0, 1, 2, 3], [[0, 2], 7, [3, 4]])
    [0, 1, 7, 3]
    """
    ops: list[Op] = []
    matcher = difflib.SequenceMatcher(None, base, frame, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append([i1, i2])
        else:
            ops.extend(frame[j1:j2])
    return ops


def rebuild(base: list[int], ops: list[Op]) -> list[int]:
    """Undo :func:`edits` (what the page's script does)."""
    out: list[int] = []
    for op in ops:
        if isinstance(op, list):
            out.extend(base[op[0] : op[1]])
        else:
            out.append(op)
    return out


def encode(panels: list[list[str]], default: int) -> dict[str, Any]:
    """Every frame of every panel (``panels[p][k]``: the body of panel p in frame k).

    Returns ``{"chunks": [...], "panels": [{"base": ids, "frames": [ops, ...]}]}``, the
    base being the default frame's chunk ids.
    """
    table = Table()
    encoded = []
    for frames in panels:
        base = table.ids(chunks(frames[default]))
        ops = [edits(base, table.ids(chunks(body))) for body in frames]
        encoded.append({"base": base, "frames": ops})
    return {"chunks": table.items, "panels": encoded}
