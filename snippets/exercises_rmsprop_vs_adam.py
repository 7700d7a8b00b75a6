"""Viva: RMSProp against Adam. Same learning rate, same problem: their first steps and their runs.

RMSProp divides the gradient by the root of a moving average of squared gradients.
Adam does the same to a moving average of the gradients themselves (momentum) and
corrects both averages for starting at zero.

Run it with ``python exercises_rmsprop_vs_adam.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import SURFACES
from lossnotes.optim import adam, rmsprop, run

lr = 0.01
optimizers = {"RMSProp": rmsprop(lr), "Adam": adam(lr, betas=(0.9, 0.999))}

# 1. the first steps for a constant gradient, in units of lr
first_steps = {}
for name, opt in optimizers.items():
    state, sizes = opt.init(np.zeros(1)), []
    for _ in range(3):
        step, state = opt.update(np.array([0.3]), state, np.zeros(1))
        sizes.append(float(-step[0] / lr))
    first_steps[name] = sizes

# 2. a run on the ill-conditioned quadratic f = (x^2 + 25 y^2) / 2
bowl = SURFACES["ill_conditioned"]
runs = {
    name: run(opt, lambda p: np.array(bowl.grad(*p)), np.array([-1.8, 0.6]), 400)
    for name, opt in optimizers.items()
}
final_loss = {name: float(bowl.f(*path[-1])) for name, path in runs.items()}

if __name__ == "__main__":
    for name in optimizers:
        print(
            f"{name}: first steps / lr = {np.round(first_steps[name], 3)}, "
            f"f after 400 steps = {final_loss[name]:.2e}"
        )
