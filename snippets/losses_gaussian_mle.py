"""Under Gaussian noise, the negative log-likelihood is MSE / (2 sigma^2) + a constant.

Run it with ``python losses_gaussian_mle.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import gaussian_nll, mse

rng = np.random.default_rng(0)
sigma = 0.5
x = rng.uniform(-2, 2, size=40)
y = 1.5 * x - 0.5 + rng.normal(scale=sigma, size=x.size)

slopes = np.linspace(0.5, 2.5, 201)
intercepts = np.linspace(-1.5, 0.5, 201)
W, B = np.meshgrid(slopes, intercepts)  # rows: intercepts, columns: slopes
predictions = W[..., None] * x + B[..., None]  # shape (201, 201, 40)
targets = np.broadcast_to(y, predictions.shape)
nll = gaussian_nll(predictions, targets, sigma**2, full=True, reduction="none").mean(axis=-1)
mse_grid = mse(predictions, targets, reduction="none").mean(axis=-1)

const = 0.5 * np.log(2 * np.pi * sigma**2)
gap = nll - (mse_grid / (2 * sigma**2) + const)  # should be 0 everywhere
best_nll = np.unravel_index(nll.argmin(), nll.shape)
best_mse = np.unravel_index(mse_grid.argmin(), mse_grid.shape)

if __name__ == "__main__":
    print(f"max |NLL - (MSE / (2 sigma^2) + const)| over the grid: {np.abs(gap).max():.2e}")
    print(f"grid argmin of NLL: w={slopes[best_nll[1]]:.2f}, b={intercepts[best_nll[0]]:.2f}")
    print(f"grid argmin of MSE: w={slopes[best_mse[1]]:.2f}, b={intercepts[best_mse[0]]:.2f}")
