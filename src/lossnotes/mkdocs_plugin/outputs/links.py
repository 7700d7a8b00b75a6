"""Links in the output of executed blocks: rewritten as MkDocs does for the page, and checked.

MkDocs rewrites a page's links to other pages (``[x](other.md)`` becomes
``../other/``) and warns about missing targets and anchors. Markdown printed by an
executed block is converted by markdown-exec on its own, after that rewriting, and HTML
printed by a block is passed through untouched, so neither is seen by MkDocs. We
rewrite the ``.md`` links left in the page's HTML the same way (:func:`resolve_md_links`)
and, once every page is rendered, check every link a block printed, ``.md`` and raw
``<a href>`` alike, and its anchor (:func:`check_block_links`): a link that does not
resolve is a warning naming the page and the block, which fails a ``--strict`` build.
"""

from __future__ import annotations

import html as html_lib
import logging
import posixpath
import re
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.lossnotes")

_MD_LINK = re.compile(
    r'(<a\b[^>]*?\bhref=")(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]+\.md)(#[^"]*)?(")', re.I
)


def resolve_md_links(html: str, page: Page, files: Files) -> str:
    """Point links to ``.md`` sources at the built pages, relative to ``page``.

    Examples
    --------
    >>> from mkdocs.structure.files import File
    >>> files = Files([File(p, "docs", "site", True) for p in ("a/one.md", "a/two.md")])
    >>> page = Page(None, files.get_file_from_path("a/one.md"), {})
    >>> resolve_md_links('<a href="two.md#top">two</a>', page, files)
    '<a href="../two/#top">two</a>'
    """

    def replace(match: re.Match[str]) -> str:
        start, target, anchor, end = match[1], match[2], match[3] or "", match[4]
        source = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), target))
        found = files.get_file_from_path(source)
        if found is None:
            return match[0]  # reported by check_block_links
        return f"{start}{found.url_relative_to(page.file)}{anchor}{end}"

    return _MD_LINK.sub(replace, html)


#: Links written by page code that cannot know the page's depth start with this.
SITE_ROOT = "lossnotes-root:"
_ROOTED = re.compile(r'(\s(?:href|src)=["\'])' + re.escape(SITE_ROOT))


def resolve_site_root(html: str, page_url: str) -> str:
    """Rewrite ``href``/``src`` values starting ``lossnotes-root:`` relative to the page.

    Examples
    --------
    >>> resolve_site_root('<script src="lossnotes-root:a/b.js"></script>', "chapter/x/")
    '<script src="../../a/b.js"></script>'
    >>> resolve_site_root('<link href="lossnotes-root:c.css">', "")
    '<link href="./c.css">'
    """
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    root = "../" * depth or "./"
    return _ROOTED.sub(lambda match: match[1] + root, html)


_PRINTED_LINK = re.compile(r"""\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\)|\bhref=["']([^"']+)["']""")
_IDS = re.compile(r"""\bid=["']([^"']+)["']""")


def _target(link: str, page: Page, files: Files) -> tuple[Any, str] | None:
    """The file a printed link points at (``None``: none) and its anchor."""
    path, _, anchor = link.partition("#")
    if not path:
        return page.file, anchor
    if path.startswith(SITE_ROOT):
        url = posixpath.normpath(path[len(SITE_ROOT) :])
    elif path.endswith(".md"):
        source = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
        found = files.get_file_from_path(source)
        return (found, anchor) if found is not None else None
    else:
        url = posixpath.normpath(posixpath.join(page.url, path))
    url = "" if url == "." else url.lstrip("/")
    for file in files:
        if file.url.rstrip("/") == url.rstrip("/") or file.dest_uri == url:
            return file, anchor
    return None


#: What the last check found in each printed output (its links) and target page (its
#: ids). ``mkdocs serve`` checks mostly the same megabytes of figures on every rebuild,
#: and scanning them was most of the check; a string's scan is a function of the string.
_memory: dict[str, dict[str, Any]] = {"links": {}, "ids": {}}


def _links(output: str) -> tuple[str, ...]:
    return tuple(html_lib.unescape(m[1] or m[2]) for m in _PRINTED_LINK.finditer(output))


def _ids(content: str) -> frozenset[str]:
    return frozenset(_IDS.findall(content))


def _scan(kind: str, text: str, scan: Any, now: dict[str, dict[str, Any]]) -> Any:
    found = now[kind].get(text)
    if found is None:
        found = _memory[kind].get(text)
        now[kind][text] = scan(text) if found is None else found
    return now[kind][text]


def check_block_links(printed: list[tuple[str, str, str]], files: Files) -> None:
    """Warn about every link in ``printed`` (page, where, output) that does not resolve."""
    now: dict[str, dict[str, Any]] = {"links": {}, "ids": {}}
    for src, where, output in printed:
        file = files.get_file_from_path(src)
        if file is None or file.page is None:
            continue
        for link in _scan("links", output, _links, now):
            elsewhere = re.match(r"[a-z][a-z0-9+.-]*:|//", link, re.I)
            if elsewhere and not link.startswith(SITE_ROOT):
                continue  # another site, mail, data
            found = _target(link, file.page, files)
            if found is None:
                log.warning(f"{where} links to '{link}', which is not a page or file of the site")
                continue
            target, anchor = found
            if anchor and target.page is not None:
                if anchor not in _scan("ids", target.page.content or "", _ids, now):
                    log.warning(
                        f"{where} links to '{link}': '{target.src_uri}' has no anchor '#{anchor}'"
                    )
    _memory.update(now)  # only what this check saw: the memory follows the site
