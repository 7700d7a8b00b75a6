"""The squared error is a squared Euclidean distance, and least squares is an orthogonal projection.

Stack the n targets into one vector y and the n predictions into another. The MSE is
|y_hat - y|^2 / n: the squared distance between two points of n-dimensional space.
A linear model can only reach the predictions X theta, a subspace; the closest of them
is the orthogonal projection of y onto it, so the residual is perpendicular to every
column of X and Pythagoras holds.

Run it with ``python losses_euclidean.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import mse

rng = np.random.default_rng(4)
n = 50
X = np.column_stack([rng.normal(size=n), rng.normal(size=n), np.ones(n)])  # two features, intercept
y = X @ np.array([1.0, -2.0, 0.5]) + rng.normal(0, 0.7, size=n)

theta = np.linalg.lstsq(X, y, rcond=None)[0]
y_hat = X @ theta
residual = y - y_hat
distance_squared = np.sum((y_hat - y) ** 2)  # |y_hat - y|^2
as_mse = n * mse(y_hat, y)  # the same number, through the loss
perpendicular = np.abs(X.T @ residual).max()  # residual . column, for every column
pythagoras = np.sum(y**2) - (np.sum(y_hat**2) + np.sum(residual**2))  # |y|^2 = |y_hat|^2 + |r|^2
# Any other parameters reach a point of the subspace farther from y.
others = theta + rng.normal(scale=0.1, size=(1000, 3))
farther = np.all(np.sum((others @ X.T - y) ** 2, axis=1) > distance_squared)

if __name__ == "__main__":
    print(f"|y_hat - y|^2 = {distance_squared:.6f}, n * MSE = {as_mse:.6f}")
    print(f"largest |column . residual| = {perpendicular:.1e}; Pythagoras gap {pythagoras:.1e}")
    print(f"1000 other parameter vectors all farther from y: {farther}")
