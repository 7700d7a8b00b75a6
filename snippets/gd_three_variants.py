"""Batch, stochastic and mini-batch gradient descent on one regression problem.

The same model, data, learning rate and number of epochs; only the batch size
changes.

Run it with ``python gd_three_variants.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import sgd, train
from lossnotes.pages.gradient_descent import line_problem

problem = line_problem()  # 200 noisy points of y = 1.5 x - 0.5, a start, a learning rate
X, y, theta0 = problem.X, problem.y, problem.theta0


def loss(theta, Xb, yb):  # mean squared error of w x + b, theta = [w, b]
    return np.mean((theta[0] * Xb[:, 0] + theta[1] - yb) ** 2)


def grad(theta, Xb, yb):  # its gradient, averaged over the batch
    residual = theta[0] * Xb[:, 0] + theta[1] - yb
    return 2 * np.array([np.mean(residual * Xb[:, 0]), np.mean(residual)])


runs = {
    name: train(
        sgd(lr=problem.lr), grad, loss, theta0, X, y, batch_size=batch_size, epochs=10, seed=1
    )
    for name, batch_size in [
        ("batch (B = 200)", 200),
        ("mini-batch (B = 16)", 16),
        ("stochastic (B = 1)", 1),
    ]
}

if __name__ == "__main__":
    for name, result in runs.items():
        steps = len(result.batch_loss)
        print(f"{name:20s} {steps:5d} steps, final loss {result.epoch_loss[-1]:.4f}")
