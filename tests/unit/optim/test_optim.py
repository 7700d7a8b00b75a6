"""Optimizers against the torch.optim formulas, worked by hand for the first two steps.

Each ``test_<name>_first_two_steps`` writes out torch's update rule (from the algorithm
boxes in the torch.optim documentation) as plain arithmetic, independently of
lossnotes, and compares it with ``run``'s rows 1 and 2.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossnotes import optim
from lossnotes.optim import run

X0 = np.array([1.0, -2.0])
CURV = np.array([2.0, 6.0])


def grad(x):
    """Gradient of f(x) = x0^2 + 3 x1^2."""
    return CURV * x


def two_steps(opt):
    return run(opt, grad, X0, 2)


def test_sgd_first_two_steps():
    lr = 0.1
    x1 = X0 - lr * CURV * X0  # [1 - 0.2, -2 + 1.2]
    np.testing.assert_allclose(x1, [0.8, -0.8])
    x2 = x1 - lr * CURV * x1
    np.testing.assert_allclose(two_steps(optim.sgd(lr)), [X0, x1, x2], rtol=1e-14)


@pytest.mark.parametrize("dampening", [0.0, 0.3])
def test_sgd_momentum_buffer_starts_at_first_gradient(dampening):
    lr, mu, wd = 0.1, 0.9, 0.05
    g1 = CURV * X0 + wd * X0
    buf1 = g1  # torch: the first buffer is the gradient itself, no dampening
    x1 = X0 - lr * buf1
    g2 = CURV * x1 + wd * x1
    buf2 = mu * buf1 + (1 - dampening) * g2
    x2 = x1 - lr * buf2
    got = two_steps(optim.sgd(lr, momentum=mu, dampening=dampening, weight_decay=wd))
    np.testing.assert_allclose(got, [X0, x1, x2], rtol=1e-14)


def test_sgd_nesterov_first_two_steps():
    lr, mu = 0.05, 0.9
    g1 = CURV * X0
    buf1 = g1
    x1 = X0 - lr * (g1 + mu * buf1)  # torch: g <- g + momentum * buf
    g2 = CURV * x1
    buf2 = mu * buf1 + g2
    x2 = x1 - lr * (g2 + mu * buf2)
    got = two_steps(optim.sgd(lr, momentum=mu, nesterov=True))
    np.testing.assert_allclose(got, [X0, x1, x2], rtol=1e-14)


def test_adagrad_first_two_steps():
    lr, lr_decay, wd, init, eps = 0.5, 0.1, 0.01, 0.2, 1e-10
    g1 = CURV * X0 + wd * X0
    s1 = init + g1**2
    x1 = X0 - lr / (1 + 0 * lr_decay) * g1 / (np.sqrt(s1) + eps)
    g2 = CURV * x1 + wd * x1
    s2 = s1 + g2**2
    x2 = x1 - lr / (1 + 1 * lr_decay) * g2 / (np.sqrt(s2) + eps)
    opt = optim.adagrad(lr, lr_decay, wd, init, eps)
    np.testing.assert_allclose(two_steps(opt), [X0, x1, x2], rtol=1e-13)


@pytest.mark.parametrize("centered", [False, True])
@pytest.mark.parametrize("momentum", [0.0, 0.5])
def test_rmsprop_first_two_steps(centered, momentum):
    lr, alpha, eps = 0.01, 0.99, 1e-8
    g1 = CURV * X0
    v1 = (1 - alpha) * g1**2
    a1 = (1 - alpha) * g1
    d1 = g1 / (np.sqrt(v1 - a1**2 if centered else v1) + eps)
    buf1 = d1  # torch's buffer starts at zero: momentum * 0 + d1
    x1 = X0 - lr * buf1
    g2 = CURV * x1
    v2 = alpha * v1 + (1 - alpha) * g2**2
    a2 = alpha * a1 + (1 - alpha) * g2
    d2 = g2 / (np.sqrt(v2 - a2**2 if centered else v2) + eps)
    buf2 = momentum * buf1 + d2 if momentum else d2
    x2 = x1 - lr * buf2
    opt = optim.rmsprop(lr, alpha, eps, momentum=momentum, centered=centered)
    np.testing.assert_allclose(two_steps(opt), [X0, x1, x2], rtol=1e-12)


def test_adam_first_two_steps():
    lr, b1, b2, eps, wd = 0.1, 0.9, 0.999, 1e-8, 0.0
    g1 = CURV * X0  # [2, -12]
    m1, v1 = (1 - b1) * g1, (1 - b2) * g1**2
    x1 = X0 - lr * (m1 / (1 - b1)) / (np.sqrt(v1 / (1 - b2)) + eps)
    np.testing.assert_allclose(x1, X0 - lr * np.sign(g1), rtol=1e-8)  # first step ~ lr
    g2 = CURV * x1
    m2, v2 = b1 * m1 + (1 - b1) * g2, b2 * v1 + (1 - b2) * g2**2
    x2 = x1 - lr * (m2 / (1 - b1**2)) / (np.sqrt(v2 / (1 - b2**2)) + eps)
    opt = optim.adam(lr, (b1, b2), eps, wd)
    np.testing.assert_allclose(two_steps(opt), [X0, x1, x2], rtol=1e-13)


def test_adam_l2_weight_decay_is_added_to_the_gradient():
    lr, b1, b2, eps, wd = 0.1, 0.8, 0.99, 1e-8, 0.5
    g1 = CURV * X0 + wd * X0
    m1, v1 = (1 - b1) * g1, (1 - b2) * g1**2
    x1 = X0 - lr * (m1 / (1 - b1)) / (np.sqrt(v1 / (1 - b2)) + eps)
    g2 = CURV * x1 + wd * x1
    m2, v2 = b1 * m1 + (1 - b1) * g2, b2 * v1 + (1 - b2) * g2**2
    x2 = x1 - lr * (m2 / (1 - b1**2)) / (np.sqrt(v2 / (1 - b2**2)) + eps)
    np.testing.assert_allclose(
        two_steps(optim.adam(lr, (b1, b2), eps, wd)), [X0, x1, x2], rtol=1e-13
    )


def test_adam_without_bias_correction():
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    g1 = CURV * X0
    m1, v1 = (1 - b1) * g1, (1 - b2) * g1**2
    x1 = X0 - lr * m1 / (np.sqrt(v1) + eps)
    # the uncorrected first step is (1 - b1) / sqrt(1 - b2) ~ 3.16 times lr
    np.testing.assert_allclose(np.abs(x1 - X0), lr * 0.1 / math.sqrt(0.001), rtol=1e-6)
    g2 = CURV * x1
    m2, v2 = b1 * m1 + (1 - b1) * g2, b2 * v1 + (1 - b2) * g2**2
    x2 = x1 - lr * m2 / (np.sqrt(v2) + eps)
    got = two_steps(optim.adam(lr, (b1, b2), eps, bias_correction=False))
    np.testing.assert_allclose(got, [X0, x1, x2], rtol=1e-13)


def test_adam_bias_correction_makes_early_steps_lr_sized():
    traj = run(optim.adam(lr=0.01), lambda x: 3.0 * np.ones_like(x), np.zeros(1), 5)
    # constant gradient: m_hat = g and v_hat = g^2 exactly, so every step is lr
    np.testing.assert_allclose(np.diff(traj[:, 0]), -0.01, rtol=1e-7)


def test_adamw_first_two_steps_decoupled():
    lr, b1, b2, eps, wd = 0.1, 0.9, 0.999, 1e-8, 0.3
    g1 = CURV * X0  # the decay never enters the moments
    m1, v1 = (1 - b1) * g1, (1 - b2) * g1**2
    x1 = X0 * (1 - lr * wd) - lr * (m1 / (1 - b1)) / (np.sqrt(v1 / (1 - b2)) + eps)
    g2 = CURV * x1
    m2, v2 = b1 * m1 + (1 - b1) * g2, b2 * v1 + (1 - b2) * g2**2
    x2 = x1 * (1 - lr * wd) - lr * (m2 / (1 - b1**2)) / (np.sqrt(v2 / (1 - b2**2)) + eps)
    got = two_steps(optim.adamw(lr, (b1, b2), eps, wd))
    np.testing.assert_allclose(got, [X0, x1, x2], rtol=1e-13)


def test_adamw_decay_differs_from_adam_l2():
    # zero loss gradient: AdamW shrinks geometrically, Adam+L2 takes lr-sized sign steps
    zero = lambda x: np.zeros_like(x)  # noqa: E731
    decoupled = run(optim.adamw(lr=0.1, weight_decay=0.5), zero, np.array([4.0]), 3)[:, 0]
    np.testing.assert_allclose(decoupled, 4.0 * 0.95 ** np.arange(4), rtol=1e-14)
    coupled = run(optim.adam(lr=0.1, weight_decay=0.5), zero, np.array([4.0]), 3)[:, 0]
    np.testing.assert_allclose(coupled[1], 3.9, rtol=1e-7)


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9, 0.99])
def test_chapter_momentum_matches_torch_sgd(beta):
    lr = 0.02
    chapter = run(optim.chapter_momentum(lr, beta), grad, X0, 50)
    torch_style = run(optim.sgd(lr, momentum=beta), grad, X0, 50)
    np.testing.assert_allclose(chapter, torch_style, rtol=1e-12, atol=1e-15)
    # by hand: v1 = -lr g1, v2 = beta v1 - lr g2
    v1 = -lr * CURV * X0
    x1 = X0 + v1
    x2 = x1 + beta * v1 - lr * CURV * x1
    np.testing.assert_allclose(chapter[1:3], [x1, x2], rtol=1e-14)


H = np.array([1.0, 10.0])


def quadratic(x):
    return H * x


def rosenbrock(x):
    a, b = x
    return np.array([-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)])


# optimizer, problem, steps, tolerance on the distance to the minimiser, required of
# every iterate in the last tenth of the run (so a lucky final step cannot pass).
# Constant-lr RMSprop / AdamW hover within about lr of the minimum: looser tolerances.
# Adam on Rosenbrock settles and, much later, bursts as v decays with the gradient
# (steps ~ lr g / (|g| + eps)); at lr 0.003 that happens after 10000 steps.
CONVERGENCE = {
    "sgd": [(optim.sgd(0.15), quadratic, 200, 1e-8), (optim.sgd(1.5e-3), rosenbrock, 20000, 1e-4)],
    "momentum": [
        (optim.sgd(0.05, momentum=0.9), quadratic, 300, 1e-5),
        (optim.sgd(1e-3, momentum=0.9), rosenbrock, 5000, 1e-6),
    ],
    "nesterov": [
        (optim.sgd(0.05, momentum=0.9, nesterov=True), quadratic, 300, 1e-6),
        (optim.sgd(1e-3, momentum=0.9, nesterov=True), rosenbrock, 5000, 1e-6),
    ],
    "chapter_momentum": [
        (optim.chapter_momentum(0.05, 0.9), quadratic, 300, 1e-5),
        (optim.chapter_momentum(1e-3, 0.9), rosenbrock, 5000, 1e-6),
    ],
    "adagrad": [
        (optim.adagrad(1.0), quadratic, 300, 1e-8),
        (optim.adagrad(0.5), rosenbrock, 20000, 1e-3),
    ],
    "rmsprop": [
        (optim.rmsprop(1e-3), quadratic, 5000, 2e-3),
        (optim.rmsprop(1e-3, momentum=0.9), rosenbrock, 20000, 2e-3),
    ],
    "rmsprop_centered": [
        (optim.rmsprop(1e-3, centered=True), quadratic, 5000, 2e-3),
        (optim.rmsprop(1e-3, momentum=0.9, centered=True), rosenbrock, 20000, 2e-3),
    ],
    "adam": [
        (optim.adam(0.1), quadratic, 1000, 1e-8),
        (optim.adam(0.003), rosenbrock, 10000, 1e-4),
    ],
    "adamw": [
        (optim.adamw(0.1), quadratic, 1000, 1e-8),
        (optim.adamw(0.01, weight_decay=1e-3), rosenbrock, 10000, 5e-3),
    ],
}


@pytest.mark.parametrize(
    "name, index", [(name, i) for name in CONVERGENCE for i in range(2)], ids=str
)
def test_optimizers_converge(name, index):
    opt, problem, steps, tol = CONVERGENCE[name][index]
    x_star = np.zeros(2) if problem is quadratic else np.ones(2)
    trajectory = run(opt, problem, np.array([-1.5, 2.0]), steps)
    assert np.max(np.abs(trajectory[-(steps // 10) :] - x_star)) < tol


def test_every_alias_is_in_the_convergence_table():
    # The aliases are what lossnotes.optim._aliases defines: a new one must join the table.
    from lossnotes.optim import _aliases

    assert set(_aliases.__all__) <= set(optim.__all__)
    assert set(_aliases.__all__) <= set(CONVERGENCE)


@pytest.mark.parametrize(
    "opt",
    [
        optim.sgd(0.1, momentum=0.9, nesterov=True, weight_decay=0.1),
        optim.adagrad(),
        optim.rmsprop(momentum=0.5, centered=True),
        optim.adam(),
        optim.adamw(),
        optim.chapter_momentum(0.1, 0.9),
    ],
)
def test_update_mutates_nothing(opt):
    params, grads = np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[0.3, -0.1], [2.0, 0.0]])
    state = opt.init(params)
    state1 = opt.update(grads, state, params)[1]
    snapshot = [np.copy(a) for a in _arrays(state1)] + [params.copy(), grads.copy()]
    for _ in range(3):  # replaying from an old state must give the same result
        opt.update(grads * 2, state1, params)
    after = [*_arrays(state1), params, grads]
    for a, b in zip(snapshot, after):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(
        opt.update(grads, state, params)[0], opt.update(grads, state, params)[0]
    )


def _arrays(tree):
    if isinstance(tree, np.ndarray):
        return [tree]
    if isinstance(tree, tuple):
        return [a for item in tree for a in _arrays(item)]
    return []


def test_run_shape_and_first_row():
    x0 = np.ones((2, 3))
    traj = run(optim.adam(), lambda x: x, x0, 4)
    assert traj.shape == (5, 2, 3)
    np.testing.assert_array_equal(traj[0], x0)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: optim.sgd(0.0), ValueError, "lr must be in (0.0, inf); got 0.0"),
        (lambda: optim.sgd(-1), ValueError, "lr must be in (0.0, inf); got -1"),
        (
            lambda: optim.sgd(0.1, momentum=1.0),
            ValueError,
            "momentum must be in [0.0, 1.0); got 1.0",
        ),
        (lambda: optim.sgd(0.1, nesterov=True), ValueError, "nesterov=True requires momentum > 0"),
        (
            lambda: optim.adam(betas=(0.9, 1.0)),
            ValueError,
            "betas[1] must be in [0.0, 1.0); got 1.0",
        ),
        (lambda: optim.adam(betas=0.9), ValueError, "betas must be a pair (beta1, beta2); got 0.9"),
        (lambda: optim.adam(eps=0.0), ValueError, "eps must be in (0.0, inf); got 0.0"),
        (lambda: optim.adamw(weight_decay=-1.0), ValueError, "weight_decay must be in [0.0, inf)"),
        (lambda: optim.rmsprop(alpha=1.0), ValueError, "alpha must be in [0.0, 1.0); got 1.0"),
        (lambda: optim.adagrad(lr_decay=-0.1), ValueError, "lr_decay must be in [0.0, inf)"),
        (
            lambda: optim.chapter_momentum(0.1, "0.9"),
            TypeError,
            "beta must be a real number; got '0.9'",
        ),
        (
            lambda: run(optim.sgd(0.1), grad, X0, 0),
            ValueError,
            "steps must be an integer >= 1; got 0",
        ),
        (
            lambda: run(optim.sgd(0.1), grad, X0, 2.0),
            TypeError,
            "steps must be an integer; got 2.0",
        ),
        (
            lambda: run(optim.sgd(0.1), grad, [1.0, np.nan], 2),
            ValueError,
            "x0 must be finite; got NaN or inf at index 1",
        ),
        (
            lambda: run("adam", grad, X0, 2),
            TypeError,
            "optimizer must be a GradientTransformation; got str",
        ),
        (
            lambda: run(optim.sgd(0.1), lambda x: x[:1], X0, 2),
            ValueError,
            "parameters' shape (2,); got shape (1,) at step 0",
        ),
        (
            lambda: run(optim.sgd(0.1), lambda x: np.full_like(x, np.inf), X0, 1),
            ValueError,
            "grad_fn returned NaN or inf at step 0",
        ),
        (
            lambda: optim.chain(optim.scale(1.0), "x"),
            TypeError,
            "transforms[1] must be a GradientTransformation; got str",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_inputs_have_clear_messages(call, error, message):
    with pytest.raises(error) as info:
        call()
    assert message in str(info.value)


def test_add_decayed_weights_needs_params():
    opt = optim.add_decayed_weights(0.1)
    with pytest.raises(ValueError, match="add_decayed_weights needs params"):
        opt.update(np.ones(2), opt.init(np.ones(2)))


def test_run_with_state_records_every_state():
    trajectory, states = optim.run_with_state(optim.adam(lr=0.1), grad, X0, 3)
    np.testing.assert_array_equal(trajectory, run(optim.adam(lr=0.1), grad, X0, 3))
    assert len(states) == 4
    adam_states = [s[0] for s in states]  # chain(scale_by_adam, scale_by_learning_rate)
    assert [s.count for s in adam_states] == [0, 1, 2, 3]
    g1 = CURV * X0
    np.testing.assert_allclose(adam_states[1].mu, 0.1 * g1)
    np.testing.assert_allclose(adam_states[1].nu, 0.001 * g1**2)


def _momentum_radius(eigenvalues, lr, beta):
    """Largest |eigenvalue| of the map (x_t, x_{t-1}) -> (x_{t+1}, x_t) over all directions."""
    return max(
        np.max(np.abs(np.linalg.eigvals([[1 + beta - lr * lam, -beta], [1.0, 0.0]])))
        for lam in eigenvalues
    )


@pytest.mark.parametrize("eigenvalues", [[1.0, 25.0], [0.3, 2.0, 7.5], [4.0, 4.0]])
def test_optimal_settings_beat_a_grid_search(eigenvalues):
    kappa = max(eigenvalues) / min(eigenvalues)
    lr = optim.optimal_step_size(eigenvalues)
    gd_rate = max(abs(1 - lr * lam) for lam in eigenvalues)
    assert gd_rate == pytest.approx((kappa - 1) / (kappa + 1), abs=1e-12)
    grid = np.linspace(1e-4, 2.5 / max(eigenvalues), 2001)
    assert min(max(abs(1 - g * lam) for lam in eigenvalues) for g in grid) >= gd_rate - 1e-12
    mom_lr, beta = optim.optimal_momentum(eigenvalues)
    root = np.sqrt(kappa)
    # A double root at the optimum: numpy's eigenvalues are accurate to about sqrt(eps).
    best = _momentum_radius(eigenvalues, mom_lr, beta)
    assert best == pytest.approx((root - 1) / (root + 1), abs=1e-6)
    searched = min(
        _momentum_radius(eigenvalues, g, b)
        for g in np.linspace(0.2, 1.8, 41) * mom_lr
        for b in np.linspace(0.0, 0.95, 39)
    )
    assert searched >= best - 1e-6
