"""Viva: a learning rate too high. Gradient descent on f(x) = lambda x^2 / 2 diverges once lr * lambda > 2.

Each step multiplies x by (1 - lr * lambda): it shrinks when |1 - lr * lambda| < 1.

Run it with ``python exercises_learning_rate.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import run, sgd

curvature = 4.0  # lambda, the second derivative
rows = []  # (lr * lambda, |x| after 60 steps, predicted |1 - lr lambda|^60)
for product in (0.1, 1.0, 1.9, 2.1, 3.0):
    path = run(sgd(lr=product / curvature), lambda x: curvature * x, np.array([1.0]), 60)
    rows.append((product, abs(path[-1, 0]), abs(1 - product) ** 60))

if __name__ == "__main__":
    for product, final, predicted in rows:
        print(f"lr*lambda={product}: |x_60| = {final:.3g} (predicted {predicted:.3g})")
