"""How many steps the worked example's loop really needs: run it until w and b agree with least squares.

"Agree to 3 decimals" means |w - w*| < 0.0005 and |b - b*| < 0.0005 from that step on.

Run it with ``python worked_convergence.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

X = np.array([1, 2, 3, 4, 5], dtype=float)
y = np.array([2, 4, 5, 4, 5], dtype=float)
lr, max_steps, tol = 0.01, 20_000, 0.5e-3

design = np.column_stack([X, np.ones_like(X)])
w_star, b_star = np.linalg.lstsq(design, y, rcond=None)[0]
optimal_loss = np.mean((y - w_star * X - b_star) ** 2)

w, b = 0.0, 0.0
excess, error = [], []  # loss above the optimum, and the larger parameter error, per step
for step in range(max_steps + 1):
    excess.append(np.mean((y - w * X - b) ** 2) - optimal_loss)
    error.append(max(abs(w - w_star), abs(b - b_star)))
    res = y - (w * X + b)
    w += lr * (2 / len(X)) * (res @ X)
    b += lr * (2 / len(X)) * res.sum()
excess, error = np.array(excess), np.array(error)
steps_needed = int(np.flatnonzero(error >= tol)[-1]) + 1  # the last step still off, plus one

# Theory: the slowest direction of the bowl shrinks by (1 - lr * lambda_min) per step.
hessian = 2 / len(X) * design.T @ design
lambda_min, lambda_max = np.linalg.eigvalsh(hessian)
rate = 1 - lr * lambda_min

if __name__ == "__main__":
    print(f"least squares: w*={w_star:.4f}, b*={b_star:.4f}")
    print(f"steps until w and b agree to 3 decimals: {steps_needed}")
    print(
        f"slowest contraction per step: {rate:.5f} (eigenvalues {lambda_min:.4f}, {lambda_max:.4f})"
    )
