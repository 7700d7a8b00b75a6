"""MAE, RMSE and R^2 of one least-squares line on held-out data, against the mean baseline.

Run it with ``python metrics_regression.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.metrics import mean_absolute_error, r2_score, root_mean_squared_error

rng = np.random.default_rng(3)
x = rng.uniform(0, 10, size=120)
y = 3.0 + 2.0 * x + rng.normal(scale=4.0, size=120)  # a line plus noise
x_train, y_train, x_test, y_test = x[:80], y[:80], x[80:], y[80:]

slope, intercept = np.polyfit(x_train, y_train, deg=1)  # least squares on training rows
predictions = {
    "least-squares line": intercept + slope * x_test,
    "baseline: training mean": np.full_like(y_test, y_train.mean()),
}
scores = {
    name: (mean_absolute_error(y_test, p), root_mean_squared_error(y_test, p), r2_score(y_test, p))
    for name, p in predictions.items()
}

if __name__ == "__main__":
    for name, (mae, rmse, r2) in scores.items():
        print(f"{name:>24}: MAE {mae:.3f}  RMSE {rmse:.3f}  R^2 {r2:.3f}")
