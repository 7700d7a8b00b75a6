"""Exercise: d BCE / dz = sigmoid(z) - y, checked against central finite differences.

Run it with ``python losses_bce_grad_check.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import bce_with_logits, sigmoid

z = np.linspace(-8, 8, 33)
h = 1e-5
worst = {}
for y in (0.0, 1.0):
    target = np.full_like(z, y)
    loss = lambda z_: bce_with_logits(z_, target, reduction="none")  # noqa: E731
    finite_difference = (loss(z + h) - loss(z - h)) / (2 * h)
    worst[y] = np.max(np.abs(finite_difference - (sigmoid(z) - y)))

if __name__ == "__main__":
    for y, err in worst.items():
        print(f"y = {y:g}: max |finite difference - (sigmoid(z) - y)| = {err:.1e}")
