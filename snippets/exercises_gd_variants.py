"""Batch, mini-batch and stochastic gradient descent: what one epoch costs the hardware.

Least-squares regression, n = 2048 rows, 16 features. For each batch size it measures how
the work of an epoch is cut into array operations (what decides how well hardware is
used) and the peak memory allocated by one step. Counts, not timings, so that the page is
the same on every machine. How the three converge is measured on the gradient-descent
and mini-batch pages.

Run it with ``python exercises_gd_variants.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import tracemalloc

import numpy as np

from lossnotes.optim import sgd, train

rng = np.random.default_rng(0)
n, d = 2048, 16
X = rng.normal(size=(n, d))
y = X @ rng.normal(size=d) + rng.normal(scale=0.5, size=n)


def loss(theta, Xb, yb):
    return float(np.mean((Xb @ theta - yb) ** 2))


products = []  # rows in each matrix product the gradient performs


def grad(theta, Xb, yb):
    products.extend([len(yb), len(yb)])  # Xb @ theta, then Xb.T @ residual
    return 2.0 / len(yb) * (Xb.T @ (Xb @ theta - yb))


theta0 = np.zeros(d)
full_grad = grad(theta0, X, y)
VARIANTS = {"batch GD": n, "mini-batch GD (B = 32)": 32, "SGD (B = 1)": 1}

measured = {}
for name, B in VARIANTS.items():
    products.clear()  # count the array operations of one epoch
    train(sgd(0.01), grad, loss, theta0, X, y, batch_size=B, epochs=1, seed=1)
    epoch_products = list(products)
    idx = np.arange(B)
    tracemalloc.start()  # memory allocated while computing one step's gradient
    grad(theta0, X[idx], y[idx])
    peak_bytes = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    measured[name] = {
        "updates per epoch": -(-n // B),
        "matrix products per epoch": len(epoch_products),
        "rows per product": B,
        "flops per epoch": sum(2 * rows * d for rows in epoch_products),
        "KiB per step": peak_bytes / 1024,
    }

if __name__ == "__main__":
    for name, row in measured.items():
        print(name)
        for key, value in row.items():
            print(f"  {key:>26}: {value:.4g}")
