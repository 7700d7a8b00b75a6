"""Measure momentum's stability edge; compare with lr * lambda_max < 2 + 2 beta.

Run it with ``python gd_momentum_edge.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import get_surface, surface_hessian
from lossnotes.optim import contraction_rates, first_divergent

surface = get_surface("ill_conditioned")  # 0.5 (x^2 + 25 y^2)
eigenvalues = np.linalg.eigvalsh(surface_hessian(surface, surface.minima[0]))
grid_step = 0.0005
# Offset by half a step, as in gd_stability_edge.py: no grid point sits on an edge, so
# the first diverging point is half a grid step past it (in lr * lambda_max, lambda_max
# times that).
lrs = np.arange(grid_step / 2, 0.2, grid_step)

edges = []  # (beta, measured edge * lambda_max, theory 2 + 2 beta)
for beta in [0.0, 0.5, 0.9]:
    rates = contraction_rates(eigenvalues, lrs, beta=beta)
    edge = first_divergent(lrs, rates) * eigenvalues.max()
    edges.append((beta, edge, 2 + 2 * beta))

if __name__ == "__main__":
    for beta, measured, theory in edges:
        print(f"beta {beta}: measured edge lr*lambda_max = {measured:.4f}, theory {theory}")
