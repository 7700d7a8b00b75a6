"""Batch, stochastic and mini-batch gradient descent on one regression problem.

The same model, data, learning rate and number of epochs; only the batch size
changes.

Run it with ``python gd_three_variants.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

from lossnotes.models import LinearRegression
from lossnotes.optim import sgd, train
from lossnotes.pages.gradient_descent import line_problem

problem = line_problem()  # 200 noisy points of y = 1.5 x - 0.5, a start, a learning rate
X, y, theta0 = problem.X, problem.y, problem.theta0
model = LinearRegression(n_features=1)  # y_hat = w x + b, mean squared error, theta = [w, b]
epochs = 10

runs = {
    name: train(
        sgd(lr=problem.lr),
        model.grad,
        model.loss,
        theta0,
        X,
        y,
        batch_size=batch_size,
        epochs=epochs,
        seed=1,
    )
    for name, batch_size in [
        ("batch (B = 200)", 200),
        ("mini-batch (B = 16)", 16),
        ("stochastic (B = 1)", 1),
    ]
}

if __name__ == "__main__":
    for name, result in runs.items():
        steps = len(result.batch_loss)
        print(f"{name:20s} {steps:5d} steps, final loss {result.epoch_loss[-1]:.4f}")
