"""The "Build report" page: every executed block and notebook, its time and cache state.

The page is a generated file whose Markdown holds the headings and placeholders. It is
filled in ``on_page_context``: MkDocs converts the Markdown of *every* page before it
renders the first template, so by then every block of the build has run, whatever
the position of the report in the nav (search indexes it afterwards: our hook runs first).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from ..execution.records import BlockRecord

SLOWEST = 10
SKELETON = """\
# Build report

Written by the lossnotes plugin at the end of the build that produced this site: how
long each executed block and notebook took, and whether its output was computed
(*ran*) or taken from the execution cache (*cached*). The cache key of a block is its
code with the earlier blocks of its session and the versions of Python, numpy and
matplotlib; a cached result is used only while everything its session used when it ran
is unchanged: each lossnotes function it executed, the module-level code of each
module it imported, and each file it read.

<div data-lossnotes-report="summary"></div>

## Claims checked

Each sentence of the prose that compares or characterises a result is checked by the
block that computes it (`lossnotes.pages.claim`); a claim that stops holding fails the
build. Per page:

<div data-lossnotes-report="claims"></div>

## Figures you can move

Every frame of a figure with a slider is drawn by the block that shows it, at build
time; the cache keeps the frames with the block's output.

<div data-lossnotes-report="figures"></div>

## Slowest blocks

<div data-lossnotes-report="slowest"></div>

## Every block

<div data-lossnotes-report="all"></div>
"""


def _table(headers: Sequence[str], rows: list[list[str]], align: str) -> str:
    def cell(tag: str, text: str, side: str) -> str:
        style = ' style="text-align: right"' if side == "r" else ""
        return f"<{tag}{style}>{text}</{tag}>"

    head = "".join(cell("th", html.escape(h), a) for h, a in zip(headers, align))
    body = "".join(
        "<tr>" + "".join(cell("td", c, a) for c, a in zip(row, align)) + "</tr>" for row in rows
    )
    return f'<table class="lossnotes-report"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _rows(records: list[BlockRecord], link: Callable[[str], str]) -> list[list[str]]:
    rows = []
    for record in records:
        where = "notebook" if record.number == 0 else f"block {record.number}"
        if record.line:
            where += f", line {record.line}"
        rows.append(
            [
                f'<a href="{html.escape(link(record.page))}">{html.escape(record.page)}</a>',
                html.escape(where),
                html.escape(record.title or record.session),
                html.escape(record.state),
                f"{record.seconds:.3f}",
            ]
        )
    return rows


def _claims(records: list[BlockRecord], link: Callable[[str], str]) -> str:
    pages: dict[str, list[str]] = {}
    for record in records:
        pages.setdefault(record.page, []).extend(record.claims)
    checked = {page: claims for page, claims in pages.items() if claims}
    if not checked:
        return "<p>No page checked a claim in this build.</p>"
    items = []
    for page, claims in checked.items():
        listed = "".join(f"<li>{html.escape(claim)}</li>" for claim in claims)
        anchor = f'<a href="{html.escape(link(page))}">{html.escape(page)}</a>'
        items.append(f"<li>{anchor}: {len(claims)} claims<ul>{listed}</ul></li>")
    total = sum(len(claims) for claims in checked.values())
    return f"<p>{total} claims on {len(checked)} pages.</p><ul>{''.join(items)}</ul>"


def _figures(records: list[BlockRecord], link: Callable[[str], str]) -> str:
    rows = []
    for record in records:
        for figure in record.figures:
            alt = str(figure.get("alt", ""))
            rows.append(
                [
                    f'<a href="{html.escape(link(record.page))}">{html.escape(record.page)}</a>',
                    f"block {record.number}, line {record.line}",
                    html.escape(alt if len(alt) <= 80 else alt[:77] + "..."),
                    str(figure.get("frames", "")),
                    f"{float(figure.get('seconds', 0.0)):.2f}",
                ]
            )
    if not rows:
        return "<p>No page has a figure you can move in this build.</p>"
    return _table(["Page", "Block", "Figure", "Frames", "Render seconds"], rows, "lllrr")


def render(records: list[BlockRecord], link: Callable[[str], str]) -> dict[str, str]:
    """HTML for each placeholder of :data:`SKELETON`."""
    headers = ["Page", "Block", "Title or session", "Cache", "Seconds"]
    total = sum(record.seconds for record in records)
    cached = sum(record.state == "cached" for record in records)
    pages = len({record.page for record in records})
    summary = (
        f"<p>{len(records)} blocks and notebooks on {pages} pages: {cached} from the cache, "
        f"{sum(r.state == 'ran' for r in records)} run, {total:.2f} s in all.</p>"
    )
    slowest = sorted(records, key=lambda record: record.seconds, reverse=True)[:SLOWEST]
    return {
        "summary": summary,
        "claims": _claims(records, link),
        "figures": _figures(records, link),
        "slowest": _table(headers, _rows(slowest, link), "lllll" if not slowest else "llllr"),
        "all": _table(headers, _rows(records, link), "llllr"),
    }


def fill(content: str, parts: dict[str, str]) -> str:
    for name, part in parts.items():
        content = content.replace(f'<div data-lossnotes-report="{name}"></div>', part)
    return content


def nav_pages(nav: Any) -> set[str]:
    """Every page path named in a ``nav:`` configuration."""
    found: set[str] = set()
    items = nav if isinstance(nav, list) else [nav] if nav else []
    for item in items:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= (
                    nav_pages(value)
                    if isinstance(value, list)
                    else {value}
                    if isinstance(value, str)
                    else set()
                )
    return found
