"""Precision, recall and F1 against the decision threshold, for the logistic regression of the confusion matrix.

Raising the threshold makes the classifier say "positive" less often: recall can only
fall, precision usually rises, and F1, which needs both, peaks in between.

Run it with ``python metrics_threshold.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import sigmoid
from lossnotes.metrics import f1_score, precision_score, recall_score
from lossnotes.models import LogisticRegression
from lossnotes.optim import run, sgd

rng = np.random.default_rng(0)  # the data and model of metrics_confusion_matrix.py
y = rng.integers(0, 2, size=600)
X = rng.normal(size=(600, 2)) + 1.3 * y[:, None]
X_train, y_train, X_test, y_test = X[:400], y[:400], X[400:], y[400:]
model = LogisticRegression(n_features=2)
theta = run(sgd(lr=0.5), lambda t: model.grad(t, X_train, y_train), np.zeros(3), 300)[-1]
scores = sigmoid(model.forward(theta, X_test))  # predicted P(y = 1)

thresholds = np.linspace(0.05, 0.95, 91)
curves = {"precision": [], "recall": [], "F1": []}
for threshold in thresholds:
    y_pred = (scores >= threshold).astype(int)
    curves["precision"].append(precision_score(y_test, y_pred, zero_division=1.0))
    curves["recall"].append(recall_score(y_test, y_pred))
    curves["F1"].append(f1_score(y_test, y_pred, zero_division=0.0))
curves = {name: np.array(values) for name, values in curves.items()}
best_f1 = thresholds[np.argmax(curves["F1"])]

if __name__ == "__main__":
    for name, values in curves.items():
        print(f"{name:>9}: {values[0]:.3f} at threshold 0.05, {values[-1]:.3f} at 0.95")
    print(f"F1 is highest, {curves['F1'].max():.3f}, at threshold {best_f1:.2f}")
