"""Evaluation metrics with scikit-learn's names, signatures and edge-case conventions.

``*_score`` is maximised, ``*_error`` minimised. Classification metrics take labels;
ranking metrics take binary labels and scores (O(n log n)); regression metrics take
real targets; ``reliability_curve()`` bins predicted probabilities as
``sklearn.calibration.calibration_curve(strategy="uniform")``. An undefined value (0/0, a single class) gives a fallback value plus an
``UndefinedMetricWarning`` instead of an exception.

>>> from lossnotes.metrics import f1_score, roc_auc_score
>>> f1_score([0, 1, 1, 0], [0, 1, 0, 0]), roc_auc_score([0, 1, 1, 0], [0.1, 0.9, 0.4, 0.5])
(0.666667, 0.75)
"""

from lossnotes.metrics._calibration import reliability_curve
from lossnotes.metrics._classification import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
)
from lossnotes.metrics._common import UndefinedMetricWarning
from lossnotes.metrics._ranking import (
    average_precision_score,
    pr_auc_trapezoid,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)
from lossnotes.metrics._regression import (
    mean_absolute_error,
    r2_score,
    root_mean_squared_error,
)

__all__ = [
    "UndefinedMetricWarning",
    "confusion_matrix",
    "accuracy_score",
    "precision_score",
    "recall_score",
    "f1_score",
    "roc_curve",
    "roc_auc_score",
    "precision_recall_curve",
    "average_precision_score",
    "pr_auc_trapezoid",
    "mean_absolute_error",
    "root_mean_squared_error",
    "r2_score",
    "reliability_curve",
]
