"""Forward and backward passes of a fully connected network on unpacked parameters.

Private and unvalidated. Linear and logistic regression are the networks with no
hidden layer. Everything here also runs on complex arrays (branches look at the real
part only), so ``lossnotes.models.hessian`` can differentiate the gradient by complex step.
"""

from __future__ import annotations

import numpy as np

from lossnotes.losses import kernels


def activate(z: np.ndarray, activation: str) -> np.ndarray:
    if activation == "tanh":
        return np.tanh(z)
    return np.where(z.real > 0, z, 0.0)  # relu


def activation_slope(z: np.ndarray, a: np.ndarray, activation: str) -> np.ndarray:
    if activation == "tanh":
        return 1.0 - a * a  # tanh' written with the stored output: no second tanh
    return (z.real > 0).astype(float)  # relu'; 0 at the kink, as PyTorch


def forward(
    params: list[np.ndarray], X: np.ndarray, activation: str
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Pre-activations ``zs`` of every layer and activations ``activations`` (input first).

    ``params`` may carry a leading stack axis (``W (m, out, in)``, ``b (m, out)``): then
    every ``z`` is (m, n, out), m networks evaluated on the same ``X`` in one pass.
    """
    activations, zs = [X], []
    n_layers = len(params) // 2
    for layer in range(n_layers):
        weight, bias = params[2 * layer], params[2 * layer + 1]
        # weights are (out, in), as torch.nn.Linear; swapaxes rather than .T keeps a stack axis first
        z = activations[-1] @ np.swapaxes(weight, -1, -2) + bias[..., None, :]
        zs.append(z)
        if layer < n_layers - 1:
            activations.append(activate(z, activation))
    return zs, activations


def squeeze_output(z: np.ndarray, output: str) -> np.ndarray:
    # One output unit for regression/binary: hand back shape (n,), the shape of y.
    return z[..., 0] if z.shape[-1] == 1 and output != "multiclass" else z


def _per_sample(out: np.ndarray, y: np.ndarray, output: str, grad: bool) -> np.ndarray:
    # The kernels of lossnotes.losses: MSE, BCE with logits, cross-entropy on indices.
    if output == "regression":
        return kernels.squared_error_grad(out - y) if grad else kernels.squared_error(out - y)
    if output == "binary":
        return kernels.logistic_loss_grad(out, y) if grad else kernels.logistic_loss(out, y)
    onehot = np.eye(out.shape[-1])[y]
    if grad:
        return kernels.softmax_cross_entropy_grad(out, onehot)
    return kernels.softmax_cross_entropy(out, onehot)


def output_loss(out: np.ndarray, y: np.ndarray, output: str) -> float:
    """The mean-reduced MSE, BCE-with-logits or cross-entropy of the network output."""
    return float(np.mean(_per_sample(out, y, output, grad=False)))


def output_grad(out: np.ndarray, y: np.ndarray, output: str) -> np.ndarray:
    """dLoss/d(network output) for the mean-reduced MSE, BCE-with-logits or cross-entropy."""
    terms = len(out) if output == "multiclass" else out.size  # what the mean divides by
    return _per_sample(out, y, output, grad=True) / terms


def backward(
    params: list[np.ndarray],
    zs: list[np.ndarray],
    activations: list[np.ndarray],
    grad_out: np.ndarray,
    activation: str,
) -> list[np.ndarray]:
    """Gradients of every parameter array, in the order of ``params``."""
    delta = grad_out.reshape(len(grad_out), -1)
    grads: list[np.ndarray] = [None] * len(params)  # type: ignore[list-item]
    for layer in reversed(range(len(params) // 2)):
        grads[2 * layer] = delta.T @ activations[layer]
        grads[2 * layer + 1] = delta.sum(axis=0)
        if layer > 0:
            delta = (delta @ params[2 * layer]) * activation_slope(
                zs[layer - 1], activations[layer], activation
            )
    return grads
