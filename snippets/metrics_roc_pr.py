"""ROC and precision-recall curves of one scorer; average precision against the trapezoid.

Run it with ``python metrics_roc_pr.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.metrics import (
    average_precision_score,
    pr_auc_trapezoid,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

rng = np.random.default_rng(1)
y = (rng.random(300) < 0.3).astype(int)  # 30 % positives
scores = np.round(rng.normal(loc=1.2 * y, scale=1.0), 1)  # rounded: ties, as real scores have

fpr, tpr, roc_thresholds = roc_curve(y, scores)
precision, recall, pr_thresholds = precision_recall_curve(y, scores)
roc_auc = roc_auc_score(y, scores)
average_precision = average_precision_score(y, scores)  # sum of (R_n - R_{n-1}) P_n
pr_auc_trap = pr_auc_trapezoid(y, scores)  # straight lines between PR points: optimistic

if __name__ == "__main__":
    print(f"ROC-AUC {roc_auc:.4f}")
    print(f"average precision (step sum) {average_precision:.4f}")
    print(f"PR-AUC by trapezoids        {pr_auc_trap:.4f}")
