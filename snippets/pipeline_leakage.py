"""Data leakage measured: fit a preprocessor on all rows instead of the training rows.

The labels are coin flips, independent of 1,000 noise features, so every classifier's
true accuracy is exactly 0.5. The honest pipeline fits standardisation and feature
selection on the training rows only; a leaky one fits one of them on all rows (test
included) before splitting. Any test accuracy above 0.5 on average is optimism.

Run it with ``python pipeline_leakage.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.data import (
    fit_select_k_best,
    fit_standardizer,
    select_features,
    standardize,
    train_val_test_split,
)

N_SAMPLES, N_FEATURES, K_KEPT, N_SEEDS = 100, 1000, 20, 200
LEAKS = ("none", "standardizer", "selection")


def nearest_centroid_accuracy(X_train, y_train, X_test, y_test):
    """Predict the class whose training mean is nearest (a scale-sensitive classifier)."""
    centroids = np.stack([X_train[y_train == c].mean(axis=0) for c in (0, 1)])
    distances = ((X_test[:, None, :] - centroids[None]) ** 2).sum(axis=2)
    return np.mean(distances.argmin(axis=1) == y_test)


def pipeline_accuracy(X, y, train, test, leak):
    """Test accuracy of standardise -> keep k features -> nearest centroid."""
    every_row = np.arange(len(X))  # the leak: fitting on every row, test rows included
    scaling = fit_standardizer(X[every_row if leak == "standardizer" else train])
    Z = standardize(scaling, X)
    rows = every_row if leak == "selection" else train
    selection = fit_select_k_best(Z[rows], y[rows], k=K_KEPT)
    Z = select_features(selection, Z)
    return nearest_centroid_accuracy(Z[train], y[train], Z[test], y[test])


accuracy = {leak: np.empty(N_SEEDS) for leak in LEAKS}  # one test score per seed
for seed in range(N_SEEDS):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N_SAMPLES, N_FEATURES))
    y = rng.integers(0, 2, size=N_SAMPLES)  # independent of X: nothing to learn
    train, val, test = train_val_test_split(N_SAMPLES, val_size=0.2, test_size=0.2, seed=seed)
    for leak in LEAKS:  # the same data and split for every pipeline: a paired comparison
        accuracy[leak][seed] = pipeline_accuracy(X, y, train, test, leak)
optimism = {leak: accuracy[leak] - accuracy["none"] for leak in LEAKS[1:]}

if __name__ == "__main__":
    for leak in LEAKS:
        print(f"leak={leak:>12}: mean test accuracy {accuracy[leak].mean():.3f}")
    for leak, gap in optimism.items():
        se = gap.std(ddof=1) / np.sqrt(N_SEEDS)
        print(f"optimism from {leak}: {gap.mean():+.3f} (standard error {se:.3f})")
