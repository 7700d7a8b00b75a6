"""Figures and tables for the pages: the house style, SVG output, recurring plots, tables.

* **House style**: ``subplots()`` makes a figure in it (``STYLE``, the colour-blind
  safe ``PALETTE``), drawn with a sentinel ``FOREGROUND`` colour;
  ``full_size_log_labels()`` labels a log axis at the tick font's size.
* **SVG**: ``to_svg()`` turns a figure into deterministic inline SVG whose text and
  axes follow the reader's light or dark scheme (``currentColor``).
* **Plots**: ``contour_with_paths()`` and ``draw_paths()``, optimizer paths on a
  loss surface.
* **Interactive**: ``interactive_figure()`` draws a figure at every value of a
  parameter and gives the page a slider over the frames (``_interactive.rendered``
  lists each one's frame count and render time).
* **Tables**: ``markdown_table()`` and ``format_number()``, numbers formatted once.

Examples
--------
>>> fig, ax = subplots()
>>> _ = ax.plot([0, 1], [1, 0])
>>> to_svg(fig, alt="A falling line").startswith('<figure class="lossnotes-figure">')
True
"""

from lossnotes.figures._interactive import interactive_figure
from lossnotes.figures._plots import contour_with_paths, draw_paths
from lossnotes.figures._style import (
    DIVERGING_CMAP,
    FOREGROUND,
    PALETTE,
    SEQUENTIAL_CMAP,
    STYLE,
    full_size_log_labels,
    subplots,
    use_house_style,
)
from lossnotes.figures._svg import to_svg
from lossnotes.figures._tables import format_number, markdown_table

__all__ = [
    "FOREGROUND", "PALETTE", "SEQUENTIAL_CMAP", "DIVERGING_CMAP", "STYLE", "use_house_style",
    "full_size_log_labels",
    "subplots", "to_svg", "contour_with_paths", "draw_paths", "format_number", "markdown_table",
    "interactive_figure",
]  # fmt: skip
