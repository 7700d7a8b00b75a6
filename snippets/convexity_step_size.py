"""Gradient descent on a convex quadratic converges for every step size below 2 / lambda_max.

The loss is the MSE of a linear model; its Hessian H is constant, and gradient descent
multiplies the error along each eigenvector of H by (1 - lr * lambda) per step, so it
converges exactly when |1 - lr * lambda_max| < 1, i.e. lr < 2 / lambda_max.

Run it with ``python convexity_step_size.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

rng = np.random.default_rng(2)
A = np.column_stack([rng.normal(1.0, 1.0, 50), np.ones(50)])  # feature and intercept column
y = A @ np.array([1.5, -0.5]) + rng.normal(0, 0.3, 50)
theta_star = np.linalg.lstsq(A, y, rcond=None)[0]

hessian = 2 / len(y) * A.T @ A
lambda_max = np.linalg.eigvalsh(hessian).max()
lr_limit = 2 / lambda_max

distances = {}  # fraction of the limit -> distance to the minimum after each step
for fraction in (0.25, 0.9, 0.99, 1.01, 1.1):
    theta, path = np.zeros(2), []
    for _ in range(150):
        theta = theta - fraction * lr_limit * (2 / len(y)) * A.T @ (A @ theta - y)
        path.append(np.linalg.norm(theta - theta_star))
    distances[fraction] = np.array(path)

if __name__ == "__main__":
    print(f"lambda_max = {lambda_max:.4f}, so lr must stay below 2 / lambda_max = {lr_limit:.4f}")
    for fraction, path in distances.items():
        print(f"lr = {fraction:.2f} x limit: distance to minimum after 150 steps {path[-1]:.3g}")
