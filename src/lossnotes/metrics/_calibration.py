"""Calibration: how often a predicted probability comes true (scikit-learn's binning)."""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_positive_int

__all__ = ["reliability_curve"]


def reliability_curve(
    y_true: Any, prob: Any, *, n_bins: int = 10
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Fraction of positives against mean predicted probability, in equal-width bins of [0, 1].

    Empty bins are dropped, as in ``sklearn.calibration.calibration_curve``. A calibrated
    model lies on the diagonal: among cases given probability ``p``, a fraction ``p`` is positive.

    Returns
    -------
    mean_predicted, fraction_positive, counts : numpy.ndarray
        One entry per non-empty bin.

    Examples
    --------
    >>> reliability_curve([0, 1, 1, 1], [0.1, 0.3, 0.9, 0.95], n_bins=2)
    (array([0.2  , 0.925]), array([0.5, 1. ]), array([2., 2.]))
    """
    labels = as_float_array("y_true", y_true, ndim=1)
    p = as_float_array("prob", prob, ndim=1)
    if p.size != labels.size:
        raise ValueError(
            f"y_true and prob must have the same length; got {labels.size} and {p.size}"
        )
    if not np.all((labels == 0) | (labels == 1)):
        bad = labels[(labels != 0) & (labels != 1)][0]
        raise ValueError(f"y_true must hold binary labels 0 and 1; got {float(bad)!r}")
    if np.any((p < 0) | (p > 1)):
        raise ValueError(f"prob must lie in [0, 1]; got values from {p.min()!r} to {p.max()!r}")
    n_bins = check_positive_int("n_bins", n_bins)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # side="left", as scikit-learn: a probability on an inner edge joins the lower bin.
    index = np.searchsorted(edges[1:-1], p, side="left")
    counts = np.bincount(index, minlength=n_bins).astype(float)
    sums = np.bincount(index, weights=p, minlength=n_bins)
    hits = np.bincount(index, weights=labels, minlength=n_bins)
    keep = counts > 0
    return sums[keep] / counts[keep], hits[keep] / counts[keep], counts[keep]
