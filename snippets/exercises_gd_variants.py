"""Batch, mini-batch and stochastic gradient descent on one problem, measured side by side.

Least-squares regression, n = 2048 rows, 16 features, the same learning rate and number
of epochs for each. Measured: gradient noise, the loss left after one and after five
epochs (above the least-squares minimum), how the work of an epoch is cut into array
operations (what decides how well hardware is used), and the peak memory allocated by one
step. Counts, not timings, so that the page is the same on every machine.

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
theta_star = np.linalg.lstsq(X, y, rcond=None)[0]


def loss(theta, Xb, yb):
    return float(np.mean((Xb @ theta - yb) ** 2))


products = []  # rows in each matrix product the gradient performs


def grad(theta, Xb, yb):
    products.extend([len(yb), len(yb)])  # Xb @ theta, then Xb.T @ residual
    return 2.0 / len(yb) * (Xb.T @ (Xb @ theta - yb))


min_loss = loss(theta_star, X, y)
theta0 = np.zeros(d)
full_grad = grad(theta0, X, y)
VARIANTS = {"batch GD": n, "mini-batch GD (B = 32)": 32, "SGD (B = 1)": 1}
EPOCHS, LR = 5, 0.01

measured = {}
for name, B in VARIANTS.items():
    result = train(sgd(LR), grad, loss, theta0, X, y, batch_size=B, epochs=EPOCHS, seed=1)
    # gradient noise at the start: spread of batch gradients around the full gradient
    batches = np.array_split(rng.permutation(n), n // B)
    spread = [np.sum((grad(theta0, X[i], y[i]) - full_grad) ** 2) for i in batches]
    products.clear()  # count the array operations of one more epoch
    train(sgd(LR), grad, loss, result.theta, X, y, batch_size=B, epochs=1, seed=EPOCHS + 1)
    epoch_products = list(products)
    idx = np.arange(B)
    tracemalloc.start()  # memory allocated while computing one step's gradient
    grad(theta0, X[idx], y[idx])
    peak_bytes = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    measured[name] = {
        "updates per epoch": -(-n // B),
        "gradient noise": np.sqrt(np.mean(spread)) / np.linalg.norm(full_grad),
        "excess loss after 1 epoch": result.epoch_loss[1] - min_loss,
        f"excess loss after {EPOCHS} epochs": result.epoch_loss[-1] - min_loss,
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
