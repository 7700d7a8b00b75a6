"""Directions through parameter space: filter-normalised random directions and 1-D interpolation.

Re-exported by ``lossnotes.landscape``, which slices losses along these directions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from lossnotes._validate import (
    FloatArray,
    as_float_array,
    as_generator,
    check_bool,
    check_callable,
    check_choice,
    check_same_shape,
    check_shapes,
)
from lossnotes.models import unflatten


def _evaluate_rows(f: Callable[..., Any], thetas: FloatArray, batched: bool) -> FloatArray:
    """``f`` on each row of ``thetas``, or on the whole stack at once when ``batched``."""
    if not batched:
        return np.array([float(f(theta)) for theta in thetas])
    values = np.asarray(f(thetas), dtype=float)
    if values.shape != (len(thetas),):
        raise ValueError(
            f"f with batched=True must return shape ({len(thetas)},) for a stack of shape"
            f" {thetas.shape}; got shape {values.shape}"
        )
    return values


def random_direction(
    model: Any,
    seed: int | None | np.random.Generator = 0,
    *,
    filter_normalize: bool = True,
    theta: Any = None,
    bias: str = "zero",
) -> FloatArray:
    """A random Gaussian direction in parameter space, filter-normalised as in Li et al. (2018).

    With ``filter_normalize=True`` each filter of the direction (a row of a weight
    matrix: the weights into one neuron) is rescaled to the norm of the same row of
    ``theta``, so slices of networks with different weight scales are comparable.
    Bias vectors follow ``bias``: ``"zero"`` (the default; Li et al.'s ``ignore="biasbn"``)
    leaves them out of the direction, ``"normalize"`` rescales each entry to ``|theta_i|``
    as their code does for 1-D parameters.

    Parameters
    ----------
    model : object with ``param_shapes``, or list of shape tuples
    seed : int, None or numpy.random.Generator, default 0
    filter_normalize : bool, default True
    theta : array_like of shape (p,), optional
        Reference parameters; required when ``filter_normalize`` is true.
    bias : {"zero", "normalize"}, default "zero"
        Applies to every 0-D/1-D parameter array.

    Returns
    -------
    numpy.ndarray of shape (p,)

    Examples
    --------
    >>> theta = np.array([3.0, 4.0, 0.0, 0.0, 7.0])   # W (2, 2) then b (1,)
    >>> d = random_direction([(2, 2), (1,)], seed=0, theta=theta)
    >>> float(np.hypot(d[0], d[1])), float(np.hypot(d[2], d[3])), float(d[4])
    (5.0, 0.0, 0.0)
    """
    filter_normalize = check_bool("filter_normalize", filter_normalize)
    shapes = check_shapes("model", getattr(model, "param_shapes", model))
    bias = check_choice("bias", bias, ("zero", "normalize"))
    rng = as_generator("seed", seed)
    parts = [rng.standard_normal(shape) for shape in shapes]
    if filter_normalize:
        if theta is None:
            raise ValueError("theta is required when filter_normalize=True; got None")
        for part, reference in zip(parts, unflatten(theta, shapes)):
            if part.ndim >= 2:
                rows, ref_rows = part.reshape(len(part), -1), reference.reshape(len(part), -1)
                rows *= (np.linalg.norm(ref_rows, axis=1) / np.linalg.norm(rows, axis=1))[:, None]
            elif bias == "normalize":
                part *= np.abs(reference) / np.abs(part)
    if bias == "zero":
        for part in parts:
            if part.ndim <= 1:
                part[...] = 0.0
    return np.concatenate([p.ravel() for p in parts])


def interpolate(
    f: Callable[[FloatArray], Any], theta_a: Any, theta_b: Any, ts: Any, *, batched: bool = False
) -> FloatArray:
    """Loss along the straight line ``(1 - t) theta_a + t theta_b`` (Goodfellow et al. 2015).

    Parameters
    ----------
    f : callable
        Loss of a flat parameter vector (or of an (m, p) stack with ``batched=True``).
    theta_a, theta_b : array_like of shape (p,)
        End points (``t = 0`` and ``t = 1``).
    ts : array_like, 1-D
        Positions along the line; values outside [0, 1] extrapolate.
    batched : bool, default False

    Returns
    -------
    numpy.ndarray of shape (len(ts),)

    Examples
    --------
    >>> interpolate(lambda t: float(t @ t), [1.0, 0.0], [0.0, 1.0], [0.0, 0.5, 1.0])
    array([1. , 0.5, 1. ])
    """
    check_callable("f", f)
    batched = check_bool("batched", batched)
    a = as_float_array("theta_a", theta_a, ndim=1)
    b = as_float_array("theta_b", theta_b, ndim=1)
    check_same_shape("theta_a", a, "theta_b", b)
    t = as_float_array("ts", ts, ndim=1)
    return _evaluate_rows(f, (1.0 - t)[:, None] * a + t[:, None] * b, batched)
