"""Viva: why activation functions. Without them, stacked linear layers are one matrix.

Run it with ``python exercises_linear_collapse.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

rng = np.random.default_rng(0)
W1, W2, W3 = rng.normal(size=(16, 4)), rng.normal(size=(16, 16)), rng.normal(size=(3, 16))
X = rng.normal(size=(500, 4))  # 500 inputs, 4 features each (rows)

deep_linear = ((X @ W1.T) @ W2.T) @ W3.T  # three layers, no activation
W = W3 @ W2 @ W1  # one 3 x 4 matrix
collapse_error = np.max(np.abs(deep_linear - X @ W.T)) / np.max(np.abs(deep_linear))

# the same layers with tanh in between: the best single matrix (least squares) misses
deep_tanh = np.tanh(np.tanh(X @ W1.T) @ W2.T) @ W3.T
best_matrix = np.linalg.lstsq(X, deep_tanh, rcond=None)[0]
unexplained = np.sum((deep_tanh - X @ best_matrix) ** 2) / np.sum(deep_tanh**2)

if __name__ == "__main__":
    print(f"linear stack vs one matrix: relative difference {collapse_error:.1e}")
    print(f"tanh stack: best single matrix leaves {unexplained:.0%} of the output unexplained")
