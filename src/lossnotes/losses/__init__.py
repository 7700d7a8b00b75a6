"""Every loss of the chapter in one place, with a registry that keeps value and gradient together.

Regression (MSE, MAE, Huber, Gaussian NLL), binary (BCE on probabilities or on
logits), categorical (cross-entropy on logits, NLL on log-probabilities) and clustering
(WCSS, the k-means objective), with the stable activations (sigmoid, softmax,
log-softmax) and ``LOSSES``. Each per-sample formula is written once, in
``lossnotes.losses.kernels``; the functions here validate, call it and reduce.

One signature for all, PyTorch's: ``loss(input, target, ..., *, reduction="mean")`` and
``loss_grad`` with exactly the same arguments, returning the gradient with respect to
the first argument (predictions, probabilities, logits or log-probabilities). The one
exception is ``wcss_grad()``, which differentiates with respect to the centroids;
``Loss.wrt`` records that.

``reduction`` is ``"mean"`` (the default), ``"sum"`` or ``"none"``; ``wcss()`` alone
defaults to ``"sum"``, the within-cluster *sum* of squares that k-means minimises.

Examples
--------
>>> entry = LOSSES["huber"]
>>> entry.value([0.0, 0.0], [0.5, 3.0], delta=1.0, reduction="sum")
2.625
>>> entry.grad([0.0, 0.0], [0.5, 3.0], delta=1.0, reduction="sum")
array([-0.5, -1. ])
"""

from lossnotes.losses import kernels
from lossnotes.losses._activations import log_softmax, sigmoid, softmax
from lossnotes.losses._binary import bce, bce_grad, bce_with_logits, bce_with_logits_grad
from lossnotes.losses._categorical import cross_entropy, cross_entropy_grad, nll, nll_grad
from lossnotes.losses._clustering import assign_clusters, wcss, wcss_grad
from lossnotes.losses._gaussian import gaussian_nll, gaussian_nll_grad
from lossnotes.losses._registry import LOSSES, Loss
from lossnotes.losses._regression import huber, huber_grad, mae, mae_grad, mse, mse_grad

__all__ = [
    "LOSSES", "Loss", "assign_clusters", "bce", "bce_grad", "bce_with_logits",
    "bce_with_logits_grad", "cross_entropy", "cross_entropy_grad", "gaussian_nll",
    "gaussian_nll_grad", "huber", "huber_grad", "kernels", "log_softmax", "mae", "mae_grad",
    "mse", "mse_grad", "nll", "nll_grad", "sigmoid", "softmax", "wcss", "wcss_grad",
]  # fmt: skip
