"""Claims of docs/chapter/pipeline.md: the preprocessing pieces match scikit-learn, and
leakage makes the test score optimistic on average over seeds."""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_selection import SelectKBest, f_regression
from sklearn.preprocessing import StandardScaler

from lossnotes.data import (
    fit_select_k_best,
    fit_standardizer,
    select_features,
    standardize,
    train_val_test_split,
)

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


@pytest.fixture(scope="module")
def leakage() -> dict:
    return runpy.run_path(str(SNIPPETS / "pipeline_leakage.py"))


def test_standardizer_matches_sklearn() -> None:
    rng = np.random.default_rng(3)
    X_train = rng.normal(loc=[1.0, -4.0, 7.0], scale=[2.0, 0.1, 5.0], size=(50, 3))
    X_train[:, 1] = 2.5  # a constant column: scale 1, as scikit-learn
    X_test = rng.normal(size=(9, 3))
    scaler = StandardScaler().fit(X_train)
    ours = fit_standardizer(X_train)
    np.testing.assert_allclose(ours.scale, scaler.scale_, rtol=1e-12)
    np.testing.assert_allclose(standardize(ours, X_test), scaler.transform(X_test), atol=1e-12)


def test_select_k_best_ranks_as_sklearn_f_regression() -> None:
    rng = np.random.default_rng(4)
    X = rng.normal(size=(40, 30))
    y = (X[:, 3] - 0.5 * X[:, 17] + rng.normal(size=40) > 0).astype(float)
    for k in (1, 5, 12):
        ours = fit_select_k_best(X, y, k)
        theirs = SelectKBest(f_regression, k=k).fit(X, y)
        assert set(ours.indices) == set(np.flatnonzero(theirs.get_support()))
        np.testing.assert_array_equal(select_features(ours, X), theirs.transform(X))


def test_split_is_a_partition_and_refuses_an_empty_training_part() -> None:
    train, val, test = train_val_test_split(101, val_size=0.15, test_size=0.25, seed=7)
    assert (len(val), len(test)) == (16, 26)  # ceil(15.15), ceil(25.25)
    assert np.array_equal(np.sort(np.concatenate([train, val, test])), np.arange(101))
    with pytest.raises(ValueError, match="val_size \\+ test_size"):
        train_val_test_split(10, val_size=0.5, test_size=0.5)


def test_transform_refuses_other_widths() -> None:
    with pytest.raises(ValueError, match="3 columns"):
        standardize(fit_standardizer(np.ones((4, 3))), np.ones((2, 2)))


def test_honest_pipeline_is_unbiased_on_pure_noise(leakage: dict) -> None:
    # labels are independent of the features: the true accuracy is exactly 1/2
    honest = leakage["accuracy"]["none"]
    se = honest.std(ddof=1) / np.sqrt(honest.size)
    assert abs(honest.mean() - 0.5) < 4 * se


def test_selection_leak_is_optimistic_on_average(leakage: dict) -> None:
    gap = leakage["optimism"]["selection"]
    se = gap.std(ddof=1) / np.sqrt(gap.size)
    # paired test with a margin: mean optimism at least 0.1 accuracy, far beyond noise
    assert gap.mean() - 4 * se > 0.1
    assert np.mean(gap > 0) > 0.9


def test_scaler_leak_is_small(leakage: dict) -> None:
    # the page's nuance: an unsupervised leak of mean/std barely moves the score here
    gap = leakage["optimism"]["standardizer"]
    assert abs(gap.mean()) < 0.03


def test_leak_beats_honest_seed_by_seed_as_scikit_learn_counts(leakage: dict) -> None:
    """The counts the page prints (higher, tied, lower), recomputed with scikit-learn's parts."""
    from sklearn.neighbors import NearestCentroid

    from lossnotes.data import train_val_test_split

    def accuracy(X, y, train, test, leak: str) -> float:
        every = np.arange(len(X))
        Z = StandardScaler().fit(X[every if leak == "standardizer" else train]).transform(X)
        rows = every if leak == "selection" else train
        Z = SelectKBest(f_regression, k=20).fit(Z[rows], y[rows]).transform(Z)
        return float(NearestCentroid().fit(Z[train], y[train]).score(Z[test], y[test]))

    n = leakage["N_SEEDS"]
    optimism = np.empty(n)
    for seed in range(n):
        rng = np.random.default_rng(seed)
        X = rng.normal(size=(100, 1000))
        y = rng.integers(0, 2, size=100)
        train, _, test = train_val_test_split(100, val_size=0.2, test_size=0.2, seed=seed)
        optimism[seed] = accuracy(X, y, train, test, "selection") - accuracy(
            X, y, train, test, "none"
        )
    np.testing.assert_allclose(optimism, leakage["optimism"]["selection"], atol=1e-12)
    higher, tied = np.count_nonzero(optimism > 0), np.count_nonzero(optimism == 0)
    assert higher < n  # not "100%": the page prints counts
    assert higher >= 0.95 * n and tied + higher + np.count_nonzero(optimism < 0) == n


def test_min_max_and_unit_norm_against_scikit_learn() -> None:
    from sklearn.preprocessing import MinMaxScaler, Normalizer

    ns = runpy.run_path(str(SNIPPETS / "pipeline_normalise.py"))
    X, train, test = ns["X"], ns["train"], ns["test"]
    scaler = MinMaxScaler().fit(X[train])
    np.testing.assert_allclose(ns["scaled"]["test"], scaler.transform(X[test]))
    outside = np.mean((scaler.transform(X[test]) < 0) | (scaler.transform(X[test]) > 1))
    assert ns["outside"] == pytest.approx(outside) and outside > 0
    np.testing.assert_allclose(ns["unit_norm"](X), Normalizer().fit_transform(X))
