"""BCE from probabilities breaks for large logits; the logits form does not (float32 and float64).

Run it with ``python losses_bce_stability.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import bce, bce_with_logits, sigmoid


def naive_bce(z, y, dtype):
    """Textbook formula: p = 1 / (1 + exp(-z)), then -(y log p + (1 - y) log(1 - p))."""
    z = np.asarray(z, dtype=dtype)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        p = 1 / (1 + np.exp(-z))
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))


z = np.linspace(0.5, 120, 2391)  # label y = 0 with growing confidence in class 1
exact = bce_with_logits(z, np.zeros_like(z), reduction="none")  # log(1 + e^z), stable
relative_error = {}
first_inf = {}
for dtype in (np.float32, np.float64):
    naive = naive_bce(z, 0.0, dtype).astype(np.float64)
    relative_error[dtype.__name__] = np.abs(naive - exact) / exact
    first_inf[dtype.__name__] = z[np.argmax(~np.isfinite(naive))]
# PyTorch-style BCE clamps log(1 - p) at -100: finite, but flat at 100 once p rounds to 1.
clamped = bce(sigmoid(z), np.zeros_like(z), reduction="none")

if __name__ == "__main__":
    for name, z_inf in first_inf.items():
        print(
            f"{name}: the naive BCE of y=0 is inf from z = {z_inf:g} on;"
            f" bce_with_logits there = {bce_with_logits([z_inf], [0.0]):.2f}"
        )
    print(f"clamped BCE at z = 120: {clamped[-1]:g} (exact: {exact[-1]:g})")
