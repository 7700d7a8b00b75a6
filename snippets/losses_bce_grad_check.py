"""d BCE / dz = sigmoid(z) - y, and the package's gradient, checked against central finite differences.

Run it with ``python losses_bce_grad_check.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import bce_with_logits, bce_with_logits_grad, sigmoid

z = np.linspace(-8, 8, 33)
h = 1e-5
worst = {}  # the derivation's p - y against finite differences, per label
library_worst = {}  # the package's bce_with_logits_grad against the same finite differences
for y in (0.0, 1.0):
    target = np.full_like(z, y)
    loss = lambda z_: bce_with_logits(z_, target, reduction="none")  # noqa: E731
    finite_difference = (loss(z + h) - loss(z - h)) / (2 * h)
    worst[y] = np.max(np.abs(finite_difference - (sigmoid(z) - y)))
    library = bce_with_logits_grad(z, target, reduction="none")
    library_worst[y] = np.max(np.abs(finite_difference - library))

if __name__ == "__main__":
    for y, err in worst.items():
        print(f"y = {y:g}: max |finite difference - (sigmoid(z) - y)| = {err:.1e}")
        print(f"y = {y:g}: max |finite difference - bce_with_logits_grad| = {library_worst[y]:.1e}")
