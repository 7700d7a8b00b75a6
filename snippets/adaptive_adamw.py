"""Weight decay inside Adam (L2 in the gradient) against AdamW (decoupled).

A weight the loss does not depend on, starting at 1: only weight decay moves
it.

Run it with ``python adaptive_adamw.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import adam, adamw, run


def no_loss_gradient(theta):
    return np.zeros_like(theta)


lr, steps = 0.01, 50
final = []  # (weight decay, Adam with L2, AdamW, theory (1 - lr wd)^steps)
for wd in (1e-4, 1e-2):
    l2 = run(adam(lr=lr, weight_decay=wd), no_loss_gradient, np.ones(1), steps)
    decoupled = run(adamw(lr=lr, weight_decay=wd), no_loss_gradient, np.ones(1), steps)
    final.append((wd, l2[-1, 0], decoupled[-1, 0], (1 - lr * wd) ** steps))

if __name__ == "__main__":
    for wd, a, w, theory in final:
        print(f"wd {wd}: Adam+L2 {a:.4f}, AdamW {w:.6f} (theory {theory:.6f})")
