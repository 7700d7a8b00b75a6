"""Claims of the three-views page, checked against independent computations."""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest

from lossnotes.models import MLP
from lossnotes.pages.three_views import (
    flip_along_gradient,
    principal_components,
    trained_moons_mlp,
)

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def run(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / f"{name}.py"), run_name="snippet")


@pytest.fixture(scope="module")
def train() -> dict:
    return run("views_train")


def test_helper_checkpoint_is_the_snippets_checkpoint(train: dict) -> None:
    _, theta, (X, _), _ = trained_moons_mlp()
    np.testing.assert_array_equal(theta, train["theta"])
    np.testing.assert_array_equal(X, train["X"])


def test_checkpoint_is_trained(train: dict) -> None:
    model, theta = train["model"], train["theta"]
    assert model.loss(theta, train["X"], train["y"]) < 0.05
    assert np.linalg.norm(model.grad(theta, train["X"], train["y"])) < 0.05
    assert train["accuracy"](theta, train["X_test"], train["y_test"]) > 0.95


@pytest.mark.parametrize(
    "sizes, output",
    [((2, 5, 1), "binary"), ((2, 4, 3, 3), "multiclass"), ((2, 3, 2), "regression")],
)
def test_batched_loss_matches_model_loss(sizes, output) -> None:
    model = MLP(sizes=sizes, activation="relu", output=output)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(20, 2))
    y = {
        "binary": rng.integers(0, 2, 20),
        "multiclass": rng.integers(0, 3, 20),
        "regression": rng.normal(size=(20, 2)),
    }[output]
    thetas = np.stack([model.init(seed=s) for s in range(4)])
    np.testing.assert_allclose(
        model.batched_loss(thetas, X, y), [model.loss(t, X, y) for t in thetas], rtol=1e-12
    )


def test_loss_surface_depends_on_the_data() -> None:
    ns = run("views_surface")
    moons, xor = ns["landscapes"]["two moons (trained on)"], ns["landscapes"]["XOR"]
    centre = len(ns["alphas"]) // 2
    assert ns["alphas"][centre] == 0 and ns["betas"][centre] == 0
    model, theta = ns["model"], ns["theta"]
    # The grid centre is the checkpoint, evaluated independently by model.loss.
    assert moons[centre, centre] == pytest.approx(model.loss(theta, ns["X"], ns["y"]))
    assert xor[centre, centre] == pytest.approx(model.loss(theta, ns["X_xor"], ns["y_xor"]))
    assert np.argmin(moons) == moons.size // 2  # trained checkpoint: lowest point of its slice
    assert ns["lowest_point"](xor) != (0.0, 0.0)
    assert xor.min() > 10 * moons.max() or xor[centre, centre] > 100 * moons[centre, centre]


def test_filter_normalised_directions_match_weight_row_norms() -> None:
    ns = run("views_surface")
    theta = ns["theta"]
    W1 = theta[:32].reshape(16, 2)
    D1 = ns["d1"][:32].reshape(16, 2)
    np.testing.assert_allclose(np.linalg.norm(D1, axis=1), np.linalg.norm(W1, axis=1))
    assert np.all(ns["d1"][32:48] == 0)  # biases left out of the direction


def test_boundary_is_fixed_at_inference() -> None:
    ns = run("views_boundary")
    assert np.abs(ns["together"] - ns["alone"]).max() < 1e-12
    assert np.array_equal(np.sign(ns["together"]), np.sign(ns["alone"]))
    assert np.abs(ns["prob_again"] - ns["prob"]).max() == 0


def test_activation_choice_changes_hidden_geometry() -> None:
    ns = run("views_hidden")
    tanh, relu = ns["hidden"]["tanh"], ns["hidden"]["ReLU"]
    assert np.all(np.abs(tanh) < 1) and np.all(relu >= 0)
    assert ns["geometry"]["ReLU"]["dead units"] == int(np.sum(relu.max(axis=0) == 0))
    # Projection check against numpy's eigen-decomposition of the covariance.
    for H in (tanh, relu):
        proj, share = principal_components(H)
        eig = np.sort(np.linalg.eigvalsh(np.cov(H.T)))[::-1]
        np.testing.assert_allclose(share, eig[:2] / eig.sum(), rtol=1e-8)
        np.testing.assert_allclose(proj.var(axis=0, ddof=1), eig[:2], rtol=1e-8)


def test_overfit_model_test_loss_exceeds_train_loss_by_a_margin() -> None:
    ns = run("views_overfit")
    assert ns["train_loss"] < 0.01
    assert ns["test_loss"] > ns["train_loss"] + 0.5
    assert ns["test_acc"] < ns["train_acc"] - 0.1
    assert ns["curve"][-1][2] > min(c[2] for c in ns["curve"])  # test loss rose again


def test_small_perturbation_flips_the_prediction() -> None:
    ns = run("views_brittle")
    model, theta = ns["model"], ns["theta"]
    before, after = model.forward(theta, np.vstack([ns["x_before"], ns["x_after"]]))
    assert np.sign(before) != np.sign(after)
    assert np.linalg.norm(ns["x_after"] - ns["x_before"]) == pytest.approx(ns["step"])
    assert ns["step"] < ns["noise"] / 10
    # First-order check: distance to the boundary is about |z| / ||grad_x z||.
    x = ns["x_before"]
    h = 1e-6
    grad = [
        (model.forward(theta, (x + e)[None])[0] - model.forward(theta, (x - e)[None])[0]) / (2 * h)
        for e in np.eye(2) * h
    ]
    assert ns["step"] == pytest.approx(abs(before) / np.linalg.norm(grad), rel=0.05)


def test_flip_reports_inf_when_no_flip_within_reach() -> None:
    model = MLP(sizes=(2, 1), output="binary")
    theta = np.array([1.0, 0.0, 100.0])  # boundary x1 = -100, far away
    step, x = flip_along_gradient(model, theta, np.zeros(2), max_step=1.0)
    assert step == float("inf") and np.array_equal(x, np.zeros(2))


def test_readout_view_separates_and_the_principal_plane_does_not() -> None:
    from sklearn.decomposition import PCA
    from sklearn.svm import LinearSVC

    ns = run("views_hidden")
    H, y = ns["hidden"]["tanh"], ns["y"]
    # The readout recovered by least squares reproduces the network's logits exactly.
    logits = ns["tanh_model"].forward(ns["tanh_theta"], ns["X"])
    np.testing.assert_allclose(H @ ns["w_out"] + ns["c_out"][0], logits, atol=1e-9)
    assert np.mean((ns["along"] > ns["threshold"]) == (y == 1)) == 1.0
    # Independent: a hard-margin-like linear SVM separates the 16-D points...
    svm = LinearSVC(C=1e4, max_iter=200_000).fit(H, y)
    assert svm.score(H, y) == 1.0
    # ...but not their projection on scikit-learn's first two principal components.
    P = PCA(n_components=2).fit_transform(H)
    assert (
        LinearSVC(C=1.0, max_iter=200_000).fit(P, y).score(P, y)
        <= ns["line_in_pc_plane"]["tanh"] + 1e-9
    )
    assert ns["line_in_pc_plane"]["tanh"] < 0.9
    # The brute-force line search is exact on a toy set with a known best line.
    toy = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 0.0]])
    assert ns["best_line_accuracy"](toy, np.array([0, 0, 1, 0])) == 0.75


def test_overfit_test_loss_minimum_is_over_the_whole_run() -> None:
    ns = run("views_overfit")
    wide, path = ns["wide"], ns["path"]
    # Independent evaluation of the test loss at every step near the reported minimum.
    steps = np.arange(max(ns["best_step"] - 50, 0), ns["best_step"] + 51)
    losses = [wide.loss(path[s], ns["X_test"], ns["y_test"]) for s in steps]
    assert min(losses) >= ns["best_test"] - 0.01  # the 10-step grid misses little
    assert ns["best_step"] < 1000 and ns["test_loss"] > ns["best_test"]
