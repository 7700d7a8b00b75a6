"""Claims of docs/chapter/exercises.md, each checked against an independent reference:
closed forms, finite differences, scikit-learn or sampling theory."""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import log_loss

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def run(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / f"exercises_{name}.py"))


@pytest.fixture(scope="module")
def gd() -> dict:
    return run("gd_variants")


def test_gd_table_cost_and_memory(gd: dict) -> None:
    batch, mini, sgd = (gd["measured"][name] for name in gd["VARIANTS"])
    n = gd["n"]
    assert (batch["updates per epoch"], mini["updates per epoch"], sgd["updates per epoch"]) == (
        1,
        n // 32,
        n,
    )
    # The same arithmetic per epoch (4 n d: two products per row), cut into n / B pieces.
    d = gd["d"]
    for row, rows in ((batch, n), (mini, 32), (sgd, 1)):
        assert row["flops per epoch"] == 4 * n * d
        assert row["matrix products per epoch"] == 2 * n // rows
        assert row["rows per product"] == rows
    assert batch["KiB per step"] > mini["KiB per step"] > sgd["KiB per step"]
    # a full-batch step must at least hold a copy of X: n * d float64 values
    assert batch["KiB per step"] * 1024 >= gd["X"].nbytes


def test_five_class_cross_entropy_matches_sklearn_log_loss() -> None:
    ns = run("five_classes")
    for i in range(2):
        expected = log_loss([ns["target"][i]], ns["probabilities"][i : i + 1], labels=range(5))
        assert ns["loss_per_image"][i] == pytest.approx(expected, rel=1e-12)
    assert ns["loss_per_image"][1] == pytest.approx(np.log(5), rel=1e-15)


def test_momentum_speeds_up_and_damps_zigzags() -> None:
    rows = {(lr, beta): (steps, zig) for lr, beta, steps, zig in run("momentum")["rows"]}
    assert rows[(0.01, 0.9)][0] < rows[(0.01, 0.0)][0] / 3
    assert rows[(0.07, 0.7)][1] < rows[(0.07, 0.0)][1]


def test_learning_rate_edge_is_two_over_curvature() -> None:
    for product, final, _predicted in run("learning_rate")["rows"]:
        assert final == pytest.approx(abs(1 - product) ** 60, rel=1e-9, abs=1e-300)
        assert (final > 1) == (product > 2)


def test_rmsprop_and_adam_first_steps() -> None:
    ns = run("rmsprop_vs_adam")
    assert ns["first_steps"]["RMSProp"][0] == pytest.approx(1 / np.sqrt(1 - 0.99), rel=1e-6)
    assert ns["first_steps"]["Adam"][0] == pytest.approx(1.0, rel=1e-6)
    assert ns["final_loss"]["RMSProp"] != pytest.approx(ns["final_loss"]["Adam"], rel=0.5)


def test_overfitting_gap_and_its_cure() -> None:
    rows = run("overfitting")["rows"]
    (_, train1, test1), _, (_, train25, test25) = rows
    assert train1 == 1.0 and test1 < train1 - 0.2
    assert train25 - test25 < train1 - test1 and test25 > test1


def test_stacked_linear_layers_collapse_to_one_matrix() -> None:
    ns = run("linear_collapse")
    assert ns["collapse_error"] < 1e-12
    assert ns["unexplained"] > 0.05  # with tanh no single matrix reproduces the network


def test_bagging_lowers_variance_and_boosting_lowers_error() -> None:
    ns = run("bagging_boosting")
    single, bagged = ns["variance"].values()
    assert bagged < 0.75 * single
    errors = list(ns["test_error"].values())
    assert errors[0] > errors[1] > errors[2] > 0.3**2 * 0.8  # towards the noise variance


def test_likelihood_and_posterior_peaks_match_closed_forms() -> None:
    peaks = run("likelihood_prior")["peaks"]
    assert peaks["likelihood"] == pytest.approx(7 / 10, abs=1e-4)
    assert peaks["prior"] == pytest.approx(0.5, abs=1e-4)
    assert peaks["posterior"] == pytest.approx((7 + 4) / (10 + 8), abs=1e-4)


def test_parameters_learned_hyperparameters_fixed() -> None:
    ns = run("parameters")
    sizes = ns["hyperparameters"]["sizes"]
    assert ns["model"].n_params == sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
    assert ns["changed"] == 1.0
    assert ns["result"].epoch_loss[-1] < ns["result"].epoch_loss[0]


def test_momentum_step_tends_to_lr_g_over_one_minus_beta() -> None:
    from lossnotes.optim import chapter_momentum

    lr, beta, g = 0.01, 0.9, 0.3
    opt = chapter_momentum(lr, beta)
    state, x = opt.init(np.zeros(1)), np.zeros(1)
    for _ in range(300):
        step, state = opt.update(np.array([g]), state, x)
    # Geometric series by hand: lr g (1 + beta + beta^2 + ...) = lr g / (1 - beta).
    assert abs(step[0]) == pytest.approx(lr * abs(g) / (1 - beta), rel=1e-10)
    assert abs(step[0]) != pytest.approx(lr / (1 - beta))  # the old formula, without |g|


def test_gradient_accumulation_gives_the_full_batch_gradient() -> None:
    ns = run("gd_variants")
    X, y, theta0 = ns["X"], ns["y"], ns["theta0"]
    full = 2 / len(y) * X.T @ (X @ theta0 - y)  # by hand
    pieces = np.array_split(np.arange(len(y)), len(y) // 32)
    accumulated = sum(
        len(p) * (2 / len(p)) * X[p].T @ (X[p] @ theta0 - y[p]) for p in pieces
    ) / len(y)
    np.testing.assert_allclose(accumulated, full, atol=1e-12)
    np.testing.assert_allclose(ns["full_grad"], full, atol=1e-12)
