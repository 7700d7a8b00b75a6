"""Split first, fit the standardizer on the training part only, apply it to all three parts.

Run it with ``python pipeline_fit_on_train.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.data import fit_standardizer, standardize, train_val_test_split

rng = np.random.default_rng(0)
X = rng.normal(loc=[5.0, -2.0], scale=[3.0, 0.5], size=(200, 2))  # two raw features

# 1. split before looking at any statistic of the data
train, val, test = train_val_test_split(len(X), val_size=0.2, test_size=0.2, seed=1)
# 2. fit on the training rows only
scaling = fit_standardizer(X[train])
# 3. apply the same fitted transform to every part
parts = {
    name: standardize(scaling, X[idx])
    for name, idx in [("train", train), ("validation", val), ("test", test)]
}

if __name__ == "__main__":
    print("fitted on train: mean", scaling.mean.round(3), "scale", scaling.scale.round(3))
    for name, Z in parts.items():
        print(f"{name:>10}: mean {Z.mean(axis=0).round(3)}, std {Z.std(axis=0).round(3)}")
