"""Build-time data for the terrain explorer page: grids, colour bands, reference paths.

The page draws the ``lossnotes.landscape.SURFACES`` in the browser and recomputes
optimizer paths there with a JavaScript port (``docs/javascripts/explorer/explorer.js``)
of the surfaces and of ``lossnotes.optim``'s update rules. This module exports what
the page embeds: each surface's height grid and colour bands, the reader's default
settings, and reference paths computed here, against which the port is checked; and each
surface's formula, as TeX that the lossnotes plugin typesets at build time.

Examples
--------
>>> path = trajectory("bowl", "gd", lr=0.25, steps=3, start=(1.0, -2.0))
>>> path.tolist()
[[1.0, -2.0], [0.5, -1.0], [0.25, -0.5], [0.125, -0.25]]
"""

from lossnotes.pages.terrain_explorer._markup import (
    PLOTLY,
    band_levels,
    explorer_data,
    explorer_html,
)
from lossnotes.pages.terrain_explorer._paths import (
    DEFAULTS,
    ESCAPE,
    OPTIMIZERS,
    Settings,
    make_optimizer,
    outcome,
    trajectory,
)

__all__ = [
    "OPTIMIZERS", "DEFAULTS", "Settings", "ESCAPE", "PLOTLY", "make_optimizer", "trajectory",
    "outcome", "band_levels", "explorer_data", "explorer_html",
]  # fmt: skip
