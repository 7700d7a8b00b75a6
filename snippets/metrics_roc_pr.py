"""ROC and precision-recall curves of one scorer; average precision against the trapezoid.

Run it with ``python metrics_roc_pr.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

from lossnotes.metrics import (
    average_precision_score,
    pr_auc_trapezoid,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)
from lossnotes.pages.metrics import scored_labels

# 300 labels, 30 % positive; positives score around 1.2, negatives around 0, rounded to
# one decimal (ties, as real scores have).
y, scores = scored_labels()

fpr, tpr, roc_thresholds = roc_curve(y, scores)
precision, recall, pr_thresholds = precision_recall_curve(y, scores)
roc_auc = roc_auc_score(y, scores)
average_precision = average_precision_score(y, scores)  # sum of (R_n - R_{n-1}) P_n
pr_auc_trap = pr_auc_trapezoid(y, scores)  # straight lines between PR points: optimistic

if __name__ == "__main__":
    print(f"ROC-AUC {roc_auc:.4f}")
    print(f"average precision (step sum) {average_precision:.4f}")
    print(f"PR-AUC by trapezoids        {pr_auc_trap:.4f}")
