"""The line with three corrupted readings that the loss-functions page fits, defined once.

The table of MSE, MAE and Huber fits and the Huber slider fit the same points;
``outlier_line()`` draws them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from lossnotes._validate import FloatArray

__all__ = ["OutlierLine", "outlier_line"]


class OutlierLine(NamedTuple):
    """Thirty readings of a line, clean and with three of them corrupted."""

    x: FloatArray  #: 30 evenly spaced inputs from 0 to 10
    y_clean: FloatArray  #: 0.8 x + 1 plus Gaussian noise of standard deviation 0.5
    y: FloatArray  #: ``y_clean`` with the readings at ``outliers`` pulled far down
    outliers: list[int]  #: the indices of the three corrupted readings, at the right end


def outlier_line() -> OutlierLine:
    """The page's line, its readings clean and with three outliers.

    Returns
    -------
    OutlierLine
        Fresh arrays on every call (seeded: the same numbers every time).

    Examples
    --------
    >>> line = outlier_line()
    >>> line.x.size, line.outliers
    (30, [24, 26, 28])
    >>> changed = np.flatnonzero(line.y != line.y_clean).tolist()
    >>> changed == line.outliers, bool(np.all((line.y_clean - line.y)[line.outliers] > 10))
    (True, True)
    """
    rng = np.random.default_rng(3)
    x = np.linspace(0, 10, 30)
    y_clean = 0.8 * x + 1.0 + rng.normal(scale=0.5, size=x.size)
    outliers = [24, 26, 28]
    y = y_clean.copy()
    y[outliers] -= [12.0, 15.0, 14.0]
    return OutlierLine(x, y_clean, y, outliers)
