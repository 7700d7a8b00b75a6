"""The frames of a figure you can move leave the page: fetched only when it is near.

:func:`lossnotes.figures.interactive_figure` writes every frame into a JSON script
inside the page. The page itself only needs the default frame (a normal figure,
itself moved to a file by :mod:`.figures`), so each frame table becomes
``assets/figures/<hash>.json``, named by its content, and the script keeps only its
address, on an empty ``<span>``: ``docs/javascripts/figures.js`` fetches it when the figure nears the
viewport or the reader touches its slider. First paint does not wait for frames.
"""

from __future__ import annotations

import re
from pathlib import Path

from .figures import write_asset

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

    def move(match: re.Match[str]) -> str:
        # Still valid JSON: "<\\/" is an escaped "/".
        href = write_asset(match[1], ".json", page_url, site_dir)
        # Not a <script>: Material's instant navigation moves a new page's scripts out of
        # the content, which would leave the figure without its frames.
        return f'<span class="lossnotes-frames" data-src="{href}" hidden></span>'

    return _FRAMES.sub(move, html)
