"""Error-free transformations for the few sums that must not lose digits.

Used by ``lossnotes.landscape.mse_surface_linear()``, whose intercept term is a
difference of two large numbers when data sit far from the origin.
"""

from __future__ import annotations

import numpy as np

from lossnotes._validate import FloatArray


def double_length_mean(v: FloatArray) -> tuple[float, float]:
    """Mean of ``v`` as an unevaluated sum ``hi + lo`` (two passes).

    The second pass averages the deviations from the first estimate; its rounding
    error scales with the spread of ``v``, not with the size of its mean, which is what
    matters when data sit far from the origin.
    """
    hi = float(np.mean(v))
    return hi, float(np.mean(v - hi))


def two_product(a: np.ndarray, b: float) -> tuple[np.ndarray, np.ndarray]:
    """``a * b = p + e`` exactly (Dekker's algorithm); ``e = 0`` where splitting overflows."""
    p = a * b
    with np.errstate(over="ignore", invalid="ignore"):
        a_hi, a_lo = _split(a)
        b_hi, b_lo = _split(np.asarray(b))
        e = ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
    return p, np.where(np.isfinite(e), e, 0.0)


def _split(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    c = 134217729.0 * a  # 2**27 + 1 splits a double into two 26-bit halves
    hi = c - (c - a)
    return hi, a - hi
