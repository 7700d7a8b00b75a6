"""Ranking metrics for binary scores: ROC and precision-recall curves and their areas.

All of them rest on ``counts_at_thresholds``: one argsort and two cumulative sums,
O(n log n). Outputs match scikit-learn 1.9 array for array.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import check_bool
from lossnotes.metrics._common import (
    as_labels,
    binary_scores,
    counts_at_thresholds,
    warn_undefined,
)

__all__ = [
    "roc_curve",
    "roc_auc_score",
    "precision_recall_curve",
    "average_precision_score",
    "pr_auc_trapezoid",
]


def roc_curve(
    y_true: Any, y_score: Any, *, pos_label: Any = None, drop_intermediate: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """False- and true-positive rates at every distinct threshold, as scikit-learn.

    The first threshold is ``inf`` so that the curve starts at (0, 0).
    ``drop_intermediate`` removes collinear points, which does not change the area.
    A class missing from ``y_true`` makes its rate NaN, with an ``UndefinedMetricWarning``.

    Parameters
    ----------
    y_true : array_like of shape (n_samples,)
        Binary labels; without ``pos_label`` they must be in {0, 1} or {-1, 1}.
    y_score : array_like of shape (n_samples,)
        Scores, higher meaning more likely positive (probabilities or logits).
    pos_label : label, optional
        The positive class (default 1).
    drop_intermediate : bool, default True
        Drop thresholds whose points are collinear with their neighbours.

    Returns
    -------
    fpr, tpr, thresholds : numpy.ndarray
        Increasing rates at decreasing thresholds; ``thresholds[0] = inf``.

    Examples
    --------
    >>> fpr, tpr, thresholds = roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> fpr, tpr
    (array([0. , 0. , 0.5, 0.5, 1. ]), array([0. , 0.5, 0.5, 1. , 1. ]))
    >>> thresholds
    array([ inf, 0.8 , 0.4 , 0.35, 0.1 ])
    """
    drop_intermediate = check_bool("drop_intermediate", drop_intermediate)
    is_positive, scores = binary_scores(y_true, y_score, pos_label, infer=True)
    tps, fps, thresholds = counts_at_thresholds(is_positive, scores)
    if drop_intermediate and tps.size > 2:
        # keep the ends and every corner (a non-zero second difference)
        corner = np.logical_or(np.diff(fps, 2), np.diff(tps, 2))
        keep = np.flatnonzero(np.concatenate(([True], corner, [True])))
        tps, fps, thresholds = tps[keep], fps[keep], thresholds[keep]
    tps, fps = np.append(0.0, tps), np.append(0.0, fps)
    thresholds = np.append(np.inf, thresholds)
    if fps[-1] == 0:
        warn_undefined("No negative samples in y_true: the false-positive rate is undefined (NaN)")
        fpr = np.full(fps.shape, np.nan)
    else:
        fpr = fps / fps[-1]
    if tps[-1] == 0:
        warn_undefined("No positive samples in y_true: the true-positive rate is undefined (NaN)")
        tpr = np.full(tps.shape, np.nan)
    else:
        tpr = tps / tps[-1]
    return fpr, tpr, thresholds


def roc_auc_score(y_true: Any, y_score: Any) -> float:
    """Area under the ROC curve for binary labels (the larger label is positive).

    Equals the probability that a random positive scores above a random negative,
    ties counting one half (the trapezoid over distinct thresholds). With a single
    class in ``y_true`` it warns (``UndefinedMetricWarning``) and returns NaN, as
    scikit-learn 1.9 does. O(n log n): one argsort.

    Parameters
    ----------
    y_true : array_like of shape (n_samples,)
        Labels of at most two classes; the larger one is the positive class.
    y_score : array_like of shape (n_samples,)
        Scores, higher meaning more likely positive.

    Returns
    -------
    float
        In [0, 1]; 0.5 for uninformative scores.

    Examples
    --------
    >>> roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc_score([0, 1], [0.5, 0.5])  # a tie: half credit
    0.5
    """
    labels = as_labels("y_true", y_true)
    classes = np.unique(labels)
    is_positive, scores = binary_scores(labels, y_score, classes[-1].item(), infer=False)
    if classes.size < 2:
        warn_undefined("Only one class is present in y_true: ROC AUC is undefined (NaN)")
        return float("nan")
    tps, fps, _ = counts_at_thresholds(is_positive, scores)
    tps, fps = np.append(0.0, tps), np.append(0.0, fps)
    # trapezoids in count units, normalised once: exact for integer counts below 2**53
    area = np.dot(np.diff(fps), tps[1:] + tps[:-1]) / 2.0
    return float(area / (tps[-1] * fps[-1]))


def precision_recall_curve(
    y_true: Any, y_score: Any, *, pos_label: Any = None, drop_intermediate: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision and recall at every distinct threshold, as scikit-learn 1.9.

    Thresholds increase; ``precision`` and ``recall`` have one more entry, the final
    point (precision 1, recall 0). With no positive sample recall is set to 1 with an
    ``UndefinedMetricWarning``.

    Parameters
    ----------
    y_true, y_score, pos_label : as ``roc_curve()``
    drop_intermediate : bool, default False
        Keep only the first and last threshold of each run of equal recall.

    Returns
    -------
    precision, recall : numpy.ndarray of shape (n_thresholds + 1,)
        Recall decreasing to the final point (recall 0, precision 1).
    thresholds : numpy.ndarray of shape (n_thresholds,)
        Increasing distinct scores.

    Examples
    --------
    >>> precision, recall, thresholds = precision_recall_curve(
    ...     [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    >>> precision
    array([0.5  , 0.666667, 0.5  , 1.  , 1.  ])
    >>> recall
    array([1. , 1. , 0.5, 0.5, 0. ])
    >>> thresholds
    array([0.1 , 0.35, 0.4 , 0.8 ])
    """
    drop_intermediate = check_bool("drop_intermediate", drop_intermediate)
    is_positive, scores = binary_scores(y_true, y_score, pos_label, infer=True)
    tps, fps, thresholds = counts_at_thresholds(is_positive, scores)
    if drop_intermediate and tps.size > 2:
        # keep only the first and last point of each run of equal recall
        changes = np.logical_or(np.diff(tps[:-1]), np.diff(tps[1:]))
        keep = np.flatnonzero(np.concatenate(([True], changes, [True])))
        tps, fps, thresholds = tps[keep], fps[keep], thresholds[keep]
    precision = tps / (tps + fps)  # tps + fps >= 1 at every threshold
    if tps[-1] == 0:
        warn_undefined("No positive class found in y_true: recall is set to one for all thresholds")
        recall = np.ones_like(tps)
    else:
        recall = tps / tps[-1]
    return np.append(precision[::-1], 1.0), np.append(recall[::-1], 0.0), thresholds[::-1]


def _positives_or_nan(y_true: Any, y_score: Any, pos_label: Any, name: str) -> Any:
    is_positive, scores = binary_scores(y_true, y_score, pos_label, infer=False)
    if not is_positive.any():
        warn_undefined(f"No positive samples in y_true: {name} is undefined (NaN)")
        return None
    return counts_at_thresholds(is_positive, scores)


def average_precision_score(y_true: Any, y_score: Any, *, pos_label: Any = 1) -> float:
    """Average precision: ``sum_n (R_n - R_{n-1}) P_n``, a step sum, not a trapezoid.

    With no positive sample it warns and returns NaN (scikit-learn returns 0.0 there).
    O(n log n): one argsort.

    Parameters
    ----------
    y_true : array_like of shape (n_samples,)
        Binary labels.
    y_score : array_like of shape (n_samples,)
        Scores, higher meaning more likely positive.
    pos_label : label, default 1
        The positive class.

    Returns
    -------
    float
        In [0, 1]; the positive rate for uninformative scores.

    Examples
    --------
    >>> average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.833333
    """
    counts = _positives_or_nan(y_true, y_score, pos_label, "average precision")
    if counts is None:
        return float("nan")
    tps, fps, _ = counts
    recall_gain = np.diff(tps, prepend=0.0)
    return float(np.dot(recall_gain, tps / (tps + fps)) / tps[-1])


def pr_auc_trapezoid(y_true: Any, y_score: Any, *, pos_label: Any = 1) -> float:
    """Trapezoidal area under ``precision_recall_curve`` (= ``sklearn.metrics.auc(recall, precision)``).

    Linear interpolation between PR points is optimistic (precision does not vary
    linearly with recall); prefer ``average_precision_score``. Shown for comparison.
    No positive sample: warns and returns NaN.

    Parameters
    ----------
    y_true, y_score, pos_label : as ``average_precision_score()``

    Returns
    -------
    float

    Examples
    --------
    >>> pr_auc_trapezoid([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.791667
    """
    counts = _positives_or_nan(y_true, y_score, pos_label, "PR AUC")
    if counts is None:
        return float("nan")
    tps, fps, _ = counts
    # the curve from recall 0 (precision 1) through every threshold, highest first
    precision = np.append(1.0, tps / (tps + fps))
    recall = np.append(0.0, tps / tps[-1])
    return float(np.dot(np.diff(recall), precision[1:] + precision[:-1]) / 2.0)
