"""Clean hidden geometry, brittle boundary: the smallest input nudge that flips a prediction.

Run it with ``python views_brittle.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.pages.three_views import flip_along_gradient, trained_moons_mlp

model, theta, _, (X_test, y_test) = trained_moons_mlp()  # as in views_train.py

X_new, y_new = X_test[:300], y_test[:300]
correct = (model.forward(theta, X_new) > 0) == (y_new == 1)
# For every correctly classified new point: how far must it move to change class?
steps = np.array([flip_along_gradient(model, theta, x)[0] for x in X_new[correct]])
noise = 0.15  # the standard deviation of the noise in the data (views_train.py)
within_noise = np.mean(steps < noise)
x_before = X_new[correct][int(np.argmin(steps))]
step, x_after = flip_along_gradient(model, theta, x_before)
before, after = model.forward(theta, np.vstack([x_before, x_after]))

if __name__ == "__main__":
    print(
        f"point {np.round(x_before, 3)} (logit {before:+.3f}) moved by {step:.4f}"
        f" to {np.round(x_after, 3)} (logit {after:+.3f})"
    )
    print(
        f"{within_noise:.0%} of {correct.sum()} correct test points flip under a nudge"
        f" smaller than the data's noise ({noise})"
    )
