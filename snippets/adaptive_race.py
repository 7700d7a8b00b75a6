"""Six optimizers racing on three test surfaces from the same start.

Learning rates are set by hand per surface (plain SGD must stay below its
stability edge; the adaptive methods take steps of about lr whatever the
gradient's scale).

Run it with ``python adaptive_race.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import get_surface
from lossnotes.optim import adagrad, adam, adamw, rmsprop, run, sgd

learning_rates = {  # surface: (SGD, momentum, AdaGrad, RMSProp / Adam / AdamW)
    "ill_conditioned": (0.07, 0.02, 0.5, 0.1),
    "rosenbrock": (1.5e-3, 1e-3, 0.5, 0.02),
    "saddle": (0.05, 0.01, 0.3, 0.05),
}


def optimizers(lr_sgd, lr_momentum, lr_adagrad, lr_adaptive):
    return {
        "SGD": sgd(lr=lr_sgd),
        "momentum 0.9": sgd(lr=lr_momentum, momentum=0.9),
        "AdaGrad": adagrad(lr=lr_adagrad),
        "RMSProp": rmsprop(lr=lr_adaptive),  # alpha 0.99, eps 1e-8
        "Adam": adam(lr=lr_adaptive),  # betas (0.9, 0.999), eps 1e-8
        "AdamW": adamw(lr=lr_adaptive, weight_decay=0.01),
    }


races = {}  # surface name -> optimizer name -> trajectory (steps + 1, 2)
for name, lrs in learning_rates.items():
    surface = get_surface(name)

    def grad(p, surface=surface):
        return np.array(surface.grad(p[0], p[1]))

    start = np.array(surface.start)
    races[name] = {label: run(opt, grad, start, 1000) for label, opt in optimizers(*lrs).items()}

# RMSProp's step is about lr whatever the gradient's size, so whether it settles on the
# quadratic depends on lr: the race's rate, and the rate of the exercises page.
quadratic = get_surface("ill_conditioned")
rmsprop_settles = {
    lr: run(
        rmsprop(lr=lr),
        lambda p: np.array(quadratic.grad(p[0], p[1])),
        np.array(quadratic.start),
        1000,
    )
    for lr in (learning_rates["ill_conditioned"][3], 0.01)
}

if __name__ == "__main__":
    for name, paths in races.items():
        f = get_surface(name).f
        print(name, {k: float(f(*p[-1])) for k, p in paths.items()})
