"""Plateaus: a saturated tanh unit has almost no gradient, so gradient descent crawls.

One tanh neuron, prediction tanh(w x + b), fitted by MSE to targets it should learn
easily. Started with large weights of the wrong sign, the unit is saturated: tanh' is
about 1e-3 there, and the loss stays flat for many steps before it suddenly drops.

Run it with ``python nonconvex_plateau.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import gradient_norms
from lossnotes.optim import run, sgd

x = np.linspace(0.5, 1.5, 10)
y = np.tanh(2 * x - 1)  # reachable exactly: w = 2, b = -1


def loss(theta):
    return np.mean((np.tanh(theta[0] * x + theta[1]) - y) ** 2)


def grad(theta):
    out = np.tanh(theta[0] * x + theta[1])
    delta = 2 * (out - y) * (1 - out**2) / len(x)  # (1 - tanh²) is what vanishes
    return np.array([delta @ x, delta.sum()])


path = run(sgd(lr=0.5), grad, np.array([-3.0, -2.0]), 600)
losses = np.array([loss(theta) for theta in path])
norms = gradient_norms(grad, path)
escape = int(np.argmax(losses < 0.5 * losses[0]))  # first step below half the initial loss

if __name__ == "__main__":
    print(f"start: loss {losses[0]:.3f}, gradient norm {norms[0]:.1e}")
    print(
        f"the loss first halves at step {escape}; end: loss {losses[-1]:.2e}, theta {path[-1].round(3)}"
    )
