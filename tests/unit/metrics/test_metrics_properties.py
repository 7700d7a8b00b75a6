"""Properties the metrics must have on any input (hypothesis), checked by brute force."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import lossnotes.metrics as lm

SETTINGS = settings(max_examples=80, deadline=None)
pytestmark = pytest.mark.filterwarnings("ignore::lossnotes.metrics.UndefinedMetricWarning")

labels_and_scores = st.integers(2, 40).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 1), min_size=n, max_size=n),
        # few distinct values, so ties are common
        st.lists(st.sampled_from([-1e4, -1.0, 0.0, 0.25, 0.5, 3.0, 1e4]), min_size=n, max_size=n),
    )
)


def both_classes(y):
    return 0 < sum(y) < len(y)


@SETTINGS
@given(labels_and_scores)
def test_roc_auc_is_the_pairwise_win_rate(data):
    y, s = map(np.asarray, data)
    assume(both_classes(y))
    pos, neg = s[y == 1][:, None], s[y == 0][None, :]
    win_rate = np.mean((pos > neg) + 0.5 * (pos == neg))  # ties: half credit
    assert lm.roc_auc_score(y, s) == pytest.approx(win_rate, abs=1e-12)


@SETTINGS
@given(labels_and_scores)
def test_roc_auc_symmetries(data):
    y, s = map(np.asarray, data)
    assume(both_classes(y))
    auc = lm.roc_auc_score(y, s)
    assert lm.roc_auc_score(y, -s) == pytest.approx(1 - auc, abs=1e-12)
    assert lm.roc_auc_score(1 - y, s) == pytest.approx(1 - auc, abs=1e-12)
    assert lm.roc_auc_score(y, np.tanh(s / 10) * 5 + 2) == pytest.approx(auc, abs=1e-12)


@SETTINGS
@given(labels_and_scores)
def test_average_precision_is_mean_precision_at_each_positive(data):
    y, s = map(np.asarray, data)
    assume(y.any())
    # brute force: at each positive's score, precision of "score >= that score"
    precisions = [np.mean(y[s >= t]) for t in s[y == 1]]
    assert lm.average_precision_score(y, s) == pytest.approx(np.mean(precisions), abs=1e-12)
    assert 0.0 <= lm.pr_auc_trapezoid(y, s) <= 1.0


@SETTINGS
@given(labels_and_scores)
def test_curves_are_monotone_and_end_where_they_should(data):
    y, s = map(np.asarray, data)
    assume(both_classes(y))
    fpr, tpr, thr = lm.roc_curve(y, s, drop_intermediate=False)
    assert fpr[0] == tpr[0] == 0 and fpr[-1] == tpr[-1] == 1 and thr[0] == np.inf
    assert np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0) and np.all(np.diff(thr) < 0)
    precision, recall, thr = lm.precision_recall_curve(y, s)
    assert precision[-1] == 1 and recall[-1] == 0 and recall[0] == 1
    assert np.all(np.diff(recall) <= 0) and np.all(np.diff(thr) > 0)


label_pairs = st.integers(1, 40).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 3), min_size=n, max_size=n),
        st.lists(st.integers(0, 3), min_size=n, max_size=n),
    )
)


@SETTINGS
@given(label_pairs)
def test_confusion_matrix_and_micro_averages(data):
    y_true, y_pred = map(np.asarray, data)
    cm = lm.confusion_matrix(y_true, y_pred)
    accuracy = lm.accuracy_score(y_true, y_pred)
    assert cm.sum() == len(y_true)
    assert np.trace(cm) / cm.sum() == pytest.approx(accuracy)
    for metric in (lm.precision_score, lm.recall_score, lm.f1_score):
        assert metric(y_true, y_pred, average="micro") == pytest.approx(accuracy)


@SETTINGS
@given(label_pairs)
def test_f1_is_the_harmonic_mean(data):
    y_true, y_pred = (np.asarray(v) == 1 for v in data)
    p = lm.precision_score(y_true, y_pred, zero_division=np.nan)
    r = lm.recall_score(y_true, y_pred, zero_division=np.nan)
    assume(np.isfinite(p) and np.isfinite(r) and p + r > 0)
    assert lm.f1_score(y_true, y_pred) == pytest.approx(2 * p * r / (p + r))


finite = st.floats(-1e3, 1e3, allow_nan=False)


@SETTINGS
@given(
    st.integers(2, 30).flatmap(
        lambda n: st.tuples(
            st.lists(finite, min_size=n, max_size=n), st.lists(finite, min_size=n, max_size=n)
        )
    )
)
def test_regression_identities(data):
    y, y_hat = map(np.asarray, data)
    mse = np.mean((y - y_hat) ** 2)
    assert lm.root_mean_squared_error(y, y_hat) == pytest.approx(np.sqrt(mse), abs=1e-9)
    assert lm.mean_absolute_error(y, y_hat) <= lm.root_mean_squared_error(y, y_hat) + 1e-9
    if np.var(y) > 1e-6:
        assert lm.r2_score(y, y_hat) == pytest.approx(1 - mse / np.var(y), rel=1e-9, abs=1e-9)
    assert lm.r2_score(y, y) == 1.0
