"""The registry that keeps each loss's value and gradient together."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from lossnotes.losses._binary import bce, bce_grad, bce_with_logits, bce_with_logits_grad
from lossnotes.losses._categorical import cross_entropy, cross_entropy_grad, nll, nll_grad
from lossnotes.losses._clustering import wcss, wcss_grad
from lossnotes.losses._gaussian import gaussian_nll, gaussian_nll_grad
from lossnotes.losses._regression import huber, huber_grad, mae, mae_grad, mse, mse_grad


class Loss(NamedTuple):
    """A loss and its gradient.

    Attributes
    ----------
    value, grad : callable
        ``value(*args, reduction=..., **kwargs)`` and ``grad`` with the same arguments.
    wrt : int
        Position of the argument ``grad`` differentiates (0 except for ``wcss``).
    """

    value: Callable[..., Any]
    grad: Callable[..., np.ndarray]
    wrt: int = 0


LOSSES: dict[str, Loss] = {
    "mse": Loss(mse, mse_grad),
    "mae": Loss(mae, mae_grad),
    "huber": Loss(huber, huber_grad),
    "gaussian_nll": Loss(gaussian_nll, gaussian_nll_grad),
    "bce": Loss(bce, bce_grad),
    "bce_with_logits": Loss(bce_with_logits, bce_with_logits_grad),
    "cross_entropy": Loss(cross_entropy, cross_entropy_grad),
    "nll": Loss(nll, nll_grad),
    "wcss": Loss(wcss, wcss_grad, wrt=1),
}
"""Registry of every loss: name -> ``Loss``. Tests check no ``*_grad`` is missing."""
