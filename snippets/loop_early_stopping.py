"""Training and validation loss each epoch: overfitting, and early stopping.

A wide network fits 20 noisy samples of a sine; a validation set watches it.
Early stopping keeps the parameters of the best validation epoch; a separate
test set, never used for any choice, judges the result.

Run it with ``python loop_early_stopping.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import MLP
from lossnotes.optim import adam, early_stopping, train


def noisy_sine(n, rng):
    X = rng.uniform(-3, 3, size=(n, 1))
    return X, np.sin(X[:, 0]) + rng.normal(0, 0.3, size=n)


rng = np.random.default_rng(0)
X_train, y_train = noisy_sine(20, rng)
X_val, y_val = noisy_sine(200, rng)
X_test, y_test = noisy_sine(1000, rng)

model = MLP(sizes=(1, 32, 32, 1), activation="tanh", output="regression")
result = train(
    adam(lr=0.02),
    model.grad,
    model.loss,
    model.init(0),
    X_train,
    y_train,
    batch_size=20,
    epochs=1500,
    X_val=X_val,
    y_val=y_val,
)

best, stopped = early_stopping(result.val_loss, patience=50)
test_at_best = model.loss(result.epoch_params[best], X_test, y_test)
test_at_end = model.loss(result.theta, X_test, y_test)

if __name__ == "__main__":
    print(f"best validation epoch {best}, patience stops at epoch {stopped}")
    print(f"test loss: early-stopped {test_at_best:.3f}, after all epochs {test_at_end:.3f}")
