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
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression, QuantileRegressor

from lossnotes.metrics import reliability_curve
from lossnotes.models import fit_line, fit_logistic

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


def ece_of(y: np.ndarray, p: np.ndarray) -> float:
    """ECE from scikit-learn's bins (10 equal-width bins, as the page)."""
    frac, mean = calibration_curve(y, p, n_bins=10)
    edges = np.linspace(0, 1, 11)
    counts = np.bincount(np.searchsorted(edges[1:-1], p, side="left"), minlength=10)
    counts = counts[counts > 0]
    return float(np.sum(counts * np.abs(frac - mean)) / counts.sum())


def test_calibration_comes_from_the_linear_output_not_the_squared_error() -> None:
    ns = run("losses_calibration")
    x, y, x_test, y_test = ns["x_train"], ns["y_train"], ns["x_test"], ns["y_test"]

    # Independent fits: scipy's optimiser for the Brier score, scikit-learn for the log-loss.
    def brier(theta: np.ndarray) -> float:
        return float(np.mean((1 / (1 + np.exp(-(theta[0] * x + theta[1]))) - y) ** 2))

    theta = minimize(
        brier, np.zeros(2), method="Nelder-Mead", options={"xatol": 1e-8, "fatol": 1e-12}
    ).x
    np.testing.assert_allclose(ns["theta"], theta, atol=1e-3)
    lr = LogisticRegression(C=np.inf).fit(x[:, None], y)
    ce_prob = lr.predict_proba(x_test[:, None])[:, 1]
    brier_prob = 1 / (1 + np.exp(-(theta[0] * x_test + theta[1])))
    line = np.polyfit(x, y, 1)
    line_prob = np.clip(np.polyval(line, x_test), 0, 1)
    ece_line, ece_brier, ece_ce = (ece_of(y_test, q) for q in (line_prob, brier_prob, ce_prob))
    names = list(ns["ece"])
    np.testing.assert_allclose(
        [ns["ece"][n] for n in names], [ece_line, ece_brier, ece_ce], atol=2e-3
    )
    assert ece_line > 2 * max(ece_brier, ece_ce)  # the straight line is the miscalibrated one
    assert abs(ece_brier - ece_ce) < 0.01  # Brier (a proper scoring rule) calibrates as well


def test_squared_error_on_a_sigmoid_vanishes_and_is_not_convex_in_the_logit() -> None:
    ns = run("losses_calibration")
    z = ns["z"]
    h = 1e-5
    brier = lambda v: (1 / (1 + np.exp(-v)) - 1) ** 2  # noqa: E731
    np.testing.assert_allclose(ns["brier_grad"], (brier(z + h) - brier(z - h)) / (2 * h), atol=1e-8)
    second = (brier(z + 1e-3) - 2 * brier(z) + brier(z - 1e-3)) / 1e-6
    # By hand: f = (1 - s)^2, f'' = 2 s (1 - s)^2 (3 s - 1): negative exactly where s < 1/3.
    assert np.all(second[z < np.log(0.5) - 0.01] < 0) and np.all(second[z > np.log(0.5) + 0.01] > 0)
    assert ns["z"][ns["brier_curvature"] < 0].max() == pytest.approx(np.log(0.5), abs=0.02)
    assert abs(ns["brier_grad"][0]) < 1e-3 and ns["ce_grad"][0] == pytest.approx(-1, abs=1e-4)


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


def test_softmax_cross_entropy_recovers_class_frequencies() -> None:
    ns = run("losses_softmax_mle")
    np.testing.assert_allclose(ns["p_fit"], ns["frequencies"], atol=1e-4)
    labels = ns["labels"]
    assert ns["loss"](ns["path"][-1]) == pytest.approx(-np.mean(np.log(ns["p_fit"][labels])))


def test_naive_bce_breaks_where_logits_form_does_not() -> None:
    ns = run("losses_bce_stability")
    # p = 1/(1 + e^-z) rounds to 1 once e^-z is below half an ulp of 1: z > log(2/eps).
    for name, dtype in (("float32", np.float32), ("float64", np.float64)):
        predicted = np.log(2 / np.finfo(dtype).eps)
        assert abs(ns["first_inf"][name] - predicted) < 0.2, name
    assert np.all(np.isfinite(ns["exact"]))
    np.testing.assert_allclose(ns["exact"], np.logaddexp(0, ns["z"]), rtol=1e-12)
    for name, dtype in (("float32", np.float32), ("float64", np.float64)):
        # The clamp takes over where 1 - p rounds to 0, near z = log(2 / eps), and jumps there.
        assert abs(ns["clamp_from"][name] - np.log(2 / np.finfo(dtype).eps)) < 0.2, name
        clamped = ns["clamped"][name]
        assert clamped[-1] == pytest.approx(100.0)
        before = clamped[np.argmax(clamped == 100) - 1]
        assert before == pytest.approx(np.log(2 / np.finfo(dtype).eps), abs=1)  # a jump to 100


def test_bce_gradient_is_p_minus_y() -> None:
    worst = run("losses_bce_grad_check")["worst"]
    assert max(worst.values()) < 1e-8


def test_bce_gradient_check_is_against_finite_differences_not_itself() -> None:
    ns = run("losses_bce_grad_check")
    z = ns["z"]
    for y, library_error in ns["library_worst"].items():
        # Independent finite differences of the loss written out here (logaddexp form).
        def loss(v: np.ndarray, y: float = y) -> np.ndarray:
            return np.logaddexp(0, v) - y * v

        h = 1e-6
        fd = (loss(z + h) - loss(z - h)) / (2 * h)
        np.testing.assert_allclose(1 / (1 + np.exp(-z)) - y, fd, atol=1e-8)
        assert 0 < library_error < 1e-8  # a real comparison: finite differences are not exact


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


def test_fit_logistic_matches_sklearn() -> None:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 2))
    y = (rng.uniform(size=300) < 1 / (1 + np.exp(-(X @ [1.5, -1.0] + 0.3)))).astype(int)
    w, b = fit_logistic(X, y)
    ref = LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(X, y)
    np.testing.assert_allclose(w, ref.coef_[0], atol=1e-5)
    assert b == pytest.approx(ref.intercept_[0], abs=1e-5)


def test_reliability_curve_matches_sklearn() -> None:
    rng = np.random.default_rng(1)
    p = rng.uniform(size=800)
    y = (rng.uniform(size=800) < p**2).astype(int)
    frac, mean = calibration_curve(y, p, n_bins=7)
    ours = reliability_curve(y, p, n_bins=7)
    np.testing.assert_allclose(ours[0], mean)
    np.testing.assert_allclose(ours[1], frac)
    assert ours[2].sum() == 800


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: fit_line([1.0, 1.0], [0.0, 1.0]), "two distinct"),
        (lambda: fit_line([0.0, 1.0], [0.0, 1.0, 2.0]), "columns"),
        (lambda: fit_line([0.0, 1.0], [0.0, 1.0], loss="l3"), "loss"),
        (lambda: fit_logistic([0.0, 1.0], [0, 2]), "labels 0 or 1"),
        (lambda: reliability_curve([0, 1], [0.5, 1.5]), r"\[0, 1\]"),
    ],
)
def test_fitting_validates_inputs(call, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_log_loss_and_brier_are_proper_and_absolute_error_is_not() -> None:
    from scipy.optimize import minimize_scalar

    ns = run("losses_proper_scoring")
    step = ns["q"][1] - ns["q"][0]
    for p in ns["true_p"]:
        log_loss = lambda q, p=p: -(p * np.log(q) + (1 - p) * np.log(1 - q))  # noqa: E731
        brier = lambda q, p=p: p * (1 - q) ** 2 + (1 - p) * q**2  # noqa: E731
        for rule, f in (("log-loss", log_loss), ("Brier (squared error)", brier)):
            ref = minimize_scalar(f, bounds=(1e-6, 1 - 1e-6), method="bounded").x
            assert ref == pytest.approx(p, abs=1e-5)
            assert abs(ns["best_q"][rule, p] - ref) <= step
        # p (1 - q) + (1 - p) q is linear in q: its minimum is at an end, the likelier outcome.
        expected_end = ns["q"][-1] if p > 0.5 else ns["q"][0]
        assert ns["best_q"]["absolute error", p] == expected_end


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
