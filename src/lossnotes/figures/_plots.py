"""Figures the chapter draws again and again, in the house style.

One helper per recurring picture (d2l.ai's ``show_trace_2d`` idea): every optimizer
section calls ``contour_with_paths()``, so a section's code shows only what is new.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from lossnotes._validate import (
    as_float_array,
    check_bool,
    check_choice,
    check_instance,
    check_pair,
    check_positive_int,
    check_str,
)
from lossnotes.figures._style import PALETTE, subplots

LEGENDS = ("best", "upper right", "upper left", "lower left", "lower right", "right",
           "center left", "center right", "lower center", "upper center", "center", "below")  # fmt: skip


def _contour_levels(Z: np.ndarray, count: int) -> np.ndarray:
    """Levels spaced evenly in log scale above the minimum: valleys and walls both show.

    The first level is the minimum itself, so filled contours leave no blank hole
    around the bottom of a bowl.
    """
    low, high = float(Z.min()), float(Z.max())
    if high - low <= 0:
        return np.array([low])
    return low + np.concatenate([[0.0], np.geomspace((high - low) * 1e-3, high - low, count - 1)])


def draw_paths(ax: Axes, paths: Mapping[str, np.ndarray], *, markers: bool = True) -> None:
    """Draw optimizer trajectories of shape ``(steps + 1, 2)`` with start and end marked."""
    check_instance("ax", ax, Axes, "a matplotlib Axes")
    check_instance("paths", paths, Mapping, "a mapping of label to path")
    markers = check_bool("markers", markers)
    for index, (label, path) in enumerate(paths.items()):
        points = as_float_array(f"paths[{label!r}]", path, ndim=2)
        if points.shape[1] != 2:
            raise ValueError(f"paths[{label!r}] must have shape (steps + 1, 2); got {points.shape}")
        color = PALETTE[index % len(PALETTE)]
        ax.plot(
            points[:, 0],
            points[:, 1],
            color=color,
            label=label,
            lw=1.8,
            marker="o" if markers and len(points) <= 60 else None,
            ms=3,
        )
        ax.plot(*points[0], marker="s", color=color, ms=6, ls="none")
        ax.plot(*points[-1], marker="o", mfc="none", mec=color, mew=2, ms=8, ls="none")


def contour_with_paths(
    xs: np.ndarray,
    ys: np.ndarray,
    Z: np.ndarray,
    paths: Mapping[str, np.ndarray] | None = None,
    *,
    optimum: tuple[float, float] | None = None,
    xlabel: str = "$\\theta_1$",
    ylabel: str = "$\\theta_2$",
    title: str = "",
    levels: int = 18,
    ax: Axes | None = None,
    legend: str = "best",
) -> Figure:
    """Contour plot of a loss over two parameters, with optimizer paths on top.

    Parameters
    ----------
    xs, ys : array of shape (nx,) and (ny,)
        Grid coordinates.
    Z : array of shape (ny, nx)
        Loss values, ``Z[j, i]`` at ``(xs[i], ys[j])``.
    paths : mapping of label to array of shape (steps + 1, 2), optional
        Trajectories; each is drawn with its start (square) and end (ring).
    optimum : (float, float), optional
        Marked with a star.
    xlabel, ylabel, title : str
        Axis labels and title.
    levels : int, default 18
        Number of contour levels, spaced geometrically above the minimum.
    ax : Axes, optional
        Draw into an existing axes (for multi-panel figures).
    legend : str, default "best"
        A matplotlib legend location, or ``"below"`` for a two-column legend under
        the axes (for many paths, where an inside legend would hide them).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> xs = ys = np.linspace(-1, 1, 5)
    >>> Z = xs[None, :] ** 2 + ys[:, None] ** 2
    >>> fig = contour_with_paths(xs, ys, Z, {"gd": np.array([[1.0, 1.0], [0.5, 0.5]])})
    >>> len(fig.axes)
    1
    """
    xs = as_float_array("xs", xs, ndim=1)
    ys = as_float_array("ys", ys, ndim=1)
    Z = as_float_array("Z", Z, ndim=2)
    if Z.shape != (len(ys), len(xs)):
        raise ValueError(
            f"Z must have shape (len(ys), len(xs)) = {(len(ys), len(xs))}; got {Z.shape}"
        )
    if np.ptp(Z) == 0:
        raise ValueError(f"Z must vary to be contoured; got a constant surface, all {Z.flat[0]!r}")
    levels = check_positive_int("levels", levels, minimum=2)
    if paths is not None:
        check_instance("paths", paths, Mapping, "a mapping of label to path, or None")
    optimum = None if optimum is None else check_pair("optimum", optimum)
    for name, text in (("xlabel", xlabel), ("ylabel", ylabel), ("title", title)):
        check_str(name, text)
    check_choice("legend", legend, LEGENDS)
    check_instance("ax", ax, (Axes, type(None)), "a matplotlib Axes or None")
    if ax is None:
        fig, ax = subplots(figsize=(6.0, 4.2))
    else:
        root = ax.get_figure(root=True)
        assert root is not None  # an Axes always belongs to a figure
        fig = root
    # Rasterized: a filled contour is thousands of polygons, far heavier as vector SVG.
    ax.contourf(
        xs, ys, Z, levels=_contour_levels(Z, levels), cmap="viridis", alpha=0.55, rasterized=True
    )
    ax.contour(
        xs, ys, Z, levels=_contour_levels(Z, levels), colors="0.5", linewidths=0.5, alpha=0.6
    )
    if paths:
        draw_paths(ax, paths)
    if optimum is not None:
        ax.plot(
            *optimum,
            marker="*",
            ms=14,
            color=PALETTE[1],
            mec="white",
            mew=0.8,
            ls="none",
            label="minimum",
        )
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title, xlim=(xs[0], xs[-1]), ylim=(ys[0], ys[-1]))
    ax.grid(False)
    if paths or optimum is not None:
        if legend == "below":
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
        else:
            ax.legend(loc=legend)  # type: ignore[call-overload]  # any location matplotlib knows
    return fig
