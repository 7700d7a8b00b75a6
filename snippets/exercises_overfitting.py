"""Viva: high train accuracy and low test accuracy is overfitting. A nearest-neighbour classifier.

Labels depend on the sign of x1 * x2, with 20 % of them flipped at random (noise no
model can predict). With k = 1 the classifier memorises the training set, noise
included; averaging over more neighbours (a simpler model) closes the gap.

Run it with ``python exercises_overfitting.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.metrics import accuracy_score


def make_data(n, rng):
    X = rng.uniform(-1, 1, size=(n, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    flip = rng.random(n) < 0.2
    return X, np.where(flip, 1 - y, y)


def knn_predict(X_train, y_train, X, k):
    distances = ((X[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(distances, axis=1, kind="stable")[:, :k]
    return (y_train[nearest].mean(axis=1) > 0.5).astype(int)  # majority vote (k odd)


rng = np.random.default_rng(0)
X_train, y_train = make_data(300, rng)
X_test, y_test = make_data(2000, rng)
rows = []  # (k, train accuracy, test accuracy)
for k in (1, 5, 25):
    rows.append(
        (
            k,
            accuracy_score(y_train, knn_predict(X_train, y_train, X_train, k)),
            accuracy_score(y_test, knn_predict(X_train, y_train, X_test, k)),
        )
    )

if __name__ == "__main__":
    for k, train_acc, test_acc in rows:
        print(f"k={k:2d}: train accuracy {train_acc:.3f}, test accuracy {test_acc:.3f}")
