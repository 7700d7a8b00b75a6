"""Gradient descent with a step size too small, right and too large.

f(x, y) = 0.5 (x^2 + 25 y^2) has Hessian eigenvalues 1 and 25, read off the
surface, so the step-size edge is 2 / lambda_max and the best step 2 / (lambda_min +
lambda_max).

Run it with ``python gd_learning_rates.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import get_surface, surface_hessian
from lossnotes.optim import optimal_step_size, run, sgd

surface = get_surface("ill_conditioned")
eigenvalues = np.linalg.eigvalsh(surface_hessian(surface, surface.minima[0]))
edge = 2 / eigenvalues.max()  # gradient descent diverges beyond this step size


def grad(p):
    return np.array(surface.grad(p[0], p[1]))


start = np.array(surface.start)
learning_rates = {"too small": 0.01, "right": optimal_step_size(eigenvalues), "too large": 0.081}
paths = {name: run(sgd(lr=lr), grad, start, 25) for name, lr in learning_rates.items()}

if __name__ == "__main__":
    for name, path in paths.items():
        x, y = path[-1]
        print(f"{name:10s} lr={learning_rates[name]:.4f}: f after 25 steps = {surface.f(x, y):.3g}")
