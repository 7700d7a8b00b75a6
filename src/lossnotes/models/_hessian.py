"""Exact Hessians of the models' training losses, and critical points classified by eigenvalues.

Linear and logistic regression have closed forms. For the MLP the Hessian is the
complex-step derivative of the analytic gradient,
``H[:, k] = Im(grad(theta + i h e_k)) / h``: there is no subtraction, so with
``h = 1e-20`` the truncation error (order ``h**2``) vanishes and the result is exact to
machine precision, unlike finite differences of the loss.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_positive
from lossnotes.losses import kernels
from lossnotes.models._flat import _split_last_axis
from lossnotes.models._networks import MLP, LinearRegression, LogisticRegression

_COMPLEX_STEP = 1e-20


def hessian(
    model: LinearRegression | LogisticRegression | MLP, theta: Any, X: Any, y: Any
) -> FloatArray:
    """Hessian of ``model.loss(theta, X, y)`` with respect to ``theta``, shape (p, p).

    Cost is ``p`` gradient evaluations for the MLP, so keep ``p`` in the hundreds.

    Parameters
    ----------
    model : LinearRegression, LogisticRegression or MLP
    theta : array_like of shape (model.n_params,)
    X : array_like of shape (n, d)
    y : array_like
        Targets as accepted by ``model.loss``.

    Returns
    -------
    numpy.ndarray of shape (p, p)
        Symmetric.

    Examples
    --------
    Linear regression's Hessian ``(2/n) [X 1]^T [X 1]`` does not depend on ``theta``:

    >>> hessian(LinearRegression(1), np.zeros(2), [[0.0], [1.0]], [0.0, 1.0])
    array([[1., 1.],
           [1., 2.]])
    """
    if not isinstance(model, (LinearRegression, LogisticRegression, MLP)):
        raise TypeError(
            f"model must be a LinearRegression, LogisticRegression or MLP; got {type(model).__name__}"
        )
    params, inputs = model._check_theta_X(theta, X)
    labels = model._check_y(y, inputs)
    design = np.hstack([inputs, np.ones((len(inputs), 1))])  # [X 1]: theta = [w, b]
    if isinstance(model, LinearRegression):
        H = 2.0 / len(inputs) * design.T @ design
    elif isinstance(model, LogisticRegression):
        H = logistic_hessian(design, np.concatenate([params[0].ravel(), params[1]]))
    else:
        H = _complex_step_hessian(model, params, inputs, labels)
    return 0.5 * (H + H.T)  # exact up to rounding; make the last bits symmetric too


def logistic_hessian(design: FloatArray, theta: FloatArray) -> FloatArray:
    """Hessian of the mean BCE of ``sigmoid(design @ theta)``: ``D^T diag(p (1 - p)) D / n``."""
    p = kernels.sigmoid(design @ theta)
    return (design.T * (p * (1.0 - p))) @ design / len(design)


def _complex_step_hessian(
    model: MLP, params: list[np.ndarray], inputs: np.ndarray, labels: np.ndarray
) -> FloatArray:
    vector = np.concatenate([a.ravel() for a in params])
    columns = []
    for k in range(vector.size):
        shifted = vector.astype(complex)
        shifted[k] += 1j * _COMPLEX_STEP
        grad = model._grad_unchecked(_split_last_axis(shifted, model.param_shapes), inputs, labels)
        columns.append(grad.imag / _COMPLEX_STEP)
    return np.stack(columns, axis=1)


def classify_critical_point(H: Any, tol: float = 1e-8) -> str:
    """Classify a critical point from the eigenvalues of its (symmetric) Hessian.

    Eigenvalues with ``|lambda| <= tol`` count as zero. Then: all positive gives
    ``"minimum"``, all negative ``"maximum"``, both signs present ``"saddle"`` (even if
    some are zero: it is indefinite), and anything else (some zero, the rest of one
    sign) ``"degenerate"``: second-order information cannot decide (the monkey saddle
    ``x^3 - 3 x y^2`` has a zero Hessian at its saddle point).

    Parameters
    ----------
    H : array_like of shape (p, p)
        Symmetric Hessian.
    tol : float, default 1e-8
        Absolute threshold below which an eigenvalue is treated as zero.

    Returns
    -------
    {"minimum", "maximum", "saddle", "degenerate"}

    Examples
    --------
    >>> classify_critical_point([[2.0, 0.0], [0.0, -2.0]])   # x^2 - y^2 at the origin
    'saddle'
    >>> classify_critical_point(np.zeros((2, 2)))
    'degenerate'
    """
    matrix = as_float_array("H", H, ndim=2)
    tol = check_positive("tol", tol)
    if matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"H must be a square matrix; got shape {matrix.shape}")
    scale = max(1.0, float(np.max(np.abs(matrix))))
    if not np.allclose(matrix, matrix.T, rtol=0.0, atol=1e-8 * scale):
        raise ValueError(
            "H must be symmetric; got max |H - H.T| = "
            f"{float(np.max(np.abs(matrix - matrix.T))):.3g}"
        )
    eigenvalues = np.linalg.eigvalsh(matrix)
    positive, negative = np.any(eigenvalues > tol), np.any(eigenvalues < -tol)
    if positive and negative:
        return "saddle"
    if np.all(np.abs(eigenvalues) > tol):
        return "minimum" if positive else "maximum"
    return "degenerate"
