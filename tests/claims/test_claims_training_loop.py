"""Claims of docs/chapter/training-loop.md, checked against independent references.

References: ``lossnotes.optim.train`` (the package's loop) for the numpy mirror,
a hand-written accumulate-everything recurrence for the missing ``zero_grad``, and a
direct scan of the validation curve for early stopping.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest

from lossnotes.optim import early_stopping, sgd, train

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


@pytest.fixture(scope="module")
def right() -> dict:
    return runpy.run_path(str(SNIPPETS / "loop_six_steps.py"))


@pytest.fixture(scope="module")
def wrong() -> dict:
    return runpy.run_path(str(SNIPPETS / "loop_forgot_zero_grad.py"))


def test_numpy_loop_is_the_package_loop(right) -> None:
    # Same generator state as the snippet after it drew the data: same shuffles.
    rng = np.random.default_rng(0)
    rng.uniform(-3, 3, size=(200, 1)), rng.normal(0, 0.1, size=200)
    model = right["model"]
    result = train(
        sgd(lr=0.1),
        model.grad,
        model.loss,
        model.init(seed=0),
        right["X"],
        right["y"],
        batch_size=20,
        epochs=30,
        seed=rng,
    )
    np.testing.assert_allclose(right["theta"], result.theta, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(right["epoch_loss"], result.epoch_loss, rtol=1e-12)


def test_step_three_is_the_models_loss(right) -> None:
    model, theta, X, y = right["model"], right["theta"], right["X"], right["y"]
    assert np.mean((model.forward(theta, X) - y) ** 2) == pytest.approx(model.loss(theta, X, y))


def test_forgetting_zero_grad_changes_the_run(right, wrong) -> None:
    assert wrong["wrong_loss"][0] == right["epoch_loss"][0]  # same start
    assert wrong["wrong_loss"][-1] > 100 * wrong["wrong_loss"][0]
    assert right["epoch_loss"][-1] < 0.1 * right["epoch_loss"][0]
    # Reference: the accumulated buffer is the running sum of per-step gradients.
    model, X, y = wrong["model"], wrong["X"], wrong["y"]
    rng = np.random.default_rng(0)
    rng.uniform(-3, 3, size=(200, 1)), rng.normal(0, 0.1, size=200)
    theta, total = model.init(seed=0), np.zeros(model.n_params)
    for _ in range(30):
        order = rng.permutation(200)
        for start in range(0, 200, 20):
            idx = order[start : start + 20]
            total = total + model.grad(theta, X[idx], y[idx])
            theta = theta - 0.1 * total
    np.testing.assert_allclose(wrong["theta"], theta, rtol=1e-9)


@pytest.fixture(scope="module")
def stopping() -> dict:
    return runpy.run_path(str(SNIPPETS / "loop_early_stopping.py"))


def test_overfitting_and_early_stopping(stopping) -> None:
    result = stopping["result"]
    val, best, stopped = result.val_loss, stopping["best"], stopping["stopped"]
    assert best == int(np.argmin(val[: stopped + 1]))
    assert stopped - best == 50 and np.all(val[best + 1 : stopped + 1] >= val[best])
    # Overfitting: training loss ends far below the noise variance, validation rises.
    assert result.epoch_loss[-1] < 0.5 * 0.3**2 < val[-1]
    assert val[-1] > 1.1 * val[best]
    # The early-stopped parameters are the recorded ones, and test better.
    model = stopping["model"]
    X_val, y_val = stopping["X_val"], stopping["y_val"]
    assert model.loss(result.epoch_params[best], X_val, y_val) == pytest.approx(val[best])
    assert stopping["test_at_best"] < stopping["test_at_end"]


def test_early_stopping_without_a_plateau() -> None:
    assert early_stopping(np.linspace(3.0, 1.0, 10), patience=3) == (9, 9)
