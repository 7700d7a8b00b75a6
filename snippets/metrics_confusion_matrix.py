"""One confusion matrix, four metrics: accuracy, precision, recall and F1 of a logistic regression.

Run it with ``python metrics_confusion_matrix.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import sigmoid
from lossnotes.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
)
from lossnotes.models import LogisticRegression
from lossnotes.optim import run, sgd

rng = np.random.default_rng(0)
y = rng.integers(0, 2, size=600)
X = rng.normal(size=(600, 2)) + 1.3 * y[:, None]  # positives sit up and to the right
X_train, y_train, X_test, y_test = X[:400], y[:400], X[400:], y[400:]

model = LogisticRegression(n_features=2)
theta = run(sgd(lr=0.5), lambda t: model.grad(t, X_train, y_train), np.zeros(3), 300)[-1]
scores = sigmoid(model.forward(theta, X_test))  # predicted P(y = 1)
y_pred = (scores >= 0.5).astype(int)

(tn, fp), (fn, tp) = confusion_matrix(y_test, y_pred)  # rows: true 0, 1; columns: predicted
by_hand = {
    "accuracy": (tp + tn) / (tp + tn + fp + fn),
    "precision": tp / (tp + fp),
    "recall": tp / (tp + fn),
    "F1": 2 * tp / (2 * tp + fp + fn),
}
by_library = {
    "accuracy": accuracy_score(y_test, y_pred),
    "precision": precision_score(y_test, y_pred),
    "recall": recall_score(y_test, y_pred),
    "F1": f1_score(y_test, y_pred),
}

if __name__ == "__main__":
    print(f"TN={tn} FP={fp} FN={fn} TP={tp}")
    for name in by_hand:
        print(f"{name:>9}: {by_hand[name]:.4f} (lossnotes.metrics: {by_library[name]:.4f})")
