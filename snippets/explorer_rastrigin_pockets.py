"""The explorer's Rastrigin-like surface, replayed in Python with lossnotes.

Gradient descent and momentum start from the same point with the same learning
rate; the page's browser port draws exactly these paths.

Run it with ``python explorer_rastrigin_pockets.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import SURFACES
from lossnotes.optim import run, sgd

surface = SURFACES["rastrigin"]


def gradient(p):
    return np.array(surface.grad(p[0], p[1]))


start, lr, steps = np.array(surface.start), 0.01, 150
ends = {}
for name, optimizer in {"gradient descent": sgd(lr), "momentum 0.9": sgd(lr, momentum=0.9)}.items():
    x, y = run(optimizer, gradient, start, steps)[-1]
    ends[name] = (x, y, surface.f(x, y))

if __name__ == "__main__":
    for name, (x, y, loss) in ends.items():
        print(f"{name}: ends at ({x:.3f}, {y:.3f}), loss {loss:.3f}")
