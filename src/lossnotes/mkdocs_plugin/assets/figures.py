"""Figures leave the page's HTML: each becomes an SVG file the page refers to.

A chapter page can carry twenty figures, 100 KB compressed, and a browser paints
nothing until the HTML has arrived: on a phone that weight was most of the time to
first paint. The plugin therefore moves the drawing of each figure made by
:func:`lossnotes.figures.to_svg` to ``assets/figures/<hash>.svg`` and leaves in the
page the outer ``<svg>`` (its size, ``role="img"`` and ``aria-label``) holding one
``<use>`` of the file. Content inside ``<use>`` inherits the page's ``color``, so the
figures' ``currentColor`` text still follows the reader's colour scheme, and the
reserved size means nothing moves when the drawing arrives. Files are named by their
content: two builds write the same bytes, and a figure shown on two pages is
fetched once.

``xlink:href`` rather than ``href``: Material's scripts rewrite ``[href]`` elements
and fail on SVG's read-only ``href`` property.

A browser parses, styles and lays out every drawing a page ``<use>``s as soon as the
page loads, far below the first screen too: on the gradient descent page that was two
thirds of the main thread's blocking time. So the ``<use>`` names its file in
``data-src``, and ``docs/javascripts/figures.js`` turns that into ``xlink:href`` when
the figure comes within a screen of the viewport (and for printing). Without
JavaScript, a ``<noscript>`` copy of the figure refers to its file directly, and
``lossnotes.css`` hides the empty one (``@media (scripting: none)``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

DEST = "assets/figures"
#: The element id of the drawing inside each figure file.
DRAWING_ID = "figure"
#: The class of a figure whose drawing ``figures.js`` loads as it nears the viewport.
LAZY = "lossnotes-lazy"
_FIGURE = re.compile(r'(<figure class="lossnotes-figure"><svg\b)([^>]*)>(.*?)</svg>', re.S)
_VIEWBOX = re.compile(r'\sviewBox="([^"]+)"')


def figure_file(view_box: str, drawing: str) -> str:
    """A standalone SVG document holding ``drawing`` under the id :data:`DRAWING_ID`.

    Examples
    --------
    >>> figure_file("0 0 10 10", '<path d="M 0 0 L 10 10"/>')[:40]
    '<svg xmlns="http://www.w3.org/2000/svg" '
    """
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="{view_box}"><g id="{DRAWING_ID}">{drawing}</g></svg>\n'
    )


def write_asset(content: str, suffix: str, page_url: str, site_dir: str | Path) -> str:
    """Write ``content`` to ``site_dir/assets/figures/<hash><suffix>``; return its URL from the page.

    The name is the content's hash, so a file already there holds the same bytes and is
    left alone (a figure shown on two pages is written once).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as site:
    ...     write_asset("<svg/>", ".svg", "chapter/a/", site)
    '../../assets/figures/d4dc56669143034f31aa.svg'
    """
    name = hashlib.sha256(content.encode()).hexdigest()[:20] + suffix
    path = Path(site_dir) / DEST / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return get_relative_url(f"{DEST}/{name}", page_url or ".")


def externalize(html: str, page_url: str, site_dir: str | Path) -> str:
    """Move every figure's drawing out of ``html`` into ``site_dir/assets/figures``.

    Parameters
    ----------
    html : str
        The page as it will be written.
    page_url : str
        The page's URL relative to the site root (``page.url``), for relative links.
    site_dir : str or Path
        Where the site is being built.

    Returns
    -------
    str
        The page with each figure's drawing replaced by a ``<use>`` of its file, loaded
        as it nears the viewport, and a ``<noscript>`` copy that loads it at once.

    Examples
    --------
    >>> import tempfile
    >>> page = ('<figure class="lossnotes-figure"><svg role="img" aria-label="A line" '
    ...         'viewBox="0 0 10 10"><path d="M 0 0 L 10 10"/></svg></figure>')
    >>> with tempfile.TemporaryDirectory() as site:
    ...     print(externalize(page, "chapter/a/", site))  # doctest: +ELLIPSIS
    <figure ...><svg class="lossnotes-lazy" role="img" aria-label="A line" viewBox="0 0 10 10"><use data-src="../../assets/figures/....svg#figure"/></svg><noscript><svg role="img" aria-label="A line" viewBox="0 0 10 10"><use xlink:href="../../assets/figures/....svg#figure"/></svg></noscript></figure>
    """

    def move(match: re.Match[str]) -> str:
        opening, attributes, drawing = match[1], match[2], match[3]
        view_box = _VIEWBOX.search(attributes)
        if view_box is None:  # not drawn by to_svg: leave it inline
            return match[0]
        href = write_asset(figure_file(view_box[1], drawing), ".svg", page_url, site_dir)
        target = f'"{href}#{DRAWING_ID}"/></svg>'
        lazy = (
            attributes.replace(' class="', f' class="{LAZY} ', 1)
            if ' class="' in attributes
            else f' class="{LAZY}"{attributes}'
        )
        eager = f"<svg{attributes}><use xlink:href={target}"
        return f"{opening}{lazy}><use data-src={target}<noscript>{eager}</noscript>"

    return _FIGURE.sub(move, html)
