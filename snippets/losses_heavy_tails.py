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
slope_rmse, squared_error = {}, {}
for noise_name, noise in noises.items():
    y = true_slope * x + noise  # 400 datasets at once, one per row
    for loss in ("mse", "mae", "huber"):
        slope, _ = fit_line(x, y, loss=loss)
        squared_error[noise_name, loss] = (slope - true_slope) ** 2
        slope_rmse[noise_name, loss] = np.sqrt(np.mean(squared_error[noise_name, loss]))

# Under Laplace noise MAE is the maximum-likelihood fit, yet Huber keeps up at 40 points.
# The paired difference of squared errors (same datasets) and its standard error:
diff = squared_error["Laplace", "huber"] - squared_error["Laplace", "mae"]
laplace_gap = (diff.mean(), diff.std(ddof=1) / np.sqrt(n_datasets))
# MAE's advantage is asymptotic: with many more points per dataset it shows.
n_large = 1000
x_large = np.linspace(-1, 1, n_large)
y_large = true_slope * x_large + rng.laplace(scale=0.97, size=(200, n_large))
large_rmse = {
    loss: np.sqrt(np.mean((fit_line(x_large, y_large, loss=loss)[0] - true_slope) ** 2))
    for loss in ("mae", "huber")
}
# Large-sample theory for Laplace noise of scale b: the variance of an M-estimate is
# E[psi^2] / E[psi']^2 times that of the design, with psi the loss's derivative.
# MAE (psi = sign): b^2. Huber, delta = 1 (psi = clip): closed forms of two integrals.
b, delta = 0.97, 1.0
tail = np.exp(-delta / b)
huber_variance = (2 * b**2 - tail * (delta**2 + 2 * b * delta + 2 * b**2) + delta**2 * tail) / (
    1 - tail
) ** 2
asymptotic_ratio = np.sqrt(huber_variance / b**2)  # Huber's slope RMSE / MAE's, as n grows

if __name__ == "__main__":
    for (noise_name, loss), value in slope_rmse.items():
        print(f"{noise_name:>17}, {loss:>5}: slope RMSE {value:.3f}")
    print(
        f"Laplace, {n_points} points: Huber minus MAE squared error {laplace_gap[0]:+.4f} (SE {laplace_gap[1]:.4f})"
    )
    print(f"theory, n large: Huber's slope RMSE is {asymptotic_ratio:.3f} times MAE's")
    print(
        f"Laplace, {n_large} points: slope RMSE MAE {large_rmse['mae']:.4f}, Huber {large_rmse['huber']:.4f}"
    )
