"""Claims of docs/chapter/mini-batches.md, checked against independent references.

References: brute-force enumeration of batches, the gradient of the full loss
(checked by central differences), sampling theory, and the positive homogeneity of ReLU.
"""

from __future__ import annotations

import runpy
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from lossnotes.optim import (
    batch_variance_theory,
    early_stopping,
    mean_over_all_batches,
    sampled_batch_variance,
)

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


@pytest.fixture(scope="module")
def unbiased() -> dict:
    return runpy.run_path(str(SNIPPETS / "minibatch_unbiased.py"))


def test_full_gradient_is_the_gradient_of_the_loss(unbiased) -> None:
    model, theta, X, y = unbiased["model"], unbiased["theta"], unbiased["X"], unbiased["y"]
    h = 1e-6
    fd = [
        (model.loss(theta + h * e, X, y) - model.loss(theta - h * e, X, y)) / (2 * h)
        for e in np.eye(3)
    ]
    np.testing.assert_allclose(unbiased["full"], fd, rtol=1e-6)
    np.testing.assert_allclose(unbiased["G"].mean(axis=0), unbiased["full"], atol=1e-12)


def test_batch_mean_gradient_equals_full_gradient(unbiased) -> None:
    full = unbiased["full"]
    assert np.abs(unbiased["all_subsets"] - full).max() < 1e-12
    assert np.abs(unbiased["epoch"] - full).max() < 1e-12
    assert np.abs(unbiased["weighted_average"] - full).max() < 1e-12
    assert np.abs(unbiased["plain_average"] - full).max() > 1e-2  # the short-batch nuance


@pytest.mark.parametrize("batch_size", [1, 2, 3, 5])
def test_all_subsets_by_brute_force(batch_size: int) -> None:
    G = np.random.default_rng(batch_size).normal(size=(7, 3))
    by_hand = np.mean([G[list(s)].mean(axis=0) for s in combinations(range(7), batch_size)], axis=0)
    np.testing.assert_allclose(mean_over_all_batches(G, batch_size), by_hand, atol=1e-14)
    np.testing.assert_allclose(by_hand, G.mean(axis=0), atol=1e-12)


def test_variance_theory_is_the_exact_enumeration() -> None:
    G = np.random.default_rng(0).normal(size=(8, 2))
    for B in range(1, 9):
        exact = np.mean(
            [
                np.sum((G[list(s)].mean(axis=0) - G.mean(axis=0)) ** 2)
                for s in combinations(range(8), B)
            ]
        )
        assert batch_variance_theory(G, B) == pytest.approx(exact, rel=1e-12, abs=1e-15)


def test_measured_variance_within_ten_percent_of_theory() -> None:
    ns = runpy.run_path(str(SNIPPETS / "minibatch_variance.py"))
    for B, measured, theory in zip(ns["batch_sizes"], ns["measured"], ns["theory"]):
        if B == ns["n"]:
            assert theory == 0.0 and measured < 1e-20
        else:
            assert measured == pytest.approx(theory, rel=0.10), B


def test_sampled_variance_draws_distinct_samples() -> None:
    # With n = B every batch is the whole data set only if no sample repeats.
    G = np.random.default_rng(1).normal(size=(6, 2))
    assert sampled_batch_variance(G, 6, n_batches=50) < 1e-25
    with pytest.raises(ValueError, match="batch_size"):
        sampled_batch_variance(G, 7)


@pytest.fixture(scope="module")
def sharpness() -> dict:
    return runpy.run_path(str(SNIPPETS / "minibatch_sharpness.py"))


def test_sharpness_grows_with_batch_size_in_this_run(sharpness) -> None:
    for seed in (0, 1):
        tops = [top for s, _, _, top, _ in sharpness["results"] if s == seed]
        assert tops == sorted(tops) and tops[-1] > 1.5 * tops[0]
    model, X, y = sharpness["model"], sharpness["X"], sharpness["y"]
    assert all(0.8 < acc < 1.0 for *_, acc in sharpness["results"])
    assert model.n_params == 65 and len(X) == len(y) == 128


def test_rescaling_keeps_the_function_and_changes_sharpness() -> None:
    ns = runpy.run_path(str(SNIPPETS / "minibatch_rescaled.py"))
    model, theta, X, y = ns["model"], ns["theta"], ns["X"], ns["y"]
    losses = [loss for _, loss, _, _ in ns["rows"]]
    assert max(losses) - min(losses) < 1e-12
    assert all(change < 1e-12 for _, _, change, _ in ns["rows"])
    tops = [top for *_, top in ns["rows"]]
    assert max(tops) > 3 * min(tops)
    # Power iteration on finite differences of the gradient: an independent sharpness.
    scaled = ns["rescale"](theta, 0.25)
    v = np.random.default_rng(0).normal(size=theta.size)
    h = 1e-5
    for _ in range(300):
        v /= np.linalg.norm(v)
        Hv = (model.grad(scaled + h * v, X, y) - model.grad(scaled - h * v, X, y)) / (2 * h)
        v = Hv
    assert np.linalg.norm(v) == pytest.approx(tops[0], rel=1e-3)


def test_early_stopping_rule() -> None:
    assert early_stopping([3.0, 2.0, 1.0], patience=1) == (2, 2)
    assert early_stopping([1.0, 2.0, 3.0, 0.5], patience=2) == (0, 2)
    with pytest.raises(ValueError, match="patience"):
        early_stopping([1.0], patience=0)


def test_plain_average_with_a_short_batch_is_unbiased_over_shuffles() -> None:
    ns = runpy.run_path(str(SNIPPETS / "minibatch_unbiased.py"))
    G, full = ns["G"], ns["full"]
    # Exactly, by hand: position j of a shuffle lands in a batch of size s_j and gets weight
    # 1 / (3 s_j); over all shuffles each sample sits at each position equally often.
    weights = np.array([1 / (3 * 5)] * 10 + [1 / (3 * 2)] * 2)
    expected = G.T @ np.full(12, weights.mean())
    np.testing.assert_allclose(expected, full, atol=1e-12)
    assert weights.mean() == pytest.approx(1 / 12)
    # The page's Monte-Carlo average agrees within a few standard errors of the shuffle noise.
    rng = np.random.default_rng(7)
    draws = np.array(
        [
            np.mean([G[b].mean(axis=0) for b in np.split(rng.permutation(12), [5, 10])], axis=0)
            for _ in range(2000)
        ]
    )
    se = draws.std(axis=0, ddof=1) / np.sqrt(ns["n_shuffles"])
    assert np.all(np.abs(ns["plain_over_shuffles"] - full) < 5 * se + 1e-12)
    # For the one shuffle shown, the plain average really is off.
    assert np.abs(ns["plain_average"] - full).max() > 0.1
