"""Adam's first steps with and without bias correction, on a constant gradient.

m and v start at zero, so early on they are (1 - beta1^t) and (1 - beta2^t)
times too small; bias correction divides that factor out.

Run it with ``python adaptive_bias_correction.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import adam, run

lr, steps = 0.01, 3000
gradient = np.array([0.5])  # the same gradient every step


def step_sizes(optimizer):  # |x_{t+1} - x_t| for t = 1 .. steps, from x = 0
    path = run(optimizer, lambda x: gradient, np.zeros(1), steps)
    return np.abs(np.diff(path[:, 0]))


corrected = step_sizes(adam(lr=lr))
uncorrected = step_sizes(adam(lr=lr, bias_correction=False))

if __name__ == "__main__":
    for t in (1, 2, 10, 100, 1000, 3000):
        print(
            f"step {t:4d}: corrected {corrected[t - 1] / lr:.3f} lr, "
            f"uncorrected {uncorrected[t - 1] / lr:.3f} lr"
        )
