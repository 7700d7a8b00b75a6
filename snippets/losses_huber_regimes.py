"""Huber is the squared error below delta and a shifted absolute error above it.

Run it with ``python losses_huber_regimes.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import huber

delta = 1.5
r = np.linspace(-5, 5, 1001)
value = huber(r, np.zeros_like(r), delta=delta, reduction="none")
quadratic = 0.5 * r**2  # half the squared error
linear = delta * (np.abs(r) - 0.5 * delta)  # absolute error, scaled and shifted

# The hand-over at r = delta, measured on the package's values: one-sided slopes.
h = 1e-6
at = huber([delta - h, delta, delta + h], [0.0, 0.0, 0.0], delta=delta, reduction="none")
slope_left, slope_right = (at[1] - at[0]) / h, (at[2] - at[1]) / h
# Far out, Huber is a line of slope delta: the pull of a large residual is capped.
far = huber([4.0, 5.0], [0.0, 0.0], delta=delta, reduction="none")
slope_far = far[1] - far[0]

if __name__ == "__main__":
    print(f"slope at r = delta: {slope_left:.4f} from the left, {slope_right:.4f} from the right")
    print(f"slope between r = 4 and r = 5: {slope_far:.4f} (delta = {delta})")
