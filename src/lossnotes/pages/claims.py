"""Qualitative claims of the prose, checked where the result is computed.

A sentence such as "momentum gets there first" is true of one computation. The page
states it with :func:`claim` beside that computation, so the build fails, naming the
page, the block and the sentence, on the day the result stops being true. The MkDocs
plugin lists the claims each page checked in the build report.
"""

from __future__ import annotations

from typing import Any

from lossnotes._validate import check_str

#: The claims checked in this process so far, in order (the build reads it after each block).
checked: list[str] = []


class ClaimError(AssertionError):
    """A claim of the prose does not hold for the result it describes."""


def claim(condition: Any, text: str) -> None:
    """Check that ``condition`` holds; ``text`` is the sentence of the prose it backs.

    Parameters
    ----------
    condition : bool or numpy.bool_
        The result the sentence describes, computed; anything with a single truth value.
    text : str
        The claim in words, as the page states it.

    Raises
    ------
    ClaimError
        If ``condition`` is false: the message quotes ``text``.
    TypeError
        If ``condition`` has no single truth value (an array of several elements),
        or ``text`` is not a non-empty string.

    Examples
    --------
    >>> claim(0.01 < 0.02, "the tuned rate ends lower")
    >>> claim(1 > 2, "one exceeds two")
    Traceback (most recent call last):
    ...
    lossnotes.pages.claims.ClaimError: claim does not hold: one exceeds two
    """
    check_str("text", text)
    if not text.strip():
        raise ValueError("text must state the claim; got an empty string")
    try:
        holds = bool(condition)
    except (TypeError, ValueError) as error:  # numpy: "truth value of an array ... ambiguous"
        raise TypeError(
            f"condition must have a single truth value; got {type(condition).__name__} ({error})"
        ) from error
    if not holds:
        raise ClaimError(f"claim does not hold: {text}")
    checked.append(text)
