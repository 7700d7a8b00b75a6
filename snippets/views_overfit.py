"""Low loss, bad boundary: a wide network trained long on 30 noisy points.

Run it with ``python views_overfit.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.data import two_moons
from lossnotes.models import MLP
from lossnotes.pages.three_views import fit_mlp

X_small, y_small = two_moons(30, noise=0.3, seed=3)
X_test, y_test = two_moons(2000, noise=0.3, seed=4)

wide = MLP(sizes=(2, 64, 1), activation="tanh", output="binary")
theta_wide, path = fit_mlp(wide, X_small, y_small, steps=3000, lr=0.02, seed=0)

checkpoints = [0, 100, 300, 1000, 3000]  # Adam steps
curve = [
    (step, wide.loss(path[step], X_small, y_small), wide.loss(path[step], X_test, y_test))
    for step in checkpoints
]
train_loss, test_loss = curve[-1][1], curve[-1][2]
# The whole test curve, every 10 steps, to find when it was lowest (not just at 5 checkpoints).
every = np.arange(0, len(path), 10)
test_curve = np.array([wide.loss(path[step], X_test, y_test) for step in every])
train_curve = np.array([wide.loss(path[step], X_small, y_small) for step in every])
best_step, best_test = int(every[np.argmin(test_curve)]), float(test_curve.min())
train_acc = np.mean((wide.forward(theta_wide, X_small) > 0) == (y_small == 1))
test_acc = np.mean((wide.forward(theta_wide, X_test) > 0) == (y_test == 1))

if __name__ == "__main__":
    for step, tr, te in curve:
        print(f"step {step:>4}: train loss {tr:.4f}, test loss {te:.4f}")
    print(f"accuracy: train {train_acc:.0%}, test {test_acc:.1%}")
