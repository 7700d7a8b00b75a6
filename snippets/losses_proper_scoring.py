"""Proper scoring rules: the expected log-loss and Brier score are smallest at the true probability.

If an event happens with probability p and we announce q, the expected score is
p S(q, 1) + (1 - p) S(q, 0). A scoring rule is *proper* when q = p minimises it, so
that honest probabilities are the best strategy. The absolute error |q - y| is not:
it is minimised by announcing 0 or 1.

Run it with ``python losses_proper_scoring.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import bce, mae, mse

q = np.linspace(0.001, 0.999, 999)  # announced probabilities
ones, zeros = np.ones_like(q), np.zeros_like(q)
rules = {  # score of announcing q when the outcome is 1, and when it is 0
    "log-loss": (bce(q, ones, reduction="none"), bce(q, zeros, reduction="none")),
    "Brier (squared error)": (mse(q, ones, reduction="none"), mse(q, zeros, reduction="none")),
    "absolute error": (mae(q, ones, reduction="none"), mae(q, zeros, reduction="none")),
}
true_p = (0.1, 0.3, 0.7)
best_q = {  # the announcement that minimises the expected score, per rule and true p
    (rule, p): float(q[np.argmin(p * if_one + (1 - p) * if_zero)])
    for rule, (if_one, if_zero) in rules.items()
    for p in true_p
}

if __name__ == "__main__":
    for (rule, p), value in best_q.items():
        print(f"{rule:>22}, true p = {p}: best announcement q = {value:.3f}")
