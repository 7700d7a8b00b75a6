"""How much a mini-batch gradient scatters around the full gradient, by batch size.

Batches are drawn without replacement; the measured E|g_B - g|^2 is compared
with sigma^2 / B * (n - B) / (n - 1), sigma^2 the per-sample variance.

Run it with ``python minibatch_variance.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import LinearRegression
from lossnotes.optim import batch_variance_theory, per_sample_gradients, sampled_batch_variance

rng = np.random.default_rng(0)
n = 200
X = rng.normal(size=(n, 2))
y = X @ np.array([2.0, -1.0]) + 0.5 + rng.normal(0, 0.5, size=n)
model = LinearRegression(n_features=2)
theta = np.array([1.0, 0.0, 0.0])

G = per_sample_gradients(model.grad, theta, X, y)
batch_sizes = [1, 2, 4, 8, 16, 32, 64, 128, 192, 200]
measured = [sampled_batch_variance(G, B, n_batches=4000, seed=B) for B in batch_sizes]
theory = [batch_variance_theory(G, B) for B in batch_sizes]

if __name__ == "__main__":
    for B, m, t in zip(batch_sizes, measured, theory):
        print(f"B = {B:3d}: measured {m:.4g}, theory {t:.4g}")
