"""How much a mini-batch gradient scatters around the full gradient, by batch size.

Batches are drawn without replacement; the measured E|g_B - g|^2 is compared
with sigma^2 / B * (n - B) / (n - 1), sigma^2 the per-sample variance.

Run it with ``python minibatch_variance.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

from lossnotes.optim import batch_variance_theory, sampled_batch_variance
from lossnotes.pages.mini_batches import gradient_problem

# 200 noisy points of y = 2 x1 - x2 + 0.5, a point theta away from the minimum, and the
# gradient of each sample's squared error there (row i of G: sample i).
X, y, model, theta, G = gradient_problem()
n = len(y)
batch_sizes = [1, 2, 4, 8, 16, 32, 64, 128, 192, 200]
measured = [sampled_batch_variance(G, B, n_batches=4000, seed=B) for B in batch_sizes]
theory = [batch_variance_theory(G, B) for B in batch_sizes]

if __name__ == "__main__":
    for B, m, t in zip(batch_sizes, measured, theory):
        print(f"B = {B:3d}: measured {m:.4g}, theory {t:.4g}")
