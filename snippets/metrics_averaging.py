"""Five classes, one F1: macro, micro and weighted averaging when the classes are imbalanced.

Macro averaging gives every class the same say; micro averaging pools every decision,
so the large classes decide (for single-label problems micro-F1 is the accuracy);
weighted averaging weights each class's F1 by its size.

Run it with ``python metrics_averaging.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.metrics import accuracy_score, f1_score

rng = np.random.default_rng(3)
sizes = np.array([500, 250, 120, 60, 20])  # five classes, from common to rare
y_true = np.repeat(np.arange(5), sizes)
# A classifier that is right 90% of the time on the three common classes and 40% on the
# two rare ones; its mistakes go to class 0, the majority.
right = rng.random(y_true.size) < np.where(y_true < 3, 0.9, 0.4)
y_pred = np.where(right, y_true, 0)

per_class = f1_score(y_true, y_pred, average=None)
averages = {name: f1_score(y_true, y_pred, average=name) for name in ("macro", "micro", "weighted")}
accuracy = accuracy_score(y_true, y_pred)

if __name__ == "__main__":
    print("F1 per class:", np.round(per_class, 3))
    for name, value in averages.items():
        print(f"{name:>8}-averaged F1: {value:.3f}")
    print(f"accuracy: {accuracy:.3f}")
