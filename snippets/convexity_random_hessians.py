"""How often is a random symmetric matrix positive definite? Rarer and rarer as dimension grows.

If the Hessian at a critical point behaved like a random symmetric (GOE) matrix, this
fraction would be the chance that the point is a local minimum rather than a saddle.

Run it with ``python convexity_random_hessians.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import fraction_positive_definite

dims = np.arange(1, 7)
n_samples = 40_000
fractions = np.array([fraction_positive_definite(d, n_samples, seed=int(d)) for d in dims])
independent_signs = 0.5**dims  # what coin-flip eigenvalue signs would give

if __name__ == "__main__":
    for d, frac, coin in zip(dims, fractions, independent_signs):
        print(
            f"dimension {d}: {frac:.5f} of {n_samples} matrices positive definite (coin flips: {coin:.5f})"
        )
