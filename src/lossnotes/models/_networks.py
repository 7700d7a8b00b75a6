"""Linear regression, logistic regression and a small MLP, all on one flat parameter vector.

A model is a frozen description (sizes, activation, output kind); the parameters are
a separate flat array ``theta``, so optimizers, loss-surface slices and Hessians all
work on plain vectors. Layer parameters are ordered as in a PyTorch ``state_dict``:
``W1 (out, in), b1 (out,), W2, b2, ...``. Losses are mean-reduced: MSE for
``"regression"``, BCE with logits for ``"binary"``, cross-entropy for ``"multiclass"``.

Examples
--------
>>> import numpy as np
>>> model = MLP(sizes=(2, 8, 1), activation="tanh", output="binary")
>>> theta = model.init(seed=0)
>>> X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 1])
>>> model.n_params, model.forward(theta, X).shape, model.grad(theta, X, y).shape
(33, (2,), (33,))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from lossnotes._validate import FloatArray, check_choice, check_positive_int, check_sequence
from lossnotes.models import _layers as net
from lossnotes.models._base import _Network
from lossnotes.models._flat import flatten, unflatten

__all__ = ["MLP", "LinearRegression", "LogisticRegression", "flatten", "unflatten"]

OUTPUTS = ("regression", "binary", "multiclass")
ACTIVATIONS = ("tanh", "relu")
# The shared methods (init, forward, loss, grad, validation) are in lossnotes.models._base.


@dataclass(frozen=True)
class _Linear(_Network):
    """A network with no hidden layer: ``n_features`` inputs, one output unit."""

    n_features: int = 1
    # Fixed for the linear models (no hidden layer, so unused); a field of MLP.
    activation: ClassVar[str] = "tanh"  # type: ignore[misc]

    def __post_init__(self) -> None:
        check_positive_int("n_features", self.n_features)

    @property
    def sizes(self) -> tuple[int, ...]:  # type: ignore[override]
        return (self.n_features, 1)


@dataclass(frozen=True)
class LinearRegression(_Linear):
    """``y_hat = X w + b`` with mean squared error; ``theta = [w_1..w_d, b]``.

    Examples
    --------
    >>> import numpy as np
    >>> model = LinearRegression(n_features=1)
    >>> model.forward(np.array([2.0, 1.0]), [[0.0], [1.0]])   # w = 2, b = 1
    array([1., 3.])
    >>> model.loss(np.array([2.0, 1.0]), [[0.0], [1.0]], [1.0, 4.0])
    0.5
    """

    n_features: int = 1
    output: ClassVar[str] = "regression"  # type: ignore[misc]  # fixed here, a field of MLP


@dataclass(frozen=True)
class LogisticRegression(_Linear):
    """Logits ``z = X w + b`` with binary cross-entropy on logits; ``theta = [w_1..w_d, b]``.

    Examples
    --------
    >>> import numpy as np
    >>> model = LogisticRegression(n_features=2)
    >>> model.loss(np.zeros(3), [[1.0, 2.0]], [1])   # log 2 at theta = 0
    0.6931471805599453
    """

    n_features: int = 2
    output: ClassVar[str] = "binary"  # type: ignore[misc]  # fixed here, a field of MLP


@dataclass(frozen=True)
class MLP(_Network):
    """Fully connected network with tanh or ReLU hidden layers and a linear output layer.

    Parameters
    ----------
    sizes : tuple of int, default (2, 16, 1)
        Input width, hidden widths..., output width (1 for ``"binary"``, K >= 2 for
        ``"multiclass"``, any for ``"regression"``).
    activation : {"tanh", "relu"}, default "tanh"
    output : {"regression", "binary", "multiclass"}, default "binary"

    Examples
    --------
    >>> import numpy as np
    >>> model = MLP(sizes=(2, 3, 3), activation="relu", output="multiclass")
    >>> theta = model.init(seed=1)
    >>> [h.shape for h in model.hidden(theta, np.zeros((5, 2)))]
    [(5, 3)]
    """

    sizes: tuple[int, ...] = (2, 16, 1)
    activation: str = "tanh"
    output: str = "binary"

    def __post_init__(self) -> None:
        sizes = check_sequence("sizes", self.sizes, "layer widths")
        if len(sizes) < 2:
            raise ValueError(
                f"sizes must list at least input and output widths; got {self.sizes!r}"
            )
        for i, width in enumerate(sizes):
            check_positive_int(f"sizes[{i}]", width)
        object.__setattr__(self, "sizes", tuple(int(s) for s in sizes))
        check_choice("activation", self.activation, ACTIVATIONS)
        check_choice("output", self.output, OUTPUTS)
        if self.output == "binary" and sizes[-1] != 1:
            raise ValueError(f"output 'binary' needs sizes[-1] == 1; got sizes {self.sizes!r}")
        if self.output == "multiclass" and sizes[-1] < 2:
            raise ValueError(f"output 'multiclass' needs sizes[-1] >= 2; got sizes {self.sizes!r}")

    def hidden(self, theta: Any, X: Any) -> list[FloatArray]:
        """Activations of each hidden layer: the "activation space" view.

        Parameters
        ----------
        theta, X
            As for ``forward()``.

        Returns
        -------
        list of numpy.ndarray
            One (n, width) array per hidden layer.
        """
        params, inputs = self._check_theta_X(theta, X)
        _, activations = net.forward(params, inputs, self.activation)
        return activations[1:]
