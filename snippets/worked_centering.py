"""Centre the input, and the valley disappears: conditioning of the worked example, raw and rescaled.

The Hessian of the MSE of y = w x + b is (2 / N) [x 1]^T [x 1]. Its condition number
(largest over smallest eigenvalue) sets how slowly gradient descent creeps along the
valley. Centring x (subtracting its mean) removes the coupling between w and b;
standardising also divides by the spread; min-max scaling maps x to [0, 1]. The same
gradient-descent loop then runs on each version of the input.

Run it with ``python worked_centering.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

X = np.array([1, 2, 3, 4, 5], dtype=float)
y = np.array([2, 4, 5, 4, 5], dtype=float)
lr, tol = 0.01, 5e-4  # the worked example's step size; "three decimals" of the fit

inputs = {
    "raw x": X,
    "centred x - mean": X - X.mean(),
    "standardised (x - mean) / std": (X - X.mean()) / X.std(),
    "min-max to [0, 1]": (X - X.min()) / (X.max() - X.min()),
}


def condition_number(x):
    design = np.column_stack([x, np.ones_like(x)])
    eigenvalues = np.linalg.eigvalsh(2 / len(x) * design.T @ design)
    return eigenvalues.max() / eigenvalues.min()


def steps_to_fit(x, step_size=None, max_steps=50_000):
    """Gradient-descent steps until the predictions agree with least squares to tol.

    ``step_size`` None means the best fixed step for this input, 2 / (l_min + l_max).
    """
    design = np.column_stack([x, np.ones_like(x)])
    target = design @ np.linalg.lstsq(design, y, rcond=None)[0]
    eigenvalues = np.linalg.eigvalsh(2 / len(x) * design.T @ design)
    eta = 2 / (eigenvalues.min() + eigenvalues.max()) if step_size is None else step_size
    theta = np.zeros(2)
    for step in range(1, max_steps + 1):
        theta = theta - eta * (2 / len(x)) * design.T @ (design @ theta - y)
        if np.max(np.abs(design @ theta - target)) < tol:
            return step
    return None


conditioning = {name: condition_number(x) for name, x in inputs.items()}
steps_at_lr = {name: steps_to_fit(x, lr) for name, x in inputs.items()}  # eta = 0.01 for all
steps_at_best = {name: steps_to_fit(x) for name, x in inputs.items()}  # each its best eta

if __name__ == "__main__":
    for name in inputs:
        print(
            f"{name:>30}: condition number {conditioning[name]:7.2f}, "
            f"{steps_at_lr[name]} steps at lr {lr}, {steps_at_best[name]} at its best lr"
        )
