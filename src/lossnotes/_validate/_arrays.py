"""Arrays: real numbers of the right dimension, size and shape; shapes themselves."""

from __future__ import annotations

from typing import Any

import numpy as np

from lossnotes._validate._scalars import FloatArray, check_sequence, describe


def as_float_array(
    name: str,
    value: Any,
    *,
    ndim: int | tuple[int, ...] | None = None,
    allow_empty: bool = False,
    finite: bool = True,
) -> FloatArray:
    """Convert ``value`` to a float64 array, checking dtype, dimension, size and finiteness.

    Parameters
    ----------
    name : str
        Argument name used in error messages.
    value : array_like
        Real numbers (int or float). Booleans, strings, objects and complex numbers are
        refused: a mask passed for numbers is a mistake, and would be read as 0 and 1.
    ndim : int or tuple of int, optional
        Allowed numbers of dimensions.
    allow_empty : bool, default False
        Accept arrays with no elements.
    finite : bool, default True
        Refuse NaN and infinities.

    Returns
    -------
    numpy.ndarray
        The values as float64.

    Examples
    --------
    >>> as_float_array("y_true", [1, 2, 3])
    array([1., 2., 3.])
    >>> as_float_array("y_true", [1.0, float("nan")])
    Traceback (most recent call last):
    ...
    ValueError: y_true must be finite; got NaN or inf at index 1
    """
    try:
        array = np.asarray(value)
    except Exception as error:  # ragged nested lists and the like
        raise TypeError(f"{name} must be an array of numbers; got {describe(value)}") from error
    if array.dtype.kind not in "iuf":
        raise TypeError(
            f"{name} must contain real numbers; got {describe(value)} (dtype {array.dtype})"
        )
    array = array.astype(np.float64, copy=False)
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else ndim
        if array.ndim not in allowed:
            expected = " or ".join(str(n) for n in allowed)
            raise ValueError(f"{name} must have {expected} dimension(s); got shape {array.shape}")
    if not allow_empty and array.size == 0:
        raise ValueError(f"{name} must not be empty; got shape {array.shape}")
    if finite and not np.all(np.isfinite(array)):
        where = np.argwhere(~np.isfinite(array))[0]
        index = int(where[0]) if where.size == 1 else tuple(int(i) for i in where)
        raise ValueError(f"{name} must be finite; got NaN or inf at index {index}")
    return array


def check_same_shape(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> None:
    """Raise ``ValueError`` unless ``a`` and ``b`` have the same shape.

    Examples
    --------
    >>> check_same_shape("y_pred", np.zeros(3), "y_true", np.zeros(2))
    Traceback (most recent call last):
    ...
    ValueError: y_pred and y_true must have the same shape; got (3,) and (2,)
    """
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape; got {a.shape} and {b.shape}"
        )


def check_same_length(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> None:
    """Raise ``ValueError`` unless ``a`` and ``b`` have the same number of samples (rows).

    Examples
    --------
    >>> check_same_length("X", np.zeros((3, 2)), "y", np.zeros(4))
    Traceback (most recent call last):
    ...
    ValueError: X and y must have the same number of samples; got 3 and 4
    """
    if len(a) != len(b):
        raise ValueError(
            f"{name_a} and {name_b} must have the same number of samples; got {len(a)} and {len(b)}"
        )


def check_shape(name: str, array: np.ndarray, shape: tuple[int, ...], of: str) -> None:
    """Raise ``ValueError`` unless ``array`` has ``shape`` (the shape of ``of``).

    Examples
    --------
    >>> check_shape("grads", np.ones(3), (3, 1), "params")
    Traceback (most recent call last):
    ...
    ValueError: grads must have the shape of params (3, 1); got (3,)
    """
    if array.shape != tuple(shape):
        raise ValueError(f"{name} must have the shape of {of} {tuple(shape)}; got {array.shape}")


def as_data(name: str, value: Any) -> np.ndarray:
    """Samples along the first axis: real numbers (ints keep their dtype), finite, at least one.

    For inputs and targets handed on to a user's function, which may index classes
    with integers.

    Examples
    --------
    >>> as_data("y", [0, 1]).dtype.kind
    'i'
    >>> as_data("X", [[0.0], [np.inf]])
    Traceback (most recent call last):
    ...
    ValueError: X must be finite; got NaN or inf at index (1, 0)
    """
    checked = as_float_array(name, value)
    if checked.ndim == 0:
        raise ValueError(f"{name} must be an array of samples (at least 1-D); got {value!r}")
    array = np.asarray(value)
    return array if array.dtype.kind in "iu" else checked


def check_shapes(name: str, value: Any) -> list[tuple[int, ...]]:
    """Check a non-empty sequence of array shapes; an integer ``n`` stands for ``(n,)``.

    Examples
    --------
    >>> check_shapes("shapes", [(2, 2), 3])
    [(2, 2), (3,)]
    >>> check_shapes("shapes", [(2, -1)])
    Traceback (most recent call last):
    ...
    ValueError: shapes[0] must be a shape of non-negative integers; got (2, -1)
    """
    shapes = []
    for i, item in enumerate(check_sequence(name, value, "shapes (tuples of ints)")):
        dims = (item,) if isinstance(item, (int, np.integer)) else item
        dims = check_sequence(f"{name}[{i}]", dims, "ints (a shape)")
        if not all(isinstance(d, (int, np.integer)) and not isinstance(d, bool) for d in dims):
            raise TypeError(f"{name}[{i}] must be a sequence of ints (a shape); got {item!r}")
        if any(d < 0 for d in dims):
            raise ValueError(f"{name}[{i}] must be a shape of non-negative integers; got {item!r}")
        shapes.append(tuple(int(d) for d in dims))
    if not shapes:
        raise ValueError(f"{name} must hold at least one shape; got {describe(value)}")
    return shapes
