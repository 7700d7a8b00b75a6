"""Accuracy misleads on imbalanced classes; F1 and average precision do not.

One scorer with fixed quality (positive and negative logits from the same two normal
distributions), evaluated at 50 % and at 1 % positives, and a classifier that always
answers "negative".

Run it with ``python metrics_imbalance.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.metrics import accuracy_score, average_precision_score, f1_score, roc_auc_score


def evaluate(prevalence, n=20_000, seed=0):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < prevalence).astype(int)
    logits = rng.normal(loc=np.where(y == 1, 1.5, -1.5), scale=1.0)  # same scorer quality
    y_pred = (logits >= 0).astype(int)  # threshold probability 0.5
    always_negative = np.zeros(n, dtype=int)
    return {
        "scorer": [
            accuracy_score(y, y_pred),
            f1_score(y, y_pred),
            roc_auc_score(y, logits),
            average_precision_score(y, logits),
        ],
        "always negative": [
            accuracy_score(y, always_negative),
            f1_score(y, always_negative, zero_division=0),
            roc_auc_score(y, np.zeros(n)),
            average_precision_score(y, np.zeros(n)),
        ],
    }


results = {prevalence: evaluate(prevalence) for prevalence in (0.5, 0.01)}

if __name__ == "__main__":
    for prevalence, rows in results.items():
        for name, (acc, f1, auc, ap) in rows.items():
            print(
                f"{prevalence:>4.0%} positives, {name:>15}: accuracy {acc:.3f}  F1 {f1:.3f}  "
                f"ROC-AUC {auc:.3f}  AP {ap:.3f}"
            )
