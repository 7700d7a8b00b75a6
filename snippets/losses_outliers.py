"""One line, three losses: how far a few outliers drag the MSE, MAE and Huber fits.

Run it with ``python losses_outliers.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import fit_line

rng = np.random.default_rng(3)
x = np.linspace(0, 10, 30)
y_clean = 0.8 * x + 1.0 + rng.normal(scale=0.5, size=x.size)
y = y_clean.copy()
y[[24, 26, 28]] -= [12.0, 15.0, 14.0]  # three corrupted readings at the right end

fits = {}
for loss in ("mse", "mae", "huber"):
    fits[loss] = {
        "clean": fit_line(x, y_clean, loss=loss),
        "with outliers": fit_line(x, y, loss=loss),
    }

if __name__ == "__main__":
    for loss, fit in fits.items():
        (s0, b0), (s1, b1) = fit["clean"], fit["with outliers"]
        print(f"{loss:>5}: slope {s0:.3f} -> {s1:.3f}, intercept {b0:.3f} -> {b1:.3f}")
