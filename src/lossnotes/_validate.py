"""Boundary checks shared by every public function.

Each helper raises ``TypeError`` or ``ValueError`` with a message that names the
argument, says what was received and what is expected, so a reader can fix the
call without reading our source. Validate once, at the public boundary; private
helpers trust their inputs.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def describe(value: Any) -> str:
    """Short description of a received value for error messages."""
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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


def check_in_range(
    name: str,
    value: Any,
    low: float,
    high: float,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
) -> float:
    """Check a real scalar lies in an interval and return it as ``float``.

    Examples
    --------
    >>> check_in_range("beta1", 0.9, 0.0, 1.0, high_inclusive=False)
    0.9
    >>> check_in_range("beta1", 1.0, 0.0, 1.0, high_inclusive=False)
    Traceback (most recent call last):
    ...
    ValueError: beta1 must be in [0.0, 1.0); got 1.0
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a real number; got {describe(value)}")
    number = float(value)
    above = number >= low if low_inclusive else number > low
    below = number <= high if high_inclusive else number < high
    if not (np.isfinite(number) and above and below):
        # infinite bounds are never reached (the value must be finite): always open
        left = "[" if low_inclusive and np.isfinite(low) else "("
        right = "]" if high_inclusive and np.isfinite(high) else ")"
        raise ValueError(f"{name} must be in {left}{low}, {high}{right}; got {value!r}")
    return number


def check_positive(name: str, value: Any) -> float:
    """Check a real scalar is finite and strictly positive and return it as ``float``.

    Examples
    --------
    >>> check_positive("delta", 0)
    Traceback (most recent call last):
    ...
    ValueError: delta must be in (0.0, inf); got 0
    >>> check_positive("delta", float("inf"))
    Traceback (most recent call last):
    ...
    ValueError: delta must be in (0.0, inf); got inf
    """
    return check_in_range(name, value, 0.0, float("inf"), low_inclusive=False)


def check_positive_int(name: str, value: Any, *, minimum: int = 1) -> int:
    """Check ``value`` is an integer no smaller than ``minimum`` and return it.

    Examples
    --------
    >>> check_positive_int("steps", 2.5)
    Traceback (most recent call last):
    ...
    TypeError: steps must be an integer; got 2.5
    """
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer; got {describe(value)}")
    if value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}; got {value}")
    return int(value)


def check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    """Check ``value`` is one of ``choices``.

    Examples
    --------
    >>> check_choice("reduction", "avg", ("mean", "sum", "none"))
    Traceback (most recent call last):
    ...
    ValueError: reduction must be one of 'mean', 'sum', 'none'; got 'avg'
    """
    if value not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {options}; got {value!r}")
    return str(value)


def as_generator(name: str, seed: Any) -> np.random.Generator:
    """Turn a seed (int or None) or a ``numpy.random.Generator`` into a Generator.

    Examples
    --------
    >>> int(as_generator("seed", 0).integers(10)) == int(np.random.default_rng(0).integers(10))
    True
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or (isinstance(seed, (int, np.integer)) and not isinstance(seed, bool)):
        if seed is not None and seed < 0:
            raise ValueError(f"{name} must be a non-negative integer; got {seed}")
        return np.random.default_rng(seed)
    raise TypeError(f"{name} must be an int, None or numpy.random.Generator; got {describe(seed)}")


def check_bool(name: str, value: Any) -> bool:
    """Check a flag is a ``bool`` (or ``numpy.bool_``) and return it as ``bool``.

    Truthy stand-ins are refused: ``"False"`` is a non-empty string, so ``if flag:``
    would read it as true.

    Examples
    --------
    >>> check_bool("nesterov", np.True_)
    True
    >>> check_bool("nesterov", "False")
    Traceback (most recent call last):
    ...
    TypeError: nesterov must be True or False; got 'False'
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False; got {describe(value)}")
    return bool(value)


def check_callable(name: str, value: Any, *, optional: bool = False) -> Any:
    """Check ``value`` is callable (or ``None`` when ``optional``) and return it.

    Examples
    --------
    >>> check_callable("grad_fn", None)
    Traceback (most recent call last):
    ...
    TypeError: grad_fn must be callable; got None
    """
    if not (callable(value) or (optional and value is None)):
        expected = "callable or None" if optional else "callable"
        raise TypeError(f"{name} must be {expected}; got {describe(value)}")
    return value


def check_str(name: str, value: Any, *, optional: bool = False, one_line: bool = False) -> Any:
    """Check ``value`` is a ``str`` (or ``None`` when ``optional``) and return it.

    ``one_line`` refuses line breaks (a Markdown table cell, an attribute).

    Examples
    --------
    >>> check_str("caption", 1, optional=True)
    Traceback (most recent call last):
    ...
    TypeError: caption must be a string or None; got 1
    """
    if optional and value is None:
        return None
    if not isinstance(value, str):
        expected = "a string or None" if optional else "a string"
        raise TypeError(f"{name} must be {expected}; got {describe(value)}")
    if one_line and ("\n" in value or "\r" in value):
        raise ValueError(f"{name} must be a single line; got {describe(value)}")
    return value


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


def caller_stacklevel() -> int:
    """The ``stacklevel`` that attributes a warning to the first frame outside lossnotes.

    Call it from the function that calls ``warnings.warn``; however deep the call sits
    inside the package, the warning then names the user's line.
    """
    frame = sys._getframe(1)  # the function about to warn: stacklevel 1
    level = 1
    package = _PACKAGE + os.sep
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame = frame.f_back
        level += 1
    return level
