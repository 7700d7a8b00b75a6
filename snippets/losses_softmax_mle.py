"""Cross-entropy of softmax(logits) is the categorical negative log-likelihood; its minimiser is the MLE.

Run it with ``python losses_softmax_mle.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import cross_entropy, cross_entropy_grad, softmax
from lossnotes.optim import adam, run

rng = np.random.default_rng(4)
p_true = np.array([0.5, 0.3, 0.2])
labels = rng.choice(3, size=500, p=p_true)  # 500 draws of a categorical variable
frequencies = np.bincount(labels, minlength=3) / labels.size  # the MLE of p


def loss(z):  # one shared logit vector for every sample
    return cross_entropy(np.tile(z, (labels.size, 1)), labels)


def grad(z):
    return cross_entropy_grad(np.tile(z, (labels.size, 1)), labels).sum(axis=0)


path = run(adam(lr=0.05), grad, np.zeros(3), 600)
p_fit = softmax(path[-1])
# The same number from the categorical likelihood, written out directly:
nll_direct = -np.mean(np.log(p_fit[labels]))

if __name__ == "__main__":
    print("softmax of fitted logits:", np.round(p_fit, 4))
    print("class frequencies (MLE): ", np.round(frequencies, 4))
    print(f"cross-entropy {loss(path[-1]):.6f} = mean categorical NLL {nll_direct:.6f}")
