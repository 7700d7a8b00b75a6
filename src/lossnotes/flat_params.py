"""Pack a list of parameter arrays into one flat vector and back.

Optimizers, loss-surface slices and Hessians work on flat vectors; models unpack
them into per-layer arrays. Re-exported by :mod:`lossnotes.models`.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from lossnotes._validate import FloatArray, as_float_array


def flatten(arrays: Sequence[Any]) -> FloatArray:
    """Concatenate parameter arrays into one flat float64 vector (C order).

    Examples
    --------
    >>> flatten([np.ones((2, 2)), np.zeros(2)])
    array([1., 1., 1., 1., 0., 0.])
    """
    parts = [as_float_array(f"arrays[{i}]", a, ndim=None).ravel() for i, a in enumerate(arrays)]
    if not parts:
        raise ValueError("arrays must contain at least one array; got an empty sequence")
    return np.concatenate(parts)


def unflatten(theta: Any, shapes: Sequence[tuple[int, ...]]) -> list[FloatArray]:
    """Split a flat vector back into arrays of the given shapes (the inverse of :func:`flatten`).

    Examples
    --------
    >>> [a.shape for a in unflatten(np.arange(6.0), [(2, 2), (2,)])]
    [(2, 2), (2,)]
    """
    vector = as_float_array("theta", theta, ndim=1)
    sizes = [int(np.prod(shape)) for shape in shapes]
    if sum(sizes) != vector.size:
        raise ValueError(
            f"theta must have {sum(sizes)} entries for shapes {list(shapes)}; got {vector.size}"
        )
    bounds = np.cumsum([0, *sizes])
    return [vector[a:b].reshape(shape) for a, b, shape in zip(bounds[:-1], bounds[1:], shapes)]
