"""Exercise: dBCE/dz = sigmoid(z) - y, checked against central finite differences.

Run it with ``python exercises_bce_gradient.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import bce_with_logits, bce_with_logits_grad, sigmoid

z = np.array([-6.0, -1.5, 0.0, 0.7, 4.0, -2.0, 0.0, 3.0])  # logits z = w.x + b
y = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0])  # labels

analytic = sigmoid(z) - y  # the derivation's result, p - y
h = 1e-5
finite_difference = (
    bce_with_logits(z + h, y, reduction="none") - bce_with_logits(z - h, y, reduction="none")
) / (2 * h)
library = bce_with_logits_grad(z, y, reduction="none")  # what the package uses
max_error = np.max(np.abs(analytic - finite_difference))
library_error = np.max(
    np.abs(library - finite_difference)
)  # the package, against the same reference

if __name__ == "__main__":
    for row in zip(z, y, analytic, finite_difference):
        print("z={:+.1f} y={:.0f}  p-y={:+.6f}  finite difference={:+.6f}".format(*row))
    print(f"largest difference: {max_error:.1e}")
