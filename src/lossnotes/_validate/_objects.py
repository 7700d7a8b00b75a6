"""Objects: callables, instances, duck-typed models; warnings attributed to the caller."""

from __future__ import annotations

import os
import sys
from types import FrameType
from typing import Any

from lossnotes._validate._scalars import describe

# The lossnotes package: frames from files below it are the library's own.
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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


def check_instance(name: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    """Check ``isinstance(value, kind)`` and return ``value``; ``what`` names the expected kind.

    Examples
    --------
    >>> check_instance("ax", None, dict, "a matplotlib Axes")
    Traceback (most recent call last):
    ...
    TypeError: ax must be a matplotlib Axes; got None
    """
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be {what}; got {describe(value)}")
    return value


def check_methods(name: str, value: Any, methods: tuple[str, ...], what: str) -> Any:
    """Check ``value`` has the given callable methods (duck typing) and return it.

    Examples
    --------
    >>> check_methods("model", "mlp", ("init", "grad"), "a model of lossnotes.models")
    Traceback (most recent call last):
    ...
    TypeError: model must be a model of lossnotes.models (with init, grad); got 'mlp'
    """
    if not all(callable(getattr(value, method, None)) for method in methods):
        raise TypeError(f"{name} must be {what} (with {', '.join(methods)}); got {describe(value)}")
    return value


def caller_stacklevel() -> int:
    """The ``stacklevel`` that attributes a warning to the first frame outside lossnotes.

    Call it from the function that calls ``warnings.warn``; however deep the call sits
    inside the package, the warning then names the user's line.
    """
    frame: FrameType | None = sys._getframe(1)  # the function about to warn: stacklevel 1
    level = 1
    package = _PACKAGE + os.sep
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame = frame.f_back
        level += 1
    return level
