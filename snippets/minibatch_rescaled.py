"""Sharpness is not a property of the function: rescale a ReLU network's layers.

relu(a z) = a relu(z) for a > 0, so multiplying the first layer by a and
dividing the second by a leaves every prediction, and the loss, unchanged, while
the top eigenvalue of the Hessian (the usual sharpness) changes freely
(Dinh et al., 2017).

Run it with ``python minibatch_rescaled.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import MLP, flatten, hessian, unflatten
from lossnotes.optim import sgd, train

rng = np.random.default_rng(0)
X = rng.normal(size=(64, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(float)  # XOR-like quadrants
model = MLP(sizes=(2, 16, 1), activation="relu", output="binary")
theta = train(
    sgd(lr=0.5), model.grad, model.loss, model.init(0), X, y, batch_size=64, epochs=300
).theta


def rescale(theta, a):
    W1, b1, W2, b2 = unflatten(theta, model.param_shapes)
    return flatten([a * W1, a * b1, W2 / a, b2])


rows = []  # (a, loss, max change of the outputs, top Hessian eigenvalue)
for a in (0.25, 1.0, 4.0):
    scaled = rescale(theta, a)
    change = np.abs(model.forward(scaled, X) - model.forward(theta, X)).max()
    top = np.linalg.eigvalsh(hessian(model, scaled, X, y))[-1]
    rows.append((a, model.loss(scaled, X, y), change, top))

if __name__ == "__main__":
    for a, loss, change, top in rows:
        print(f"a = {a}: loss {loss:.6f}, output change {change:.1e}, top eigenvalue {top:.3f}")
