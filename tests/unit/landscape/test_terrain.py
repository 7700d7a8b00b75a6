"""Test surfaces: analytic gradients vs central differences, minima, registry completeness."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy.optimize import minimize

from lossnotes.landscape import SURFACES, Surface, get_surface, surface_hessian

EXPECTED = {
    "bowl",
    "ill_conditioned",
    "saddle",
    "monkey_saddle",
    "rastrigin",
    "rosenbrock",
    "himmelblau",
    "plateau",
}


def test_registry_has_exactly_the_agreed_surfaces():
    assert set(SURFACES) == EXPECTED
    for name, surface in SURFACES.items():
        assert isinstance(surface, Surface) and surface.name == name
        assert surface.xlim[0] < surface.start[0] < surface.xlim[1]
        assert surface.ylim[0] < surface.start[1] < surface.ylim[1]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_gradient_matches_central_differences(name):
    s = SURFACES[name]
    rng = np.random.default_rng(0)
    x = rng.uniform(*s.xlim, size=50)
    y = rng.uniform(*s.ylim, size=50)
    h = 1e-6
    gx, gy = s.grad(x, y)
    np.testing.assert_allclose(gx, (s.f(x + h, y) - s.f(x - h, y)) / (2 * h), rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(gy, (s.f(x, y + h) - s.f(x, y - h)) / (2 * h), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_vectorised_over_grids_and_matches_scalar_calls(name):
    s = SURFACES[name]
    X, Y = np.meshgrid(np.linspace(*s.xlim, 7), np.linspace(*s.ylim, 5))
    Z = s.f(X, Y)
    gx, gy = s.grad(X, Y)
    assert Z.shape == gx.shape == gy.shape == (5, 7)
    assert Z[2, 3] == s.f(float(X[2, 3]), float(Y[2, 3]))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_listed_minima_are_stationary_and_global_on_a_fine_grid(name):
    s = SURFACES[name]
    X, Y = np.meshgrid(np.linspace(*s.xlim, 801), np.linspace(*s.ylim, 801))
    grid_min = s.f(X, Y).min()
    values = [s.f(*m) for m in s.minima]
    for m in s.minima:
        np.testing.assert_allclose(s.grad(*m), 0.0, atol=1e-9)
        # a local optimiser started at the listed point does not move off it
        refined = minimize(
            lambda p: s.f(*p), m, jac=lambda p: np.array(s.grad(*p)), method="BFGS"
        ).x
        np.testing.assert_allclose(refined, m, atol=1e-7)
    if s.minima:
        assert max(values) <= grid_min + 1e-12
        np.testing.assert_allclose(values, min(values), atol=1e-12)  # all global
    else:  # saddles: unbounded below, no minimum to list
        assert grid_min < s.f(0.0, 0.0) - 1.0


def test_rastrigin_is_source_003_code_plus_two():
    x, y = np.meshgrid(np.linspace(-2, 2, 50), np.linspace(-2, 2, 50))
    seed_code = x**2 + y**2 - np.cos(3 * np.pi * x) - np.cos(3 * np.pi * y)
    np.testing.assert_allclose(SURFACES["rastrigin"].f(x, y), seed_code + 2.0, atol=1e-12)
    assert SURFACES["rastrigin"].f(0.0, 0.0) == 0.0


def test_ill_conditioned_hessian_has_stated_condition_number():
    h = 1e-4
    s = SURFACES["ill_conditioned"]
    hxx = (s.grad(h, 0.0)[0] - s.grad(-h, 0.0)[0]) / (2 * h)
    hyy = (s.grad(0.0, h)[1] - s.grad(0.0, -h)[1]) / (2 * h)
    assert hyy / hxx == pytest.approx(25.0)
    assert "25" in s.title


#: Hessians differentiated by hand from each formula, at a point of each surface.
HAND_HESSIANS = {
    "bowl": ((0.3, -0.7), [[2.0, 0.0], [0.0, 2.0]]),
    "ill_conditioned": ((-1.8, 0.6), [[1.0, 0.0], [0.0, 25.0]]),
    "saddle": ((0.5, 0.5), [[2.0, 0.0], [0.0, -2.0]]),
    "monkey_saddle": ((1.2, 0.3), [[7.2, -1.8], [-1.8, -7.2]]),  # 6x, -6y; -6y, -6x
    "rosenbrock": ((1.0, 1.0), [[802.0, -400.0], [-400.0, 200.0]]),
    "rastrigin": ((0.0, 0.0), [[2 + 9 * np.pi**2, 0.0], [0.0, 2 + 9 * np.pi**2]]),
}


@pytest.mark.parametrize("name", sorted(HAND_HESSIANS))
def test_surface_hessian_matches_the_hand_derivatives(name: str) -> None:
    point, expected = HAND_HESSIANS[name]
    np.testing.assert_allclose(
        surface_hessian(SURFACES[name], point), expected, rtol=1e-9, atol=1e-9
    )


def test_surface_hessian_of_the_quadratic_is_exact_at_its_minimum() -> None:
    s = get_surface("ill_conditioned")
    eigenvalues = np.linalg.eigvalsh(surface_hessian(s, s.minima[0]))
    assert eigenvalues.tolist() == [1.0, 25.0]  # to the last bit: pages divide by them
    assert eigenvalues[1] / eigenvalues[0] == s.f(0.0, 1.0) / s.f(1.0, 0.0)


def test_plateau_gradient_vanishes_far_from_the_valley_without_overflow():
    s = SURFACES["plateau"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        near = np.hypot(*s.grad(0.5, 0.0))
        far = np.hypot(*s.grad(3.0, 3.0))
        huge = s.grad(np.array([30.0, 1e3]), np.array([0.0, 1e3]))
    assert near > 0.5 and far < 1e-14 and np.all(np.isfinite(huge))
    assert 1.0 - s.f(3.0, 3.0) < 1e-14  # flat: the value has saturated too


def test_saddles_have_zero_gradient_at_origin_but_descend():
    for name in ("saddle", "monkey_saddle"):
        s = SURFACES[name]
        np.testing.assert_array_equal(s.grad(0.0, 0.0), 0.0)
        assert s.f(0.0, 0.0) == 0.0 and min(s.f(-0.5, 0.0), s.f(0.0, 0.5)) < 0.0


def test_get_surface_names_the_bad_key():
    assert get_surface("saddle") is SURFACES["saddle"]
    with pytest.raises(ValueError, match=r"name must be one of 'bowl', .*; got 'Saddle'"):
        get_surface("Saddle")
