"""How often is a random symmetric matrix positive definite? Rarer and rarer as dimension grows.

If the Hessian at a critical point behaved like a random symmetric (GOE) matrix, this
fraction would be the chance that the point is a local minimum rather than a saddle.
The rarer the event, the more matrices it takes to see it: each dimension gets enough
samples for about a hundred hits or more, and the table stops where that gets too costly.

Run it with ``python nonconvex_random_hessians.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import fraction_positive_definite

dims = np.arange(1, 6)
n_samples = np.array([40_000, 40_000, 40_000, 200_000, 1_000_000])  # per dimension
chunk = 200_000  # matrices drawn at a time, to bound memory


def count_positive_definite(dim, n, seed):
    """Number of positive-definite matrices among n random ones, drawn in chunks."""
    rng = np.random.default_rng(seed)
    hits = 0
    for size in [chunk] * (n // chunk) + ([n % chunk] if n % chunk else []):
        hits += round(fraction_positive_definite(dim, size, seed=rng) * size)
    return hits


hits = np.array(
    [count_positive_definite(int(d), int(n), seed=int(d)) for d, n in zip(dims, n_samples)]
)
fractions = hits / n_samples
# 95% Wilson score interval for each fraction (good for small counts, unlike +- 2 SE).
z = 1.96
centre = (hits + z**2 / 2) / (n_samples + z**2)
half = z * np.sqrt(hits * (n_samples - hits) / n_samples + z**2 / 4) / (n_samples + z**2)
intervals = np.column_stack([centre - half, centre + half])
independent_signs = 0.5**dims  # what coin-flip eigenvalue signs would give

if __name__ == "__main__":
    for d, n, k, (lo, hi), coin in zip(dims, n_samples, hits, intervals, independent_signs):
        print(
            f"dimension {d}: {k} of {n} positive definite, 95% in [{lo:.2e}, {hi:.2e}] (coin flips: {coin:.5f})"
        )
