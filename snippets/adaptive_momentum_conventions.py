"""The chapter's momentum and PyTorch's are the same method in other variables.

chapter: v <- beta v - lr g;  theta <- theta + v          (v starts at 0)
PyTorch: buf <- beta buf + g; theta <- theta - lr buf     (buf starts at g)
With v = -lr buf the two recurrences coincide, so for a fixed lr the
trajectories are identical.

Run it with ``python adaptive_momentum_conventions.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import get_surface
from lossnotes.optim import apply_updates, chapter_momentum, run, sgd

surface = get_surface("ill_conditioned")


def grad(p):
    return np.array(surface.grad(p[0], p[1]))


start = np.array(surface.start)
chapter = run(chapter_momentum(lr=0.02, beta=0.9), grad, start, 100)
torch_style = run(sgd(lr=0.02, momentum=0.9), grad, start, 100)
difference = np.abs(chapter - torch_style).max()


def run_with_lr_drop(make, lr, beta, steps=100, drop_at=20):
    """Halve the learning rate after ``drop_at`` steps, keeping the state."""
    theta, state = start, make(lr, beta).init(start)
    path = [theta]
    for k in range(steps):
        optimizer = make(lr if k < drop_at else lr / 2, beta)
        updates, state = optimizer.update(grad(theta), state, theta)
        theta = apply_updates(theta, updates)
        path.append(theta)
    return np.array(path)


chapter_drop = run_with_lr_drop(chapter_momentum, 0.02, 0.9)
torch_drop = run_with_lr_drop(lambda lr, b: sgd(lr=lr, momentum=b), 0.02, 0.9)
difference_after_drop = np.abs(chapter_drop - torch_drop).max()

if __name__ == "__main__":
    print(f"fixed lr: max |chapter - torch| = {difference:.1e}")
    print(f"lr halved at step 20: max difference {difference_after_drop:.3f}")
