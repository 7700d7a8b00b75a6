"""The six steps of a PyTorch training loop, mirrored in numpy.

``grad`` plays the role of the parameters' ``.grad``: backward *adds* into it,
as ``loss.backward()`` does, so step 4 has to clear it.

Run it with ``python loop_six_steps.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.optim import apply_updates, sgd
from lossnotes.pages.training_loop import dataloader, sine_problem

problem = sine_problem()  # 200 noisy samples of sin(x), a 1-16-1 tanh network, a generator
X, y, model, rng = problem.X, problem.y, problem.model, problem.rng  # rng: the shuffles

theta = model.init(seed=0)
grad = np.zeros_like(theta)  # like the .grad fields of a torch model
optimizer = sgd(lr=0.1)
state = optimizer.init(theta)
epoch_loss = [model.loss(theta, X, y)]

for epoch in range(30):
    for X_batch, y_batch in dataloader(X, y, 20, rng):  # 1. fetch mini-batch
        y_pred = model.forward(theta, X_batch)  # 2. forward pass
        loss = np.mean((y_pred - y_batch) ** 2)  # 3. compute loss
        grad[:] = 0.0  # 4. clear old grads
        grad += model.grad(theta, X_batch, y_batch)  # 5. backprop (adds)
        updates, state = optimizer.update(grad, state, theta)  # 6. update
        theta = apply_updates(theta, updates)
    epoch_loss.append(model.loss(theta, X, y))

if __name__ == "__main__":
    print(f"training loss: {epoch_loss[0]:.3f} before, {epoch_loss[-1]:.4f} after 30 epochs")
