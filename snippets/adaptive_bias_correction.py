"""Adam's first steps with and without bias correction, on a constant gradient.

m and v start at zero, so early on they are (1 - beta1^t) and (1 - beta2^t)
times too small; bias correction divides that factor out.

Run it with ``python adaptive_bias_correction.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import adam

lr, steps = 0.01, 3000
gradient = np.array([0.5])  # the same gradient every step


def step_sizes(optimizer):
    state = optimizer.init(np.zeros(1))
    sizes = []
    for _ in range(steps):
        update, state = optimizer.update(gradient, state)
        sizes.append(abs(update[0]))
    return np.array(sizes)


corrected = step_sizes(adam(lr=lr))
uncorrected = step_sizes(adam(lr=lr, bias_correction=False))

if __name__ == "__main__":
    for t in (1, 2, 10, 100, 1000, 3000):
        print(
            f"step {t:4d}: corrected {corrected[t - 1] / lr:.3f} lr, "
            f"uncorrected {uncorrected[t - 1] / lr:.3f} lr"
        )
