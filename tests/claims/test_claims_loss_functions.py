"""Claims of the loss-functions page, checked against independent references.

Snippets are run as the page runs them (``runpy``); references are closed forms,
finite differences, scipy/scikit-learn optimisers and statistical theory.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.linear_model import QuantileRegressor

from lossnotes.models import fit_line

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def run(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / f"{name}.py"), run_name="snippet")


# -- the page's claims ------------------------------------------------------------------


def test_per_sample_gradients_match_finite_differences() -> None:
    ns = run("losses_per_sample")
    for grid, curves in ((ns["r"], ns["regression"]), (ns["z"], ns["classification"])):
        step = grid[1] - grid[0]
        for name, (value, grad) in curves.items():
            fd = (value[2:] - value[:-2]) / (2 * step)
            smooth = np.abs(grid[1:-1]) > 2 * step  # away from the kink of |r| at 0
            smooth &= np.abs(np.abs(grid[1:-1]) - 1.0) > 2 * step  # and Huber's hand-over
            np.testing.assert_allclose(fd[smooth], grad[1:-1][smooth], atol=1e-4, err_msg=name)


def test_conventions_sum_is_n_times_mean_and_half_halves_gradient() -> None:
    ns = run("losses_conventions")
    c, r = ns["conventions"], ns["r"]
    assert c["sum of r^2"] == pytest.approx(len(r) * c["mean of r^2 (PyTorch MSELoss)"])
    assert c["mean of r^2 (PyTorch MSELoss)"] == pytest.approx(np.mean(r**2))
    np.testing.assert_allclose(ns["grad_without_half"], 2 * r)


def test_wcss_argmax_assignment_is_much_larger_than_argmin() -> None:
    ns = run("losses_wcss_argmin")
    points, centroids = ns["points"], ns["centroids"]
    by_loop = sum(float(np.sum((p - centroids[k]) ** 2)) for p, k in zip(points, ns["nearest"]))
    brute = sum(min(float(np.sum((p - c) ** 2)) for c in centroids) for p in points)
    assert by_loop == pytest.approx(brute)  # the assignment is the per-point minimiser
    # No assignment has a smaller WCSS than nearest-centroid: check against random ones.
    rng = np.random.default_rng(0)
    for _ in range(20):
        labels = rng.integers(0, len(centroids), size=len(points))
        assert np.sum((points - centroids[labels]) ** 2) >= brute
    assert ns["wcss_argmin"] == pytest.approx(brute)
    assert ns["wcss_argmax"] > 10 * ns["wcss_argmin"]
    assert np.mean(ns["farthest"] == ns["nearest"]) < 0.05


def test_gaussian_nll_is_scaled_mse_plus_constant_and_same_fit() -> None:
    ns = run("losses_gaussian_mle")
    assert np.abs(ns["gap"]).max() < 1e-12
    assert ns["best_nll"] == ns["best_mse"]
    # The grid minimiser is within one grid step of the least-squares line.
    w_ls, b_ls = np.polyfit(ns["x"], ns["y"], 1)
    assert abs(ns["slopes"][ns["best_nll"][1]] - w_ls) <= ns["slopes"][1] - ns["slopes"][0]
    assert (
        abs(ns["intercepts"][ns["best_nll"][0]] - b_ls) <= ns["intercepts"][1] - ns["intercepts"][0]
    )


def test_error_of_ten_costs_hundred_times_under_mse() -> None:
    ratios = run("losses_quadratic_penalty")["ratios"]
    assert ratios["squared error"] == pytest.approx(100.0)
    assert ratios["absolute error"] == pytest.approx(10.0)
    assert ratios["Huber, delta = 1"] == pytest.approx((10 - 0.5) / 0.5)  # by hand


def test_outliers_move_huber_and_mae_fit_less_than_mse_fit() -> None:
    fits = run("losses_outliers")["fits"]
    moved = {k: abs(f["with outliers"][0] - f["clean"][0]) for k, f in fits.items()}
    assert moved["huber"] < moved["mse"] / 3
    assert moved["mae"] < moved["mse"] / 3


def test_heavy_tails_mse_wins_on_gaussian_loses_on_student_t() -> None:
    rmse = run("losses_heavy_tails")["slope_rmse"]
    # Gaussian: least squares is efficient; LAD's asymptotic efficiency is 2/pi.
    assert rmse["Gaussian", "mse"] < rmse["Gaussian", "mae"]
    assert (rmse["Gaussian", "mse"] / rmse["Gaussian", "mae"]) ** 2 == pytest.approx(
        2 / np.pi, rel=0.25
    )
    assert rmse["Student-t, 2 dof", "mse"] > 2 * rmse["Student-t, 2 dof", "huber"]
    assert rmse["Laplace", "mae"] < rmse["Laplace", "mse"]


def test_laplace_mae_is_asymptotically_better_than_huber() -> None:
    from scipy import integrate

    ns = run("losses_heavy_tails")
    b, delta = 0.97, 1.0
    density = lambda e: np.exp(-abs(e) / b) / (2 * b)  # noqa: E731
    e_psi2 = integrate.quad(lambda e: min(e * e, delta**2) * density(e), -60, 60, points=[-1, 1])[0]
    e_dpsi = integrate.quad(density, -delta, delta)[0]
    ratio = np.sqrt(e_psi2 / e_dpsi**2) / b  # median: variance 1 / (4 f(0)^2) = b^2
    assert ns["asymptotic_ratio"] == pytest.approx(ratio, rel=1e-6)
    assert ratio > 1
    # The measured large-sample ratio heads towards the theory (200 datasets: loose).
    measured = ns["large_rmse"]["huber"] / ns["large_rmse"]["mae"]
    assert 1 < measured < ratio + 0.1
    gap, se = ns["laplace_gap"]
    assert gap < 0 and se > 0  # Huber ahead at 40 points


def test_angles_mse_points_the_wrong_way() -> None:
    ns = run("losses_angles")
    assert ns["on_circle"] == 2.0 and ns["euclidean"] == 358.0
    assert abs(ns["mse_best"] - 180.0) < 10.0
    assert abs(ns["angular_error"](ns["cos_best"], ns["circular_mean"])) < 1.0
    assert abs(ns["angular_error"](ns["circular_mean"], 0.0)) < 2.0  # N(0, 10) / sqrt(1000) scale


def test_huber_pieces_against_scipy() -> None:
    from scipy.special import huber as scipy_huber

    ns = run("losses_huber_regimes")
    np.testing.assert_allclose(ns["value"], scipy_huber(ns["delta"], ns["r"]), rtol=1e-12)
    assert ns["slope_left"] == pytest.approx(ns["delta"], abs=1e-5)
    assert ns["slope_right"] == pytest.approx(ns["delta"], abs=1e-5)
    assert ns["slope_far"] == pytest.approx(ns["delta"])


def test_least_squares_is_the_orthogonal_projection() -> None:
    from sklearn.linear_model import LinearRegression as SkLinear

    ns = run("losses_euclidean")
    X, y = ns["X"], ns["y"]
    sk = SkLinear(fit_intercept=False).fit(X, y)
    np.testing.assert_allclose(ns["y_hat"], sk.predict(X), atol=1e-10)
    # The projection matrix X (X^T X)^-1 X^T, by hand.
    P = X @ np.linalg.inv(X.T @ X) @ X.T
    np.testing.assert_allclose(ns["y_hat"], P @ y, atol=1e-10)
    assert ns["distance_squared"] == pytest.approx(np.sum((P @ y - y) ** 2))
    assert ns["as_mse"] == pytest.approx(len(y) * np.mean((P @ y - y) ** 2))


# -- lossnotes.models against scipy / scikit-learn ---------------------------------------


def _line_data(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, 40)
    y = 1.3 * x - 0.4 + rng.standard_t(2, size=40)
    return x, y


@pytest.mark.parametrize("seed", range(3))
def test_fit_line_mse_matches_polyfit(seed: int) -> None:
    x, y = _line_data(seed)
    np.testing.assert_allclose(fit_line(x, y), np.polyfit(x, y, 1), rtol=1e-10)


@pytest.mark.parametrize("seed", range(3))
def test_fit_line_mae_matches_quantile_regression(seed: int) -> None:
    x, y = _line_data(seed)
    ref = QuantileRegressor(quantile=0.5, alpha=0.0, solver="highs").fit(x[:, None], y)
    ours = fit_line(x, y, loss="mae")
    objective = lambda s, b: np.mean(np.abs(y - s * x - b))  # noqa: E731
    assert objective(*ours) <= objective(ref.coef_[0], ref.intercept_) + 1e-6


@pytest.mark.parametrize("delta", [0.5, 1.0, 3.0])
def test_fit_line_huber_matches_scipy_minimize(delta: float) -> None:
    x, y = _line_data(7)

    def objective(theta: np.ndarray) -> float:
        r = np.abs(y - theta[0] * x - theta[1])
        return float(np.mean(np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))))

    ref = minimize(objective, np.zeros(2), method="BFGS", options={"gtol": 1e-10}).x
    np.testing.assert_allclose(fit_line(x, y, loss="huber", delta=delta), ref, atol=1e-5)


def test_fit_line_vectorised_rows_match_single_fits() -> None:
    x, _ = _line_data(0)
    ys = np.stack([_line_data(s)[1] for s in range(4)])
    slopes, intercepts = fit_line(x, ys, loss="huber")
    for k in range(4):
        assert (slopes[k], intercepts[k]) == pytest.approx(fit_line(x, ys[k], loss="huber"))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: fit_line([1.0, 1.0], [0.0, 1.0]), "two distinct"),
        (lambda: fit_line([0.0, 1.0], [0.0, 1.0, 2.0]), "columns"),
        (lambda: fit_line([0.0, 1.0], [0.0, 1.0], loss="l3"), "loss"),
    ],
)
def test_fitting_validates_inputs(call, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        call()
