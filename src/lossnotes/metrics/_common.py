"""Label and score checks shared by the metrics (scikit-learn's conventions).

Class labels may be integers, bools, integral floats or strings. Binary curves
without ``pos_label`` need labels in {0, 1} or {-1, 1} (bools count as {0, 1}) and
take 1 as the positive class, as scikit-learn does.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from lossnotes._validate import as_float_array, caller_stacklevel, check_same_length, describe


class UndefinedMetricWarning(UserWarning):
    """A metric is undefined on this input (e.g. 0/0); a fallback value was returned."""


def warn_undefined(message: str) -> None:
    """Warn ``UndefinedMetricWarning``, attributed to the caller's line outside lossnotes."""
    warnings.warn(message, UndefinedMetricWarning, stacklevel=caller_stacklevel())


def as_labels(name: str, value: Any) -> np.ndarray:
    """A non-empty 1-D array of class labels; floats must be finite whole numbers."""
    try:
        labels = np.asarray(value)
    except Exception as error:
        raise TypeError(
            f"{name} must be a 1-D array of class labels; got {describe(value)}"
        ) from error
    if labels.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class labels; got shape {labels.shape}")
    if labels.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {labels.shape}")
    if labels.dtype.kind not in "biufUS":
        raise TypeError(
            f"{name} must contain class labels (integers, bools or strings); "
            f"got dtype {labels.dtype}"
        )
    if labels.dtype.kind == "f":
        bad = ~np.isfinite(labels) | (labels != np.round(labels))
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(
                f"{name} must contain class labels (whole numbers), not continuous values; "
                f"got {labels[i].item()!r} at index {i}"
            )
    return labels


def label_pair(y_true: Any, y_pred: Any) -> tuple[np.ndarray, np.ndarray]:
    y_true, y_pred = as_labels("y_true", y_true), as_labels("y_pred", y_pred)
    check_same_length("y_true", y_true, "y_pred", y_pred)
    if (y_true.dtype.kind in "US") != (y_pred.dtype.kind in "US"):
        raise TypeError(
            f"y_true and y_pred must both hold numbers or both hold strings; "
            f"got dtypes {y_true.dtype} and {y_pred.dtype}"
        )
    return y_true, y_pred


def binary_scores(
    y_true: Any, y_score: Any, pos_label: Any, *, infer: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(is_positive, y_score)`` for the ranking metrics.

    With ``pos_label=None`` and ``infer`` the labels must be a subset of {0, 1} or
    {-1, 1} and the positive class is 1. Otherwise ``pos_label`` must be one of at most
    two present labels (a single present label is allowed: the metric then warns).
    """
    labels = as_labels("y_true", y_true)
    scores = as_float_array("y_score", y_score, ndim=1)
    check_same_length("y_true", labels, "y_score", scores)
    classes = np.unique(labels)
    if classes.size > 2:
        raise ValueError(
            f"y_true must hold two classes for a binary metric; got {classes.size} classes "
            f"{classes.tolist()[:10]}"
        )
    if pos_label is None and infer:
        numeric = classes.dtype.kind in "biuf"
        if not numeric or not (set(classes.tolist()) <= {0, 1} or set(classes.tolist()) <= {-1, 1}):
            raise ValueError(
                f"y_true must take values in {{0, 1}} or {{-1, 1}} when pos_label is not given; "
                f"got classes {classes.tolist()}; pass pos_label=<positive class>"
            )
        pos_label = 1
    if classes.size == 2 and pos_label not in classes.tolist():
        raise ValueError(
            f"pos_label={pos_label!r} is not a label of y_true; expected one of {classes.tolist()}"
        )
    return labels == pos_label, scores


def counts_at_thresholds(
    is_positive: np.ndarray, scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """True- and false-positive counts at each distinct threshold, highest first.

    One argsort, then cumulative sums read off at the last index of every run of tied
    scores: tied samples cross the threshold together, which is what gives ties half
    credit in the ROC area. O(n log n), no Python loop over samples.
    """
    order = np.argsort(scores)[::-1]  # tie order is irrelevant: ties are grouped below
    sorted_scores = scores[order]
    last_of_run = np.flatnonzero(np.diff(sorted_scores))
    idx = np.append(last_of_run, sorted_scores.size - 1)
    tps = np.cumsum(is_positive[order], dtype=np.float64)[idx]
    fps = (idx + 1) - tps
    return tps, fps, sorted_scores[idx]
