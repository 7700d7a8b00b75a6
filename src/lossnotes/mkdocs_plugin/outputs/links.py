"""Resolve ``.md`` links in the output of executed blocks, as MkDocs does for the page.

MkDocs rewrites a page's links to other pages (``[x](other.md)`` becomes
``../other/``) and warns about missing targets. Markdown printed by an executed block
is converted by markdown-exec on its own, after that rewriting, so its links would
still point at ``.md`` files. We rewrite what is left in the page's HTML the same way,
and warn (which fails a ``--strict`` build) when the target page does not exist.
"""

from __future__ import annotations

import logging
import posixpath
import re

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
            log.warning(
                "%s: an executed block links to '%s', which is not a page of the site",
                page.file.src_uri,
                target,
            )
            return match[0]
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
