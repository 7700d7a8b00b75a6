"""Local minimum = global minimum on a convex loss: gradient descent from many starts.

Logistic regression's loss is convex in (w, b): every start ends at the same loss. The
source text's Rastrigin-like surface is not: the same kind of starts end in different valleys.

Run it with ``python convexity_many_starts.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import SURFACES
from lossnotes.models import LogisticRegression
from lossnotes.optim import run, sgd

rng = np.random.default_rng(3)
x = rng.normal(size=(80, 1))
labels = (x[:, 0] + rng.normal(0, 0.8, 80) > 0.3).astype(float)  # overlapping classes
model = LogisticRegression(n_features=1)

starts = rng.uniform(-2, 2, size=(20, 2))
convex_ends = [run(sgd(lr=1.0), lambda th: model.grad(th, x, labels), s, 500)[-1] for s in starts]
convex_losses = np.array([model.loss(th, x, labels) for th in convex_ends])

rastrigin = SURFACES["rastrigin"]  # the source text's code, shifted by +2 so that its minimum is 0
bumpy_ends = [run(sgd(lr=0.01), lambda p: np.array(rastrigin.grad(*p)), s, 500)[-1] for s in starts]
bumpy_losses = np.array([rastrigin.f(*p) for p in bumpy_ends])

if __name__ == "__main__":
    print(
        f"logistic regression: final losses from {np.ptp(convex_losses):.1e} apart "
        f"(all {convex_losses.mean():.4f})"
    )
    print(
        f"Rastrigin-like: {len(np.unique(np.round(bumpy_losses, 6)))} different final losses, "
        f"from {bumpy_losses.min():.3f} to {bumpy_losses.max():.3f}"
    )
