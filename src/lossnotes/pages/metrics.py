"""The scorer whose curves and thresholds the metrics page draws, defined once.

The ROC and precision-recall curves and the threshold slider read the same labels and
scores; ``scored_labels()`` draws them.
"""

from __future__ import annotations

import numpy as np

from lossnotes._validate import FloatArray

__all__ = ["scored_labels"]


def scored_labels() -> tuple[np.ndarray, FloatArray]:
    """Labels of 300 cases (30 % positive on average) and a scorer's rounded scores.

    A positive's score is normal around 1.2, a negative's around 0 (standard deviation
    1); scores are rounded to one decimal, so there are ties, as real scores have.

    Returns
    -------
    y : numpy.ndarray of int, shape (300,)
    scores : numpy.ndarray of float, shape (300,)

    Examples
    --------
    >>> y, scores = scored_labels()
    >>> y.shape, sorted(set(y.tolist())), bool(np.all(scores == np.round(scores, 1)))
    ((300,), [0, 1], True)
    >>> bool(scores[y == 1].mean() > scores[y == 0].mean())
    True
    """
    rng = np.random.default_rng(1)
    y = (rng.random(300) < 0.3).astype(int)
    scores = np.round(rng.normal(loc=1.2 * y, scale=1.0), 1)
    return y, scores
