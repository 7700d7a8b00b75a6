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
inside = np.abs(r) <= delta
gap_inside = np.abs(value - quadratic)[inside].max()
gap_outside = np.abs(value - linear)[~inside].max()

if __name__ == "__main__":
    print(f"|r| <= delta: max |huber - r^2/2| = {gap_inside:.1e}")
    print(f"|r| >  delta: max |huber - delta (|r| - delta/2)| = {gap_outside:.1e}")
