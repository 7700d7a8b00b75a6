"""The mini-batch trainer: batching, shuffling, bookkeeping and its limits (GD, SGD)."""

from __future__ import annotations

import numpy as np
import pytest

from lossnotes import optim
from lossnotes.optim import train

RNG = np.random.default_rng(0)
X = RNG.normal(size=(10, 2))
Y = X @ np.array([1.5, -0.5]) + 0.1 * RNG.normal(size=10)


def loss(w, Xb, yb):
    return float(np.mean((Xb @ w - yb) ** 2))


def grad(w, Xb, yb):
    return 2 * Xb.T @ (Xb @ w - yb) / len(yb)


def test_full_batch_is_gradient_descent():
    result = train(optim.sgd(0.1), grad, loss, np.zeros(2), X, Y, batch_size=10, epochs=7)
    reference = optim.run(optim.sgd(0.1), lambda w: grad(w, X, Y), np.zeros(2), 7)
    np.testing.assert_allclose(result.epoch_params, reference, rtol=1e-14)
    np.testing.assert_allclose(result.theta, reference[-1], rtol=1e-14)
    np.testing.assert_allclose(result.batch_loss, [loss(w, X, Y) for w in reference[:-1]])
    np.testing.assert_allclose(result.epoch_loss, [loss(w, X, Y) for w in reference])
    np.testing.assert_array_equal(result.examples_seen, 10 * np.arange(1, 8))


def test_batches_cover_each_sample_once_per_epoch_and_keep_the_last_partial_batch():
    seen = []

    def spy(w, Xb, yb):
        seen.append(yb.copy())
        return grad(w, Xb, yb)

    result = train(optim.sgd(0.01), spy, loss, np.zeros(2), X, Y, batch_size=4, epochs=3, seed=1)
    assert [len(b) for b in seen] == [4, 4, 2] * 3
    np.testing.assert_array_equal(result.examples_seen, [4, 8, 10, 14, 18, 20, 24, 28, 30])
    for epoch in range(3):
        np.testing.assert_array_equal(
            np.sort(np.concatenate(seen[3 * epoch : 3 * epoch + 3])), np.sort(Y)
        )
    assert not np.array_equal(np.concatenate(seen[:3]), np.concatenate(seen[3:6]))  # reshuffled


def test_sgd_is_batch_size_one_and_seeded():
    a = train(optim.sgd(0.05), grad, loss, np.zeros(2), X, Y, batch_size=1, epochs=2, seed=3)
    b = train(optim.sgd(0.05), grad, loss, np.zeros(2), X, Y, batch_size=1, epochs=2, seed=3)
    c = train(optim.sgd(0.05), grad, loss, np.zeros(2), X, Y, batch_size=1, epochs=2, seed=4)
    assert a.batch_loss.shape == (20,)
    np.testing.assert_array_equal(a.examples_seen, np.arange(1, 21))
    np.testing.assert_array_equal(a.batch_loss, b.batch_loss)
    assert not np.array_equal(a.batch_loss, c.batch_loss)


def test_no_shuffle_walks_samples_in_order():
    seen = []
    train(
        optim.sgd(0.01),
        lambda w, Xb, yb: seen.append(yb) or grad(w, Xb, yb),
        loss,
        np.zeros(2),
        X,
        Y,
        batch_size=3,
        epochs=2,
        shuffle=False,
    )
    np.testing.assert_array_equal(np.concatenate(seen), np.concatenate([Y, Y]))


def test_validation_loss_per_epoch_and_convergence():
    Xv, yv = X[:4] + 0.1, Y[:4]
    result = train(
        optim.adam(0.05),
        grad,
        loss,
        np.zeros(2),
        X,
        Y,
        batch_size=5,
        epochs=200,
        X_val=Xv,
        y_val=yv,
    )
    assert result.val_loss.shape == (201,)
    np.testing.assert_allclose(result.val_loss, [loss(w, Xv, yv) for w in result.epoch_params])
    least_squares = np.linalg.lstsq(X, Y, rcond=None)[0]
    np.testing.assert_allclose(result.theta, least_squares, atol=2e-2)


def test_without_validation_val_loss_is_none():
    result = train(optim.sgd(0.1), grad, loss, np.zeros(2), X, Y, batch_size=20, epochs=1)
    assert result.val_loss is None
    assert result.batch_loss.shape == (1,)  # batch_size is clipped to n


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"batch_size": 0}, ValueError, "batch_size must be an integer >= 1; got 0"),
        ({"epochs": 1.5}, TypeError, "epochs must be an integer; got 1.5"),
        ({"y": Y[:9]}, ValueError, "X and y must have the same number of samples; got 10 and 9"),
        ({"X_val": X}, ValueError, "X_val and y_val must be given together"),
        ({"theta0": [np.inf, 0.0]}, ValueError, "theta0 must be finite; got NaN or inf at index 0"),
        (
            {"X": np.zeros((0, 2))},
            ValueError,
            "X must not be empty; got shape (0, 2)",
        ),
        ({"seed": -1}, ValueError, "seed must be a non-negative integer; got -1"),
        ({"optimizer": "sgd"}, TypeError, "optimizer must be a GradientTransformation; got str"),
        ({"loss_fn": None}, TypeError, "loss_fn must be callable; got NoneType"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_inputs(kwargs, error, message):
    args = {
        "optimizer": optim.sgd(0.1),
        "grad_fn": grad,
        "loss_fn": loss,
        "theta0": np.zeros(2),
        "X": X,
        "y": Y,
        "batch_size": 4,
        "epochs": 1,
    }
    args.update(kwargs)
    with pytest.raises(error) as info:
        train(**args)
    assert message in str(info.value)
