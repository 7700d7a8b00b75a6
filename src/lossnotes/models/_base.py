"""Behaviour shared by the models of ``lossnotes.models``: shapes, init, validation,
forward, loss and gradient on a flat parameter vector.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, as_generator, check_same_length
from lossnotes.models import _layers as net
from lossnotes.models._flat import _split_last_axis, unflatten


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
        """Random parameters drawn like PyTorch's ``nn.Linear``: U(-1/sqrt(fan_in), 1/sqrt(fan_in)).

        Parameters
        ----------
        seed : int, None or numpy.random.Generator, default 0

        Returns
        -------
        numpy.ndarray of shape (n_params,)
        """
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
            raise ValueError(
                f"theta must have {self.n_params} entries for {self!r}; got {vector.size}"
            )
        return unflatten(vector, self.param_shapes), self._check_X(X)

    def _check_X(self, X: Any) -> FloatArray:
        inputs = as_float_array("X", X, ndim=2)
        if inputs.shape[1] != self.sizes[0]:
            raise ValueError(
                f"X must have {self.sizes[0]} feature column(s) for {self!r}; got shape {inputs.shape}"
            )
        return inputs

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
        """Predictions (regression) or logits: shape (n,) with one output unit, else (n, K).

        Parameters
        ----------
        theta : array_like of shape (n_params,)
        X : array_like of shape (n, sizes[0])

        Returns
        -------
        numpy.ndarray
        """
        params, inputs = self._check_theta_X(theta, X)
        zs, _ = net.forward(params, inputs, self.activation)
        return net.squeeze_output(zs[-1], self.output)

    def loss(self, theta: Any, X: Any, y: Any) -> float:
        """Mean training loss: MSE, BCE with logits or cross-entropy, by ``output``.

        Parameters
        ----------
        theta : array_like of shape (n_params,)
        X : array_like of shape (n, sizes[0])
        y : array_like
            Targets of shape (n,) (or (n, K) for multi-output regression); 0/1 labels
            for ``"binary"``; integer classes in [0, K) for ``"multiclass"``.

        Returns
        -------
        float
        """
        params, inputs = self._check_theta_X(theta, X)
        labels = self._check_y(y, inputs)
        zs, _ = net.forward(params, inputs, self.activation)
        return net.output_loss(net.squeeze_output(zs[-1], self.output), labels, self.output)

    def batched_loss(self, thetas: Any, X: Any, y: Any) -> FloatArray:
        """``loss()`` for every row of a stack ``thetas`` (m, n_params), in one forward pass.

        What ``lossnotes.landscape.grid_loss()`` wants with ``batched=True``: a slice
        through parameter space is a stack of parameter vectors on the same data.

        Parameters
        ----------
        thetas : array_like of shape (m, n_params)
        X, y
            As for ``loss()``.

        Returns
        -------
        numpy.ndarray of shape (m,)

        Examples
        --------
        >>> from lossnotes.models._networks import MLP
        >>> model = MLP(sizes=(2, 4, 1))
        >>> thetas = np.stack([model.init(seed=s) for s in range(3)])
        >>> X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 1])
        >>> bool(np.allclose(model.batched_loss(thetas, X, y), [model.loss(t, X, y) for t in thetas]))
        True
        """
        stack = as_float_array("thetas", thetas, ndim=2)
        if stack.shape[1] != self.n_params:
            raise ValueError(
                f"thetas must have {self.n_params} columns for {self!r}; got shape {stack.shape}"
            )
        inputs = self._check_X(X)
        labels = self._check_y(y, inputs)
        zs, _ = net.forward(_split_last_axis(stack, self.param_shapes), inputs, self.activation)
        # The forward pass is the cost; the m reductions are cheap, and reuse loss's own formula.
        outputs = net.squeeze_output(zs[-1], self.output)
        return np.array([net.output_loss(out, labels, self.output) for out in outputs])

    def grad(self, theta: Any, X: Any, y: Any) -> FloatArray:
        """Gradient of ``loss()`` with respect to ``theta`` (backpropagation).

        Parameters
        ----------
        theta, X, y
            As for ``loss()``.

        Returns
        -------
        numpy.ndarray of shape (n_params,)
        """
        params, inputs = self._check_theta_X(theta, X)
        return self._grad_unchecked(params, inputs, self._check_y(y, inputs))

    def _grad_unchecked(self, params: list[np.ndarray], X: np.ndarray, y: np.ndarray) -> np.ndarray:
        zs, activations = net.forward(params, X, self.activation)
        grad_out = net.output_grad(net.squeeze_output(zs[-1], self.output), y, self.output)
        grads = net.backward(params, zs, activations, grad_out, self.activation)
        return np.concatenate([g.ravel() for g in grads])
