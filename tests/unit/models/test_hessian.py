"""Hessians: closed forms and complex step vs central differences of the analytic gradient;
critical points classified by eigenvalues."""

from __future__ import annotations

import numpy as np
import pytest

from lossnotes.landscape import SURFACES
from lossnotes.models import (
    MLP,
    LinearRegression,
    LogisticRegression,
    classify_critical_point,
    hessian,
)


def fd_hessian_of_gradient(model, theta, X, y, h=1e-5):
    columns = []
    for k in range(theta.size):
        e = np.zeros_like(theta)
        e[k] = h
        columns.append((model.grad(theta + e, X, y) - model.grad(theta - e, X, y)) / (2 * h))
    return np.stack(columns, axis=1)


def problem(model, seed=0, n=15):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, model.sizes[0]))
    if model.output == "regression":
        y = rng.normal(size=n)
    elif model.output == "binary":
        y = rng.integers(0, 2, n).astype(float)
    else:
        y = rng.integers(0, model.sizes[-1], n)
    return X, y


CASES = [
    LinearRegression(2),
    LogisticRegression(3),
    MLP((2, 4, 1), "tanh", "regression"),
    MLP((2, 4, 1), "tanh", "binary"),
    MLP((2, 3, 3), "tanh", "multiclass"),
    MLP((2, 5, 1), "relu", "binary"),
    MLP((2, 3, 2, 3), "relu", "multiclass"),
]


@pytest.mark.parametrize("model", CASES, ids=repr)
def test_hessian_matches_finite_differences_of_gradient(model):
    X, y = problem(model)
    theta = model.init(1)
    H = hessian(model, theta, X, y)
    assert H.shape == (model.n_params, model.n_params)
    np.testing.assert_array_equal(H, H.T)
    np.testing.assert_allclose(H, fd_hessian_of_gradient(model, theta, X, y), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("small", [LinearRegression(2), LogisticRegression(2)], ids=repr)
def test_closed_forms_agree_with_complex_step_on_the_same_network(small):
    # The same function as an MLP with no hidden layer goes through the complex-step path.
    as_network = MLP((2, 1), output=small.output)
    X, y = problem(small, 3)
    theta = small.init(2)
    np.testing.assert_allclose(
        hessian(small, theta, X, y), hessian(as_network, theta, X, y), rtol=1e-13, atol=1e-15
    )


def test_convex_models_have_positive_semidefinite_hessians_and_mlp_can_be_indefinite():
    for model in (LinearRegression(2), LogisticRegression(2)):
        X, y = problem(model, 4)
        assert classify_critical_point(hessian(model, model.init(0), X, y)) == "minimum"
    model = MLP((2, 8, 1), "tanh", "regression")
    X, y = problem(model, 5, n=20)
    eig = np.linalg.eigvalsh(hessian(model, model.init(0), X, y))
    assert eig.min() < -1e-6 < 1e-6 < eig.max()  # non-convex: curvature of both signs


def test_rank_deficient_design_gives_a_degenerate_hessian():
    X = np.column_stack([np.arange(5.0), 2 * np.arange(5.0)])  # second column = 2 x first
    H = hessian(LinearRegression(2), np.zeros(3), X, np.arange(5.0))
    assert classify_critical_point(H) == "degenerate"  # a valley of minima (claim 21)


@pytest.mark.parametrize(
    ("name", "point", "kind"),
    [
        ("bowl", (0.0, 0.0), "minimum"),
        ("ill_conditioned", (0.0, 0.0), "minimum"),
        ("saddle", (0.0, 0.0), "saddle"),
        ("monkey_saddle", (0.0, 0.0), "degenerate"),
        ("rosenbrock", (1.0, 1.0), "minimum"),
        ("himmelblau", (-0.270845, -0.923039), "maximum"),
        ("rastrigin", (0.0, 0.0), "minimum"),
    ],
)
def test_surface_critical_points(name, point, kind):
    s = SURFACES[name]
    h = 1e-5
    x, y = point
    H = np.array(
        [
            [(s.grad(x + h, y)[i] - s.grad(x - h, y)[i]) / (2 * h) for i in (0, 1)],
            [(s.grad(x, y + h)[i] - s.grad(x, y - h)[i]) / (2 * h) for i in (0, 1)],
        ]
    )
    H = 0.5 * (H + H.T)
    assert classify_critical_point(H, tol=1e-4) == kind


def test_classification_rules():
    assert classify_critical_point(np.diag([1.0, 2.0])) == "minimum"
    assert classify_critical_point(np.diag([-1.0, -2.0])) == "maximum"
    assert classify_critical_point(np.diag([1.0, 0.0, -1.0])) == "saddle"
    assert classify_critical_point(np.diag([1.0, 1e-12])) == "degenerate"
    assert classify_critical_point(np.diag([1.0, 1e-12]), tol=1e-14) == "minimum"


def test_bad_input_is_named():
    with pytest.raises(ValueError, match=r"H must be a square matrix; got shape \(2, 3\)"):
        classify_critical_point(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"H must be symmetric; got max \|H - H.T\| = 1"):
        classify_critical_point([[0.0, 1.0], [0.0, 0.0]])
    with pytest.raises(ValueError, match=r"tol must be in \(0.0, inf\); got -1"):
        classify_critical_point(np.eye(2), tol=-1)
    with pytest.raises(
        TypeError, match=r"model must be a LinearRegression, LogisticRegression or MLP; got str"
    ):
        hessian("mlp", np.zeros(2), np.zeros((1, 1)), [0.0])
    with pytest.raises(ValueError, match=r"theta must have 2 entries"):
        hessian(LinearRegression(1), np.zeros(3), np.zeros((1, 1)), [0.0])
