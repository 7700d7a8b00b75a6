"""One line, three losses: how far a few outliers drag the MSE, MAE and Huber fits.

Run it with ``python losses_outliers.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import fit_line
from lossnotes.pages.loss_functions import outlier_line

# 30 noisy readings of y = 0.8 x + 1 on [0, 10]; in y, three at the right end are
# corrupted (pulled down by 12 to 15).
x, y_clean, y, outliers = outlier_line()

fits = {}
for loss in ("mse", "mae", "huber"):
    fits[loss] = {
        "clean": fit_line(x, y_clean, loss=loss),
        "with outliers": fit_line(x, y, loss=loss),
    }

if __name__ == "__main__":
    print(f"three outliers, at x = {np.round(x[outliers], 2).tolist()}")
    for loss, fit in fits.items():
        (s0, b0), (s1, b1) = fit["clean"], fit["with outliers"]
        print(f"{loss:>5}: slope {s0:.3f} -> {s1:.3f}, intercept {b0:.3f} -> {b1:.3f}")
