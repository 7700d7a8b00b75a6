"""Per-sample losses and their gradients, on a grid of residuals r = y_pred - y and of logits z.

Run it with ``python losses_per_sample.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import (
    bce_with_logits,
    bce_with_logits_grad,
    cross_entropy,
    cross_entropy_grad,
    huber,
    huber_grad,
    mae,
    mae_grad,
    mse,
    mse_grad,
)

r = np.linspace(-3, 3, 601)  # residuals y_pred - y (target 0)
zero = np.zeros_like(r)
per_sample = dict(reduction="none")  # one loss per element; the grad is of their sum
regression = {
    "squared error": (mse(r, zero, **per_sample), mse_grad(r, zero, **per_sample)),
    "absolute error": (mae(r, zero, **per_sample), mae_grad(r, zero, **per_sample)),
    "Huber, delta = 1": (huber(r, zero, **per_sample), huber_grad(r, zero, **per_sample)),
}

z = np.linspace(-6, 6, 601)  # one logit per sample
ones = np.ones_like(z)
# Three-class cross-entropy, true class 0, varying its logit with the others at 0.
logits3 = np.column_stack([z, zero[:1].repeat(len(z)), zero[:1].repeat(len(z))])
classification = {
    "BCE, y = 1": (
        bce_with_logits(z, ones, **per_sample),
        bce_with_logits_grad(z, ones, **per_sample),
    ),
    "BCE, y = 0": (
        bce_with_logits(z, 0 * ones, **per_sample),
        bce_with_logits_grad(z, 0 * ones, **per_sample),
    ),
    "softmax CE, 3 classes": (
        cross_entropy(logits3, np.zeros(len(z), dtype=int), **per_sample),
        cross_entropy_grad(logits3, np.zeros(len(z), dtype=int), **per_sample)[:, 0],
    ),
}

if __name__ == "__main__":
    i = np.searchsorted(r, 2.0)
    for name, (value, grad) in regression.items():
        print(f"{name:>18}: L(2) = {value[i]:.3f}, dL/dr(2) = {grad[i]:.3f}")
    j = np.searchsorted(z, 0.0)
    for name, (value, grad) in classification.items():
        print(f"{name:>22}: L(0) = {value[j]:.3f}, dL/dz(0) = {grad[j]:.3f}")
