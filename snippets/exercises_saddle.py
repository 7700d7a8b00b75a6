"""Viva: a saddle point. Zero gradient, Hessian eigenvalues of both signs; descent stalls nearby.

Run it with ``python exercises_saddle.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import SURFACES
from lossnotes.models import classify_critical_point
from lossnotes.optim import run, sgd

saddle = SURFACES["saddle"]  # f(x, y) = x^2 - y^2


def gradient(p):
    return np.array(saddle.grad(p[0], p[1]), dtype=float)


# Hessian at the origin by central differences of the analytic gradient
h = 1e-5
hessian = np.column_stack([(gradient(h * e) - gradient(-h * e)) / (2 * h) for e in np.eye(2)])
eigenvalues = np.linalg.eigvalsh(hessian)
kind = classify_critical_point(hessian)

# gradient descent started almost exactly on the ridge line y = 0
path = run(sgd(lr=0.05), gradient, np.array([1.5, 1e-4]), 120)
grad_norm = np.linalg.norm(2 * path * [1, -1], axis=1)  # |grad f| along the path
stalled = int(np.sum(grad_norm < 0.1))  # steps spent where the slope is almost flat

if __name__ == "__main__":
    print("gradient at the origin:", gradient(np.zeros(2)))
    print("Hessian eigenvalues:", eigenvalues.round(6), "->", kind)
    print(f"steps with |grad| < 0.1: {stalled} of {len(path) - 1}; final point {path[-1].round(3)}")
