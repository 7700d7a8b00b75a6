"""The worked example of the source text on optimization basics: gradient descent on the MSE of y = w x + b, run as written.

Run it with ``python mse_gradient_descent.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

X = np.array([1, 2, 3, 4, 5], dtype=float)
y = np.array([2, 4, 5, 4, 5], dtype=float)
w, b, lr = 0.0, 0.0, 0.01

history = [(0, w, b, np.mean((y - w * X - b) ** 2))]  # (step, w, b, loss)
for step in range(1, 1001):
    y_hat = w * X + b
    res = y - y_hat
    w += lr * (2 / len(X)) * (res @ X)  # dL/dw = (-2/N) sum(res * x)
    b += lr * (2 / len(X)) * res.sum()  # dL/db = (-2/N) sum(res)
    history.append((step, w, b, np.mean((y - w * X - b) ** 2)))

# The least-squares answer the loop is heading for, from the normal equations.
design = np.column_stack([X, np.ones_like(X)])
w_star, b_star = np.linalg.lstsq(design, y, rcond=None)[0]

if __name__ == "__main__":
    print(f"after 1000 steps: w={w:.3f}, b={b:.3f}")
    print(f"least squares:    w={w_star:.3f}, b={b_star:.3f}")
