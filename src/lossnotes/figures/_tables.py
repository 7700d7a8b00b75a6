"""Tables for the pages: numbers formatted once, in one place, as Markdown.

markdown-exec renders what a block prints as Markdown, so a block that prints
``markdown_table()`` gets a themed, responsive table with no HTML of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral, Real
from typing import Any

from lossnotes._validate import check_positive_int, check_sequence, check_str, describe


def format_number(value: Any, digits: int = 4) -> str:
    """Format a number for a table cell: integers as-is, reals with ``digits`` significant digits.

    Examples
    --------
    >>> format_number(3), format_number(0.123456), format_number(1234567.0), format_number(1e-7)
    ('3', '0.1235', '1.235e+06', '1e-07')
    >>> format_number(-0.0), format_number(-1e-9, digits=2), format_number(-2e-5)
    ('0', '-1e-09', '-2e-05')
    >>> format_number("text"), format_number("|x|")
    ('text', '\\\\|x\\\\|')
    >>> format_number(None)
    Traceback (most recent call last):
    ...
    TypeError: value must be a real number or a string; got None
    """
    return _cell("value", value, check_positive_int("digits", digits))


def _cell(name: str, value: Any, digits: int) -> str:
    if isinstance(value, str):
        check_str(name, value, one_line=True)  # a line break would end the table
        return value.replace("|", "\\|")  # a bare pipe would end the cell
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a real number or a string; got {describe(value)}")
    if isinstance(value, Integral):
        return str(int(value))
    text = f"{float(value):.{digits}g}"
    # A value that rounds to zero is printed "0", never "-0": the sign of nothing means nothing.
    return text.lstrip("-") if float(text) == 0 else text


def markdown_table(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
    *,
    digits: int = 4,
    align: str | None = None,
) -> str:
    """Build a Markdown table from rows of values.

    Parameters
    ----------
    rows : sequence of sequences
        One sequence of cell values per row, as many as ``headers``.
    headers : sequence of str
        Column titles.
    digits : int, default 4
        Significant digits for real numbers.
    align : str, optional
        One letter per column, ``l``, ``c`` or ``r``; numbers are right-aligned by default.

    Returns
    -------
    str
        The table, ready to ``print`` from a markdown-exec block.

    Examples
    --------
    >>> print(markdown_table([[1, 0.5], [2, 0.25]], ["step", "loss"]))
    | step | loss |
    |---:|---:|
    | 1 | 0.5 |
    | 2 | 0.25 |
    """
    headers = check_sequence("headers", headers, "column titles")
    rows = [check_sequence(f"rows[{i}]", row, "cells") for i, row in enumerate(
        check_sequence("rows", rows, "rows"))]  # fmt: skip
    digits = check_positive_int("digits", digits)
    if not headers:
        raise ValueError("headers must name at least one column; got an empty sequence")
    for index, header in enumerate(headers):
        check_str(f"headers[{index}]", header, one_line=True)
    for index, row in enumerate(rows):
        if len(row) != len(headers):
            raise ValueError(
                f"rows[{index}] must have {len(headers)} cells, one per header; got {len(row)}"
            )
    check_str("align", align, optional=True)
    if align is None:
        first = rows[0] if rows else []
        align = "".join("r" if isinstance(cell, Real) else "l" for cell in first) or "l" * len(
            headers
        )
    if len(align) != len(headers) or set(align) - set("lcr"):
        raise ValueError(f"align must be {len(headers)} letters from 'l', 'c', 'r'; got {align!r}")
    rules = {"l": ":---", "c": ":---:", "r": "---:"}
    lines = [
        "| " + " | ".join(_cell("headers", h, digits) for h in headers) + " |",
        "|" + "|".join(rules[a] for a in align) + "|",
    ]
    for i, row in enumerate(rows):
        cells = (_cell(f"rows[{i}][{j}]", cell, digits) for j, cell in enumerate(row))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
