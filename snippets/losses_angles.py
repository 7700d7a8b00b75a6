"""Angles live on a circle: 359 degrees is 2 degrees from 1 degree, not 358.

Run it with ``python losses_angles.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import mse


def angular_error(pred_deg, true_deg):
    """Signed smallest difference between two angles, in degrees, in [-180, 180)."""
    return (np.asarray(pred_deg) - np.asarray(true_deg) + 180.0) % 360.0 - 180.0


euclidean = abs(359.0 - 1.0)  # what |y_pred - y| sees
on_circle = abs(angular_error(359.0, 1.0))

# Wind directions scattered around north (0 deg), recorded in [0, 360).
rng = np.random.default_rng(2)
headings = rng.normal(0.0, 10.0, size=1000) % 360.0
candidates = np.arange(0.0, 360.0, 0.5)
mse_best = candidates[np.argmin([mse(np.full_like(headings, c), headings) for c in candidates])]
radians = np.deg2rad(headings)
circular_mean = np.rad2deg(np.arctan2(np.sin(radians).mean(), np.cos(radians).mean())) % 360.0
# The loss 1 - cos(pred - true) respects the wrap-around; its minimiser is the circular mean.
cos_best = candidates[np.argmin([np.mean(1 - np.cos(np.deg2rad(c) - radians)) for c in candidates])]

if __name__ == "__main__":
    print(f"|359 - 1| = {euclidean:g} deg, but the angle between them is {on_circle:g} deg")
    print(f"constant prediction minimising MSE on the headings: {mse_best:g} deg (due south)")
    print(f"minimising 1 - cos: {cos_best:g} deg; circular mean: {circular_mean:.1f} deg")
