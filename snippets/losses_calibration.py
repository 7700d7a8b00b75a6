"""Probabilities from MSE on 0/1 labels (a linear fit) versus from cross-entropy (logistic).

Run it with ``python losses_calibration.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import sigmoid
from lossnotes.metrics import reliability_curve
from lossnotes.models import fit_line, fit_logistic

rng = np.random.default_rng(5)
x_train, x_test = rng.normal(scale=1.5, size=2000), rng.normal(scale=1.5, size=20000)
true_prob = lambda x: sigmoid(2.0 * x)  # noqa: E731  (the data's real P(y = 1 | x))
y_train = (rng.uniform(size=x_train.size) < true_prob(x_train)).astype(float)
y_test = (rng.uniform(size=x_test.size) < true_prob(x_test)).astype(float)

slope, intercept = fit_line(x_train, y_train, loss="mse")  # least squares on the labels
mse_scores = slope * x_test + intercept
outside = np.mean((mse_scores < 0) | (mse_scores > 1))  # not even probabilities
mse_prob = np.clip(mse_scores, 0, 1)

w, b = fit_logistic(x_train, y_train)  # minimises the mean binary cross-entropy
ce_prob = sigmoid(w[0] * x_test + b)

curves = {
    "MSE on labels (clipped)": reliability_curve(y_test, mse_prob),
    "cross-entropy (logistic)": reliability_curve(y_test, ce_prob),
}
# Expected calibration error: bin-size-weighted mean |fraction positive - mean predicted|.
ece = {name: np.sum(c * np.abs(f - m)) / np.sum(c) for name, (m, f, c) in curves.items()}

if __name__ == "__main__":
    print(f"MSE fit: {outside:.1%} of test scores fall outside [0, 1]")
    for name, value in ece.items():
        print(f"{name}: expected calibration error {value:.3f}")
