"""Claims of docs/chapter/non-convex.md, checked against independent references.

References: the 2x2 GOE positive-definite probability (2 - sqrt 2) / 4, scipy's Wilson
intervals, Sylvester's criterion on independently drawn matrices, and finite differences.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest

from lossnotes.landscape import fraction_positive_definite
from lossnotes.models import classify_critical_point

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def snippet(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / f"{name}.py"))


def test_cross_entropy_convex_in_logits_but_not_in_mlp_weights() -> None:
    ns = snippet("nonconvex_cross_entropy")
    assert min(ns["smallest"]) > -1e-12
    theta, swapped = ns["theta"], ns["swapped"]
    assert not np.allclose(theta, swapped)
    assert ns["loss"](theta) == pytest.approx(ns["loss"](swapped), rel=1e-12)
    assert ns["midpoint_gap"] < 0


def test_saddle_classified_and_gradient_descent_slows_near_it() -> None:
    ns = snippet("nonconvex_saddle")
    assert ns["kinds"] == ["saddle", "minimum", "minimum"]
    assert classify_critical_point(np.diag([2.0, -1.0])) == "saddle"
    for p in ns["critical_points"]:  # they really are critical points
        assert np.allclose(ns["grad"](p), 0)
    norms, k = ns["grad_norm"], ns["slowest_step"]
    assert norms[k] < 1e-2 * norms[0] and np.linalg.norm(ns["path"][k]) < 1e-2
    assert np.allclose(ns["path"][-1], [0.0, 1.0], atol=1e-3)


def test_plateau_gradient_is_tiny_then_grows() -> None:
    ns = snippet("nonconvex_plateau")
    grad, loss = ns["grad"], ns["loss"]
    theta0 = ns["path"][0]
    h = 1e-6
    fd = [(loss(theta0 + h * e) - loss(theta0 - h * e)) / (2 * h) for e in np.eye(2)]
    np.testing.assert_allclose(grad(theta0), fd, rtol=1e-5, atol=1e-10)
    norms = ns["norms"]
    assert norms[0] < 1e-2 and norms.max() > 20 * norms[0]
    assert ns["escape"] > 100 and ns["losses"][-1] < 0.01 * ns["losses"][0]


def test_fraction_of_positive_definite_random_matrices_falls_with_dimension() -> None:
    n = 40_000
    fractions = [fraction_positive_definite(d, n, seed=100 + d) for d in range(1, 5)]
    se = lambda p: np.sqrt(p * (1 - p) / n)  # noqa: E731
    assert abs(fractions[0] - 0.5) < 4 * se(0.5)
    exact = (2 - np.sqrt(2)) / 4  # P(a > 0, d > 0, ad > c²) for the 2x2 GOE
    assert abs(fractions[1] - exact) < 4 * se(exact)
    assert all(a > b for a, b in zip(fractions, fractions[1:]))
    assert all(f < 0.5**d for d, f in zip(range(2, 5), fractions[1:]))


def test_wide_network_has_lower_barrier_than_narrow() -> None:
    ns = snippet("nonconvex_overparameterization")
    assert ns["barriers"][64] < 0.5 * ns["barriers"][4]
    for curve in ns["curves"].values():  # end points are the trained losses
        assert curve[0] < curve.max() and curve[-1] < curve.max()


def test_random_hessian_table_has_enough_hits_and_honest_intervals() -> None:
    from scipy.stats import binomtest

    ns = snippet("nonconvex_random_hessians")
    hits, n = ns["hits"], ns["n_samples"]
    assert hits.min() >= 100  # every row rests on a real count
    for k, m, (lo, hi) in zip(hits, n, ns["intervals"]):
        ci = binomtest(int(k), int(m)).proportion_ci(confidence_level=0.95, method="wilson")
        assert (lo, hi) == pytest.approx((ci.low, ci.high), rel=1e-4)  # z = 1.96, rounded
    # Independent estimate for n <= 4: GOE matrices drawn here, positive definiteness by
    # Sylvester's criterion (every leading principal minor > 0), not by eigenvalues.
    rng = np.random.default_rng(2024)
    for d, k, m in zip(ns["dims"][:4], hits[:4], n[:4]):
        G = rng.standard_normal((100_000, d, d))
        A = 0.5 * (G + np.swapaxes(G, 1, 2))
        minors = np.stack([np.linalg.det(A[:, :j, :j]) for j in range(1, d + 1)], axis=1)
        ok = int(np.sum(np.all(minors > 0, axis=1)))
        p_ref, p_page = ok / 100_000, k / m
        se = np.sqrt(p_ref * (1 - p_ref) / 100_000 + p_page * (1 - p_page) / m)
        assert abs(p_ref - p_page) < 4 * se, d
    # n = 5: a reference of about 1.4e-4 from several million samples (issue 13's recount).
    lo, hi = ns["intervals"][4]
    assert lo < 1.4e-4 < hi
    # Each drop in dimension is steeper than the last (the e^{-c n^2} law bends down).
    assert np.all(np.diff(np.diff(np.log(hits / n))) < 0)
