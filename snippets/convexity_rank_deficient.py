"""MSE of a linear model is strictly convex only if the design has full column rank.

Here the second feature is the first one in other units (inches vs centimetres), so the
columns of [X 1] are linearly dependent: the Hessian 2/n [X 1]^T [X 1] has a zero
eigenvalue, and moving along its eigenvector leaves the loss unchanged: a valley of minima.

Run it with ``python convexity_rank_deficient.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

rng = np.random.default_rng(4)
height_cm = rng.normal(0, 10, size=40)  # height above average, in cm
X = np.column_stack([height_cm, height_cm / 2.54])  # the same feature twice: cm and inches
y = 0.5 * height_cm + 65 + rng.normal(0, 3, size=40)  # weight, say
design = np.column_stack([X, np.ones(len(y))])  # theta = [w_cm, w_inch, b]

hessian = 2 / len(y) * design.T @ design
eigenvalues, eigenvectors = np.linalg.eigh(hessian)
null_direction = eigenvectors[:, 0]  # eigenvalue ~ 0: the loss is flat along it

theta_a = np.linalg.lstsq(design, y, rcond=None)[0]  # the minimum-norm minimiser
theta_b = theta_a + 3.0 * null_direction  # another point of the valley floor


def loss(theta):
    return np.mean((y - design @ theta) ** 2)


if __name__ == "__main__":
    print(f"rank of [X 1]: {np.linalg.matrix_rank(design)} of {design.shape[1]} columns")
    print(f"Hessian eigenvalues: {eigenvalues}")
    print(f"theta_a = {theta_a}, loss {loss(theta_a):.6f}")
    print(f"theta_b = {theta_b}, loss {loss(theta_b):.6f}")
