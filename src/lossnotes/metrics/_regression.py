"""Regression metrics with scikit-learn's names: MAE, RMSE and R^2.

Inputs are 1-D (one output) or 2-D ``(n_samples, n_outputs)``; with several outputs the
score is the plain mean over outputs (scikit-learn's ``multioutput="uniform_average"``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import as_float_array, check_bool, check_same_shape
from lossnotes.metrics._common import warn_undefined

__all__ = ["mean_absolute_error", "root_mean_squared_error", "r2_score"]


def _pair(y_true: Any, y_pred: Any) -> tuple[np.ndarray, np.ndarray]:
    y_true = as_float_array("y_true", y_true, ndim=(1, 2))
    y_pred = as_float_array("y_pred", y_pred, ndim=(1, 2))
    check_same_shape("y_true", y_true, "y_pred", y_pred)
    return y_true, y_pred


def mean_absolute_error(y_true: Any, y_pred: Any) -> float:
    """Mean of ``|y_true - y_pred|`` (minimised; in the targets' units).

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n_samples,) or (n_samples, n_outputs)
        Targets and predictions, finite.

    Returns
    -------
    float

    Examples
    --------
    >>> mean_absolute_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.5
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean(np.abs(y_true - y_pred)))


def root_mean_squared_error(y_true: Any, y_pred: Any) -> float:
    """Square root of the mean squared error, per output, then averaged over outputs.

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n_samples,) or (n_samples, n_outputs)

    Returns
    -------
    float
        In the targets' units.

    Examples
    --------
    >>> root_mean_squared_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.612372
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return float(np.mean(np.sqrt(np.mean((y_true - y_pred) ** 2, axis=0))))


def r2_score(y_true: Any, y_pred: Any, *, force_finite: bool = True) -> float:
    """Coefficient of determination ``1 - SS_res / SS_tot`` (maximised; 1 is perfect).

    0 is the score of always predicting the mean of ``y_true``; it can be negative.
    On a constant ``y_true`` (``SS_tot = 0``) the ratio is undefined: with
    ``force_finite`` (default, as scikit-learn) a perfect prediction scores 1.0 and
    any other 0.0; without, NaN and ``-inf``. Fewer than two samples: NaN and an
    ``UndefinedMetricWarning``.

    Parameters
    ----------
    y_true, y_pred : array_like of shape (n_samples,) or (n_samples, n_outputs)
    force_finite : bool, default True
        Replace the undefined values on constant targets by 1.0 / 0.0.

    Returns
    -------
    float

    Examples
    --------
    >>> r2_score([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.948608
    >>> r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 2.5])
    0.0
    """
    force_finite = check_bool("force_finite", force_finite)
    y_true, y_pred = _pair(y_true, y_pred)
    if y_true.shape[0] < 2:
        warn_undefined("R^2 is undefined with fewer than two samples (NaN)")
        return float("nan")
    ss_res = np.atleast_1d(np.sum((y_true - y_pred) ** 2, axis=0))
    ss_tot = np.atleast_1d(np.sum((y_true - np.mean(y_true, axis=0)) ** 2, axis=0))
    constant = ss_tot == 0
    score = 1.0 - ss_res / np.where(constant, 1.0, ss_tot)
    if force_finite:
        score[constant] = np.where(ss_res[constant] == 0, 1.0, 0.0)
    else:
        score[constant] = np.where(ss_res[constant] == 0, np.nan, -np.inf)
    return float(np.mean(score))
