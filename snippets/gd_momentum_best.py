"""Each method at its best step size on a quadratic with condition number 25.

Gradient descent's best is lr = 2 / (l_min + l_max); heavy-ball momentum's best is
lr = 4 / (sqrt(l_min) + sqrt(l_max))^2, beta = ((sqrt(k) - 1) / (sqrt(k) + 1))^2.

Run it with ``python gd_momentum_best.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import contraction_rates

eigenvalues = np.array([1.0, 25.0])
l_min, l_max = eigenvalues.min(), eigenvalues.max()
kappa = l_max / l_min
gd_lr = 2 / (l_min + l_max)
mom_lr = 4 / (np.sqrt(l_min) + np.sqrt(l_max)) ** 2
mom_beta = ((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2

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
