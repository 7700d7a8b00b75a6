"""One style sheet request for the site's own CSS instead of five.

Material links its two style sheets and then every ``extra_css`` entry (ours,
KaTeX's, mkdocstrings', the plugin's), each a render-blocking request: on a phone
every extra request before first paint costs a round trip. The plugin joins the
sheets after Material's into ``assets/stylesheets/site.<hash>.css``, in the same
order (so the cascade is unchanged), with relative ``url()``\\ s rewritten for the
new location. The originals stay in the site for pages rendered outside the plugin
(the 404 page).
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

DEST = "assets/stylesheets"
_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">\s*')
_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_THEME = re.compile(r"assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css$")


def _rebase(css: str, source: str, target: str) -> str:
    """Rewrite the relative ``url()`` s of ``css`` from folder ``source`` to ``target``.

    Examples
    --------
    >>> _rebase("src: url(fonts/a.woff2)", "assets/katex", "assets/stylesheets")
    'src: url(../katex/fonts/a.woff2)'
    >>> _rebase("background: url(data:image/png;base64,AA==)", "a", "b")
    'background: url(data:image/png;base64,AA==)'
    """

    def rebase(match: re.Match[str]) -> str:
        url = match[2]
        if re.match(r"[a-z][a-z0-9+.-]*:|/|#", url, re.I):
            return match[0]
        moved = posixpath.relpath(posixpath.normpath(posixpath.join(source, url)), target)
        return f"url({match[1]}{moved}{match[1]})"

    return _URL.sub(rebase, css)


@functools.lru_cache(maxsize=8)
def _joined(site_dir: str, sheets: tuple[tuple[str, int, int], ...]) -> tuple[str, str]:
    """The bundle's name and text; every page links the same sheets, read once."""
    parts = []
    for path, _mtime, _size in sheets:
        css = (Path(site_dir) / path).read_text(encoding="utf-8")
        parts.append(f"/* {path} */\n{_rebase(css, posixpath.dirname(path), DEST)}\n")
    joined = "".join(parts)
    return f"{DEST}/site.{hashlib.sha256(joined.encode()).hexdigest()[:12]}.css", joined


def bundle(html: str, page_url: str, site_dir: str | Path) -> str:
    """Replace the page's own style sheet links by one link to their concatenation.

    Parameters
    ----------
    html : str
        The page as it will be written.
    page_url : str
        The page's URL relative to the site root (``page.url``).
    site_dir : str or Path
        The site being built; the style sheets have already been copied there.

    Returns
    -------
    str
        The page with one ``<link>`` where the run of non-theme style sheets was.
    """
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    links = [
        match
        for match in _LINK.finditer(html)
        if not re.match(r"[a-z]+:|/", match[1]) and not _THEME.search(match[1])
    ]
    if len(links) < 2:
        return html
    sheets = []
    for link in links:
        path = posixpath.normpath(posixpath.join(base, link[1].split("?")[0]))
        try:
            stat = (Path(site_dir) / path).stat()
        except OSError:
            return html  # written later in the build (or not at all): keep the links
        sheets.append((path, stat.st_mtime_ns, stat.st_size))
    name, joined = _joined(str(site_dir), tuple(sheets))
    target = Path(site_dir) / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(joined, encoding="utf-8")
    href = get_relative_url(name, page_url or ".")
    first, *rest = links
    for link in reversed(rest):
        html = html[: link.start()] + html[link.end() :]
    return html[: first.start()] + f'<link rel="stylesheet" href="{href}">\n' + html[first.end() :]
