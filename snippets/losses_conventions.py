"""Conventions that change a loss's number but not its minimiser: mean vs sum, the 1/2, Huber's delta.

Run it with ``python losses_conventions.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import huber, mse, mse_grad

y_pred = np.array([1.0, 2.0, 4.0, 0.5])
y_true = np.array([1.5, 2.0, 1.0, 0.0])
r = y_pred - y_true

conventions = {
    "mean of r^2 (PyTorch MSELoss)": mse(y_pred, y_true),
    "sum of r^2": mse(y_pred, y_true, reduction="sum"),
    "mean of r^2 / 2": mse(y_pred, y_true) / 2,
    "Huber, delta = 1 (mean)": huber(y_pred, y_true, delta=1.0),
    "Huber, delta = 2 (mean)": huber(y_pred, y_true, delta=2.0),
}
# With the 1/2 the per-sample gradient is the residual itself; without it, twice that.
grad_without_half = mse_grad(y_pred, y_true, reduction="sum")

if __name__ == "__main__":
    for name, value in conventions.items():
        print(f"{name:>30}: {value:.4f}")
    print("gradient of sum of r^2:", grad_without_half, "= 2 r with r =", r)
