"""Stochastic gradient descent with a decaying learning rate: the noise floor goes away.

With a constant learning rate SGD's one-sample steps keep it jittering around the
minimum. Shrinking the step as 1 / t (here eta_t = eta_0 / (1 + t / tau)) averages that
noise out: the classical condition is that the steps sum to infinity while their
squares do not. Same data, start, first learning rate and shuffles as gd_three_variants.py.

Run it with ``python gd_lr_decay.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import LinearRegression
from lossnotes.optim import scale_by_learning_rate, sgd, train

rng = np.random.default_rng(0)
X = rng.uniform(-2, 2, size=(200, 1))
y = 1.5 * X[:, 0] - 0.5 + rng.normal(0, 0.5, size=200)


model = LinearRegression(n_features=1)  # y_hat = w x + b, mean squared error, theta = [w, b]
loss, grad = model.loss, model.grad


theta0, lr0, tau, epochs = np.array([-1.5, 2.0]), 0.05, 200, 50
optimizers = {
    "constant, lr 0.05": sgd(lr=lr0),
    "decaying, lr 0.05 / (1 + t / 200)": scale_by_learning_rate(lambda t: lr0 / (1 + t / tau)),
}
runs = {
    name: train(opt, grad, loss, theta0, X, y, batch_size=1, epochs=epochs, seed=1)
    for name, opt in optimizers.items()
}
design = np.column_stack([X[:, 0], np.ones(len(X))])
floor = loss(np.linalg.lstsq(design, y, rcond=None)[0], X, y)  # the least-squares loss
excess = {name: r.epoch_loss - floor for name, r in runs.items()}

if __name__ == "__main__":
    for name, gap in excess.items():
        print(
            f"{name:>34}: above the minimum by {gap[10]:.1e} after 10 epochs, {gap[-1]:.1e} after {epochs}"
        )
