"""Saddle points: classify critical points by Hessian eigenvalues; watch gradient descent stall.

f(x, y) = x² + y⁴/4 - y²/2 has three critical points (gradient zero): (0, 0) and (0, ±1).
The Hessian diag(2, 3y² - 1) decides what each one is. Gradient descent started almost on
the x-axis slides into the saddle, crawls while the gradient is tiny, then escapes.

Run it with ``python nonconvex_saddle.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import classify_critical_point
from lossnotes.optim import run, sgd


def f(p):
    x, y = p
    return x**2 + y**4 / 4 - y**2 / 2


def grad(p):
    x, y = p
    return np.array([2 * x, y**3 - y])


def hessian(p):
    return np.diag([2.0, 3 * p[1] ** 2 - 1])


critical_points = [np.array([0.0, 0.0]), np.array([0.0, 1.0]), np.array([0.0, -1.0])]
kinds = [classify_critical_point(hessian(p)) for p in critical_points]

path = run(sgd(lr=0.1), grad, np.array([1.5, 1e-4]), 150)
grad_norm = np.linalg.norm([grad(p) for p in path], axis=1)
slowest_step = int(np.argmax(np.diff(grad_norm) > 0))  # where the gradient stops shrinking

if __name__ == "__main__":
    for p, kind in zip(critical_points, kinds):
        print(
            f"{p}: gradient {grad(p)}, Hessian eigenvalues {np.linalg.eigvalsh(hessian(p))} -> {kind}"
        )
    print(
        f"gradient norm falls to {grad_norm[slowest_step]:.1e} at step {slowest_step}, "
        f"near {np.round(path[slowest_step], 4)}; the run ends at {np.round(path[-1], 4)}"
    )
