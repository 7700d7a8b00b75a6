"""Claims of docs/chapter/gradient-descent.md, checked against independent references.

References: closed-form iterates of gradient descent on a quadratic, the spectral
radius of the (momentum) iteration matrix from numpy's eigenvalue solver, and
full-batch gradient descent written out by hand.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest

from lossnotes.optim import contraction_rates, first_divergent, scale_by_learning_rate

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


@pytest.fixture(scope="module")
def snippet():
    cache: dict[str, dict] = {}

    def load(name: str) -> dict:
        if name not in cache:
            cache[name] = runpy.run_path(str(SNIPPETS / name))
        return cache[name]

    return load


def spectral_radius(curvatures, lr: float, beta: float = 0.0) -> float:
    """Largest |eigenvalue| of the iteration (x_t, x_{t-1}) -> (x_{t+1}, x_t), any direction."""
    radii = []
    for c in curvatures:
        matrix = np.array([[1 + beta - lr * c, -beta], [1.0, 0.0]])
        radii.append(np.max(np.abs(np.linalg.eigvals(matrix))))
    return max(radii)


@pytest.mark.parametrize("seed", range(5))
def test_contraction_rates_match_the_spectral_radius(seed: int) -> None:
    rng = np.random.default_rng(seed)
    curvatures = rng.uniform(0.5, 30.0, size=3)
    beta = float(rng.uniform(0.0, 0.95))
    lrs = rng.uniform(0.001, 0.2, size=8)
    measured = contraction_rates(curvatures, lrs, beta=beta, steps=3000)
    expected = [spectral_radius(curvatures, lr, beta) for lr in lrs]
    # A double root (critical damping) converges like k r^k: allow a loose tolerance.
    np.testing.assert_allclose(measured, expected, rtol=2e-2)


def test_measured_gd_edge_is_two_over_lambda_max(snippet) -> None:
    ns = snippet("gd_stability_edge.py")
    edge, step = ns["measured_edge"], ns["grid_step"]
    theory = 2.0 / 25.0
    assert edge - step < theory < edge  # the edge lies between two neighbouring grid points
    stable = ns["lrs"] < theory
    assert np.all(ns["rates"][stable] < 1.0) and np.all(ns["rates"][~stable] > 1.0)
    # The fastest step size is 2 / (l_min + l_max) to within a grid step.
    assert abs(ns["best_lr"] - 2.0 / 26.0) <= step


def stability_edge(curvature: float, beta: float) -> float:
    """lr * curvature where the spectral radius crosses 1, by bisection (no formula used)."""
    low, high = 1e-6, 10.0 / curvature
    for _ in range(100):
        middle = 0.5 * (low + high)
        low, high = (
            (middle, high) if spectral_radius([curvature], middle, beta) < 1 else (low, middle)
        )
    return low * curvature


def test_momentum_edge_is_two_plus_two_beta(snippet) -> None:
    ns = snippet("gd_momentum_edge.py")
    resolution = ns["grid_step"] * 25.0
    for beta, measured, theory in ns["edges"]:
        # The page's formula 2 + 2 beta against the edge found from the iteration's eigenvalues.
        edge = stability_edge(25.0, beta)
        assert theory == pytest.approx(edge, rel=1e-6)
        assert measured - resolution < edge < measured


def test_learning_rate_paths_follow_the_closed_form(snippet) -> None:
    ns = snippet("gd_learning_rates.py")
    x0, y0 = ns["start"]
    k = np.arange(26)
    for name, lr in ns["learning_rates"].items():
        expected = np.column_stack([x0 * (1 - lr) ** k, y0 * (1 - 25 * lr) ** k])
        np.testing.assert_allclose(ns["paths"][name], expected, rtol=1e-12, atol=1e-14)
    f = {name: ns["surface"].f(*path[-1]) for name, path in ns["paths"].items()}
    f0 = ns["surface"].f(x0, y0)
    assert f["too large"] > f0 > f["too small"] > f["right"]
    assert ns["learning_rates"]["too large"] > 2 / 25 > ns["learning_rates"]["right"]


def test_momentum_is_the_chapter_recurrence_and_damps_faster(snippet) -> None:
    ns = snippet("gd_momentum.py")
    lr, beta = ns["lr"], ns["beta"]
    x, v = np.array(ns["start"]), np.zeros(2)
    path = [x]
    for _ in range(30):
        v = beta * v - lr * np.array([1.0, 25.0]) * x
        x = x + v
        path.append(x)
    momentum_path = ns["paths"][f"momentum, lr {lr}, beta {beta}"]
    np.testing.assert_allclose(momentum_path, np.array(path), rtol=1e-12, atol=1e-15)
    gd_across, gd_along = ns["factors"]["gradient descent"]
    mom_across, mom_along = ns["factors"]["momentum"]
    assert gd_across == pytest.approx(abs(1 - 25 * lr), rel=1e-6)
    assert gd_along == pytest.approx(1 - lr, rel=1e-6)
    assert mom_across == pytest.approx(spectral_radius([25.0], lr, beta), rel=5e-3)
    assert mom_along == pytest.approx(spectral_radius([1.0], lr, beta), rel=5e-3)
    assert mom_across < gd_across and mom_along < gd_along


def test_best_settings_reach_the_textbook_rates(snippet) -> None:
    ns = snippet("gd_momentum_best.py")
    for name in ("gradient descent", "momentum"):
        assert ns["measured"][name] == pytest.approx(ns["theory"][name], rel=5e-3)
        assert ns["measured"][name] == pytest.approx(
            spectral_radius(
                [1.0, 25.0],
                *(
                    (ns["gd_lr"], 0.0)
                    if name == "gradient descent"
                    else (ns["mom_lr"], ns["mom_beta"])
                ),
            ),
            rel=5e-3,
        )
    assert ns["mom_lr"] > 2 / 25  # beyond plain gradient descent's edge, yet stable


def test_three_variants(snippet) -> None:
    ns = snippet("gd_three_variants.py")
    X, y, theta0 = ns["X"], ns["y"], ns["theta0"]
    batch, mini, single = ns["runs"].values()
    assert [len(r.batch_loss) for r in (batch, mini, single)] == [10, 10 * 13, 10 * 200]
    # Batch gradient descent written out by hand.
    theta = theta0.copy()
    for _ in range(10):
        residual = theta[0] * X[:, 0] + theta[1] - y
        theta = theta - 0.05 * 2 * np.array([np.mean(residual * X[:, 0]), np.mean(residual)])
    np.testing.assert_allclose(batch.theta, theta, rtol=1e-12)
    # Gradient check of the model's grad against central differences.
    loss, grad = ns["model"].loss, ns["model"].grad
    h = 1e-6
    for point in (theta0, np.array([0.7, -0.3])):
        fd = [(loss(point + h * e, X, y) - loss(point - h * e, X, y)) / (2 * h) for e in np.eye(2)]
        np.testing.assert_allclose(grad(point, X, y), fd, rtol=1e-6)
    design = np.column_stack([X[:, 0], np.ones(len(X))])
    floor = np.mean((design @ np.linalg.lstsq(design, y, rcond=None)[0] - y) ** 2)
    assert ns["problem"].min_loss == pytest.approx(floor)  # the page's floor
    gaps = [r.epoch_loss[-1] - floor for r in (batch, mini, single)]
    assert gaps[1] < gaps[2] < gaps[0]  # same work: mini-batch best, SGD noisy, batch slow
    assert all(r.examples_seen[-1] == 10 * len(X) for r in (batch, mini, single))


def test_first_divergent_edge_cases() -> None:
    assert np.isnan(first_divergent([0.1, 0.2], [0.5, 0.9]))
    with pytest.raises(ValueError, match="increasing"):
        first_divergent([0.2, 0.1], [0.5, 1.5])
    with pytest.raises(ValueError, match="beta"):
        contraction_rates([1.0], [0.1], beta=1.0)


def test_momentum_edges_sit_half_a_grid_step_above_the_formula(snippet) -> None:
    ns = snippet("gd_momentum_edge.py")
    resolution = ns["grid_step"] * 25.0
    lrs = ns["lrs"]
    for beta, measured, _ in ns["edges"]:
        edge = stability_edge(25.0, beta)  # from the iteration's eigenvalues, by bisection
        # The first grid point past the edge, found here from the grid itself.
        first_past = lrs[np.argmax(lrs * 25.0 > edge)] * 25.0
        assert measured == pytest.approx(first_past)
        assert measured - edge == pytest.approx(resolution / 2, abs=1e-9)  # half, not one


def test_stability_snippet_runs_the_steps_it_says(snippet) -> None:
    ns = snippet("gd_stability_edge.py")
    assert ns["n_steps"] == 1000
    rates = contraction_rates(ns["eigenvalues"], ns["lrs"], steps=ns["n_steps"])
    np.testing.assert_array_equal(rates, ns["rates"])
    assert not np.array_equal(contraction_rates(ns["eigenvalues"], ns["lrs"], steps=200), rates)


def test_a_decaying_rate_removes_the_sgd_noise_floor(snippet) -> None:
    ns = snippet("gd_decay_slider.py")
    X, y, theta0 = ns["X"][:, 0], ns["y"], ns["theta0"]
    lr0, epochs, default, fastest = ns["lr0"], ns["epochs"], ns["default"], ns["decays"][-1]
    floor = np.mean((np.polyval(np.polyfit(X, y, 1), X) - y) ** 2)  # numpy's least squares
    assert ns["problem"].min_loss == pytest.approx(floor)
    assert ns["curves"][0.0][0] == pytest.approx(
        np.mean((theta0[0] * X + theta0[1] - y) ** 2) - floor
    )

    def sgd_by_hand(k: float, seed: int) -> np.ndarray:
        rng, theta, t, gaps = np.random.default_rng(seed), theta0.astype(float), 0, []
        for _ in range(epochs):
            for i in rng.permutation(len(y)):
                r = theta[0] * X[i] + theta[1] - y[i]
                theta = theta - lr0 / (1 + k * t) * 2 * np.array([r * X[i], r])
                t += 1
            gaps.append(np.mean((theta[0] * X + theta[1] - y) ** 2) - floor)
        return np.array(gaps)

    late = slice(epochs // 2, None)
    for seed in (11, 12, 13):  # other shuffles than the page's: the effect is not luck
        constant, decaying = sgd_by_hand(0.0, seed), sgd_by_hand(default, seed)
        assert np.median(decaying[late]) < np.median(constant[late]) / 100
        assert sgd_by_hand(fastest, seed)[-1] > 100 * decaying[-1]  # too fast stops short
    # The page's schedule really is lr0 / (1 + k t), t counted from 0.
    opt = scale_by_learning_rate(ns["schedule"](default))
    state = opt.init(np.zeros(1))
    for t in range(3):
        step, state = opt.update(np.ones(1), state, np.zeros(1))
        assert -step[0] == pytest.approx(lr0 / (1 + default * t))


def test_batch_size_full_batch_curve_is_the_closed_form_iteration(snippet) -> None:
    """B = n is plain gradient descent: its error follows (I - 2 lr AᵀA / n)^t exactly."""
    ns = snippet("gd_batch_size.py")
    A, y, lr = ns["A"], ns["y"], ns["lr"]
    H = 2 * A.T @ A / len(y)  # Hessian of the mean squared error
    theta_star = np.linalg.solve(A.T @ A, A.T @ y)  # normal equations, not lstsq
    error = ns["theta0"] - theta_star
    expected = []
    for _ in range(ns["n_steps"]):
        error = error - lr * H @ error
        expected.append(0.5 * error @ H @ error)  # excess loss of a quadratic
    np.testing.assert_allclose(ns["curves"][200], expected, rtol=1e-6, atol=1e-12)


def test_batch_size_orderings_hold_for_other_shuffles(snippet) -> None:
    """Per step larger batches win, per example (from B = 4) they lose, on fresh shuffles."""
    ns = snippet("gd_batch_size.py")
    curve = ns["excess_loss_per_step"]
    sizes = ns["batch_sizes"]
    fresh = {B: np.mean([curve(B, 1000 + s) for s in range(20)], axis=0) for B in sizes}
    per_step = [fresh[B][99] for B in sizes]
    per_example = [fresh[B][200 // B - 1] for B in sizes]
    assert all(a > b for a, b in zip(per_step, per_step[1:]))
    assert all(a < b for a, b in zip(per_example[1:], per_example[2:]))
