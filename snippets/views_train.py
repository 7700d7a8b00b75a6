"""One small network, trained once: a 2-16-1 tanh MLP on two moons, by full-batch Adam.

Every view on the page looks at this same checkpoint ``theta``.

Run it with ``python views_train.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.data import two_moons
from lossnotes.models import MLP
from lossnotes.pages.three_views import fit_mlp

X, y = two_moons(300, noise=0.15, seed=0)
X_test, y_test = two_moons(1000, noise=0.15, seed=1)  # new inputs, never trained on

model = MLP(sizes=(2, 16, 1), activation="tanh", output="binary")
theta, path = fit_mlp(model, X, y, steps=400, lr=0.05, seed=0)


def accuracy(theta, X, y):
    return np.mean((model.forward(theta, X) > 0) == (y == 1))


if __name__ == "__main__":
    print(f"train loss {model.loss(theta, X, y):.4f}, accuracy {accuracy(theta, X, y):.1%}")
    print(
        f"test  loss {model.loss(theta, X_test, y_test):.4f}, "
        f"accuracy {accuracy(theta, X_test, y_test):.1%}"
    )
