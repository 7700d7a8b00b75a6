"""Which loss estimates a slope best? It depends on the noise: Gaussian, Laplace, Student-t.

Run it with ``python losses_heavy_tails.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import fit_line

rng = np.random.default_rng(11)
n_datasets, n_points, true_slope = 400, 40, 2.0
x = np.linspace(-1, 1, n_points)
noises = {  # all with median absolute value near 0.67: comparable typical errors
    "Gaussian": rng.normal(size=(n_datasets, n_points)),
    "Laplace": rng.laplace(scale=0.97, size=(n_datasets, n_points)),
    "Student-t, 2 dof": rng.standard_t(2, size=(n_datasets, n_points)) * 0.82,
}
# Root-mean-square error of the fitted slope over the datasets, per noise and loss.
slope_rmse = {}
for noise_name, noise in noises.items():
    y = true_slope * x + noise  # 400 datasets at once, one per row
    for loss in ("mse", "mae", "huber"):
        slope, _ = fit_line(x, y, loss=loss)
        slope_rmse[noise_name, loss] = np.sqrt(np.mean((slope - true_slope) ** 2))

if __name__ == "__main__":
    for (noise_name, loss), value in slope_rmse.items():
        print(f"{noise_name:>17}, {loss:>5}: slope RMSE {value:.3f}")
