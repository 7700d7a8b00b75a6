"""Cross-entropy is convex in the logits, but not in the weights of a network.

In the logits z its Hessian is diag(p) - p p^T with p = softmax(z): positive semi-definite
everywhere. Composed with an MLP it is not convex: swapping two hidden units gives a second
set of weights with exactly the same loss, and the loss at their midpoint is higher than
at either end, so the chord between them lies *below* the curve.

Run it with ``python nonconvex_cross_entropy.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import chord_gap, interpolate
from lossnotes.losses import softmax
from lossnotes.models import MLP
from lossnotes.optim import adam, run

rng = np.random.default_rng(5)

# 1. Convex in the logits: the smallest Hessian eigenvalue at 1,000 random logit vectors.
smallest = []
for z in rng.normal(0, 3, size=(1000, 4)):
    p = softmax(z)
    smallest.append(np.linalg.eigvalsh(np.diag(p) - np.outer(p, p)).min())

# 2. Not convex in the weights: a small tanh MLP trained on XOR-like data.
X = rng.normal(size=(200, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(float)
model = MLP(sizes=(2, 8, 1), activation="tanh", output="binary")
theta = run(adam(lr=0.03), lambda th: model.grad(th, X, y), model.init(seed=0), 1000)[-1]

W1, b1, W2, b2 = model.param_shapes  # shapes (8, 2), (8,), (1, 8), (1,)
order = np.r_[1, 0, 2:8]  # swap hidden units 0 and 1
parts = np.split(theta, np.cumsum([np.prod(s) for s in model.param_shapes])[:-1])
swapped = np.concatenate(
    [
        parts[0].reshape(W1)[order].ravel(),
        parts[1][order],
        parts[2].reshape(W2)[:, order].ravel(),
        parts[3],
    ]
)


def loss(th):
    return model.loss(th, X, y)


alphas = np.linspace(0, 1, 41)
along_line = interpolate(loss, theta, swapped, alphas)
midpoint_gap = chord_gap(loss, theta, swapped, 0.5)  # negative: the chord test fails

if __name__ == "__main__":
    print(f"smallest Hessian eigenvalue in the logits: {min(smallest):.2e} (>= 0 up to rounding)")
    print(f"loss at theta {loss(theta):.4f}, at the swapped copy {loss(swapped):.4f}")
    print(
        f"loss at the midpoint {loss(0.5 * (theta + swapped)):.4f}; chord gap {midpoint_gap:+.4f}"
    )
