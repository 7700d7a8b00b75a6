"""Losses: gradients vs central finite differences (registry-driven), PyTorch conventions
checked on hand-computed cases, extremes, the chapter's claims, and bad input."""

from __future__ import annotations

import inspect
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize
from sklearn.cluster import KMeans

from loss_examples import EXAMPLES
from lossnotes import losses
from lossnotes.losses import LOSSES

REDUCTIONS = ("mean", "sum", "none")


def central_difference(f, x, h=1e-6):
    """Gradient of scalar f at array x by central differences, step relative to |x|."""
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = h * max(1.0, abs(x[index]))
        up, down = x.copy(), x.copy()
        up[index] += step
        down[index] -= step
        grad[index] = (f(up) - f(down)) / (2 * step)
    return grad


# --- registry ------------------------------------------------------------------------


def test_registry_is_complete():
    grads = {name[: -len("_grad")] for name in losses.__all__ if name.endswith("_grad")}
    assert grads == set(LOSSES)
    for name, entry in LOSSES.items():
        assert entry.value is getattr(losses, name)
        assert entry.grad is getattr(losses, f"{name}_grad")
        # one signature: the gradient takes exactly the loss's arguments
        assert inspect.signature(entry.value).parameters == inspect.signature(entry.grad).parameters


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("name", sorted(LOSSES))
@pytest.mark.parametrize("seed", range(3))
def test_gradient_matches_finite_differences(name, reduction, seed):
    entry = LOSSES[name]
    args, kwargs = EXAMPLES[name](np.random.default_rng(seed))
    kwargs = {**kwargs, "reduction": reduction}

    def total(x):
        new_args = list(args)
        new_args[entry.wrt] = x
        # With "none", the gradient is that of the sum of per-element losses.
        return float(np.sum(entry.value(*new_args, **kwargs)))

    expected = central_difference(total, args[entry.wrt])
    got = entry.grad(*args, **kwargs)
    assert got.shape == np.shape(args[entry.wrt])
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_reductions_agree(name):
    entry = LOSSES[name]
    args, kwargs = EXAMPLES[name](np.random.default_rng(7))
    per_item = entry.value(*args, **kwargs, reduction="none")
    assert entry.value(*args, **kwargs, reduction="sum") == pytest.approx(per_item.sum())
    assert entry.value(*args, **kwargs, reduction="mean") == pytest.approx(per_item.mean())


# --- PyTorch conventions, hand-computed ----------------------------------------------


def test_mse_mae_huber_hand_values():
    assert losses.mse([1.0, 2.0, 3.0], [1.0, 1.0, 1.0]) == pytest.approx(5 / 3)  # no 1/2
    assert losses.mse([1.0, 2.0, 3.0], [1.0, 1.0, 1.0], reduction="sum") == pytest.approx(5.0)
    assert losses.mae([1.0, 2.0, 3.0], [1.0, 1.0, 1.0]) == pytest.approx(1.0)
    # delta = 2: residual 1 -> 0.5 * 1; residual 3 -> 2 * (3 - 1) = 4
    assert losses.huber([1.0, 3.0], [0.0, 0.0], delta=2.0) == pytest.approx(2.25)
    np.testing.assert_allclose(losses.huber_grad([1.0, 3.0], [0.0, 0.0], delta=2.0), [0.5, 1.0])
    np.testing.assert_array_equal(
        losses.mae_grad([1.0, 1.0], [1.0, 0.0], reduction="sum"), [0.0, 1.0]
    )
    np.testing.assert_allclose(losses.mse_grad([3.0], [1.0]), [4.0])  # 2 (yhat - y)


def test_huber_is_half_mse_inside_delta_and_shifted_mae_outside():
    r = np.linspace(-3, 3, 61)
    small, large = np.abs(r) < 1.0, np.abs(r) >= 1.0
    per_item = losses.huber(r, np.zeros_like(r), reduction="none")
    np.testing.assert_allclose(per_item[small], 0.5 * r[small] ** 2)
    np.testing.assert_allclose(per_item[large], np.abs(r[large]) - 0.5)


def test_bce_clamps_log_at_minus_100_like_torch():
    np.testing.assert_allclose(
        losses.bce([0.0, 1.0, 1.0, 0.0], [1.0, 0.0, 1.0, 0.0], reduction="none"),
        [100.0, 100.0, 0.0, 0.0],
    )
    assert losses.bce([0.0], [0.5]) == pytest.approx(50.0)
    # torch: grad = (p - y) / max(p (1 - p), 1e-12)
    np.testing.assert_allclose(
        losses.bce_grad([0.0, 1.0], [1.0, 0.0], reduction="sum"), [-1e12, 1e12]
    )
    assert losses.bce([0.2], [1.0]) == pytest.approx(-np.log(0.2))


def test_bce_with_logits_matches_bce_of_sigmoid_and_is_exact_at_extremes():
    # |z| <= 10: beyond, 1 - sigmoid(z) loses digits when rounded to a probability (claim 16)
    z = np.linspace(-10, 10, 41)
    y = (np.arange(41) % 2).astype(float)
    np.testing.assert_allclose(
        losses.bce_with_logits(z, y, reduction="none"),
        losses.bce(losses.sigmoid(z), y, reduction="none"),
        rtol=1e-9,
    )
    np.testing.assert_allclose(
        losses.bce_with_logits([-1e4, 1e4, 1e4], [1.0, 0.0, 1.0], reduction="none"), [1e4, 1e4, 0.0]
    )
    # Exercise (002): dBCE/dz = sigmoid(z) - y
    np.testing.assert_allclose(
        losses.bce_with_logits_grad(z, y, reduction="sum"), losses.sigmoid(z) - y
    )


def test_cross_entropy_is_log_softmax_then_nll():
    logits = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]])
    target = np.array([0, 2])
    # hand value for row 0: -1 + log(e + e^2 + e^3)
    expected0 = -1.0 + np.log(np.e + np.e**2 + np.e**3)
    assert losses.cross_entropy(logits, target, reduction="none")[0] == pytest.approx(expected0)
    assert losses.cross_entropy(logits, target) == pytest.approx(
        losses.nll(losses.log_softmax(logits), target)
    )
    assert losses.cross_entropy(logits, target) == pytest.approx(
        losses.cross_entropy(logits, np.eye(3)[target])
    )
    np.testing.assert_allclose(
        losses.cross_entropy_grad(logits, target, reduction="sum"),
        losses.softmax(logits) - np.eye(3)[target],
    )


def test_gaussian_nll_hand_values_and_clamp():
    assert losses.gaussian_nll([0.0], [2.0], 4.0) == pytest.approx(0.5 * (np.log(4.0) + 1.0))
    assert losses.gaussian_nll([0.0], [2.0], 4.0, full=True) == pytest.approx(
        0.5 * (np.log(4.0) + 1.0) + 0.5 * np.log(2 * np.pi)
    )
    # var below eps is clamped to eps (torch clamps without gradient)
    assert losses.gaussian_nll([0.0], [1e-3], 0.0) == pytest.approx(
        0.5 * (np.log(1e-6) + 1e-6 / 1e-6)
    )


def test_wcss_matches_sklearn_inertia_and_argmin_assignment():
    rng = np.random.default_rng(0)
    x = np.concatenate([rng.normal(c, 0.5, size=(30, 2)) for c in ([0, 0], [5, 5], [0, 6])])
    km = KMeans(n_clusters=3, n_init=3, random_state=0).fit(x)
    assert losses.wcss(x, km.cluster_centers_) == pytest.approx(km.inertia_, rel=1e-9)
    np.testing.assert_array_equal(losses.assign_clusters(x, km.cluster_centers_), km.labels_)
    # brute force: nearest, not farthest (source 001 says argmax)
    d = [[np.sum((p - c) ** 2) for c in km.cluster_centers_] for p in x]
    np.testing.assert_array_equal(
        losses.assign_clusters(x, km.cluster_centers_), np.argmin(d, axis=1)
    )
    # k-means fixed point: centroids at their clusters' means have zero gradient
    np.testing.assert_allclose(losses.wcss_grad(x, km.cluster_centers_), 0.0, atol=1e-9)


# --- extremes ------------------------------------------------------------------------


def test_extremes_stay_finite_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for z in ([1e4, -1e4], [-1e4, 1e4]):
            assert np.isfinite(losses.bce_with_logits(z, [0.0, 1.0]))
            assert np.all(np.isfinite(losses.bce_with_logits_grad(z, [0.0, 1.0])))
        big = np.array([[1e4, -1e4, 0.0]])
        assert np.isfinite(losses.cross_entropy(big, [1]))
        assert np.all(np.isfinite(losses.cross_entropy_grad(big, [1])))
        assert np.all(np.isfinite(losses.bce_grad([0.0, 1.0], [0.0, 1.0])))
        for r in (1e150, 1e200, 1e300):
            assert np.isfinite(losses.huber([r], [0.0])) and np.isfinite(losses.mae([r], [-r / 2]))
        assert losses.mse([1e150], [-1e150]) == pytest.approx(4e300)
        assert losses.mse([1e200], [0.0]) == np.inf  # documented overflow, no warning
        assert np.all(np.isfinite(losses.mse_grad([1e200], [0.0])))


# --- the chapter's claims ------------------------------------------------------------


def test_an_error_of_10_costs_100_times_an_error_of_1():
    assert losses.mse([10.0], [0.0]) / losses.mse([1.0], [0.0]) == pytest.approx(100.0)


def _fit_line(x, y, loss, grad, **kwargs):
    def objective(theta):
        return loss(theta[0] * x + theta[1], y, **kwargs)

    def jacobian(theta):
        g = grad(theta[0] * x + theta[1], y, **kwargs)  # chain rule through the line
        return np.array([g @ x, g.sum()])

    return minimize(objective, np.zeros(2), jac=jacobian, method="BFGS").x


def test_gaussian_nll_with_fixed_variance_is_scaled_mse_and_picks_same_fit():
    rng = np.random.default_rng(1)
    x = rng.uniform(-2, 2, 50)
    y = 1.5 * x - 0.5 + rng.normal(0, 0.3, 50)
    var = 0.7
    y_pred = 1.2 * x
    assert losses.gaussian_nll(y_pred, y, var) == pytest.approx(
        losses.mse(y_pred, y) / (2 * var) + 0.5 * np.log(var)
    )
    least_squares = np.polyfit(x, y, 1)
    fit = _fit_line(
        x,
        y,
        lambda p, t: losses.gaussian_nll(p, t, var),
        lambda p, t: losses.gaussian_nll_grad(p, t, var),
    )
    np.testing.assert_allclose(fit, least_squares, atol=1e-5)
    np.testing.assert_allclose(
        _fit_line(x, y, losses.mse, losses.mse_grad), least_squares, atol=1e-5
    )


def test_huber_and_mae_fits_move_less_than_mse_under_an_outlier():
    rng = np.random.default_rng(2)
    x = np.linspace(-2, 2, 40)
    y = 2.0 * x + 1.0 + rng.normal(0, 0.2, 40)
    y_out = y.copy()
    y_out[5] += 50.0
    shifts = {}
    for name in ("mse", "huber", "mae"):
        entry = LOSSES[name]
        clean = _fit_line(x, y, entry.value, entry.grad)
        dirty = _fit_line(x, y_out, entry.value, entry.grad)
        shifts[name] = np.linalg.norm(dirty - clean)
    assert shifts["huber"] < shifts["mse"] / 5
    assert shifts["mae"] < shifts["mse"] / 5


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=20), st.floats(0.01, 100.0))
def test_huber_gradient_is_bounded_by_delta(residuals, delta):
    r = np.array(residuals)
    g = losses.huber_grad(r, np.zeros_like(r), delta=delta, reduction="sum")
    assert np.all(np.abs(g) <= delta)
    # and Huber never exceeds half the squared error
    assert np.all(
        losses.huber(r, np.zeros_like(r), delta=delta, reduction="none") <= 0.5 * r**2 + 1e-12
    )


# --- bad input: one test per class, message names the argument and what was received --


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_nan_in_first_argument_is_named(name):
    entry = LOSSES[name]
    args, kwargs = EXAMPLES[name](np.random.default_rng(0))
    first = list(inspect.signature(entry.value).parameters)[0]
    bad = np.array(args[0], dtype=float)
    bad.flat[1] = np.nan
    with pytest.raises(ValueError, match=rf"{first} must be finite; got NaN or inf at index"):
        entry.value(bad, *args[1:], **kwargs)
    with pytest.raises(ValueError, match=rf"{first} must be finite"):
        entry.grad(bad, *args[1:], **kwargs)


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_unknown_reduction_is_refused(name):
    entry = LOSSES[name]
    args, kwargs = EXAMPLES[name](np.random.default_rng(0))
    with pytest.raises(
        ValueError, match="reduction must be one of 'mean', 'sum', 'none'; got 'avg'"
    ):
        entry.grad(*args, **kwargs, reduction="avg")


def test_shape_mismatch():
    with pytest.raises(
        ValueError, match=r"input and target must have the same shape; got \(2,\) and \(3,\)"
    ):
        losses.mse([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(
        ValueError, match=r"logits and target must have the same number of samples; got 2 and 3"
    ):
        losses.cross_entropy(np.zeros((2, 3)), [0, 1, 2])
    with pytest.raises(
        ValueError, match=r"points and centroids must have the same number of features"
    ):
        losses.wcss(np.zeros((4, 2)), np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"var must be a scalar or broadcast .* got shape \(3,\)"):
        losses.gaussian_nll([0.0, 1.0], [0.0, 1.0], [1.0, 1.0, 1.0])
    with pytest.raises(ValueError, match=r"logits must have 2 dimension\(s\); got shape \(3,\)"):
        losses.cross_entropy([1.0, 2.0, 3.0], [0])


def test_empty_input():
    with pytest.raises(ValueError, match=r"input must not be empty; got shape \(0,\)"):
        losses.mse([], [])


def test_probabilities_outside_unit_interval():
    with pytest.raises(ValueError, match=r"p must be in \[0, 1\]; got 1.5 at index 1"):
        losses.bce([0.5, 1.5], [1.0, 1.0])
    with pytest.raises(ValueError, match=r"target must be in \[0, 1\]; got 2.0 at index 0"):
        losses.bce_with_logits([0.5], [2.0])
    with pytest.raises(ValueError, match=r"target rows must sum to 1; row 0 sums to 0.5"):
        losses.cross_entropy(np.zeros((1, 2)), np.array([[0.25, 0.25]]))
    with pytest.raises(
        ValueError, match=r"log_probs must be log-probabilities \(<= 0\); got 0.3 at index \(0, 1\)"
    ):
        losses.nll([[-1.0, 0.3]], [0])
    with pytest.raises(ValueError, match=r"var must be in \[0, inf\]; got -1.0 at index 0"):
        losses.gaussian_nll([0.0], [0.0], [-1.0])


def test_labels_outside_expected_set():
    with pytest.raises(
        ValueError, match=r"target must hold class indices in \[0, 2\]; got 3 at index 1"
    ):
        losses.cross_entropy(np.zeros((2, 3)), [0, 3])
    with pytest.raises(
        ValueError, match=r"target must hold class indices in \[0, 1\]; got -1 at index 0"
    ):
        losses.nll(np.log(np.full((1, 2), 0.5)), [-1])


def test_non_positive_delta_and_eps():
    with pytest.raises(ValueError, match=r"delta must be in \(0.0, inf\); got 0"):
        losses.huber([1.0], [0.0], delta=0)
    with pytest.raises(ValueError, match=r"delta must be in \(0.0, inf\); got -1.0"):
        losses.huber_grad([1.0], [0.0], delta=-1.0)
    with pytest.raises(ValueError, match=r"eps must be in \(0.0, inf\); got 0.0"):
        losses.gaussian_nll([1.0], [0.0], 1.0, eps=0.0)


def test_wrong_dtypes():
    with pytest.raises(TypeError, match=r"input must contain real numbers; got .*dtype <U1"):
        losses.mse(["a"], [1.0])
    with pytest.raises(
        TypeError, match=r"target must hold integer class indices; got dtype float64"
    ):
        losses.cross_entropy(np.zeros((2, 3)), [0.0, 1.0])
    with pytest.raises(TypeError, match=r"z must contain real numbers"):
        losses.sigmoid([1j])
