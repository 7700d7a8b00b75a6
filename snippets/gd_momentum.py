"""Momentum against plain gradient descent on an ill-conditioned quadratic.

Chapter convention: v <- beta v - lr g, theta <- theta + v. Same learning rate for
both; the per-step error factors are measured separately across the valley
(curvature lambda_max, 25) and along it (lambda_min, 1).

Run it with ``python gd_momentum.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import get_surface, surface_hessian
from lossnotes.optim import chapter_momentum, contraction_rates, run, sgd

surface = get_surface("ill_conditioned")  # 0.5 (x^2 + 25 y^2)
eigenvalues = np.linalg.eigvalsh(surface_hessian(surface, surface.minima[0]))
steep, shallow = eigenvalues.max(), eigenvalues.min()  # across the valley, along it


def grad(p):
    return np.array(surface.grad(p[0], p[1]))


lr, beta = 0.075, 0.5
start = np.array(surface.start)
paths = {
    f"gradient descent, lr {lr}": run(sgd(lr=lr), grad, start, 30),
    f"momentum, lr {lr}, beta {beta}": run(chapter_momentum(lr=lr, beta=beta), grad, start, 30),
}
# Error factor per step, measured on each eigen-direction alone.
factors = {
    name: [contraction_rates([curvature], [lr], beta=b)[0] for curvature in (steep, shallow)]
    for name, b in [("gradient descent", 0.0), ("momentum", beta)]
}

if __name__ == "__main__":
    for name, (across, along) in factors.items():
        print(f"{name:17s} across the valley {across:.3f}, along {along:.3f}")
