"""Overparameterization smooths the landscape: the loss between two trained networks.

Train a narrow and a wide tanh MLP twice each (two random initialisations), then
evaluate the training loss along the straight line between the two solutions. The
barrier is the largest excess of that loss over the straight line joining the two end
losses; a barrier of zero would mean the two solutions are linearly connected.

Run it with ``python nonconvex_overparameterization.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import interpolate
from lossnotes.models import MLP
from lossnotes.optim import run, sgd

rng = np.random.default_rng(6)
X = rng.normal(size=(150, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(float)  # XOR-like quadrants
alphas = np.linspace(0, 1, 21)

curves, barriers = {}, {}
for width in (4, 64):
    model = MLP(sizes=(2, width, 1), activation="tanh", output="binary")
    a, b = (
        run(sgd(lr=0.5), lambda th: model.grad(th, X, y), model.init(seed), 1000)[-1]
        for seed in (0, 1)
    )
    curve = interpolate(lambda th: model.loss(th, X, y), a, b, alphas)
    curves[width] = curve
    barriers[width] = float(np.max(curve - ((1 - alphas) * curve[0] + alphas * curve[-1])))

if __name__ == "__main__":
    for width, curve in curves.items():
        print(
            f"width {width}: end losses {curve[0]:.3f} and {curve[-1]:.3f}, barrier {barriers[width]:.3f}"
        )
