"""The frames of a figure you can move leave the page: fetched only when it is near.

:func:`lossnotes.figures.interactive_figure` writes every frame into a JSON script
inside the page. The page itself only needs the default frame (a normal figure,
itself moved to a file by :mod:`.figures`), so each frame table becomes
``assets/figures/<hash>.json``, named by its content, and the script keeps only its
address, on an empty ``<span>``: ``docs/javascripts/figures.js`` fetches it when the figure nears the
viewport or the reader touches its slider. First paint does not wait for frames.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from .figures import DEST

_FRAMES = re.compile(
    r'<script type="application/json" class="lossnotes-frames">(.*?)</script>', re.S
)


def externalize(html: str, page_url: str, site_dir: str | Path) -> str:
    """Move every frame table of ``html`` into ``site_dir/assets/figures``.

    Examples
    --------
    >>> import tempfile
    >>> page = '<script type="application/json" class="lossnotes-frames">{"a":1}</script>'
    >>> with tempfile.TemporaryDirectory() as site:
    ...     print(externalize(page, "chapter/a/", site))  # doctest: +ELLIPSIS
    <span class="lossnotes-frames" data-src="../../assets/figures/....json" hidden></span>
    """
    folder = Path(site_dir) / DEST

    def move(match: re.Match[str]) -> str:
        content = match[1]  # still valid JSON: "<\\/" is an escaped "/"
        name = hashlib.sha256(content.encode()).hexdigest()[:20] + ".json"
        path = folder / name
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        href = get_relative_url(f"{DEST}/{name}", page_url or ".")
        # Not a <script>: Material's instant navigation moves a new page's scripts out of
        # the content, which would leave the figure without its frames.
        return f'<span class="lossnotes-frames" data-src="{href}" hidden></span>'

    return _FRAMES.sub(move, html)
