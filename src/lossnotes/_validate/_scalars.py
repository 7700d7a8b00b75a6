"""Scalars: numbers in a range, integers, flags, strings, choices, pairs, seeds."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


def describe(value: Any) -> str:
    """Short description of a received value for error messages."""
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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


def check_sequence(name: str, value: Any, what: str) -> tuple[Any, ...]:
    """Check ``value`` is a sequence (not a string, not a scalar) and return it as a tuple.

    Examples
    --------
    >>> check_sequence("sizes", None, "layer widths")
    Traceback (most recent call last):
    ...
    TypeError: sizes must be a sequence of layer widths; got None
    """
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        raise TypeError(f"{name} must be a sequence of {what}; got {describe(value)}")
    return tuple(value)


def check_pair(
    name: str, value: Any, *, increasing: bool = False, positive: bool = False
) -> tuple[float, float]:
    """Check a pair of finite real numbers, optionally increasing or positive.

    Examples
    --------
    >>> check_pair("x_range", (-3, 3), increasing=True)
    (-3.0, 3.0)
    >>> check_pair("x_range", (3.0, -3.0), increasing=True)
    Traceback (most recent call last):
    ...
    ValueError: x_range must be an increasing pair (low, high); got (3.0, -3.0)
    """
    items = check_sequence(name, value, "two numbers")
    if len(items) != 2:
        raise ValueError(f"{name} must be a pair of numbers; got {describe(value)}")
    low = 0.0 if positive else -np.inf
    first, second = (
        check_in_range(f"{name}[{i}]", v, low, np.inf, low_inclusive=not positive)
        for i, v in enumerate(items)
    )
    if increasing and not first < second:
        raise ValueError(f"{name} must be an increasing pair (low, high); got {value!r}")
    return first, second
