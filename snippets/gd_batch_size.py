"""Larger batches converge in fewer steps but need more examples: both measured.

The regression problem of the batch, mini-batch and stochastic comparison, run with
plain mini-batch SGD at one learning rate for every batch size B (each B divides the 200
rows, so no batch is short), averaged over shuffles. It records the loss on all the data,
above its minimum, after every step; compared after the same number of steps and after
the same number of examples (steps times B).

Run it with ``python gd_batch_size.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import mse, mse_grad
from lossnotes.pages.gradient_descent import line_problem

problem = line_problem()  # 200 noisy points of y = 1.5 x - 0.5, a start, a learning rate
X, y, theta0, lr = problem.X, problem.y, problem.theta0, problem.lr
theta_star, min_loss = problem.theta_star, problem.min_loss  # the least-squares fit
A = np.column_stack([X[:, 0], np.ones(len(X))])  # the model is w x + b, theta = [w, b]


def loss(theta):  # mean squared error on all the data
    return mse(A @ theta, y)


def grad(theta, rows):  # the chain rule: d loss / d theta = A^T (d loss / d prediction)
    return A[rows].T @ mse_grad(A[rows] @ theta, y[rows])


shuffles, n_steps = 50, 400
batch_sizes = [1, 4, 20, 100, 200]


def excess_loss_per_step(batch_size, seed):
    """Loss on all the data minus its minimum after each of n_steps steps of SGD."""
    order_rng = np.random.default_rng(seed)
    theta, excess = theta0.copy(), []
    while len(excess) < n_steps:
        order = order_rng.permutation(len(y))  # one epoch
        for start in range(0, len(y), batch_size):
            rows = order[start : start + batch_size]
            theta = theta - lr * grad(theta, rows)
            excess.append(loss(theta) - min_loss)
    return np.array(excess[:n_steps])


curves = {
    B: np.mean([excess_loss_per_step(B, seed) for seed in range(shuffles)], axis=0)
    for B in batch_sizes
}
same_steps, same_examples = 100, 200  # compare after 100 steps, and after one epoch
after_steps = {B: curve[same_steps - 1] for B, curve in curves.items()}
after_examples = {B: curve[same_examples // B - 1] for B, curve in curves.items()}

if __name__ == "__main__":
    print(f"mean loss above the minimum ({min_loss:.4f}) over {shuffles} shuffles")
    for B in batch_sizes:
        print(
            f"B = {B:3d}: after {same_steps} steps {after_steps[B]:.2e}, "
            f"after {same_examples} examples ({same_examples // B} steps) {after_examples[B]:.2e}"
        )
