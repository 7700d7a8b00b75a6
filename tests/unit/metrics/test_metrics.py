"""Every public metric against scikit-learn, driven by registries, on many random inputs.

Inputs include ties, single-class, imbalanced, {-1, 1}, bool and string labels. Where
lossnotes deliberately differs (average precision with no positive sample), the test
says so and checks the documented behaviour instead.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sklearn.metrics as skm

import lossnotes.metrics as lm

# Undefined cases are checked explicitly (call_both, pytest.warns); keep the log quiet.
pytestmark = [
    pytest.mark.filterwarnings("ignore::sklearn.exceptions.UndefinedMetricWarning"),
    pytest.mark.filterwarnings("ignore::lossnotes.metrics.UndefinedMetricWarning"),
    pytest.mark.filterwarnings("ignore::RuntimeWarning:sklearn"),
    pytest.mark.filterwarnings("ignore:A single label was found:UserWarning"),
    pytest.mark.filterwarnings("ignore:No positive class found:UserWarning"),
]

CLASSIFICATION_METRICS = {
    lm.accuracy_score: skm.accuracy_score,
    lm.precision_score: skm.precision_score,
    lm.recall_score: skm.recall_score,
    lm.f1_score: skm.f1_score,
    lm.confusion_matrix: skm.confusion_matrix,
}
RANKING_METRICS = {
    lm.roc_auc_score: skm.roc_auc_score,
    lm.average_precision_score: skm.average_precision_score,
    lm.pr_auc_trapezoid: lambda y, s, **kw: skm.auc(*skm.precision_recall_curve(y, s, **kw)[1::-1]),
    lm.roc_curve: skm.roc_curve,
    lm.precision_recall_curve: skm.precision_recall_curve,
}
REGRESSION_METRICS = {
    lm.mean_absolute_error: skm.mean_absolute_error,
    lm.root_mean_squared_error: skm.root_mean_squared_error,
    lm.r2_score: skm.r2_score,
}
PRF = [lm.precision_score, lm.recall_score, lm.f1_score]
ALL = {**CLASSIFICATION_METRICS, **RANKING_METRICS, **REGRESSION_METRICS}


def test_registries_cover_every_public_metric():
    # reliability_curve is checked against scikit-learn in test_calibration.py.
    others = {"UndefinedMetricWarning", "reliability_curve"}
    public = {getattr(lm, name) for name in lm.__all__ if name not in others}
    assert public == set(ALL), "a public metric is missing from the registries"
    assert issubclass(lm.UndefinedMetricWarning, UserWarning)


def call_both(ours, ref, *args, **kwargs):
    """Run both; return results and whether each raised an UndefinedMetricWarning."""
    out = []
    for fn in (ours, ref):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = fn(*args, **kwargs)
        # scikit-learn's precision-recall curve uses a plain UserWarning for this case
        undefined = any(
            w.category.__name__ == "UndefinedMetricWarning" or "No positive class" in str(w.message)
            for w in caught
        )
        out.append((result, undefined))
    return out


def assert_same(a, b):
    if isinstance(a, tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            assert_same(x, y)
    else:
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14, equal_nan=True)


def label_cases(seed):
    """Binary (y_true, y_pred) pairs, random but covering the awkward corners."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 40))
    p = rng.choice([0.5, 0.1, 0.0, 1.0])
    y_true = (rng.random(n) < p).astype(int)
    y_pred = (rng.random(n) < rng.choice([0.5, 0.0, 0.9])).astype(int)
    return y_true, y_pred


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("zero_division", ["warn", 0, 1, np.nan])
def test_binary_prf_matches_sklearn(seed, zero_division):
    y_true, y_pred = label_cases(seed)
    for ours in PRF:
        (a, warned_a), (b, warned_b) = call_both(
            ours, CLASSIFICATION_METRICS[ours], y_true, y_pred, zero_division=zero_division
        )
        assert_same(a, b)
        assert warned_a == warned_b


@pytest.mark.parametrize("encode", ["pm1", "bool", "str", "pos2"])
def test_binary_label_encodings(encode):
    y_true, y_pred = label_cases(7)
    kwargs = {}
    if encode == "pm1":
        y_true, y_pred = 2 * y_true - 1, 2 * y_pred - 1
    elif encode == "bool":
        y_true, y_pred = y_true.astype(bool), y_pred.astype(bool)
    elif encode == "str":
        y_true, y_pred = np.where(y_true, "spam", "ham"), np.where(y_pred, "spam", "ham")
        kwargs = {"pos_label": "spam"}
    else:
        y_true, y_pred = y_true + 1, y_pred + 1
        kwargs = {"pos_label": 2}
    for ours, ref in CLASSIFICATION_METRICS.items():
        extra = kwargs if ours in PRF else {}
        (a, _), (b, _) = call_both(ours, ref, y_true, y_pred, **extra)
        assert_same(a, b)


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("average", ["micro", "macro", "weighted", None])
def test_multiclass_prf_matches_sklearn(seed, average):
    rng = np.random.default_rng(seed)
    n, k = int(rng.integers(1, 50)), int(rng.integers(3, 6))
    y_true = rng.choice(k, n, p=rng.dirichlet(np.ones(k)))
    y_pred = np.where(rng.random(n) < 0.5, y_true, rng.integers(0, k, n))
    labels = None if seed % 3 else rng.permutation(k + 1)[:k]  # may include absent labels
    for ours in PRF:
        for zd in ("warn", 1, np.nan):
            (a, wa), (b, wb) = call_both(
                ours,
                CLASSIFICATION_METRICS[ours],
                y_true,
                y_pred,
                average=average,
                labels=labels,
                zero_division=zd,
            )
            assert_same(a, b)
            assert wa == wb
    assert_same(
        lm.confusion_matrix(y_true, y_pred, labels=labels),
        skm.confusion_matrix(y_true, y_pred, labels=labels),
    )
    assert_same(lm.accuracy_score(y_true, y_pred), skm.accuracy_score(y_true, y_pred))


def score_cases(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    y = (rng.random(n) < rng.choice([0.5, 0.05, 0.95])).astype(int)
    scores = rng.normal(size=n) + y * rng.choice([0.0, 1.0, 3.0])
    if seed % 2:
        scores = np.round(scores * 2) / 2  # many ties
    return y, scores


@pytest.mark.parametrize("seed", range(150))
def test_ranking_matches_sklearn(seed):
    y, s = score_cases(seed)
    single_class = np.unique(y).size < 2
    for ours, ref in RANKING_METRICS.items():
        if single_class and ours in (lm.average_precision_score, lm.pr_auc_trapezoid):
            continue  # deliberate difference, see test_ap_without_positives_is_nan
        (a, wa), (b, wb) = call_both(ours, ref, y, s)
        assert_same(a, b)
        assert wa == wb
    for drop in (True, False):
        assert_same(
            lm.roc_curve(y, s, drop_intermediate=drop), skm.roc_curve(y, s, drop_intermediate=drop)
        )
        if not single_class or y.any():
            assert_same(
                lm.precision_recall_curve(y, s, drop_intermediate=drop),
                skm.precision_recall_curve(y, s, drop_intermediate=drop),
            )


@pytest.mark.parametrize("encode", ["pm1", "bool"])
def test_ranking_label_encodings(encode):
    y, s = score_cases(4)
    y = 2 * y - 1 if encode == "pm1" else y.astype(bool)
    for ours, ref in RANKING_METRICS.items():
        kwargs = (
            {"pos_label": 1} if ours in (lm.average_precision_score, lm.pr_auc_trapezoid) else {}
        )
        assert_same(ours(y, s, **kwargs), ref(y, s, **kwargs))


def test_roc_auc_single_class_warns_and_is_nan():
    with pytest.warns(lm.UndefinedMetricWarning, match="Only one class"):
        assert np.isnan(lm.roc_auc_score([1, 1, 1], [0.2, 0.3, 0.1]))


def test_ap_without_positives_is_nan():
    # scikit-learn returns 0.0 here; undefined metrics return NaN in lossnotes (GUIDE)
    for fn in (lm.average_precision_score, lm.pr_auc_trapezoid):
        with pytest.warns(lm.UndefinedMetricWarning, match="No positive samples"):
            assert np.isnan(fn([0, 0, 0], [0.2, 0.3, 0.1]))


def test_ranking_extreme_scores_stay_finite():
    y = np.array([0, 1, 0, 1])
    s = np.array([-1e300, 1e300, 0.0, 5e-324])
    for ours, ref in RANKING_METRICS.items():
        assert_same(ours(y, s), ref(y, s))


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("shape", ["1d", "2d", "constant"])
def test_regression_matches_sklearn(seed, shape):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 30))
    size = (n, 3) if shape == "2d" else n
    y = rng.normal(size=size)
    if shape == "constant":
        y = np.full(n, 1.5)
    y_hat = y + rng.normal(size=size) * rng.choice([0.0, 0.1, 2.0])
    for ours, ref in REGRESSION_METRICS.items():
        assert_same(ours(y, y_hat), ref(y, y_hat))
    for ff in (True, False):
        assert_same(lm.r2_score(y, y_hat, force_finite=ff), skm.r2_score(y, y_hat, force_finite=ff))


def test_r2_single_sample_warns():
    with pytest.warns(lm.UndefinedMetricWarning, match="fewer than two samples"):
        assert np.isnan(lm.r2_score([1.0], [2.0]))


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda: lm.accuracy_score([0, 1], [0, 1, 1]),
            ValueError,
            "y_true and y_pred must have the same number of samples; got 2 and 3",
        ),
        (
            lambda: lm.accuracy_score([[0, 1]], [[0, 1]]),
            ValueError,
            "y_true must be a 1-D array of class labels; got shape (1, 2)",
        ),
        (
            lambda: lm.f1_score([0, 0.5], [0, 1]),
            ValueError,
            "y_true must contain class labels (whole numbers), not continuous values; got 0.5 at index 1",
        ),
        (
            lambda: lm.precision_score([], []),
            ValueError,
            "y_true must not be empty; got shape (0,)",
        ),
        (
            lambda: lm.recall_score([0, 1, 2], [0, 1, 1]),
            ValueError,
            "average='binary' needs at most two classes; got 3 classes [0, 1, 2]",
        ),
        (
            lambda: lm.precision_score([2, 3], [2, 3]),
            ValueError,
            "pos_label=1 is not a label of y_true or y_pred; expected one of [2, 3]",
        ),
        (
            lambda: lm.f1_score([0, 1], [0, 1], average="mean"),
            ValueError,
            "average must be one of 'binary', 'micro', 'macro', 'weighted'; got 'mean'",
        ),
        (
            lambda: lm.f1_score([0, 1], [0, 1], zero_division=2),
            ValueError,
            "zero_division must be 'warn', 0, 1 or nan; got 2",
        ),
        (
            lambda: lm.accuracy_score(["a", "b"], [0, 1]),
            TypeError,
            "y_true and y_pred must both hold numbers or both hold strings",
        ),
        (
            lambda: lm.confusion_matrix([0, 1], [0, 1], labels=[5]),
            ValueError,
            "labels must include at least one label of y_true; got labels [5]",
        ),
        (
            lambda: lm.roc_auc_score([0, 1, 2], [0.1, 0.2, 0.3]),
            ValueError,
            "y_true must hold two classes for a binary metric; got 3 classes [0, 1, 2]",
        ),
        (
            lambda: lm.roc_curve([1, 2], [0.1, 0.2]),
            ValueError,
            "y_true must take values in {0, 1} or {-1, 1} when pos_label is not given; got classes [1, 2]",
        ),
        (
            lambda: lm.average_precision_score([0, 2], [0.1, 0.2]),
            ValueError,
            "pos_label=1 is not a label of y_true; expected one of [0, 2]",
        ),
        (
            lambda: lm.roc_auc_score([0, 1], [0.1, np.nan]),
            ValueError,
            "y_score must be finite; got NaN or inf at index 1",
        ),
        (
            lambda: lm.roc_auc_score([0, 1], [[0.1, 0.2]]),
            ValueError,
            "y_score must have 1 dimension(s); got shape (1, 2)",
        ),
        (
            lambda: lm.precision_recall_curve([0, 1], [0.1, 0.2, 0.3]),
            ValueError,
            "y_true and y_score must have the same number of samples; got 2 and 3",
        ),
        (
            lambda: lm.r2_score([1.0, 2.0], [1.0, 2.0, 3.0]),
            ValueError,
            "y_true and y_pred must have the same shape; got (2,) and (3,)",
        ),
        (
            lambda: lm.mean_absolute_error([1.0, np.inf], [1.0, 2.0]),
            ValueError,
            "y_true must be finite; got NaN or inf at index 1",
        ),
        (
            lambda: lm.root_mean_squared_error(["a"], ["b"]),
            TypeError,
            "y_true must contain real numbers",
        ),
        (
            lambda: lm.accuracy_score([None, 1], [0, 1]),
            TypeError,
            "y_true must contain class labels (integers, bools or strings); got dtype object",
        ),
    ],
    ids=lambda v: v.split(";")[0][:60] if isinstance(v, str) else None,
)
def test_bad_inputs_have_clear_messages(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)
