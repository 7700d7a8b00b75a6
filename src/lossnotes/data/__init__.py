"""Seeded toy data sets, and preprocessing as pairs of pure fit and transform functions.

* **Regression**: ``linear_data()``, a noisy line with a choice of noise.
* **Classification shapes**: ``two_moons()`` and ``xor()``; ``imbalanced()`` and
  ``blobs()``.
* **Preprocessing**: ``fit_standardizer()`` / ``standardize()``,
  ``fit_select_k_best()`` / ``select_features()``, fitted on training data only,
  and ``train_val_test_split()``.

Every generator takes ``seed`` (an int or a ``numpy.random.Generator``), so a page
draws the same data on every build.

Examples
--------
>>> X, y = two_moons(n=4, seed=0)
>>> X.shape, y.tolist()
((4, 2), [0, 1, 0, 1])
"""

from lossnotes.data._preprocessing import (
    FeatureSelection,
    Standardization,
    fit_select_k_best,
    fit_standardizer,
    select_features,
    standardize,
    train_val_test_split,
)
from lossnotes.data._shapes import two_moons, xor
from lossnotes.data._toy import blobs, imbalanced, linear_data

__all__ = [
    "linear_data", "two_moons", "xor", "imbalanced", "blobs",
    "Standardization", "fit_standardizer", "standardize", "FeatureSelection",
    "fit_select_k_best", "select_features", "train_val_test_split",
]  # fmt: skip
