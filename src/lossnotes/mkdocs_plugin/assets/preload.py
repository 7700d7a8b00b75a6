"""Ask for a page's main KaTeX fonts in its ``<head>``, before layout needs them.

A browser requests a web font only once layout finds text drawn in it. On a page whose
paragraphs carry formulas, KaTeX's fonts then arrive after the first layout, and lines
drawn with the fallback font rewrap when they do: the text below jumps (a layout shift
of 0.14 on the adaptive optimizers page). Preloading the two fonts nearly every formula
draws with, KaTeX_Main (digits, operators, brackets) and KaTeX_Math italic (variables),
makes them arrive with the style sheets. Other KaTeX fonts (bold, AMS, large delimiters)
draw a few glyphs on a few pages and are left to load on demand.
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

FONTS = "assets/katex/fonts"
#: Font file, and the class of KaTeX's markup that draws in it.
MAIN = ("KaTeX_Main-Regular.woff2", 'class="katex-html"')
MATH_ITALIC = ("KaTeX_Math-Italic.woff2", "mathnormal")


def preload_fonts(html: str, page_url: str) -> str:
    """``html`` with ``<link rel="preload">`` for the KaTeX fonts its formulas surely use.

    Examples
    --------
    >>> page = '<head></head><body><span class="katex-html"><span class="mord">1</span></span></body>'
    >>> print(preload_fonts(page, "chapter/a/").split("<body>")[0])
    <head><link rel="preload" href="../../assets/katex/fonts/KaTeX_Main-Regular.woff2" as="font" type="font/woff2" crossorigin></head>
    >>> preload_fonts("<head></head><body>no math</body>", "")
    '<head></head><body>no math</body>'
    """
    head, separator, body = html.partition("</head>")
    if not separator or MAIN[1] not in body:
        return html
    links = "".join(
        f'<link rel="preload" href="{get_relative_url(f"{FONTS}/{name}", page_url or ".")}" '
        'as="font" type="font/woff2" crossorigin>'
        for name, marker in (MAIN, MATH_ITALIC)
        if marker in body
    )
    return head + links + separator + body
