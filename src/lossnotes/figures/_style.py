"""One house style for every figure: colours, fonts and the figure factory.

Figures are drawn with a *sentinel* foreground colour which ``to_svg()`` replaces
by ``currentColor``: inline SVG inherits the page's text colour, so titles, labels,
ticks and axes follow the reader's light or dark scheme with one rendering. Data
colours come from the Okabe-Ito palette (colour-blind safe, mid-luminance so that
lines read on white and on slate). ``full_size_log_labels()`` keeps a log axis's
labels at the tick font's size. Heavy artists (3-D surfaces, dense images) can be
drawn with ``rasterized=True``: they are embedded as compressed PNG inside the SVG
while text stays vector.
"""

from __future__ import annotations

from typing import Any

import matplotlib

matplotlib.use("Agg")  # headless and deterministic, also inside `mkdocs serve`

from cycler import cycler
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.ticker import LogFormatter, NullFormatter

from lossnotes._validate import check_instance, check_pair, check_positive_int

#: Drawn as this colour, published as ``currentColor``. Never used by data.
FOREGROUND = "#010203"
#: Okabe & Ito (2008), minus black (our foreground) and yellow (invisible on white).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
#: Sequential colour maps that read in both schemes and for colour-blind readers.
SEQUENTIAL_CMAP = "viridis"
DIVERGING_CMAP = "PuOr"

STYLE: dict[str, Any] = {
    "figure.figsize": (6.0, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 150,  # resolution of rasterized artists inside the SVG
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.transparent": True,
    "svg.fonttype": "none",  # real text: small, selectable, scalable
    "svg.hashsalt": "lossnotes",  # stable clip-path ids from build to build
    "font.family": "sans-serif",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "text.color": FOREGROUND,
    "axes.labelcolor": FOREGROUND,
    "axes.edgecolor": FOREGROUND,
    "xtick.color": FOREGROUND,
    "ytick.color": FOREGROUND,
    "grid.color": FOREGROUND,
    "grid.alpha": 0.15,
    "axes.grid": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "lines.linewidth": 2.0,
    "image.cmap": SEQUENTIAL_CMAP,
    "contour.negative_linestyle": "solid",
}


def use_house_style() -> None:
    """Apply ``STYLE`` to matplotlib's global ``rcParams``.

    Text created after this call (titles, labels) reads these settings, which is
    why ``subplots()`` calls it rather than using a temporary context.
    """
    # matplotlib types its keys as literals; they are checked when set, at run time.
    matplotlib.rcParams.update(STYLE)  # type: ignore[arg-type]


def subplots(
    nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float] | None = None, **kwargs: Any
) -> tuple[Figure, Any]:
    """Create a figure in the house style without pyplot's global figure registry.

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes, as ``matplotlib.pyplot.subplots()``.
    figsize : (float, float), optional
        Size in inches; defaults to 6 x 3.6 per row of one panel.
    **kwargs
        Passed to ``matplotlib.figure.Figure.subplots()`` (``subplot_kw``,
        ``sharex``, ...).

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes or array of Axes

    Examples
    --------
    >>> fig, ax = subplots()
    >>> _ = ax.plot([0, 1], [1, 0])
    >>> fig.get_layout_engine() is not None and ax.get_xlim() == (-0.05, 1.05)
    True
    """
    nrows, ncols = check_positive_int("nrows", nrows), check_positive_int("ncols", ncols)
    if figsize is not None:
        figsize = check_pair("figsize", figsize, positive=True)
    use_house_style()
    if figsize is None:
        figsize = (min(4.0 * ncols, 10.0) if ncols > 1 else 6.0, 3.6 * nrows)
    fig = Figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=True, **kwargs)
    return fig, axes


def full_size_log_labels(axis: Axis) -> None:
    """Label a log axis ``1e-06`` rather than with a superscript, and its minor ticks not at all.

    Matplotlib's default log labels are mathtext powers of ten whose exponents are set
    at 0.7 of the tick font, too small to read beside a slider; this keeps every digit
    at the tick font's size. Set the axis to a log scale first.

    Parameters
    ----------
    axis : matplotlib.axis.Axis
        ``ax.xaxis`` or ``ax.yaxis``.

    Examples
    --------
    >>> fig, ax = subplots()
    >>> _ = ax.semilogy([1.0, 1e-6])
    >>> full_size_log_labels(ax.yaxis)
    >>> ax.yaxis.get_major_formatter()(1e-6)  # with matplotlib's minus sign, U+2212
    '1e−06'
    """
    check_instance("axis", axis, Axis, "a matplotlib Axis (ax.xaxis or ax.yaxis)")
    axis.set_major_formatter(LogFormatter())
    axis.set_minor_formatter(NullFormatter())
