"""Toy datasets: determinism, shapes and dtypes, agreement with scikit-learn's generators,
noise families by goodness-of-fit tests, and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from sklearn.datasets import make_moons

from lossnotes import data

CLASSIFIERS = {
    "two_moons": lambda seed: data.two_moons(41, 0.1, seed),
    "xor": lambda seed: data.xor(41, 0.1, seed),
    "imbalanced": lambda seed: data.imbalanced(41, 0.2, seed=seed),
    "blobs": lambda seed: data.blobs(41, 3, 1.0, seed),
}


@pytest.mark.parametrize("name", sorted(CLASSIFIERS))
def test_seeded_shapes_and_dtypes(name):
    make = CLASSIFIERS[name]
    X, y = make(0)
    assert X.dtype == np.float64 and X.shape == (41, 2)
    assert y.dtype == np.int64 and y.shape == (41,)
    X2, y2 = make(0)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    X3, _ = make(np.random.default_rng(0))
    np.testing.assert_array_equal(X, X3)
    assert not np.array_equal(X, make(1)[0])


def as_sorted_rows(X, y):
    rows = np.column_stack([np.round(X, 12), y])
    return rows[np.lexsort(rows.T[::-1])]


@pytest.mark.parametrize("n", [10, 11])
def test_moons_match_scikit_learn_without_noise(n):
    X, y = data.two_moons(n, noise=0.0, seed=3)
    Xs, ys = make_moons(n, noise=0.0, shuffle=False)
    np.testing.assert_array_equal(as_sorted_rows(X, y), as_sorted_rows(Xs, ys))


def test_xor_geometry():
    X, y = data.xor(200, noise=0.0, seed=0)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))


def test_linear_data_without_noise_is_exactly_linear_and_outliers_are_marked():
    X, y = data.linear_data(30, w=[1.0, -2.0], b=0.5, scale=0.0, seed=0)
    assert X.shape == (30, 2)
    np.testing.assert_allclose(y, X @ [1.0, -2.0] + 0.5)
    X, y, mask = data.linear_data(
        30, w=2.0, b=0.0, scale=0.0, outliers=3, outlier_shift=-7.0, seed=1, return_outliers=True
    )
    assert mask.sum() == 3
    np.testing.assert_allclose(y - 2.0 * X[:, 0], np.where(mask, -7.0, 0.0), atol=1e-12)
    assert X.min() >= -3.0 and X.max() <= 3.0


@pytest.mark.parametrize(
    ("noise", "reference"),
    [
        ("gaussian", stats.norm(scale=0.5)),
        ("laplace", stats.laplace(scale=0.5)),
        ("student_t", stats.t(df=2.5, scale=0.5)),
    ],
)
def test_noise_families_pass_a_goodness_of_fit_test(noise, reference):
    X, y = data.linear_data(4000, w=1.0, b=0.0, noise=noise, scale=0.5, df=2.5, seed=0)
    residuals = y - X[:, 0]
    assert stats.kstest(residuals, reference.cdf).pvalue > 1e-3
    # and the wrong family is rejected: the test has power
    wrong = stats.norm(scale=residuals.std()) if noise != "gaussian" else stats.laplace(scale=0.5)
    assert stats.kstest(residuals, wrong.cdf).pvalue < 1e-3


def test_imbalanced_counts_and_blobs_sizes():
    X, y = data.imbalanced(1000, 0.03, separation=3.0, seed=0)
    assert y.sum() == 30
    assert X[y == 1, 0].mean() - X[y == 0, 0].mean() == pytest.approx(3.0, abs=0.5)
    centers = np.array([[0.0, 0.0, 0.0], [10.0, 0.0, 0.0], [0.0, 10.0, 0.0]])
    X, labels = data.blobs(10, centers, std=0.0, seed=0)
    assert np.bincount(labels).tolist() == [4, 3, 3]  # as make_blobs: remainder to the first
    np.testing.assert_array_equal(X, centers[labels])
    X, labels = data.blobs(50, 4, 0.5, seed=0, d=3)
    assert X.shape == (50, 3) and set(labels.tolist()) == {0, 1, 2, 3}


def test_bad_input_is_named():
    with pytest.raises(ValueError, match=r"n must be an integer >= 2; got 1"):
        data.two_moons(1)
    with pytest.raises(TypeError, match=r"n must be an integer; got 10.0"):
        data.xor(10.0)
    with pytest.raises(ValueError, match=r"noise must be in \[0.0, inf\); got -0.1"):
        data.two_moons(10, noise=-0.1)
    with pytest.raises(
        ValueError, match=r"noise must be one of 'gaussian', 'laplace', 'student_t'; got 'cauchy'"
    ):
        data.linear_data(10, noise="cauchy")
    with pytest.raises(ValueError, match=r"outliers must be at most n = 10; got 11"):
        data.linear_data(10, outliers=11)
    with pytest.raises(ValueError, match=r"w must be finite; got NaN or inf at index 0"):
        data.linear_data(10, w=np.nan)
    with pytest.raises(ValueError, match=r"positive_fraction must be in \(0.0, 1.0\); got 1.0"):
        data.imbalanced(10, 1.0)
    with pytest.raises(
        ValueError,
        match=r"positive_fraction \* n must round to between 1 and n - 1; got 0.01 \* 10 = 0",
    ):
        data.imbalanced(10, 0.01)
    with pytest.raises(ValueError, match=r"centers must have 2 dimension\(s\); got shape \(3,\)"):
        data.blobs(10, [1.0, 2.0, 3.0])
    with pytest.raises(
        TypeError, match=r"seed must be an int, None or numpy.random.Generator; got 'a'"
    ):
        data.xor(10, seed="a")
