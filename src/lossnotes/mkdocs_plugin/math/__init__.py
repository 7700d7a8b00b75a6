"""Math typeset at build time: pages ship KaTeX's HTML and fonts, never its script.

:mod:`.mathtext` finds the formulas of a rendered page (the delimiters of
pymdownx.arithmatex) and puts the typeset markup in their place; :mod:`.katex` drives
KaTeX in one node process (``katex_render.js``, found next to it) with an on-disk
cache; :mod:`.fonts` subsets KaTeX's WOFF2 fonts to the glyphs the formulas draw;
:mod:`.pages` ties them to the plugin's hooks, page by page and once per build.
"""
