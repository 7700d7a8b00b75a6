"""Loss-surface slices: layout, batched path, the O(grid) MSE fast path vs naive
broadcasting, filter-normalised directions, interpolation, bad input."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from lossnotes.landscape import (
    grid_loss,
    interpolate,
    mse_surface_linear,
    random_direction,
)
from lossnotes.models import MLP, LinearRegression, unflatten


def naive_mse_surface(x, y, ws, bs):
    return np.mean(
        (y[None, None, :] - ws[None, :, None] * x[None, None, :] - bs[:, None, None]) ** 2, axis=2
    )


def test_grid_loss_layout_matches_an_explicit_double_loop():
    rng = np.random.default_rng(0)
    A = rng.normal(size=(4, 4))
    f = lambda t: float(t @ A @ t + t.sum())  # noqa: E731
    center, d1, d2 = rng.normal(size=(3, 4))
    alphas, betas = np.linspace(-1, 1, 5), np.linspace(-2, 2, 3)
    Z = grid_loss(f, center, d1, d2, alphas, betas)
    assert Z.shape == (3, 5)
    for j, beta in enumerate(betas):
        for i, alpha in enumerate(alphas):
            assert Z[j, i] == pytest.approx(f(center + alpha * d1 + beta * d2), rel=1e-12)


def test_batched_path_gives_the_same_surface():
    model = MLP((2, 6, 1), "tanh", "binary")
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(30, 2)), rng.integers(0, 2, 30)
    theta = model.init(0)
    d1 = random_direction(model, 1, theta=theta)
    d2 = random_direction(model, 2, theta=theta)
    f = lambda t: model.loss(t, X, y)  # noqa: E731
    f_batched = lambda ts: np.array([f(t) for t in ts])  # noqa: E731
    alphas = betas = np.linspace(-1, 1, 7)
    one = grid_loss(f, theta, d1, d2, alphas, betas)
    many = grid_loss(f_batched, theta, d1, d2, alphas, betas, batched=True)
    np.testing.assert_array_equal(one, many)
    assert one[3, 3] == pytest.approx(f(theta))  # alpha = beta = 0 is the centre


@pytest.mark.parametrize("offset", [0.0, 1e4, 1e6])
def test_fast_path_survives_cancellation_near_the_optimum(offset):
    # Large means and a grid hugging the least-squares fit: the uncentred expansion
    # sum y^2 - 2 w sum xy + ... cancels catastrophically here, and even the naive
    # per-sample sum loses digits; the reference is exact rational arithmetic.
    rng = np.random.default_rng(3)
    x = offset + rng.normal(0, 1, 300)
    y = 3.0 * x - 5.0 + rng.normal(0, 1e-3, 300)
    w_star, b_star = np.polyfit(x, y, 1)
    ws = w_star + np.linspace(-1e-6, 1e-6, 5)
    bs = b_star + np.linspace(-1e-3, 1e-3, 3)
    xf, yf = [Fraction(v) for v in x], [Fraction(v) for v in y]
    exact = np.array(
        [
            [
                float(
                    sum((yi - Fraction(w) * xi - Fraction(b)) ** 2 for xi, yi in zip(xf, yf)) / 300
                )
                for w in ws
            ]
            for b in bs
        ]
    )
    np.testing.assert_allclose(mse_surface_linear(x, y, ws, bs), exact, rtol=1e-10)


def test_fast_path_with_constant_x():
    x, y = np.full(5, 2.0), np.arange(5.0)
    ws, bs = np.array([0.0, 1.0]), np.array([0.0, 2.0, -1.0])
    np.testing.assert_allclose(
        mse_surface_linear(x, y, ws, bs), naive_mse_surface(x, y, ws, bs), rtol=1e-12
    )


def test_filter_normalisation_matches_each_neuron_row_and_zeroes_biases():
    model = MLP((3, 5, 4, 2), "relu", "multiclass")
    theta = model.init(0) * np.linspace(0.1, 10, model.n_params)  # rows on very different scales
    d = random_direction(model, seed=3, theta=theta)
    for part, reference in zip(
        unflatten(d, model.param_shapes), unflatten(theta, model.param_shapes)
    ):
        if part.ndim == 2:
            np.testing.assert_allclose(
                np.linalg.norm(part, axis=1), np.linalg.norm(reference, axis=1)
            )
        else:
            np.testing.assert_array_equal(part, 0.0)
    normalised_bias = random_direction(model, seed=3, theta=theta, bias="normalize")
    for part, reference in zip(
        unflatten(normalised_bias, model.param_shapes), unflatten(theta, model.param_shapes)
    ):
        if part.ndim == 1:
            np.testing.assert_allclose(np.abs(part), np.abs(reference))


def test_direction_is_seeded_and_raw_when_not_normalised():
    shapes = [(2, 3), (2,)]
    raw = random_direction(shapes, seed=4, filter_normalize=False, bias="normalize")
    rng = np.random.default_rng(4)
    np.testing.assert_array_equal(
        raw, np.concatenate([rng.standard_normal((2, 3)).ravel(), rng.standard_normal(2)])
    )
    theta = np.arange(1.0, 9.0)
    np.testing.assert_array_equal(
        random_direction(shapes, 7, theta=theta), random_direction(shapes, 7, theta=theta)
    )


def test_interpolation_of_a_convex_loss_lies_below_the_chord():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(40, 2))
    y = X @ [1.0, -1.0] + rng.normal(0, 0.3, 40)
    model = LinearRegression(2)
    a, b = rng.normal(size=(2, 3)) * 3
    ts = np.linspace(0, 1, 11)
    losses = interpolate(lambda t: model.loss(t, X, y), a, b, ts)
    assert losses[0] == pytest.approx(model.loss(a, X, y)) and losses[-1] == pytest.approx(
        model.loss(b, X, y)
    )
    chord = (1 - ts) * losses[0] + ts * losses[-1]
    assert np.all(losses <= chord + 1e-12)  # convexity (Jensen), claim 19


def test_bad_input_is_named():
    f = lambda t: 0.0  # noqa: E731
    with pytest.raises(ValueError, match=r"d2 must have the shape of center \(3,\); got \(2,\)"):
        grid_loss(f, np.zeros(3), np.zeros(3), np.zeros(2), [0.0], [0.0])
    with pytest.raises(
        ValueError, match=r"f with batched=True must return shape \(2,\) .* got shape \(\)"
    ):
        grid_loss(
            lambda ts: 0.0, np.zeros(3), np.ones(3), np.ones(3), [0.0, 1.0], [0.0], batched=True
        )
    with pytest.raises(
        ValueError, match=r"x and y must have the same shape; got \(3,\) and \(2,\)"
    ):
        mse_surface_linear([1.0, 2.0, 3.0], [1.0, 2.0], [0.0], [0.0])
    with pytest.raises(ValueError, match=r"ws must be finite; got NaN or inf at index 1"):
        mse_surface_linear([1.0, 2.0], [1.0, 2.0], [0.0, np.nan], [0.0])
    with pytest.raises(ValueError, match=r"theta is required when filter_normalize=True; got None"):
        random_direction([(2, 2)], 0)
    with pytest.raises(ValueError, match=r"bias must be one of 'zero', 'normalize'; got 'keep'"):
        random_direction([(2, 2)], 0, theta=np.ones(4), bias="keep")
    with pytest.raises(
        ValueError, match=r"theta must have 4 entries for shapes \[\(2, 2\)\]; got 3"
    ):
        random_direction([(2, 2)], 0, theta=np.ones(3))
    with pytest.raises(
        ValueError, match=r"theta_a and theta_b must have the same shape; got \(2,\) and \(3,\)"
    ):
        interpolate(f, np.zeros(2), np.zeros(3), [0.0])
