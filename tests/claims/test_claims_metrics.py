"""Claims of docs/chapter/metrics.md, checked on the page's own data against scikit-learn
and statistical theory."""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from sklearn import metrics as sk

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def run(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / f"metrics_{name}.py"))


def test_confusion_matrix_metrics_agree_with_sklearn() -> None:
    ns = run("confusion_matrix")
    y, y_pred = ns["y_test"], ns["y_pred"]
    tn, fp, fn, tp = sk.confusion_matrix(y, y_pred).ravel()
    assert (ns["tn"], ns["fp"], ns["fn"], ns["tp"]) == (tn, fp, fn, tp)
    reference = {
        "accuracy": sk.accuracy_score(y, y_pred),
        "precision": sk.precision_score(y, y_pred),
        "recall": sk.recall_score(y, y_pred),
        "F1": sk.f1_score(y, y_pred),
    }
    for name, value in reference.items():
        assert ns["by_hand"][name] == pytest.approx(value, abs=1e-12)
        assert ns["by_library"][name] == pytest.approx(value, abs=1e-12)


def test_curves_and_areas_agree_with_sklearn() -> None:
    ns = run("roc_pr")
    y, s = ns["y"], ns["scores"]
    fpr, tpr, _ = sk.roc_curve(y, s)
    np.testing.assert_allclose(ns["fpr"], fpr)
    np.testing.assert_allclose(ns["tpr"], tpr)
    precision, recall, _ = sk.precision_recall_curve(y, s)
    np.testing.assert_allclose(ns["precision"], precision)
    np.testing.assert_allclose(ns["recall"], recall)
    assert ns["roc_auc"] == pytest.approx(sk.roc_auc_score(y, s), abs=1e-12)
    assert ns["average_precision"] == pytest.approx(sk.average_precision_score(y, s), abs=1e-12)
    assert ns["pr_auc_trap"] == pytest.approx(sk.auc(recall, precision), abs=1e-12)
    assert ns["pr_auc_trap"] != pytest.approx(ns["average_precision"], abs=1e-4)  # they differ


def test_imbalance_accuracy_high_but_f1_low() -> None:
    results = run("imbalance")["results"]
    acc, f1, auc, ap = results[0.01]["scorer"]
    acc_bal, f1_bal, auc_bal, ap_bal = results[0.5]["scorer"]
    assert acc > 0.9 and f1 < 0.4  # accuracy looks great, F1 does not
    assert f1_bal > 0.9  # the same scorer on balanced data
    # the trivial classifier beats the real one on accuracy, and scores F1 = 0
    acc_neg, f1_neg, _, _ = results[0.01]["always negative"]
    assert acc_neg > acc and f1_neg == 0.0
    assert abs(auc - auc_bal) < 0.02 and ap < ap_bal - 0.2  # ROC-AUC blind to prevalence


def test_imbalance_numbers_agree_with_sklearn() -> None:
    ns = run("imbalance")
    rng = np.random.default_rng(0)  # evaluate()'s default seed: regenerate its data
    y = (rng.random(20_000) < 0.01).astype(int)
    logits = rng.normal(loc=np.where(y == 1, 1.5, -1.5), scale=1.0)
    y_pred = (logits >= 0).astype(int)
    expected = [
        sk.accuracy_score(y, y_pred),
        sk.f1_score(y, y_pred),
        sk.roc_auc_score(y, logits),
        sk.average_precision_score(y, logits),
    ]
    np.testing.assert_allclose(ns["results"][0.01]["scorer"], expected, atol=1e-12)


def test_random_scorer_near_half_and_perfect_is_one() -> None:
    ns = run("random_vs_perfect")
    null_sd = ns["null_sd"]
    assert abs(ns["random_auc"] - 0.5) < 4 * null_sd
    assert ns["perfect_auc"] == 1.0
    aucs = ns["random_aucs"]
    assert abs(aucs.mean() - 0.5) < 4 * null_sd / np.sqrt(aucs.size)
    assert aucs.std(ddof=1) == pytest.approx(null_sd, rel=0.2)  # theory's spread
    assert ns["random_auc"] == pytest.approx(sk.roc_auc_score(ns["y"], _replay_random(ns)))


def _replay_random(ns: dict) -> np.ndarray:
    rng = np.random.default_rng(2)
    rng.random(ns["y"].size)  # the labels' draw
    return rng.random(ns["y"].size)


def test_regression_metrics_agree_with_sklearn_and_baseline() -> None:
    ns = run("regression")
    y = ns["y_test"]
    for name, pred in ns["predictions"].items():
        expected = (
            sk.mean_absolute_error(y, pred),
            sk.root_mean_squared_error(y, pred),
            sk.r2_score(y, pred),
        )
        np.testing.assert_allclose(ns["scores"][name], expected, atol=1e-12)
    line, base = ns["scores"].values()
    assert line[2] > 0.5
    # a constant c scores R^2 = -n (mean(y) - c)^2 / SS_tot <= 0: never better than the mean
    gap = y.mean() - ns["y_train"].mean()
    assert base[2] == pytest.approx(-y.size * gap**2 / np.sum((y - y.mean()) ** 2), abs=1e-12)
    assert line[1] >= line[0] and base[1] >= base[0]  # RMSE is never below MAE


def test_precision_recall_f1_against_the_threshold_match_scikit_learn() -> None:
    from sklearn.metrics import f1_score as sk_f1
    from sklearn.metrics import precision_score as sk_precision
    from sklearn.metrics import recall_score as sk_recall

    ns = runpy.run_path(str(SNIPPETS / "metrics_threshold.py"))
    y, scores = ns["y_test"], ns["scores"]
    for i, threshold in enumerate(ns["thresholds"]):
        pred = (scores >= threshold).astype(int)
        assert ns["curves"]["precision"][i] == pytest.approx(
            sk_precision(y, pred, zero_division=1.0)
        )
        assert ns["curves"]["recall"][i] == pytest.approx(sk_recall(y, pred))
        assert ns["curves"]["F1"][i] == pytest.approx(sk_f1(y, pred, zero_division=0.0))
    assert np.all(np.diff(ns["curves"]["recall"]) <= 0)


def test_macro_micro_weighted_f1_match_scikit_learn() -> None:
    from sklearn.metrics import accuracy_score as sk_accuracy
    from sklearn.metrics import f1_score as sk_f1

    ns = runpy.run_path(str(SNIPPETS / "metrics_averaging.py"))
    y, pred = ns["y_true"], ns["y_pred"]
    for name, value in ns["averages"].items():
        assert value == pytest.approx(sk_f1(y, pred, average=name))
    assert ns["averages"]["micro"] == pytest.approx(sk_accuracy(y, pred))
    np.testing.assert_allclose(ns["per_class"], sk_f1(y, pred, average=None))
    assert ns["averages"]["macro"] < ns["averages"]["micro"]
