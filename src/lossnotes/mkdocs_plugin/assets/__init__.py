"""What a built page loads besides its HTML: vendored scripts, fonts, style sheets, figures.

:mod:`.vendor` copies KaTeX's style sheet and fonts and the vendored scripts (Plotly)
from ``node_modules`` into the site and strips the CDN scripts mkdocs-jupyter injects;
:mod:`.styles` bundles a page's style sheets into one file; :mod:`.preload` asks the
browser early for the fonts a page's math uses; :mod:`.figures` moves a page's inline
SVG figures into files of their own, named by their content; :mod:`.highlight` drops the
code spans that change nothing on screen.
"""
