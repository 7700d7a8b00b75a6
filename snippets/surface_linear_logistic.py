"""Loss surfaces of two convex models over their two parameters (w, b).

Linear regression with MSE is a quadratic bowl; logistic regression with binary
cross-entropy is convex too, but flattens out into long ramps far from its minimum.

Run it with ``python surface_linear_logistic.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

from functools import partial

import numpy as np

from lossnotes.landscape import grid_loss
from lossnotes.models import LinearRegression, LogisticRegression

rng = np.random.default_rng(7)
x = rng.uniform(-2, 2, size=(60, 1))
y_real = 1.5 * x[:, 0] - 0.5 + rng.normal(0, 0.5, 60)
y_class = (x[:, 0] + rng.normal(0, 0.7, 60) > 0.5).astype(float)  # overlapping classes

ws, bs = np.linspace(-3, 6, 61), np.linspace(-4, 3, 61)
e_w, e_b = np.array([1.0, 0.0]), np.array([0.0, 1.0])
linear = LinearRegression(n_features=1)
logistic = LogisticRegression(n_features=1)
Z_linear = grid_loss(partial(linear.loss, X=x, y=y_real), np.zeros(2), e_w, e_b, ws, bs)
Z_logistic = grid_loss(partial(logistic.loss, X=x, y=y_class), np.zeros(2), e_w, e_b, ws, bs)

if __name__ == "__main__":
    for name, Z in (
        ("linear regression (MSE)", Z_linear),
        ("logistic regression (BCE)", Z_logistic),
    ):
        j, k = np.unravel_index(np.argmin(Z), Z.shape)
        print(f"{name}: lowest grid loss {Z[j, k]:.4f} at w={ws[k]:.2f}, b={bs[j]:.2f}")
