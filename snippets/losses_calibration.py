"""Calibration on 0/1 labels: the output layer matters more than the loss.

Three fits of the same data. Least squares on a *linear* output (a straight line fitted
to the labels), least squares on a *sigmoid* output (the Brier score), and
cross-entropy on a sigmoid output (logistic regression). Then the two things that do
go wrong with a sigmoid and the squared error: its gradient in the logit,
(p - y) p (1 - p), vanishes on confident mistakes, and the loss is not convex in the logit.

Run it with ``python losses_calibration.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import bce_with_logits, bce_with_logits_grad, sigmoid
from lossnotes.metrics import reliability_curve
from lossnotes.models import fit_line, fit_logistic

rng = np.random.default_rng(5)
x_train, x_test = rng.normal(scale=1.5, size=2000), rng.normal(scale=1.5, size=20000)
true_prob = lambda x: sigmoid(2.0 * x)  # noqa: E731  (the data's real P(y = 1 | x))
y_train = (rng.uniform(size=x_train.size) < true_prob(x_train)).astype(float)
y_test = (rng.uniform(size=x_test.size) < true_prob(x_test)).astype(float)

# 1. Least squares on a linear output: a line through the labels.
slope, intercept = fit_line(x_train, y_train, loss="mse")
line_scores = slope * x_test + intercept
outside = np.mean((line_scores < 0) | (line_scores > 1))  # not even probabilities
line_prob = np.clip(line_scores, 0, 1)

# 2. Least squares on a sigmoid output, p = sigmoid(w x + b): the Brier score.
#    Gauss-Newton steps from (0, 0), the classical way to fit a nonlinear least squares.
design = np.column_stack([x_train, np.ones_like(x_train)])
theta = np.zeros(2)
for _ in range(100):
    p = sigmoid(design @ theta)
    jacobian = design * (p * (1 - p))[:, None]  # d p / d theta
    theta = theta + np.linalg.lstsq(jacobian, y_train - p, rcond=None)[0]
brier_prob = sigmoid(theta[0] * x_test + theta[1])

# 3. Cross-entropy on a sigmoid output: logistic regression (maximum likelihood).
w, b = fit_logistic(x_train, y_train)
ce_prob = sigmoid(w[0] * x_test + b)

curves = {
    "least squares, linear output (clipped)": reliability_curve(y_test, line_prob),
    "least squares, sigmoid output (Brier)": reliability_curve(y_test, brier_prob),
    "cross-entropy, sigmoid output (logistic)": reliability_curve(y_test, ce_prob),
}
# Expected calibration error: bin-size-weighted mean |fraction positive - mean predicted|.
ece = {name: np.sum(c * np.abs(f - m)) / np.sum(c) for name, (m, f, c) in curves.items()}

# The price of the squared error on a sigmoid, for one example with label y = 1:
# d/dz (sigmoid(z) - 1)^2 = 2 (p - 1) p (1 - p), against d/dz BCE = p - 1.
z = np.linspace(-10, 10, 2001)
p = sigmoid(z)
ones = np.ones_like(z)
brier_value, brier_grad = (p - 1) ** 2, 2 * (p - 1) * p * (1 - p)
ce_value = bce_with_logits(z, ones, reduction="none")
ce_grad = bce_with_logits_grad(z, ones, reduction="none")
brier_curvature = np.gradient(brier_grad, z)  # negative where the loss is concave in z

if __name__ == "__main__":
    print(f"linear least squares: {outside:.1%} of test scores fall outside [0, 1]")
    for name, value in ece.items():
        print(f"{name}: expected calibration error {value:.3f}")
    print(
        f"gradient at z = -10 (confidently wrong): squared error {brier_grad[0]:.1e}, BCE {ce_grad[0]:.3f}"
    )
    print(f"squared error concave in z for z < {z[brier_curvature < 0].max():.2f}")
