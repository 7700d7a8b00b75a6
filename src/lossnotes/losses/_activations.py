"""Numerically stable sigmoid, softmax and log-softmax.

These validate their input and call the kernels of ``lossnotes.losses.kernels``.
"""

from __future__ import annotations

from typing import Any

from lossnotes._validate import FloatArray, as_float_array
from lossnotes.losses import kernels


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
    return kernels.sigmoid(as_float_array("z", z))


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
    return kernels.log_softmax(as_float_array("logits", logits, ndim=(1, 2)))


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
    return kernels.softmax(as_float_array("logits", logits, ndim=(1, 2)))
