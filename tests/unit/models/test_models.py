"""Models on flat parameters: gradients vs central differences for every kind, references
(least squares, scikit-learn log-loss), shapes, and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import log_loss

from lossnotes.models import MLP, LinearRegression, LogisticRegression, flatten, unflatten


def central_difference(f, x, h=1e-6):
    grad = np.zeros_like(x)
    for k in range(x.size):
        e = np.zeros_like(x)
        e[k] = h * max(1.0, abs(x[k]))
        grad[k] = (f(x + e) - f(x - e)) / (2 * e[k])
    return grad


def make_problem(model, seed=0, n=12):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, model.sizes[0]))
    k = model.sizes[-1]
    if model.output == "regression":
        y = rng.normal(size=n) if k == 1 else rng.normal(size=(n, k))
    elif model.output == "binary":
        y = rng.integers(0, 2, size=n).astype(float)
    else:
        y = rng.integers(0, k, size=n)
    return X, y


MODELS = [
    LinearRegression(n_features=3),
    LogisticRegression(n_features=2),
    *[
        MLP(sizes=sizes, activation=act, output=out)
        for act in ("tanh", "relu")
        for sizes, out in (
            ((2, 5, 1), "regression"),
            ((2, 4, 3, 2), "regression"),
            ((2, 6, 1), "binary"),
            ((3, 5, 4), "multiclass"),
        )
    ],
]


@pytest.mark.parametrize("model", MODELS, ids=repr)
@pytest.mark.parametrize("seed", range(3))
def test_gradient_matches_central_differences(model, seed):
    X, y = make_problem(model, seed)
    theta = model.init(seed)
    got = model.grad(theta, X, y)
    assert got.shape == theta.shape == (model.n_params,)
    expected = central_difference(lambda t: model.loss(t, X, y), theta)
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-8)


def test_linear_regression_loss_is_mse_and_zero_gradient_at_least_squares():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 2))
    y = X @ [1.5, -2.0] + 0.7 + rng.normal(0, 0.1, 30)
    model = LinearRegression(2)
    design = np.hstack([X, np.ones((30, 1))])
    theta = np.linalg.lstsq(design, y, rcond=None)[0]
    assert model.loss(theta, X, y) == pytest.approx(np.mean((y - design @ theta) ** 2))
    np.testing.assert_allclose(model.grad(theta, X, y), 0.0, atol=1e-12)


def test_logistic_regression_loss_matches_sklearn_log_loss():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] + rng.normal(0, 1, 40) > 0).astype(int)
    theta = np.array([1.0, -0.5, 0.2])
    p = 1 / (1 + np.exp(-(X @ theta[:2] + theta[2])))
    model = LogisticRegression(2)
    assert model.loss(theta, X, y) == pytest.approx(log_loss(y, p), rel=1e-12)


def test_multiclass_mlp_loss_matches_sklearn_log_loss():
    model = MLP((3, 5, 4), "relu", "multiclass")
    X, y = make_problem(model, 3, n=20)
    theta = model.init(3)
    logits = model.forward(theta, X)
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    assert model.loss(theta, X, y) == pytest.approx(log_loss(y, p, labels=range(4)), rel=1e-12)


def test_forward_by_hand_in_torch_layout():
    # W1 (out=2, in=2), b1, W2 (1, 2), b2: h = tanh(X W1^T + b1), out = h W2^T + b2
    model = MLP((2, 2, 1), "tanh", "regression")
    W1, b1, W2, b2 = (
        np.array([[1.0, 2.0], [0.0, -1.0]]),
        np.array([0.5, 0.0]),
        np.array([[2.0, 3.0]]),
        np.array([1.0]),
    )
    theta = flatten([W1, b1, W2, b2])
    x = np.array([[1.0, -1.0]])
    h = np.tanh([1 - 2 + 0.5, 1.0])
    np.testing.assert_allclose(model.hidden(theta, x)[0], [h])
    np.testing.assert_allclose(model.forward(theta, x), [2 * h[0] + 3 * h[1] + 1])


def test_relu_hidden_activations_are_nonnegative_and_init_follows_torch_bounds():
    model = MLP((4, 50, 20, 3), "relu", "multiclass")
    theta = model.init(0)
    W1, b1, W2, b2, W3, b3 = unflatten(theta, model.param_shapes)
    assert np.abs(W1).max() <= 1 / np.sqrt(4) and np.abs(W1).max() > 0.9 / np.sqrt(4)
    assert np.abs(W2).max() <= 1 / np.sqrt(50) and np.abs(b3).max() <= 1 / np.sqrt(20)
    hidden = model.hidden(theta, np.random.default_rng(0).normal(size=(10, 4)))
    assert [h.shape for h in hidden] == [(10, 50), (10, 20)]
    assert all(np.all(h >= 0) for h in hidden)
    np.testing.assert_array_equal(model.init(5), model.init(np.random.default_rng(5)))


def test_flatten_unflatten_round_trip():
    arrays = [np.arange(6.0).reshape(2, 3), np.array([6.0, 7.0]), np.array([[8.0]])]
    theta = flatten(arrays)
    np.testing.assert_array_equal(theta, np.arange(9.0))
    for a, b in zip(arrays, unflatten(theta, [a.shape for a in arrays])):
        np.testing.assert_array_equal(a, b)


def test_models_are_frozen_and_hashable():
    model = MLP((2, 3, 1))
    with pytest.raises(AttributeError):
        model.sizes = (2, 1)
    assert {model, MLP((2, 3, 1))} == {model}
    assert MLP(sizes=[2, 3, 1]).sizes == (2, 3, 1)


def test_extreme_logits_stay_finite():
    model = LogisticRegression(1)
    X = np.array([[1.0], [-1.0]])
    theta = np.array([1e4, 0.0])
    assert np.isfinite(model.loss(theta, X, [0, 1]))
    assert np.all(np.isfinite(model.grad(theta, X, [0, 1])))


# --- bad input -----------------------------------------------------------------------


def test_bad_configuration_is_named():
    with pytest.raises(
        ValueError, match=r"activation must be one of 'tanh', 'relu'; got 'sigmoid'"
    ):
        MLP((2, 3, 1), activation="sigmoid")
    with pytest.raises(
        ValueError, match=r"output 'binary' needs sizes\[-1\] == 1; got sizes \(2, 3, 2\)"
    ):
        MLP((2, 3, 2), output="binary")
    with pytest.raises(ValueError, match=r"output 'multiclass' needs sizes\[-1\] >= 2"):
        MLP((2, 3, 1), output="multiclass")
    with pytest.raises(ValueError, match=r"sizes\[1\] must be an integer >= 1; got 0"):
        MLP((2, 0, 1))
    with pytest.raises(TypeError, match=r"n_features must be an integer; got 2.0"):
        LinearRegression(2.0)


def test_wrong_theta_and_X_shapes_are_named():
    model = LinearRegression(2)
    with pytest.raises(
        ValueError, match=r"theta must have 3 entries for LinearRegression\(n_features=2\); got 4"
    ):
        model.forward(np.zeros(4), np.zeros((5, 2)))
    with pytest.raises(
        ValueError, match=r"X must have 2 feature column\(s\) .*; got shape \(5, 3\)"
    ):
        model.forward(np.zeros(3), np.zeros((5, 3)))
    with pytest.raises(ValueError, match=r"X must have 2 dimension\(s\); got shape \(5,\)"):
        model.forward(np.zeros(3), np.zeros(5))
    with pytest.raises(
        ValueError, match=r"X and y must have the same number of samples; got 5 and 4"
    ):
        model.loss(np.zeros(3), np.zeros((5, 2)), np.zeros(4))
    with pytest.raises(ValueError, match=r"theta must have 4 entries for shapes"):
        unflatten(np.zeros(3), [(2, 2)])
    with pytest.raises(
        ValueError,
        match=r"thetas must have 3 columns for LinearRegression\(n_features=2\); got shape \(4, 2\)",
    ):
        model.batched_loss(np.zeros((4, 2)), np.zeros((5, 2)), np.zeros(5))
    with pytest.raises(
        ValueError, match=r"X must have 2 feature column\(s\) .*; got shape \(5, 3\)"
    ):
        model.batched_loss(np.zeros((4, 3)), np.zeros((5, 3)), np.zeros(5))


def test_bad_labels_and_non_finite_input_are_named():
    with pytest.raises(
        ValueError, match=r"y must hold binary labels 0 or 1; got values \[0.0, 2.0\]"
    ):
        LogisticRegression(1).loss(np.zeros(2), np.zeros((2, 1)), [0.0, 2.0])
    model = MLP((2, 3, 3), output="multiclass")
    with pytest.raises(
        ValueError,
        match=r"y must be a 1-D array of class labels in \[0, 2\]; got shape \(2,\), values \[0, 3\]",
    ):
        model.grad(model.init(0), np.zeros((2, 2)), [0, 3])
    with pytest.raises(TypeError, match=r"y must hold integer class labels; got dtype float64"):
        model.grad(model.init(0), np.zeros((2, 2)), [0.0, 1.0])
    with pytest.raises(ValueError, match=r"X must be finite; got NaN or inf at index \(1, 0\)"):
        model.forward(model.init(0), [[0.0, 0.0], [np.inf, 0.0]])
    with pytest.raises(ValueError, match=r"theta must be finite"):
        model.forward(np.full(model.n_params, np.nan), np.zeros((2, 2)))


@pytest.mark.parametrize("loss", ["mse", "mae", "huber"])
@pytest.mark.parametrize("offset", [0.0, 1e4, 1e8, 1.7e9, 1e12])
def test_fit_line_is_right_far_from_the_origin(loss: str, offset: float) -> None:
    """Centred internally: at x = 1.7e9 + k the raw-sum formula gave slope -0.025 (true 0.5)."""
    from lossnotes.models import fit_line

    k = np.arange(20.0)
    # Noise orthogonal to 1 and k (pattern + - - +), inside Huber's quadratic zone: the true
    # line is the MSE and Huber optimum. MAE's optimum is unique only without noise.
    noise = 0.0 if loss == "mae" else 0.25 * np.tile([1.0, -1.0, -1.0, 1.0], 5)
    x, y = offset + k, 0.5 * k + 3.0 + noise
    slope, intercept = fit_line(x, y, loss=loss)
    assert slope == pytest.approx(0.5, rel=1e-9)
    # The intercept is at x = 0, far from the data: judge the line where the data are.
    np.testing.assert_allclose(slope * x + intercept, 0.5 * k + 3.0, rtol=1e-9, atol=1e-9 * offset)
