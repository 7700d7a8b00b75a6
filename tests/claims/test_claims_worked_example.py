"""Claims of the worked-example page, checked against independent references.

References: scikit-learn's least squares, a hand-rolled matrix-form loop, and the closed
form of gradient descent on a quadratic, theta_k = theta* + (I - lr H)^k (theta_0 - theta*).
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression as SkLinearRegression

from lossnotes.models import LinearRegression

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"
X = np.array([1, 2, 3, 4, 5], dtype=float)
Y = np.array([2, 4, 5, 4, 5], dtype=float)
A = np.column_stack([X, np.ones_like(X)])
H = 2 / len(X) * A.T @ A


@pytest.fixture(scope="module")
def seed_loop() -> dict:
    return runpy.run_path(str(SNIPPETS / "mse_gradient_descent.py"))


@pytest.fixture(scope="module")
def convergence() -> dict:
    return runpy.run_path(str(SNIPPETS / "worked_convergence.py"))


def closed_form_iterate(k: int, lr: float = 0.01) -> np.ndarray:
    """GD on a quadratic, in closed form: the error is multiplied by (I - lr H) each step."""
    theta_star = np.linalg.solve(A.T @ A, A.T @ Y)
    return theta_star + np.linalg.matrix_power(np.eye(2) - lr * H, k) @ (np.zeros(2) - theta_star)


def test_least_squares_matches_scikit_learn(seed_loop: dict) -> None:
    reference = SkLinearRegression().fit(X[:, None], Y)
    assert seed_loop["w_star"] == pytest.approx(reference.coef_[0], abs=1e-12)
    assert seed_loop["b_star"] == pytest.approx(reference.intercept_, abs=1e-12)


def test_seed_loop_after_1000_steps_matches_hand_rolled_loop_and_closed_form(
    seed_loop: dict,
) -> None:
    theta = np.zeros(2)
    for _ in range(1000):
        theta = theta - 0.01 * (2 / len(X)) * A.T @ (A @ theta - Y)
    np.testing.assert_allclose([seed_loop["w"], seed_loop["b"]], theta, rtol=0, atol=1e-12)
    np.testing.assert_allclose(theta, closed_form_iterate(1000), rtol=0, atol=1e-10)
    assert len(seed_loop["history"]) == 1001


def test_seed_loop_has_not_reached_least_squares_after_1000_steps(seed_loop: dict) -> None:
    """The correction: the seed's comment claims w≈0.6, b≈2.2 to the printed 3 decimals."""
    w, b = seed_loop["w"], seed_loop["b"]
    assert f"{w:.3f}" != f"{seed_loop['w_star']:.3f}" and f"{b:.3f}" != f"{seed_loop['b_star']:.3f}"
    assert abs(b - seed_loop["b_star"]) > 0.05
    loss_star = np.mean((Y - A @ [seed_loop["w_star"], seed_loop["b_star"]]) ** 2)
    assert seed_loop["history"][-1][3] > loss_star


def test_steps_to_three_decimals_match_closed_form(convergence: dict) -> None:
    tol, needed = convergence["tol"], convergence["steps_needed"]
    theta_star = np.array([convergence["w_star"], convergence["b_star"]])
    before = np.max(np.abs(closed_form_iterate(needed - 1) - theta_star))
    at = [
        np.max(np.abs(closed_form_iterate(k) - theta_star))
        for k in range(needed, needed + 2000, 97)
    ]
    assert before >= tol and max(at) < tol
    assert needed > 1000


def test_steps_to_three_decimals_match_slow_eigen_direction(convergence: dict) -> None:
    eigenvalues, vectors = np.linalg.eigh(H)
    slow = vectors[:, 0] * (
        vectors[:, 0] @ -np.array([convergence["w_star"], convergence["b_star"]])
    )
    rate = 1 - 0.01 * eigenvalues[0]
    predicted = np.log(convergence["tol"] / np.max(np.abs(slow))) / np.log(rate)
    assert abs(convergence["steps_needed"] - predicted) <= 2


def test_excess_loss_is_positive_and_decreasing(convergence: dict) -> None:
    excess = convergence["excess"]
    assert np.all(excess[:3000] > 0) and np.all(np.diff(excess[:3000]) < 0)


def test_gradient_formula_matches_finite_differences_and_model() -> None:
    check = runpy.run_path(str(SNIPPETS / "worked_gradient_check.py"))
    assert check["worst"] < 1e-6
    model = LinearRegression(n_features=1)
    for w, b in check["points"]:
        np.testing.assert_allclose(
            check["gradient"](w, b),
            model.grad(np.array([w, b]), X[:, None], Y),
            rtol=1e-12,
            atol=1e-12,
        )


def test_centring_conditions_the_worked_example() -> None:
    from sklearn.preprocessing import MinMaxScaler, StandardScaler

    ns = runpy.run_path(str(SNIPPETS / "worked_centering.py"))
    x = np.array([1, 2, 3, 4, 5], dtype=float)
    # The transformed inputs, by scikit-learn.
    np.testing.assert_allclose(
        ns["inputs"]["standardised (x - mean) / std"],
        StandardScaler().fit_transform(x[:, None])[:, 0],
    )
    np.testing.assert_allclose(
        ns["inputs"]["min-max to [0, 1]"], MinMaxScaler().fit_transform(x[:, None])[:, 0]
    )
    # By hand: centred, the Hessian is 2 diag(var x, 1) = diag(4, 2): condition number 2.
    assert ns["conditioning"]["centred x - mean"] == pytest.approx(2.0)
    assert ns["conditioning"]["standardised (x - mean) / std"] == pytest.approx(1.0)
    # Raw: numpy's condition number of the design's Gram matrix.
    design = np.column_stack([x, np.ones(5)])
    assert ns["conditioning"]["raw x"] == pytest.approx(np.linalg.cond(design.T @ design))
    assert 65 < ns["conditioning"]["raw x"] < 75  # "about 70"
    # A perfectly conditioned quadratic is solved in one step of size 2 / (2 l) = 1 / l.
    assert ns["steps_at_best"]["standardised (x - mean) / std"] == 1
