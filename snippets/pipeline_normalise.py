"""Two other normalisations: min-max scaling to [0, 1] (fitted per column) and unit norm (per row).

Min-max scaling learns each column's minimum and maximum, so, like standardisation, it is
fitted on the training rows and applied unchanged: test rows can then fall outside [0, 1].
Scaling each row to unit length learns nothing from other rows, so it cannot leak, and
it keeps only the direction of each row.

Run it with ``python pipeline_normalise.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.data import train_val_test_split

rng = np.random.default_rng(0)
X = rng.normal(loc=[5.0, -2.0], scale=[3.0, 0.5], size=(200, 2))  # as in pipeline_fit_on_train.py
train, val, test = train_val_test_split(len(X), val_size=0.2, test_size=0.2, seed=1)

low, high = X[train].min(axis=0), X[train].max(axis=0)  # fitted on the training rows only


def min_max(rows):
    return (rows - low) / (high - low)


def unit_norm(rows):
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)  # each row on its own


scaled = {name: min_max(X[idx]) for name, idx in [("train", train), ("test", test)]}
outside = np.mean((scaled["test"] < 0) | (scaled["test"] > 1))  # share of test values
norms = np.linalg.norm(unit_norm(X), axis=1)
# Unit norm of a row does not depend on which other rows are there: no fitting, no leak.
alone = np.array([unit_norm(X[i : i + 1])[0] for i in test])
same_alone = np.abs(alone - unit_norm(X[test])).max()

if __name__ == "__main__":
    print(f"min-max on train: range {scaled['train'].min():.3f} to {scaled['train'].max():.3f}")
    print(f"test values outside [0, 1]: {outside:.1%}")
    print(
        f"unit norm: row lengths {norms.min():.6f} to {norms.max():.6f}; rows alone vs together {same_alone:g}"
    )
