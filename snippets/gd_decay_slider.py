"""SGD's noise floor, and the learning-rate decay that removes it: a decay you can move.

With a constant learning rate SGD's one-sample steps keep it jittering around the
minimum. Shrinking the step as eta_t = eta_0 / (1 + k t) averages that noise out: the
classical condition is that the steps sum to infinity while their squares do not, and
1 / t satisfies both. The regression of gd_three_variants.py (same data, start, first
learning rate and shuffles), trained by SGD on one example per step for 30 epochs, for
decays k from 0 (a constant rate) to 0.3: too fast a decay stops the descent before it
arrives.

Run it with ``python gd_decay_slider.py`` once lossnotes is installed
(``pip install lossnotes``); it prints where each run ends, then the figure's HTML.
"""

import numpy as np

from lossnotes.figures import PALETTE, full_size_log_labels, interactive_figure, subplots
from lossnotes.models import LinearRegression
from lossnotes.optim import scale_by_learning_rate, train
from lossnotes.pages.gradient_descent import line_problem

problem = line_problem()  # 200 noisy points of y = 1.5 x - 0.5, a start, a learning rate
X, y, theta0, lr0 = problem.X, problem.y, problem.theta0, problem.lr
model = LinearRegression(n_features=1)  # y_hat = w x + b, mean squared error, theta = [w, b]

epochs = 30
steps = epochs * len(y)
decays = [0.0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1]
default = 1e-2  # the decay the figure opens at


def schedule(k):
    return lambda count: lr0 / (1 + k * count)


def excess(k):  # loss on all the data above its minimum, at the start and after each epoch
    result = train(
        scale_by_learning_rate(schedule(k)),
        model.grad,
        model.loss,
        theta0,
        X,
        y,
        batch_size=1,
        epochs=epochs,
        seed=1,
    )
    return result.epoch_loss - problem.min_loss


curves = {k: excess(k) for k in decays}


def draw(k):
    fig, _ = subplots(figsize=(3.9, 3.3))
    ax = fig.axes[0]
    epoch = np.arange(epochs + 1)  # epoch 0: the start
    ax.semilogy(epoch, curves[0.0], color="0.55", lw=1.2, label="constant η")
    ax.semilogy(epoch, curves[k], color=PALETTE[0], label=f"k = {k:g}")
    ax.set(ylim=(1e-8, 10), xlabel="epoch", ylabel="loss − minimum", title="SGD, B = 1")
    full_size_log_labels(ax.yaxis)
    ax.legend(loc="upper right")
    rate, _ = subplots(figsize=(3.5, 3.3))
    ax = rate.axes[0]
    count = np.arange(steps)
    ax.plot(count / len(y), schedule(k)(count), color=PALETTE[1])
    ax.set(
        yscale="log",
        ylim=(1e-4, 0.1),
        xlabel="epoch",
        ylabel="learning rate η",
        title=f"η = {lr0:g} / (1 + k t)",
    )
    full_size_log_labels(ax.yaxis)
    return fig, rate


def describe(k):
    rates = f"falls from {lr0:g} to {schedule(k)(steps - 1):.3g}" if k else f"stays {lr0:g}"
    return (
        f"k = {k:g}: η {rates} over {steps:,} steps; "
        f"after {epochs} epochs the loss is {curves[k][-1]:.2e} above the minimum "
        f"(constant η: {curves[0.0][-1]:.2e})"
    )


page = interactive_figure(
    draw,
    decays,
    label="Decay k (per step)",
    fmt="{:g}",
    default=default,
    text=describe,
    alt="SGD's loss above the minimum per epoch with a decaying learning rate, beside the "
    "constant-rate run that stalls at its noise floor, and the learning rate schedule.",
)

if __name__ == "__main__":
    for k in decays:
        print(f"k = {k:<6g} above the minimum by {curves[k][-1]:.1e} after {epochs} epochs")
    print(page)
