"""View 1, parameter space: the loss around the trained checkpoint, on two datasets.

A 2-D slice theta + a d1 + b d2 along two random filter-normalised directions
(Li et al. 2018). The model and the slice are fixed; only the data changes.

Run it with ``python views_surface.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.data import xor
from lossnotes.landscape import grid_loss, random_direction
from lossnotes.pages.three_views import trained_moons_mlp

model, theta, (X, y), _ = trained_moons_mlp()  # the checkpoint of views_train.py
X_xor, y_xor = xor(300, noise=0.15, seed=0)  # another dataset, same input space

d1 = random_direction(model, seed=1, theta=theta)
d2 = random_direction(model, seed=2, theta=theta)
alphas = betas = np.linspace(-1.0, 1.0, 41)
landscapes = {
    "two moons (trained on)": grid_loss(
        lambda t: model.batched_loss(t, X, y), theta, d1, d2, alphas, betas, batched=True
    ),
    "XOR": grid_loss(
        lambda t: model.batched_loss(t, X_xor, y_xor), theta, d1, d2, alphas, betas, batched=True
    ),
}


def lowest_point(Z):
    j, i = np.unravel_index(np.argmin(Z), Z.shape)
    return alphas[i], betas[j]


if __name__ == "__main__":
    for name, Z in landscapes.items():
        a, b = lowest_point(Z)
        print(
            f"{name}: loss at the checkpoint {Z[20, 20]:.3f}, lowest in the slice "
            f"{Z.min():.3f} at (a, b) = ({a:+.2f}, {b:+.2f})"
        )
