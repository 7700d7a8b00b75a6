"""Numerically stable sigmoid, softmax and log-softmax.

The public functions validate their input; the underscored twins skip validation
and also accept complex arrays, which the Hessian module needs for complex-step
differentiation (the branches are chosen on the real part only).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # exp(-|z|) never overflows, so both branches are safe for logits like +-1e4.
    e = np.exp(-np.where(z.real >= 0, z, -z))
    return np.where(z.real >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _log_softmax(z: np.ndarray) -> np.ndarray:
    # Subtracting the row maximum makes every exponent <= 0: no overflow, and the
    # largest term is exactly 1, so the log of the sum never sees 0.
    shifted = z - np.max(z.real, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - np.max(z.real, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def sigmoid(z: Any) -> FloatArray:
    """Logistic function ``1 / (1 + exp(-z))``, computed without overflow.

    Parameters
    ----------
    z : array_like
        Logits, any shape.

    Returns
    -------
    numpy.ndarray
        Probabilities in ``[0, 1]``, same shape as ``z``.

    Examples
    --------
    >>> sigmoid([0.0, 1e4, -1e4])
    array([0.5, 1. , 0. ])
    """
    return _sigmoid(as_float_array("z", z))


def log_softmax(logits: Any) -> FloatArray:
    """Log of the softmax along the last axis, ``z - logsumexp(z)``, stable for large logits.

    Parameters
    ----------
    logits : array_like of shape (K,) or (n, K)
        Unnormalised scores; the last axis holds the classes.

    Returns
    -------
    numpy.ndarray
        Log-probabilities, same shape as ``logits``; each row's exponentials sum to 1.

    Examples
    --------
    >>> log_softmax([[0.0, 0.0], [1e4, 0.0]])
    array([[-6.93147181e-01, -6.93147181e-01],
           [ 0.00000000e+00, -1.00000000e+04]])
    """
    return _log_softmax(as_float_array("logits", logits, ndim=(1, 2)))


def softmax(logits: Any) -> FloatArray:
    """Softmax along the last axis, ``exp(z) / sum(exp(z))``, stable for large logits.

    Parameters
    ----------
    logits : array_like of shape (K,) or (n, K)
        Unnormalised scores; the last axis holds the classes.

    Returns
    -------
    numpy.ndarray
        Probabilities, same shape as ``logits``, rows summing to 1.

    Examples
    --------
    >>> softmax([1.0, 1.0, 1.0, 1.0])
    array([0.25, 0.25, 0.25, 0.25])
    >>> softmax([[1e4, 0.0]])
    array([[1., 0.]])
    """
    return _softmax(as_float_array("logits", logits, ndim=(1, 2)))
