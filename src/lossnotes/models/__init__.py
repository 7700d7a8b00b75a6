"""Models on one flat parameter vector: linear and logistic regression, a small MLP, and their Hessians.

A model is a frozen description (sizes, activation, output kind); its parameters are a
separate flat array ``theta``, so optimizers, loss-surface slices and Hessians all work
on plain vectors (``flatten()`` and ``unflatten()`` convert to and from the layer
arrays, ordered as a PyTorch ``state_dict``). The training losses are those of
``lossnotes.losses``, mean-reduced: MSE for ``"regression"``, BCE with logits for
``"binary"``, cross-entropy for ``"multiclass"``. ``hessian()`` differentiates them
exactly; ``fit_line()`` and ``fit_logistic()`` fit the two linear models directly.

Examples
--------
>>> import numpy as np
>>> model = LinearRegression(n_features=1)
>>> model.loss(np.array([2.0, 0.0]), np.array([[1.0]]), np.array([2.0]))
0.0
"""

from lossnotes.models._fitting import fit_line, fit_logistic
from lossnotes.models._flat import flatten, unflatten
from lossnotes.models._hessian import classify_critical_point, hessian
from lossnotes.models._networks import (
    ACTIVATIONS,
    MLP,
    OUTPUTS,
    LinearRegression,
    LogisticRegression,
)

__all__ = [
    "MLP", "LinearRegression", "LogisticRegression", "OUTPUTS", "ACTIVATIONS",
    "flatten", "unflatten", "hessian", "classify_critical_point", "fit_line", "fit_logistic",
]  # fmt: skip
