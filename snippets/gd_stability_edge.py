"""Measure where gradient descent starts to diverge; compare with 2 / lambda_max.

Every step size on a fine grid runs 1,000 steps of gradient descent on
f = 0.5 (x^2 + 25 y^2); the measured per-step growth factor of the error is
above 1 exactly when the run diverges.

Run it with ``python gd_stability_edge.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import get_surface, surface_hessian
from lossnotes.optim import contraction_rates, first_divergent, optimal_step_size

surface = get_surface("ill_conditioned")  # 0.5 (x^2 + 25 y^2)
eigenvalues = np.linalg.eigvalsh(surface_hessian(surface, surface.minima[0]))
grid_step = 0.0005
# Offset by half a step, so that no grid point sits exactly on the edge.
lrs = np.arange(grid_step / 2, 0.12, grid_step)
n_steps = 1000  # per step size
rates = contraction_rates(eigenvalues, lrs, steps=n_steps)

measured_edge = first_divergent(lrs, rates)
theory_edge = 2 / eigenvalues.max()
best_lr = lrs[np.argmin(rates)]  # fastest convergence on the grid
theory_best = optimal_step_size(eigenvalues)  # 2 / (lambda_min + lambda_max)
kappa = eigenvalues.max() / eigenvalues.min()  # the condition number

if __name__ == "__main__":
    print(f"measured edge {measured_edge:.5f}, theory 2/lambda_max = {theory_edge:.5f}")
    print(
        f"fastest lr {best_lr:.5f} (theory 2/(l_min + l_max) = {theory_best:.5f}), "
        f"rate {rates.min():.4f} (theory (k - 1)/(k + 1) = {(kappa - 1) / (kappa + 1):.4f})"
    )
