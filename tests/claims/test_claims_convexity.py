"""Claims of docs/chapter/convexity.md (the convex case), checked against independent references.

References: closed-form statistics (Jensen's gap of x² is the variance), scikit-learn and
scipy least squares and optimisers, lossnotes.models.hessian's exact Hessians, and finite
differences.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import minimize

from lossnotes.landscape import chord_gap
from lossnotes.models import LinearRegression, hessian

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def snippet(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / f"{name}.py"))


def test_chord_test_separates_convex_from_non_convex() -> None:
    gaps = snippet("convexity_chord_test")["worst_gap"]
    for name in ("x²", "abs(x)", "log(1 + eˣ)"):
        assert gaps[name] > -1e-12, name
    for name in ("x³", "sin x", "x² − cos(3πx)"):
        assert gaps[name] < -0.1, name


def test_chord_gap_matches_hand_computation() -> None:
    # x² between -1 and 3 at t = 1/4: chord 1/4 * 1 + 3/4 * 9 = 7, curve (2)² = 4.
    assert chord_gap(lambda v: float(v[0] ** 2), [-1.0], [3.0], 0.25) == pytest.approx(3.0)


@pytest.mark.parametrize("seed", range(5))
def test_jensen_holds_for_convex_functions_on_random_samples(seed: int) -> None:
    x = np.random.default_rng(seed).normal(size=50)
    for f in (np.square, np.exp, np.abs, lambda v: np.logaddexp(0.0, v)):
        assert f(x.mean()) <= f(x).mean() + 1e-12
    assert np.mean(x**2) - np.mean(x) ** 2 == pytest.approx(x.var())


def test_jensen_snippet_gap_of_square_is_the_variance() -> None:
    ns = snippet("convexity_jensen")
    assert all(gap > 0 for *_, gap in ns["rows"])
    assert ns["rows"][0][3] == pytest.approx(ns["x"].var(), rel=1e-9)


def test_convex_loss_all_starts_reach_the_same_minimum_found_by_scipy() -> None:
    ns = snippet("convexity_many_starts")
    model, x, labels = ns["model"], ns["x"], ns["labels"]
    best = minimize(lambda th: model.loss(th, x, labels), np.zeros(2), method="BFGS").fun
    np.testing.assert_allclose(ns["convex_losses"], best, atol=1e-6)
    assert len(np.unique(np.round(ns["bumpy_losses"], 6))) > 1


def test_step_size_bound_separates_convergence_from_divergence() -> None:
    ns = snippet("convexity_step_size")
    A = ns["A"]
    assert ns["lr_limit"] == pytest.approx(2 / np.linalg.eigvalsh(2 / len(A) * A.T @ A).max())
    for fraction, path in ns["distances"].items():
        assert (path[-1] < path[0]) == (fraction < 1), fraction


def test_rank_deficient_design_has_zero_eigenvalue_and_two_minimisers() -> None:
    ns = snippet("convexity_rank_deficient")
    X, y = ns["X"], ns["y"]
    H = hessian(LinearRegression(n_features=2), np.zeros(3), X, y)  # exact, from lossnotes
    eigenvalues = np.linalg.eigvalsh(H)
    assert abs(eigenvalues[0]) < 1e-9 * eigenvalues[-1] and eigenvalues[1] > 1e-3
    a, b = ns["theta_a"], ns["theta_b"]
    assert np.linalg.norm(a - b) > 1.0
    assert ns["loss"](a) == pytest.approx(ns["loss"](b), rel=1e-10)
    # Both are minimisers: the gradient vanishes (finite differences) and scikit-learn agrees on the loss.
    from sklearn.linear_model import LinearRegression as SkLinearRegression

    fit = SkLinearRegression().fit(X, y)
    assert ns["loss"](a) == pytest.approx(np.mean((y - fit.predict(X)) ** 2), rel=1e-9)
    for theta in (a, b):
        h = 1e-6
        fd = [(ns["loss"](theta + h * e) - ns["loss"](theta - h * e)) / (2 * h) for e in np.eye(3)]
        assert np.max(np.abs(fd)) < 1e-5


def test_seed_comment_and_code_are_different_surfaces() -> None:
    ns = snippet("convexity_rastrigin")
    assert np.abs(ns["Z_code"] - ns["Z_comment"]).max() > 1.0
    code, comment = ns["minima"]["code, cos(3πx)"], ns["minima"]["comment, cos(10x)"]
    # Every reported minimum has g' = 0 and g'' > 0 (checked by finite differences).
    for k, found in ((3 * np.pi, code), (10.0, comment)):
        g = lambda v: v**2 - np.cos(k * v)  # noqa: E731
        h = 1e-4
        assert np.all(g(found - h) > g(found)) and np.all(g(found + h) > g(found))
    assert not np.allclose(np.sort(np.abs(code)), np.sort(np.abs(comment)), atol=1e-2)


def test_both_profiles_have_their_global_minimum_at_zero() -> None:
    ns = snippet("convexity_rastrigin")
    from scipy.optimize import minimize_scalar

    for name, k in (("code, cos(3πx)", 3 * np.pi), ("comment, cos(10x)", 10.0)):
        found = ns["minima"][name]
        centre = found[np.argmin(np.abs(found))]
        assert abs(centre) < 1e-4, name
        g = lambda v, k=k: v**2 - np.cos(k * v)  # noqa: E731
        ref = minimize_scalar(g, bounds=(-0.3, 0.3), method="bounded").x
        assert abs(ref) < 1e-4
        # The next minimum out, by scipy, is what the page calls the next one.
        nxt = found[found > 1e-3].min()
        ref = minimize_scalar(g, bounds=(nxt - 0.2, nxt + 0.2), method="bounded").x
        assert abs(ref - nxt) < 1e-3, name
    # Along y = 0 the surface is the profile minus 1 (cos 0 = 1): the plot says "plus 1".
    on_axis = ns["X"][0] ** 2 + 0.0**2 - np.cos(3 * np.pi * ns["X"][0]) - np.cos(3 * np.pi * 0.0)
    np.testing.assert_allclose(on_axis + 1, ns["X"][0] ** 2 - np.cos(3 * np.pi * ns["X"][0]))
