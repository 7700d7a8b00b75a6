"""The same loop with step 4 forgotten: gradients accumulate across steps.

Without clearing, step t uses the *sum* of all gradients so far, a momentum
with beta = 1 that never forgets. Everything else is identical to
``loop_six_steps.py`` (same data, initial weights and shuffles).

Run it with ``python loop_forgot_zero_grad.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import apply_updates, sgd
from lossnotes.pages.training_loop import dataloader, sine_problem

problem = sine_problem()  # 200 noisy samples of sin(x), a 1-16-1 tanh network, a generator
X, y, model, rng = problem.X, problem.y, problem.model, problem.rng  # rng: the shuffles

theta = model.init(seed=0)
grad = np.zeros_like(theta)
optimizer = sgd(lr=0.1)
state = optimizer.init(theta)
wrong_loss = [model.loss(theta, X, y)]

for epoch in range(30):
    for X_batch, y_batch in dataloader(X, y, 20, rng):
        y_pred = model.forward(theta, X_batch)
        loss = np.mean((y_pred - y_batch) ** 2)
        # step 4 forgotten: no grad[:] = 0.0
        grad += model.grad(theta, X_batch, y_batch)
        updates, state = optimizer.update(grad, state, theta)
        theta = apply_updates(theta, updates)
    wrong_loss.append(model.loss(theta, X, y))

if __name__ == "__main__":
    print(
        f"training loss without zero_grad: {wrong_loss[0]:.3f} before, "
        f"{wrong_loss[-1]:.4f} after 30 epochs"
    )
