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

import numpy as np

from lossnotes import _network_math as net
from lossnotes._validate import (
    FloatArray,
    as_float_array,
    as_generator,
    check_choice,
    check_positive_int,
    check_same_length,
)
from lossnotes.flat_params import flatten, unflatten

__all__ = ["MLP", "LinearRegression", "LogisticRegression", "flatten", "unflatten"]

OUTPUTS = ("regression", "binary", "multiclass")
ACTIVATIONS = ("tanh", "relu")


class _Network:
    """Shared behaviour; subclasses provide ``sizes``, ``activation`` and ``output``."""

    sizes: tuple[int, ...]
    activation: str
    output: str

    @property
    def param_shapes(self) -> list[tuple[int, ...]]:
        """Shapes of ``W1, b1, W2, b2, ...``; weights are (out, in) like ``torch.nn.Linear``."""
        shapes: list[tuple[int, ...]] = []
        for fan_in, fan_out in zip(self.sizes[:-1], self.sizes[1:]):
            shapes += [(fan_out, fan_in), (fan_out,)]
        return shapes

    @property
    def n_params(self) -> int:
        """Length of the flat parameter vector."""
        return sum(int(np.prod(shape)) for shape in self.param_shapes)

    def init(self, seed: int | None | np.random.Generator = 0) -> FloatArray:
        """Random parameters drawn like PyTorch's ``nn.Linear``: U(-1/sqrt(fan_in), 1/sqrt(fan_in))."""
        rng = as_generator("seed", seed)
        arrays = [
            rng.uniform(-1.0, 1.0, size=shape) / np.sqrt(self.sizes[i // 2])
            for i, shape in enumerate(self.param_shapes)
        ]
        return np.concatenate([a.ravel() for a in arrays])

    # -- validation -------------------------------------------------------------------
    def _check_theta_X(self, theta: Any, X: Any) -> tuple[list[FloatArray], FloatArray]:
        vector = as_float_array("theta", theta, ndim=1)
        if vector.size != self.n_params:
            raise ValueError(f"theta must have {self.n_params} entries for {self!r}; got {vector.size}")
        inputs = as_float_array("X", X, ndim=2)
        if inputs.shape[1] != self.sizes[0]:
            raise ValueError(
                f"X must have {self.sizes[0]} feature column(s) for {self!r}; got shape {inputs.shape}"
            )
        return unflatten(vector, self.param_shapes), inputs

    def _check_y(self, y: Any, X: np.ndarray) -> np.ndarray:
        if self.output == "multiclass":
            labels = np.asarray(y)
            if labels.dtype.kind not in "iu":
                raise TypeError(f"y must hold integer class labels; got dtype {labels.dtype}")
            labels = labels.astype(np.intp)
            if labels.ndim != 1 or np.any((labels < 0) | (labels >= self.sizes[-1])):
                raise ValueError(
                    f"y must be a 1-D array of class labels in [0, {self.sizes[-1] - 1}];"
                    f" got shape {labels.shape}, values {np.unique(labels)[:10].tolist()}"
                )
        else:
            ndim = 1 if self.sizes[-1] == 1 else 2
            labels = as_float_array("y", y, ndim=ndim)
            if ndim == 2 and labels.shape[1] != self.sizes[-1]:
                raise ValueError(f"y must have shape (n, {self.sizes[-1]}); got {labels.shape}")
            if self.output == "binary" and not np.all((labels == 0) | (labels == 1)):
                raise ValueError(
                    f"y must hold binary labels 0 or 1; got values {np.unique(labels)[:10].tolist()}"
                )
        check_same_length("X", X, "y", labels)
        return labels

    # -- public API -------------------------------------------------------------------
    def forward(self, theta: Any, X: Any) -> FloatArray:
        """Predictions (regression) or logits: shape (n,) with one output unit, else (n, K)."""
        params, inputs = self._check_theta_X(theta, X)
        zs, _ = net.forward(params, inputs, self.activation)
        return net.squeeze_output(zs[-1], self.output)

    def loss(self, theta: Any, X: Any, y: Any) -> float:
        """Mean training loss: MSE, BCE with logits or cross-entropy, by ``output``."""
        params, inputs = self._check_theta_X(theta, X)
        labels = self._check_y(y, inputs)
        zs, _ = net.forward(params, inputs, self.activation)
        return net.output_loss(net.squeeze_output(zs[-1], self.output), labels, self.output)

    def grad(self, theta: Any, X: Any, y: Any) -> FloatArray:
        """Gradient of :meth:`loss` with respect to ``theta`` (backpropagation), shaped like ``theta``."""
        params, inputs = self._check_theta_X(theta, X)
        return self._grad_unchecked(params, inputs, self._check_y(y, inputs))

    def _grad_unchecked(self, params: list, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        zs, activations = net.forward(params, X, self.activation)
        grad_out = net.output_grad(net.squeeze_output(zs[-1], self.output), y, self.output)
        grads = net.backward(params, zs, activations, grad_out, self.activation)
        return np.concatenate([g.ravel() for g in grads])


@dataclass(frozen=True)
class LinearRegression(_Network):
    """``y_hat = X w + b`` with mean squared error; ``theta = [w_1..w_d, b]``.

    Examples
    --------
    >>> model = LinearRegression(n_features=1)
    >>> model.forward(np.array([2.0, 1.0]), [[0.0], [1.0]])   # w = 2, b = 1
    array([1., 3.])
    >>> model.loss(np.array([2.0, 1.0]), [[0.0], [1.0]], [1.0, 4.0])
    0.5
    """

    n_features: int = 1
    activation: ClassVar[str] = "tanh"  # unused: no hidden layer
    output: ClassVar[str] = "regression"

    def __post_init__(self) -> None:
        check_positive_int("n_features", self.n_features)

    @property
    def sizes(self) -> tuple[int, ...]:  # type: ignore[override]
        return (self.n_features, 1)


@dataclass(frozen=True)
class LogisticRegression(_Network):
    """Logits ``z = X w + b`` with binary cross-entropy on logits; ``theta = [w_1..w_d, b]``.

    Examples
    --------
    >>> model = LogisticRegression(n_features=2)
    >>> model.loss(np.zeros(3), [[1.0, 2.0]], [1])   # log 2 at theta = 0
    0.6931471805599453
    """

    n_features: int = 2
    activation: ClassVar[str] = "tanh"  # unused: no hidden layer
    output: ClassVar[str] = "binary"

    def __post_init__(self) -> None:
        check_positive_int("n_features", self.n_features)

    @property
    def sizes(self) -> tuple[int, ...]:  # type: ignore[override]
        return (self.n_features, 1)


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
    >>> model = MLP(sizes=(2, 3, 3), activation="relu", output="multiclass")
    >>> theta = model.init(seed=1)
    >>> [h.shape for h in model.hidden(theta, np.zeros((5, 2)))]
    [(5, 3)]
    """

    sizes: tuple[int, ...] = (2, 16, 1)
    activation: str = "tanh"
    output: str = "binary"

    def __post_init__(self) -> None:
        sizes = tuple(self.sizes)
        if len(sizes) < 2:
            raise ValueError(f"sizes must list at least input and output widths; got {self.sizes!r}")
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
        """Activations of each hidden layer, shapes (n, width): the "activation space" view."""
        params, inputs = self._check_theta_X(theta, X)
        _, activations = net.forward(params, inputs, self.activation)
        return activations[1:]
