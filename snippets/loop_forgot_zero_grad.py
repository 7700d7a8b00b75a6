"""The same loop with step 4 forgotten: gradients accumulate across steps.

Without clearing, step t uses the *sum* of all gradients so far, a momentum
with beta = 1 that never forgets. Everything else is identical to
``loop_six_steps.py`` (same data, initial weights and shuffles).

Run it with ``python loop_forgot_zero_grad.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import MLP
from lossnotes.optim import apply_updates, sgd

rng = np.random.default_rng(0)
X = rng.uniform(-3, 3, size=(200, 1))
y = np.sin(X[:, 0]) + rng.normal(0, 0.1, size=200)
model = MLP(sizes=(1, 16, 1), activation="tanh", output="regression")


def dataloader(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        idx = order[start : start + batch_size]
        yield X[idx], y[idx]


theta = model.init(seed=0)
grad = np.zeros_like(theta)
optimizer = sgd(lr=0.1)
state = optimizer.init(theta)
wrong_loss = [model.loss(theta, X, y)]

for epoch in range(30):
    for X_batch, y_batch in dataloader(X, y, 20, rng):
        y_pred = model.forward(theta, X_batch)
        loss = np.mean((y_pred - y_batch) ** 2)
        # step 4 forgotten: no grad[:] = 0.0
        grad += model.grad(theta, X_batch, y_batch)
        updates, state = optimizer.update(grad, state, theta)
        theta = apply_updates(theta, updates)
    wrong_loss.append(model.loss(theta, X, y))

if __name__ == "__main__":
    print(
        f"training loss without zero_grad: {wrong_loss[0]:.3f} before, "
        f"{wrong_loss[-1]:.4f} after 30 epochs"
    )
