"""The mini-batch gradient is unbiased: two exact statements, checked numerically.

1. Over *all* subsets of B samples (a batch drawn uniformly without replacement),
   the average batch gradient is the full gradient.
2. Over the batches of one epoch that splits the n samples into equal batches,
   the average batch gradient is the full gradient (for any shuffle).

Run it with ``python minibatch_unbiased.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import LinearRegression
from lossnotes.optim import mean_over_all_batches, per_sample_gradients

rng = np.random.default_rng(0)
X = rng.normal(size=(12, 2))
y = X @ np.array([2.0, -1.0]) + 0.5 + rng.normal(0, 0.3, size=12)
model = LinearRegression(n_features=2)
theta = np.array([0.3, 0.8, -0.2])  # any point: not the minimum

full = model.grad(theta, X, y)
G = per_sample_gradients(model.grad, theta, X, y)  # row i: gradient of sample i

# 1. Every one of the C(12, 4) = 495 batches of 4 samples.
all_subsets = mean_over_all_batches(G, batch_size=4)

# 2. One shuffled epoch of three batches of 4.
order = rng.permutation(12)
epoch = np.mean([model.grad(theta, X[b], y[b]) for b in order.reshape(3, 4)], axis=0)

# The last batch of a DataLoader may be shorter (12 = 5 + 5 + 2). For this one shuffle the
# plain average of the batch gradients is then not the full gradient; weighting each batch
# by its size is, for every shuffle.
batches = np.split(order, [5, 10])
grads = np.array([model.grad(theta, X[b], y[b]) for b in batches])
sizes = np.array([len(b) for b in batches])
plain_average = grads.mean(axis=0)
weighted_average = sizes @ grads / sizes.sum()

# Averaged over shuffles, the plain average is unbiased too: every sample is as likely as
# any other to land in the short batch. Checked on many random shuffles.
n_shuffles = 20_000
plain_over_shuffles = np.zeros_like(full)
for _ in range(n_shuffles):
    shuffled = np.split(rng.permutation(12), [5, 10])
    plain_over_shuffles += np.mean([G[b].mean(axis=0) for b in shuffled], axis=0) / n_shuffles

if __name__ == "__main__":
    print("full gradient        ", full)
    print("all 495 subsets      ", np.abs(all_subsets - full).max())
    print("one epoch, B = 4     ", np.abs(epoch - full).max())
    print("5 + 5 + 2, plain     ", np.abs(plain_average - full).max())
    print("5 + 5 + 2, weighted  ", np.abs(weighted_average - full).max())
    print(
        f"5 + 5 + 2, plain, mean over {n_shuffles} shuffles",
        np.abs(plain_over_shuffles - full).max(),
    )
