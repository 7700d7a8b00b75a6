"""Headings that a page split moved: old links to them land on the page they are on now.

The plugin's ``moved_anchors`` option names them, old page, then new page, then anchors::

    moved_anchors:
      chapter/convexity.md:
        chapter/non-convex.md: [saddle-points, plateaus]

Once every page is rendered (``on_env``), :func:`apply` checks each entry and fails the
build on a wrong one: both pages must exist, the anchor must be an id on the new page,
and it must no longer be one on the old page (where it still is, the old link works and
the entry is stale). It then gives the old page its part of the map, new addresses
relative to it, in a hidden element's ``data-lossnotes-moved`` attribute (an attribute,
so the search index does not read it). ``docs/javascripts/moved.js`` follows the map when
a reader arrives at the old page with an anchor it does not have.
"""

from __future__ import annotations

import html as html_lib
import json
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .links import _IDS

MARKER = "data-lossnotes-moved"


def parse(option: Any) -> dict[str, dict[str, str]]:
    """``{old page: {anchor: new page}}`` from the option, refusing a malformed one.

    Examples
    --------
    >>> parse({"a.md": {"b.md": ["x", "y"]}})
    {'a.md': {'x': 'b.md', 'y': 'b.md'}}
    >>> parse({"a.md": ["x"]})
    Traceback (most recent call last):
    ...
    mkdocs.exceptions.PluginError: moved_anchors: 'a.md' must map new pages to lists of anchors; got ['x']
    """
    if not isinstance(option, dict):
        raise PluginError(f"moved_anchors must map old pages to new pages; got {option!r}")
    moved: dict[str, dict[str, str]] = {}
    for old, targets in option.items():
        valid = isinstance(targets, dict) and all(
            isinstance(anchors, list) and all(isinstance(a, str) and a for a in anchors)
            for anchors in targets.values()
        )
        if not valid:
            raise PluginError(
                f"moved_anchors: {old!r} must map new pages to lists of anchors; got {targets!r}"
            )
        moved[old] = {}
        for new, anchors in targets.items():
            for anchor in anchors:
                if anchor in moved[old]:
                    raise PluginError(f"moved_anchors: {old}#{anchor} is listed twice")
                moved[old][anchor] = new
    return moved


def _page(files: Files, src: str) -> Page | None:
    file = files.get_file_from_path(src)
    return file.page if file is not None else None


def problems(moved: dict[str, dict[str, str]], files: Files) -> list[str]:
    """Every wrong entry of ``moved``, checked against the rendered pages of ``files``.

    A page that this build did not render (a dirty rebuild of ``mkdocs serve``) has no
    content, and its side of an entry is not checked.
    """
    found: list[str] = []
    ids: dict[str, set[str] | None] = {}

    def page_ids(page: Page) -> set[str] | None:
        src = page.file.src_uri
        if src not in ids:
            ids[src] = None if page.content is None else set(_IDS.findall(page.content))
        return ids[src]

    for old, anchors in moved.items():
        for anchor, new in anchors.items():
            entry = f"{old}#{anchor} -> {new}"
            old_page, new_page = _page(files, old), _page(files, new)
            if old_page is None or new_page is None:
                missing = old if old_page is None else new
                found.append(f"{entry}: '{missing}' is not a page of the site")
                continue
            old_ids, new_ids = page_ids(old_page), page_ids(new_page)
            if new_ids is not None and anchor not in new_ids:
                found.append(f"{entry}: '{new}' has no anchor '#{anchor}'")
            if old_ids is not None and anchor in old_ids:
                found.append(f"{entry}: '{old}' still has '#{anchor}', so the entry is stale")
    return found


def apply(option: Any, files: Files) -> None:
    """Check the option against the rendered pages and give each old page its map."""
    moved = parse(option)
    found = problems(moved, files)
    if found:
        raise PluginError("moved_anchors has wrong entries:\n  " + "\n  ".join(found))
    for old, anchors in moved.items():
        page = _page(files, old)
        if page is None or page.content is None or MARKER in page.content:
            continue  # not rendered by this build, or already given its map
        urls = {}
        for anchor, new in sorted(anchors.items()):
            target = _page(files, new)
            if target is not None:  # checked above: always
                urls[anchor] = f"{get_relative_url(target.url, page.url)}#{anchor}"
        data = html_lib.escape(json.dumps(urls, separators=(",", ":")), quote=True)
        page.content += f'\n<div hidden {MARKER}="{data}"></div>\n'
