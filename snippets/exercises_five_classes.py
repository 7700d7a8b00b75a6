"""Viva: the loss for 5-class classification is cross-entropy over 5 logits (softmax + NLL).

Run it with ``python exercises_five_classes.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import cross_entropy, cross_entropy_grad, softmax

logits = np.array(
    [
        [2.0, -1.0, 0.5, 0.0, 1.0],  # one image: scores for 5 classes
        [0.0, 0.0, 0.0, 0.0, 0.0],
    ]
)  # an untrained network: equal scores
target = np.array([0, 2])  # true class indices

probabilities = softmax(logits)  # rows sum to 1
loss_per_image = cross_entropy(logits, target, reduction="none")
by_hand = -np.log(probabilities[np.arange(2), target])  # minus log-probability of the truth
gradient = cross_entropy_grad(logits, target, reduction="none")  # softmax - one-hot
one_hot = np.eye(5)[target]

if __name__ == "__main__":
    print("probabilities:\n", probabilities.round(4))
    print("cross-entropy per image:", loss_per_image, "by hand:", by_hand)
    print("log 5 =", np.log(5), "(the loss of equal logits)")
    print("gradient = softmax - one-hot:", np.allclose(gradient, probabilities - one_hot))
