"""Pack a list of parameter arrays into one flat vector and back.

Optimizers, loss-surface slices and Hessians work on flat vectors; models unpack
them into per-layer arrays. Re-exported by ``lossnotes.models``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from lossnotes._validate import FloatArray, as_float_array, check_sequence, check_shapes


def flatten(arrays: Sequence[Any]) -> FloatArray:
    """Concatenate parameter arrays into one flat float64 vector (C order).

    Examples
    --------
    >>> flatten([np.ones((2, 2)), np.zeros(2)])
    array([1., 1., 1., 1., 0., 0.])
    """
    arrays = check_sequence("arrays", arrays, "arrays")
    parts = [as_float_array(f"arrays[{i}]", a, ndim=None).ravel() for i, a in enumerate(arrays)]
    if not parts:
        raise ValueError("arrays must contain at least one array; got an empty sequence")
    return np.concatenate(parts)


def unflatten(theta: Any, shapes: Sequence[tuple[int, ...]]) -> list[FloatArray]:
    """Split a flat vector back into arrays of the given shapes (the inverse of ``flatten()``).

    Examples
    --------
    >>> [a.shape for a in unflatten(np.arange(6.0), [(2, 2), (2,)])]
    [(2, 2), (2,)]
    """
    vector = as_float_array("theta", theta, ndim=1)
    shapes = check_shapes("shapes", shapes)
    total = sum(int(np.prod(shape)) for shape in shapes)
    if total != vector.size:
        raise ValueError(
            f"theta must have {total} entries for shapes {list(shapes)}; got {vector.size}"
        )
    return _split_last_axis(vector, shapes)


def _split_last_axis(vectors: np.ndarray, shapes: Sequence[tuple[int, ...]]) -> list[np.ndarray]:
    """``unflatten()`` without validation, along the last axis of an already checked array.

    Leading axes are kept, so an (m, p) stack of parameter vectors gives arrays of shape
    ``(m, *shape)``; complex arrays pass through (the Hessian's complex step needs that).

    Examples
    --------
    >>> [a.shape for a in _split_last_axis(np.zeros((5, 6)), [(2, 2), (2,)])]
    [(5, 2, 2), (5, 2)]
    """
    bounds = np.cumsum([0, *(int(np.prod(shape)) for shape in shapes)])
    lead = vectors.shape[:-1]
    return [
        vectors[..., a:b].reshape(*lead, *shape)
        for a, b, shape in zip(bounds[:-1], bounds[1:], shapes)
    ]
