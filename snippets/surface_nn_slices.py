"""Looking at a network's loss surface: a 2-D slice and a 1-D interpolation.

A small MLP has dozens of parameters, so its surface can only be seen through slices.
Li et al. (2018): evaluate L(theta* + a d1 + b d2) for two random directions, each
rescaled filter by filter to the norms of theta*'s filters. Goodfellow et al. (2015):
evaluate L((1 - alpha) theta_0 + alpha theta*) on the line from initialisation to solution.

Run it with ``python surface_nn_slices.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

from functools import partial

import numpy as np

from lossnotes.landscape import grid_loss, interpolate, random_direction
from lossnotes.models import MLP
from lossnotes.optim import adam, run

rng = np.random.default_rng(8)
X = rng.normal(size=(200, 2))
y = (X[:, 0] ** 2 + X[:, 1] ** 2 < 1.4).astype(float)  # a disc inside a ring

model = MLP(sizes=(2, 12, 1), activation="tanh", output="binary")
loss = partial(model.loss, X=X, y=y)
theta_0 = model.init(seed=0)
theta_star = run(adam(lr=0.02), lambda th: model.grad(th, X, y), theta_0, 1500)[-1]

# Li et al.: two filter-normalized random directions, and the loss on their plane.
d1 = random_direction(model, seed=1, theta=theta_star)
d2 = random_direction(model, seed=2, theta=theta_star)
steps = np.linspace(-1, 1, 41)
Z = grid_loss(loss, theta_star, d1, d2, steps, steps)

# Goodfellow et al.: the straight line from the initial to the trained parameters.
alphas = np.linspace(-0.5, 1.5, 81)
line = interpolate(loss, theta_0, theta_star, alphas)

# theta* is where 1,500 Adam steps stopped, not a minimum: scaling its weights up makes the
# network more confident on points it already classifies, and cross-entropy keeps falling.
scales = np.linspace(0.5, 3.0, 51)
scaled = np.array([loss(s * theta_star) for s in scales])
# How much of the line's direction do the two random directions of the slice contain?
direction = theta_star - theta_0
cosines = [float(d @ direction / np.linalg.norm(d) / np.linalg.norm(direction)) for d in (d1, d2)]

if __name__ == "__main__":
    print(
        f"{model.n_params} parameters; loss at init {loss(theta_0):.4f}, trained {loss(theta_star):.4f}"
    )
    print(f"2-D slice: loss from {Z.min():.4f} to {Z.max():.4f}; centre {Z[20, 20]:.4f}")
    print(
        f"1-D line: monotone decrease from alpha 0 to 1: {bool(np.all(np.diff(line[20:61]) < 0))}"
    )
