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
# PyTorch's BCELoss clamps log(1 - p) at -100. The clamp takes over where p rounds to 1,
# which depends on the precision p is computed in: float32 is PyTorch's default.
clamped, clamp_from = {}, {}
for dtype in (np.float32, np.float64):
    p = 1 / (1 + np.exp(-z.astype(dtype)))
    with np.errstate(divide="ignore"):
        log_1mp = np.maximum(np.log(1 - p), -100).astype(np.float64)
    clamped[dtype.__name__] = -log_1mp
    clamp_from[dtype.__name__] = z[np.argmax(log_1mp == -100)]
# Float64 agrees with the package's own probabilities-form BCE, which clamps the same way.
clamped_package = bce(sigmoid(z), np.zeros_like(z), reduction="none")

if __name__ == "__main__":
    for name, z_inf in first_inf.items():
        print(
            f"{name}: the naive BCE of y=0 is inf from z = {z_inf:g} on;"
            f" bce_with_logits there = {bce_with_logits([z_inf], [0.0]):.2f}"
        )
    for name, z_clamp in clamp_from.items():
        print(
            f"{name}: the clamped BCE is 100 from z = {z_clamp:g} on (exact there: {np.logaddexp(0, z_clamp):.1f})"
        )
