"""Classification metrics from hard predictions, with scikit-learn's names and conventions.

Everything is read off per-label counts (true positives, predicted and true totals),
computed with ``np.unique`` and ``np.bincount``: no Python loop over samples.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from lossnotes._validate import caller_stacklevel, check_bool, check_choice
from lossnotes.metrics._common import as_labels, label_pair, warn_undefined

__all__ = ["confusion_matrix", "accuracy_score", "precision_score", "recall_score", "f1_score"]

AVERAGES = ("binary", "micro", "macro", "weighted", None)


def confusion_matrix(y_true: Any, y_pred: Any, *, labels: Any = None) -> np.ndarray:
    """``C[i, j]`` counts samples of true class ``labels[i]`` predicted as ``labels[j]``.

    ``labels`` defaults to the sorted union of both inputs; samples whose labels are
    not in ``labels`` are ignored (as scikit-learn).

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n_samples,)
        True and predicted class labels (integers, bools, whole floats or strings).
    labels : array_like, optional
        Row and column order; may select a subset or include absent labels.

    Returns
    -------
    numpy.ndarray of int, shape (n_labels, n_labels)

    Examples
    --------
    >>> confusion_matrix([0, 1, 1, 1], [0, 0, 1, 1])
    array([[1, 0],
           [1, 2]])
    """
    y_true, y_pred = label_pair(y_true, y_pred)
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    else:
        labels = as_labels("labels", labels)
        if not np.isin(y_true, labels).any():
            raise ValueError(
                f"labels must include at least one label of y_true; got labels {labels.tolist()}"
            )
    k = labels.size
    true_idx, pred_idx = _index_in(labels, y_true), _index_in(labels, y_pred)
    kept = (true_idx < k) & (pred_idx < k)
    flat = np.bincount(true_idx[kept] * k + pred_idx[kept], minlength=k * k)
    return flat.reshape(k, k)


def accuracy_score(y_true: Any, y_pred: Any, *, normalize: bool = True) -> float:
    """Fraction (or, with ``normalize=False``, number) of exact matches.

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n_samples,)
        True and predicted class labels.
    normalize : bool, default True
        Return the fraction; ``False`` returns the count (as a float).

    Returns
    -------
    float

    Examples
    --------
    >>> accuracy_score([0, 1, 2, 3], [0, 2, 1, 3])
    0.5
    """
    normalize = check_bool("normalize", normalize)
    y_true, y_pred = label_pair(y_true, y_pred)
    correct = np.count_nonzero(y_true == y_pred)
    return float(correct / y_true.size) if normalize else float(correct)


def precision_score(
    y_true: Any,
    y_pred: Any,
    *,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = "binary",
    zero_division: Any = "warn",
) -> Any:
    """Precision ``tp / (tp + fp)``: of the samples predicted positive, the share that is.

    ``average`` is ``"binary"`` (the ``pos_label`` class only), ``"micro"`` (pooled
    counts), ``"macro"`` (unweighted mean over labels), ``"weighted"`` (mean weighted by
    support) or ``None`` (one value per label). ``zero_division`` (``"warn"``, 0, 1 or
    ``nan``) is the value for ``0 / 0``; ``"warn"`` gives 0.0 and an
    ``UndefinedMetricWarning``. NaN entries are left out of averages, as in scikit-learn.

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n_samples,)
        True and predicted class labels.
    labels : array_like, optional
        Labels to score when ``average != "binary"`` (default: all present, sorted).
    pos_label : label, default 1
        The positive class for ``average="binary"``; it must be one of the present
        labels when two are present.
    average : {"binary", "micro", "macro", "weighted"} or None, default "binary"
        How per-label scores are combined.
    zero_division : {"warn", 0, 1, nan}, default "warn"
        Value returned for ``0 / 0``.

    Returns
    -------
    float, or numpy.ndarray of shape (n_labels,) when ``average=None``

    Examples
    --------
    >>> precision_score([0, 1, 1, 0], [1, 1, 1, 0])
    0.666667
    >>> precision_score([0, 1, 2, 2], [0, 1, 1, 2], average="macro")  # (1 + 1/2 + 1) / 3
    0.833333
    """
    return _prf(y_true, y_pred, labels, pos_label, average, zero_division, "precision")


def recall_score(
    y_true: Any,
    y_pred: Any,
    *,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = "binary",
    zero_division: Any = "warn",
) -> Any:
    """Recall ``tp / (tp + fn)``: of the positive samples, the share found.

    Parameters as ``precision_score()``.

    Examples
    --------
    >>> recall_score([0, 1, 1, 0], [1, 1, 0, 0])
    0.5
    """
    return _prf(y_true, y_pred, labels, pos_label, average, zero_division, "recall")


def f1_score(
    y_true: Any,
    y_pred: Any,
    *,
    labels: Any = None,
    pos_label: Any = 1,
    average: str | None = "binary",
    zero_division: Any = "warn",
) -> Any:
    """F1 ``2 tp / (2 tp + fp + fn)``, the harmonic mean of precision and recall.

    Undefined (``zero_division``) only when ``tp + fp + fn = 0``. Parameters as
    ``precision_score()``.

    Examples
    --------
    >>> f1_score([0, 1, 1, 0], [1, 1, 0, 0])
    0.5
    """
    return _prf(y_true, y_pred, labels, pos_label, average, zero_division, "f1")


def _index_in(labels: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Position of each value in ``labels``; ``labels.size`` where absent."""
    order = np.argsort(labels, kind="stable")
    pos = np.searchsorted(labels, values, sorter=order).clip(max=labels.size - 1)
    found = order[pos]
    return np.where(labels[found] == values, found, labels.size)


def _zero_division_value(zero_division: Any) -> float:
    if isinstance(zero_division, str) and zero_division == "warn":
        return 0.0
    if isinstance(zero_division, (int, float, np.number)) and not isinstance(zero_division, bool):
        if zero_division in (0, 1) or np.isnan(zero_division):
            return float(zero_division)
    raise ValueError(f"zero_division must be 'warn', 0, 1 or nan; got {zero_division!r}")


def _prf(
    y_true: Any,
    y_pred: Any,
    labels: Any,
    pos_label: Any,
    average: Any,
    zero_division: Any,
    metric: str,
) -> Any:
    y_true, y_pred = label_pair(y_true, y_pred)
    if average not in AVERAGES:
        check_choice("average", average, ("binary", "micro", "macro", "weighted"))
    fill = _zero_division_value(zero_division)
    present = np.union1d(y_true, y_pred)
    if average == "binary":
        if present.size > 2:
            raise ValueError(
                f"average='binary' needs at most two classes; got {present.size} classes "
                f"{present.tolist()[:10]}; choose average='micro', 'macro', 'weighted' or None"
            )
        if present.size == 2 and pos_label not in present.tolist():
            raise ValueError(
                f"pos_label={pos_label!r} is not a label of y_true or y_pred; "
                f"expected one of {present.tolist()}"
            )
        labels = np.asarray([pos_label])
    else:
        if pos_label not in (None, 1):
            warnings.warn(
                f"pos_label={pos_label!r} is ignored when average={average!r}",
                UserWarning,
                stacklevel=caller_stacklevel(),
            )
        labels = present if labels is None else as_labels("labels", labels)
    k = labels.size
    true_idx, pred_idx = _index_in(labels, y_true), _index_in(labels, y_pred)
    tp = np.bincount(true_idx[true_idx == pred_idx], minlength=k + 1)[:k].astype(float)
    pred_sum = np.bincount(pred_idx, minlength=k + 1)[:k].astype(float)
    true_sum = np.bincount(true_idx, minlength=k + 1)[:k].astype(float)
    if average == "micro":
        tp, pred_sum, true_sum = (
            tp.sum(keepdims=True),
            pred_sum.sum(keepdims=True),
            true_sum.sum(keepdims=True),
        )
    # like scikit-learn, warn only about the metric asked for, and only for "warn"
    warn = isinstance(zero_division, str)
    if metric == "precision":
        score = _divide(tp, pred_sum, fill, warn and "Precision", "predicted")
    elif metric == "recall":
        score = _divide(tp, true_sum, fill, warn and "Recall", "true")
    else:
        score = _divide(2 * tp, true_sum + pred_sum, fill, warn and "F-score", "true nor predicted")
    if average is None:
        return score
    return _nanaverage(score, true_sum if average == "weighted" else None)


def _divide(num: Any, den: Any, fill: Any, warn_name: str | bool, kind: str) -> np.ndarray:
    zero = den == 0
    out = np.divide(num, np.where(zero, 1.0, den))
    if zero.any():
        out[zero] = fill
        if warn_name:
            warn_undefined(
                f"{warn_name} is ill-defined and set to 0.0 for labels with no {kind} "
                "samples; use zero_division to choose the value"
            )
    return out


def _nanaverage(values: np.ndarray, weights: np.ndarray | None) -> float:
    keep = ~np.isnan(values)
    if not keep.any():
        return float("nan")
    if weights is None or weights[keep].sum() == 0:  # all-zero weights: plain mean (sklearn)
        return float(np.mean(values[keep]))
    return float(np.average(values[keep], weights=weights[keep]))
