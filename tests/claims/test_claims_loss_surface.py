"""Claims of the loss-surface page, checked against independent references.

References: the models' own losses recomputed by hand, least squares (numpy and
scikit-learn), scikit-learn's unregularised logistic regression, and Li et al.'s definition of
filter normalization checked row by row.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

from lossnotes.landscape import grid_loss, interpolate, random_direction

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def snippet(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / f"{name}.py"))


def test_total_loss_is_the_sum_of_per_sample_losses() -> None:
    ns = snippet("surface_per_sample")
    x, y, ws, bs = ns["x"], ns["y"], ns["ws"], ns["bs"]
    for j, k in [(0, 0), (30, 17), (60, 60)]:
        residuals = ws[k] * x + bs[j] - y
        assert ns["J"][j, k] == pytest.approx(np.sum(residuals**2))
        np.testing.assert_allclose(ns["per_sample"][:, j, k], residuals**2)
    # Each per-sample surface is zero on its line w x_i + b = y_i: a trough, not a bowl.
    for i in range(len(x)):
        b_line = y[i] - ws * x[i]
        assert np.allclose((ws * x[i] + b_line - y[i]) ** 2, 0)
    # The grid minimum of the sum is the grid point nearest the least-squares solution.
    j, k = ns["j"], ns["k"]
    assert abs(ws[k] - ns["w_best"]) <= ws[1] - ws[0] and abs(bs[j] - ns["b_best"]) <= bs[1] - bs[0]


def test_linear_surface_is_the_mse_and_its_minimum_is_least_squares() -> None:
    ns = snippet("surface_linear_logistic")
    x, y, ws, bs, Z = ns["x"][:, 0], ns["y_real"], ns["ws"], ns["bs"], ns["Z_linear"]
    assert Z[10, 20] == pytest.approx(np.mean((ws[20] * x + bs[10] - y) ** 2))
    w, b = np.polyfit(x, y, 1)
    j, k = np.unravel_index(np.argmin(Z), Z.shape)
    assert abs(ws[k] - w) <= ws[1] - ws[0] and abs(bs[j] - b) <= bs[1] - bs[0]
    # A quadratic bowl: second differences along w are constant (2 mean(x²) h²).
    h = ws[1] - ws[0]
    np.testing.assert_allclose(np.diff(Z, 2, axis=1), 2 * np.mean(x**2) * h**2, rtol=1e-8)


def test_logistic_surface_minimum_matches_unregularised_scikit_learn() -> None:
    ns = snippet("surface_linear_logistic")
    x, y, ws, bs, Z = ns["x"], ns["y_class"], ns["ws"], ns["bs"], ns["Z_logistic"]
    fit = SkLogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(x, y)
    j, k = np.unravel_index(np.argmin(Z), Z.shape)
    assert abs(ws[k] - fit.coef_[0, 0]) <= ws[1] - ws[0]
    assert abs(bs[j] - fit.intercept_[0]) <= bs[1] - bs[0]
    p = 1 / (1 + np.exp(-(ws[5] * x[:, 0] + bs[7])))
    assert Z[7, 5] == pytest.approx(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def test_filter_normalized_direction_matches_definition() -> None:
    ns = snippet("surface_nn_slices")
    model, theta = ns["model"], ns["theta_star"]
    d = ns["d1"]
    start = 0
    for shape in model.param_shapes:
        size = int(np.prod(shape))
        block_d, block_t = d[start : start + size], theta[start : start + size]
        if len(shape) == 1:
            assert np.all(block_d == 0)
        else:
            np.testing.assert_allclose(
                np.linalg.norm(block_d.reshape(shape), axis=1),
                np.linalg.norm(block_t.reshape(shape), axis=1),
            )
        start += size
    # Same seed, same direction; the direction is not parallel to theta.
    np.testing.assert_array_equal(d, random_direction(model.param_shapes, seed=1, theta=theta))
    assert abs(d @ theta) / (np.linalg.norm(d) * np.linalg.norm(theta)) < 0.9


def test_slice_centre_is_the_trained_loss_and_line_ends_match() -> None:
    ns = snippet("surface_nn_slices")
    loss, theta_0, theta_star, Z = ns["loss"], ns["theta_0"], ns["theta_star"], ns["Z"]
    assert Z[20, 20] == pytest.approx(loss(theta_star))
    assert Z[20, 20] == Z.min()  # the lowest point of the slice is the trained network
    expected = loss(theta_star + ns["steps"][3] * ns["d1"] + ns["steps"][30] * ns["d2"])
    assert Z[30, 3] == pytest.approx(expected)
    alphas, line = ns["alphas"], ns["line"]
    assert line[np.argmin(np.abs(alphas))] == pytest.approx(loss(theta_0))
    assert line[np.argmin(np.abs(alphas - 1))] == pytest.approx(loss(theta_star))
    assert loss(theta_star) < 0.1 * loss(theta_0)


def test_surface_helpers_on_a_quadratic() -> None:
    f = lambda v: float(v @ v)  # noqa: E731
    np.testing.assert_allclose(
        interpolate(f, [1.0, 0.0], [0.0, 1.0], [0.0, 0.5, 1.0]), [1.0, 0.5, 1.0]
    )
    Z = grid_loss(f, [1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [-1.0, 0.0, 1.0])
    np.testing.assert_allclose(Z, [[0.0, 1.0], [1.0, 2.0], [4.0, 5.0]])


def test_trained_point_is_not_a_minimum_along_the_line_or_its_scale() -> None:
    ns = runpy.run_path(str(SNIPPETS / "surface_nn_slices.py"))
    model, X, y = ns["model"], ns["X"], ns["y"]
    t0, ts = ns["theta_0"], ns["theta_star"]

    # Independent of interpolate(): the model's own loss, written out here as BCE on logits.
    def bce(theta: np.ndarray) -> float:
        z = model.forward(theta, X)
        return float(np.mean(np.logaddexp(0, z) - y * z))

    assert bce(ts) == pytest.approx(model.loss(ts, X, y), rel=1e-10)
    beyond = bce(-0.325 * t0 + 1.325 * ts)
    assert beyond < 0.5 * bce(ts)  # past theta* the loss is far lower
    assert bce(1.5 * ts) < bce(ts)  # and growing the weights lowers it too
    # The gradient at theta* is not zero: its directional derivative along the line is < 0.
    g = model.grad(ts, X, y)
    assert g @ (ts - t0) < 0
    # The slice's directions are nearly orthogonal to the line (random directions in many dims).
    u = (ts - t0) / np.linalg.norm(ts - t0)
    for d in (ns["d1"], ns["d2"]):
        assert abs(d @ u) / np.linalg.norm(d) < 0.2
