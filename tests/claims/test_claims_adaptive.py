"""Claims of docs/chapter/adaptive-optimizers.md, checked against hand-written references.

References: the optimizers' formulas written out step by step in numpy (PyTorch's
conventions), closed forms for constant gradients, and the PyTorch momentum recurrence.
"""

from __future__ import annotations

import inspect
import runpy
from pathlib import Path

import numpy as np
import pytest

from lossnotes import optim

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets"


def load(name: str) -> dict:
    return runpy.run_path(str(SNIPPETS / name))


def test_defaults_are_the_documented_ones() -> None:
    adam = inspect.signature(optim.adam).parameters
    assert adam["betas"].default == (0.9, 0.999) and adam["eps"].default == 1e-8
    assert inspect.signature(optim.rmsprop).parameters["alpha"].default == 0.99
    assert inspect.signature(optim.adagrad).parameters["eps"].default == 1e-10


def hand_adam(grads, lr, b1=0.9, b2=0.999, eps=1e-8, correct=True):
    m = v = 0.0
    steps = []
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat, v_hat = (m / (1 - b1**t), v / (1 - b2**t)) if correct else (m, v)
        steps.append(-lr * m_hat / (np.sqrt(v_hat) + eps))
    return np.array(steps)


def test_bias_corrected_first_step_is_lr_and_uncorrected_is_not() -> None:
    ns = load("adaptive_bias_correction.py")
    lr, g = ns["lr"], ns["gradient"][0]
    corrected, uncorrected = ns["corrected"], ns["uncorrected"]
    # Bias-corrected first Adam step has magnitude lr (up to eps / |g|).
    assert corrected[0] == pytest.approx(lr, rel=1e-7)
    np.testing.assert_allclose(corrected, lr, rtol=1e-7)
    # Uncorrected: m_1 = 0.1 g, sqrt(v_1) = sqrt(0.001) |g|, ratio 3.16: *larger* than lr.
    # (eps = 1e-8 against sqrt(v_1) = 0.016 shifts the ratio by about 1e-6.)
    assert uncorrected[0] == pytest.approx(lr * 0.1 / np.sqrt(0.001), rel=1e-5)
    t = np.arange(1, len(uncorrected) + 1)
    np.testing.assert_allclose(uncorrected, lr * (1 - 0.9**t) / np.sqrt(1 - 0.999**t), rtol=1e-5)
    # The moments themselves: without correction m_1 is ten times too small.
    np.testing.assert_allclose(
        -hand_adam([g] * 20, lr, correct=False), uncorrected[:20], rtol=1e-12
    )
    assert uncorrected.max() > 6 * lr


def test_race_trajectories_follow_the_hand_written_formulas() -> None:
    ns = load("adaptive_race.py")
    surface = ns["get_surface"]("ill_conditioned")
    lr_sgd, lr_mom, lr_adagrad, lr_adaptive = ns["learning_rates"]["ill_conditioned"]
    paths = ns["races"]["ill_conditioned"]
    grad = lambda p: np.array(surface.grad(*p))  # noqa: E731
    x = np.array(surface.start)
    m, v, s, r = np.zeros(2), np.zeros(2), np.zeros(2), np.zeros(2)
    theta = {k: x.copy() for k in ("adam", "adagrad", "rmsprop", "adamw")}
    for t in range(1, 31):
        g = grad(theta["adam"])
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        theta["adam"] = theta["adam"] - lr_adaptive * (m / (1 - 0.9**t)) / (
            np.sqrt(v / (1 - 0.999**t)) + 1e-8
        )
        g = grad(theta["adagrad"])
        s = s + g * g
        theta["adagrad"] = theta["adagrad"] - lr_adagrad * g / (np.sqrt(s) + 1e-10)
        g = grad(theta["rmsprop"])
        r = 0.99 * r + 0.01 * g * g
        theta["rmsprop"] = theta["rmsprop"] - lr_adaptive * g / (np.sqrt(r) + 1e-8)
        np.testing.assert_allclose(paths["Adam"][t], theta["adam"], rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(paths["AdaGrad"][t], theta["adagrad"], rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(paths["RMSProp"][t], theta["rmsprop"], rtol=1e-10, atol=1e-13)
    # Every race starts from the same point on its surface.
    for name, race in ns["races"].items():
        starts = np.array([p[0] for p in race.values()])
        assert np.all(starts == np.array(ns["get_surface"](name).start))


def test_adaptive_methods_leave_the_saddle_first() -> None:
    ns = load("adaptive_race.py")
    escape = {
        k: int(np.flatnonzero(np.abs(p[:, 1]) > 2)[0]) for k, p in ns["races"]["saddle"].items()
    }
    assert max(escape[k] for k in ("AdaGrad", "RMSProp", "Adam", "AdamW")) < escape["SGD"]


def test_chapter_momentum_equals_torch_momentum() -> None:
    ns = load("adaptive_momentum_conventions.py")
    assert ns["difference"] < 1e-14
    # PyTorch's recurrence written out: buf <- beta buf + g (buf_1 = g_1); theta -= lr buf.
    grad, theta = ns["grad"], np.array(ns["start"])
    buf, path = None, [theta]
    for _ in range(100):
        g = grad(theta)
        buf = g if buf is None else 0.9 * buf + g
        theta = theta - 0.02 * buf
        path.append(theta)
    np.testing.assert_allclose(ns["torch_style"], np.array(path), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(ns["chapter"], np.array(path), rtol=1e-10, atol=1e-14)
    # With a learning-rate drop the conventions differ.
    assert ns["difference_after_drop"] > 1e-2


def test_adamw_decays_by_the_factor_and_adam_l2_does_not() -> None:
    ns = load("adaptive_adamw.py")
    (wd_small, l2_small, w_small, th_small), (wd_big, l2_big, w_big, th_big) = ns["final"]
    assert w_small == pytest.approx(th_small, rel=1e-12) and w_big == pytest.approx(
        th_big, rel=1e-12
    )
    assert abs(l2_small - l2_big) < 1e-3  # a 100x stronger decay, the same effect
    # Hand-written Adam on the gradient wd * theta (zero loss gradient).
    theta, m, v = 1.0, 0.0, 0.0
    for t in range(1, ns["steps"] + 1):
        g = wd_big * theta
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        theta -= ns["lr"] * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    assert l2_big == pytest.approx(theta, rel=1e-10)


def hand_rmsprop(grad, x0: np.ndarray, lr: float, steps: int) -> np.ndarray:
    """RMSProp written out (alpha 0.99, eps 1e-8, PyTorch's placement of eps)."""
    x, r, path = x0.astype(float).copy(), np.zeros_like(x0, dtype=float), [x0.astype(float)]
    for _ in range(steps):
        g = grad(x)
        r = 0.99 * r + 0.01 * g * g
        x = x - lr * g / (np.sqrt(r) + 1e-8)
        path.append(x)
    return np.array(path)


def test_rmsprop_rattles_at_the_race_rate_and_settles_at_the_small_one() -> None:
    ns = load("adaptive_race.py")
    f = lambda p: 0.5 * (p[..., 0] ** 2 + 25 * p[..., 1] ** 2)  # noqa: E731  the page's quadratic
    grad = lambda p: np.array([p[0], 25 * p[1]])  # noqa: E731
    start = np.array(ns["get_surface"]("ill_conditioned").start)
    fast = hand_rmsprop(grad, start, ns["learning_rates"]["ill_conditioned"][3], 1000)
    slow = hand_rmsprop(grad, start, 0.01, 1000)
    assert f(fast[-100:]).min() > 1e-3  # rattles
    assert f(slow[-1]) < 1e-12  # settles
    np.testing.assert_allclose(ns["rmsprop_settles"][0.01][-1], slow[-1], atol=1e-12)


def test_no_optimizer_settles_in_the_rosenbrock_valley_and_momentum_is_closest() -> None:
    ns = load("adaptive_race.py")
    # Rosenbrock by hand: (1 - x)^2 + 100 (y - x^2)^2, minimum at (1, 1).
    surface = ns["get_surface"]("rosenbrock")
    assert surface.f(1.0, 1.0) == pytest.approx(0.0) and surface.f(0.0, 0.0) == pytest.approx(1.0)
    ends = {k: np.hypot(*(p[-1] - 1)) for k, p in ns["races"]["rosenbrock"].items()}
    assert min(ends.values()) > 0.01
    assert min(ends, key=ends.get) == "momentum 0.9"
    # Hand-written heavy ball (PyTorch form) reproduces momentum's end point.
    lr = ns["learning_rates"]["rosenbrock"][1]
    x, b = np.array(surface.start, dtype=float), np.zeros(2)
    dfx = lambda p: np.array(
        [-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] ** 2), 200 * (p[1] - p[0] ** 2)]
    )  # noqa: E731
    for _ in range(1000):
        b = 0.9 * b + dfx(x)
        x = x - lr * b
    np.testing.assert_allclose(ns["races"]["rosenbrock"]["momentum 0.9"][-1], x, rtol=1e-8)
