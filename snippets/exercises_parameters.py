"""Viva: parameters are learned by training; hyperparameters are chosen before it.

Run it with ``python exercises_parameters.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import MLP
from lossnotes.optim import sgd, train

# chosen by us, before training (and compared on validation data)
hyperparameters = {
    "sizes": (2, 8, 1),
    "activation": "tanh",
    "lr": 0.5,
    "batch_size": 32,
    "epochs": 40,
}

rng = np.random.default_rng(0)
X = rng.normal(size=(256, 2))
y = (X[:, 0] ** 2 + X[:, 1] ** 2 < 1.4).astype(float)  # a disc: needs the hidden layer

model = MLP(sizes=hyperparameters["sizes"], activation=hyperparameters["activation"])
theta0 = model.init(seed=0)  # the parameters: weights and biases, one flat vector
result = train(
    sgd(hyperparameters["lr"]),
    model.grad,
    model.loss,
    theta0,
    X,
    y,
    batch_size=hyperparameters["batch_size"],
    epochs=hyperparameters["epochs"],
)
changed = np.mean(result.theta != theta0)  # share of parameters that training moved

if __name__ == "__main__":
    print(f"{model.n_params} parameters, {changed:.0%} changed by training")
    print(f"training loss {result.epoch_loss[0]:.3f} -> {result.epoch_loss[-1]:.3f}")
    print("hyperparameters (unchanged by training):", hyperparameters)
