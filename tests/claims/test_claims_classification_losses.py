"""Claims of the classification-losses page, checked against independent references.

Snippets are run as the page runs them (``runpy``); references are closed forms,
finite differences, and scipy and scikit-learn optimisers and calibration curves.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression

from lossnotes.metrics import reliability_curve
from lossnotes.models import fit_logistic

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def run(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / f"{name}.py"), run_name="snippet")


# -- the page's claims ------------------------------------------------------------------


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


# -- lossnotes.models and lossnotes.metrics against scipy / scikit-learn -----------------


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
        (lambda: fit_logistic([0.0, 1.0], [0, 2]), "labels 0 or 1"),
        (lambda: reliability_curve([0, 1], [0.5, 1.5]), r"\[0, 1\]"),
    ],
)
def test_fitting_validates_inputs(call, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        call()
