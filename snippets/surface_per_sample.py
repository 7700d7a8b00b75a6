"""The loss surface is a sum of per-sample surfaces: J(w, b) = sum_i (w x_i + b - y_i)².

Each sample's squared error is zero along a whole line of (w, b), a trough; only their
sum is a bowl with a single lowest point.

Run it with ``python surface_per_sample.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

x = np.array([-1.0, 0.5, 1.5])
y = np.array([-0.5, 1.0, 1.2])
ws = np.linspace(-1.0, 2.5, 61)
bs = np.linspace(-1.0, 2.0, 61)

# per_sample[i, j, k] = loss of sample i at (w, b) = (ws[k], bs[j])
per_sample = (ws[None, None, :] * x[:, None, None] + bs[None, :, None] - y[:, None, None]) ** 2
J = per_sample.sum(axis=0)

j, k = np.unravel_index(np.argmin(J), J.shape)
w_best, b_best = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]

if __name__ == "__main__":
    print(
        f"grid minimum of J at w={ws[k]:.3f}, b={bs[j]:.3f}; least squares: w={w_best:.3f}, b={b_best:.3f}"
    )
    print(f"per-sample losses there: {per_sample[:, j, k].round(4)}, sum {J[j, k]:.4f}")
