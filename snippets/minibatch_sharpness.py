"""Sharpness (top Hessian eigenvalue) of the minimum SGD finds, by batch size.

A small ReLU network on two noisy half-moons, trained by SGD with the same
learning rate and the same number of steps for every batch size.

Run it with ``python minibatch_sharpness.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import MLP, hessian
from lossnotes.optim import sgd, train


def moons(n, rng, noise=0.2):
    t = rng.uniform(0, np.pi, n)
    lower = rng.random(n) < 0.5
    X = np.where(lower[:, None], np.c_[1 - np.cos(t), 0.5 - np.sin(t)], np.c_[np.cos(t), np.sin(t)])
    return X + rng.normal(0, noise, (n, 2)), lower.astype(float)


rng = np.random.default_rng(0)
X, y = moons(128, rng)
X_test, y_test = moons(2000, rng)
model = MLP(sizes=(2, 16, 1), activation="relu", output="binary")
steps = 500

results = []  # (seed, batch size, train loss, top eigenvalue, test accuracy)
for seed in (0, 1):
    for batch_size in (4, 32, 128):
        run = train(
            sgd(lr=0.5),
            model.grad,
            model.loss,
            model.init(seed),
            X,
            y,
            batch_size=batch_size,
            epochs=steps * batch_size // len(X),
            seed=seed,
        )
        top = np.linalg.eigvalsh(hessian(model, run.theta, X, y))[-1]
        accuracy = np.mean((model.forward(run.theta, X_test) > 0) == y_test)
        results.append((seed, batch_size, run.epoch_loss[-1], top, accuracy))

if __name__ == "__main__":
    for seed, B, loss, top, acc in results:
        print(
            f"seed {seed}, B = {B:3d}: train loss {loss:.3f}, "
            f"top eigenvalue {top:.3f}, test accuracy {acc:.3f}"
        )
