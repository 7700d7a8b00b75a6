"""ROC-AUC of random scores (about 0.5) and of perfect scores (exactly 1).

Under random scoring the AUC is the Mann-Whitney statistic of a null ranking; its
standard deviation is sqrt((n0 + n1 + 1) / (12 n0 n1)) for n0 negatives and n1 positives.

Run it with ``python metrics_random_vs_perfect.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.metrics import roc_auc_score

rng = np.random.default_rng(2)
y = (rng.random(1000) < 0.3).astype(int)
n1 = int(y.sum())
n0 = y.size - n1

random_auc = roc_auc_score(y, rng.random(y.size))  # scores that ignore the label
perfect_auc = roc_auc_score(y, y + 0.1 * rng.random(y.size))  # every positive above every negative
null_sd = np.sqrt((n0 + n1 + 1) / (12 * n0 * n1))

# many random scorers on the same labels: how much does the AUC of noise wander?
random_aucs = np.array([roc_auc_score(y, rng.random(y.size)) for _ in range(400)])

if __name__ == "__main__":
    print(f"random scores:  ROC-AUC {random_auc:.4f} (null standard deviation {null_sd:.4f})")
    print(f"perfect scores: ROC-AUC {perfect_auc:.4f}")
    print(f"400 random scorers: mean {random_aucs.mean():.4f}, sd {random_aucs.std(ddof=1):.4f}")
