"""Viva: bagging averages many high-variance models (less variance); boosting adds many
weak models one after another, each fitted to what is still wrong (less bias).

Data: y = sin(2 pi x) + noise on [0, 1]. Bagging: a 1-nearest-neighbour regressor
(low bias, high variance) against the average of 50 fitted on bootstrap resamples,
each repeated on 400 fresh datasets. Boosting: stumps (one split) fitted in turn to
the residuals, test error after 1, 10 and 100 rounds.

Run it with ``python exercises_bagging_boosting.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

rng = np.random.default_rng(0)
N, X0 = 40, 0.3  # training points per dataset; the query point


def make_data(n):
    x = rng.random(n)
    return x, np.sin(2 * np.pi * x) + rng.normal(scale=0.3, size=n)


# --- bagging: variance of one prediction at X0 over many datasets
single, bagged = [], []
for _ in range(400):
    x, y = make_data(N)
    single.append(y[np.argmin(np.abs(x - X0))])  # 1-NN prediction at X0
    boot = rng.integers(0, N, size=(50, N))  # 50 bootstrap resamples (row indices)
    nearest = boot[np.arange(50), np.argmin(np.abs(x[boot] - X0), axis=1)]
    bagged.append(y[nearest].mean())
variance = {"single 1-NN": np.var(single), "bagged, 50 resamples": np.var(bagged)}
truth = np.sin(2 * np.pi * X0)
bias = {"single 1-NN": np.mean(single) - truth, "bagged, 50 resamples": np.mean(bagged) - truth}


# --- boosting: sum of stumps, each fitted to the current residuals
def fit_stump(x, r):
    """Best single split of sorted x for residuals r: (threshold, left value, right value)."""
    order = np.argsort(x)
    xs, rs = x[order], r[order]
    left_sum, counts = np.cumsum(rs)[:-1], np.arange(1, len(x))
    right_sum = rs.sum() - left_sum
    gain = left_sum**2 / counts + right_sum**2 / (len(x) - counts)  # larger = smaller SSE
    i = int(np.argmax(gain))
    return (xs[i] + xs[i + 1]) / 2, left_sum[i] / counts[i], right_sum[i] / (len(x) - counts[i])


x_train, y_train = make_data(200)
x_test, y_test = make_data(2000)
pred_train, pred_test, test_error = np.zeros(200), np.zeros(2000), {}
for round_ in range(1, 101):
    t, left, right = fit_stump(x_train, y_train - pred_train)
    pred_train += 0.3 * np.where(x_train <= t, left, right)  # learning rate 0.3 (shrinkage)
    pred_test += 0.3 * np.where(x_test <= t, left, right)
    if round_ in (1, 10, 100):
        test_error[round_] = np.mean((y_test - pred_test) ** 2)

if __name__ == "__main__":
    for name in variance:
        print(f"{name}: variance {variance[name]:.4f}, bias {bias[name]:+.4f}")
    for round_, mse in test_error.items():
        print(f"boosting, {round_:3d} stumps: test MSE {mse:.4f} (noise floor {0.3**2:.2f})")
