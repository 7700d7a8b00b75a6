"""Viva: the role of momentum, measured on an ill-conditioned quadratic.

f(x, y) = (x^2 + 25 y^2) / 2: steep across the valley (y), shallow along it (x).
For each step size and momentum beta: steps until f < 1e-6, and how often the path
zig-zags across the valley (sign changes of y in the first 60 steps).

Run it with ``python exercises_momentum.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import SURFACES
from lossnotes.optim import chapter_momentum, run, sgd

bowl = SURFACES["ill_conditioned"]


def gradient(p):
    return np.array(bowl.grad(p[0], p[1]), dtype=float)


def steps_to(path, tol=1e-6):
    below = np.flatnonzero(bowl.f(path[:, 0], path[:, 1]) < tol)
    return int(below[0]) if below.size else None


start = np.array(bowl.start)
rows = []  # (lr, beta, steps to f < 1e-6, zig-zags in the first 60 steps)
for lr in (0.01, 0.07):  # 0.07: close to plain descent's edge 2 / lambda_max
    for beta in (0.0, 0.7, 0.9):
        optimizer = chapter_momentum(lr, beta) if beta else sgd(lr)  # v <- beta v - lr g
        path = run(optimizer, gradient, start, 2000)
        zigzags = int(np.count_nonzero(np.diff(np.sign(path[:61, 1]))))
        rows.append((lr, beta, steps_to(path), zigzags))

if __name__ == "__main__":
    for lr, beta, steps, zigzags in rows:
        print(f"lr={lr} beta={beta}: {steps} steps to f < 1e-6, {zigzags} zig-zags")
