"""View 2, input space: the decision boundary of the trained checkpoint, and new inputs on it.

At inference the parameters are frozen, so the boundary is too: a new point is
classified by where it falls, whatever else is in the batch.

Run it with ``python views_boundary.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import sigmoid
from lossnotes.pages.three_views import trained_moons_mlp

model, theta, _, (X_test, y_test) = trained_moons_mlp()  # as in views_train.py

xs, ys = np.linspace(-1.6, 2.6, 211), np.linspace(-1.2, 1.7, 146)
grid = np.column_stack([g.ravel() for g in np.meshgrid(xs, ys)])
prob = sigmoid(model.forward(theta, grid)).reshape(len(ys), len(xs))  # P(class 1)

# New inputs: all at once, one at a time, and mixed into another batch.
together = model.forward(theta, X_test)
alone = np.array([model.forward(theta, x[None, :])[0] for x in X_test])
mixed = model.forward(theta, np.vstack([grid[:500], X_test]))[500:]
prob_again = sigmoid(model.forward(theta, grid)).reshape(prob.shape)  # after all that

if __name__ == "__main__":
    print(
        "largest change in a new point's logit, alone vs in a batch:",
        np.abs(together - alone).max(),
        "and mixed:",
        np.abs(together - mixed).max(),
    )
    print("largest change of the boundary map after predicting:", np.abs(prob_again - prob).max())
