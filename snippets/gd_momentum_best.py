"""Each method at its best step size on the quadratic 0.5 (x^2 + 25 y^2).

Gradient descent's best is lr = 2 / (l_min + l_max); heavy-ball momentum's best is
lr = 4 / (sqrt(l_min) + sqrt(l_max))^2, beta = ((sqrt(k) - 1) / (sqrt(k) + 1))^2, with
the condition number k = l_max / l_min of the Hessian.

Run it with ``python gd_momentum_best.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import get_surface, surface_hessian
from lossnotes.optim import contraction_rates, optimal_momentum, optimal_step_size

surface = get_surface("ill_conditioned")
eigenvalues = np.linalg.eigvalsh(surface_hessian(surface, surface.minima[0]))
kappa = eigenvalues.max() / eigenvalues.min()
gd_lr = optimal_step_size(eigenvalues)
mom_lr, mom_beta = optimal_momentum(eigenvalues)

measured = {  # error factor per step, over steps 500..1000
    "gradient descent": contraction_rates(eigenvalues, [gd_lr])[0],
    "momentum": contraction_rates(eigenvalues, [mom_lr], beta=mom_beta)[0],
}
theory = {
    "gradient descent": (kappa - 1) / (kappa + 1),
    "momentum": (np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1),
}

if __name__ == "__main__":
    for name in measured:
        print(f"{name:17s} measured {measured[name]:.4f}, theory {theory[name]:.4f}")
