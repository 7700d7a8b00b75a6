"""The learning-rate decay you can move: SGD's noise floor, and how a schedule lowers it.

The regression of ``gd_three_variants.py``, trained by SGD on one example per step
for 30 epochs with eta_t = 0.05 / (1 + k t). With k = 0 the step never shrinks and the
loss stalls above the least-squares minimum; a decay lets the jitter die out, and too
fast a decay stops the descent before it arrives.

Run it with ``python gd_decay_slider.py`` once lossnotes is installed
(``pip install lossnotes``); it prints the figure's HTML.
"""

import numpy as np
from matplotlib.ticker import LogFormatter, NullFormatter

from lossnotes.figures import PALETTE, interactive_figure, subplots
from lossnotes.models import LinearRegression
from lossnotes.optim import chain, scale_by_learning_rate, train

rng = np.random.default_rng(0)
X = rng.uniform(-2, 2, size=(200, 1))
y = 1.5 * X[:, 0] - 0.5 + rng.normal(0, 0.5, size=200)


model = LinearRegression(n_features=1)  # y_hat = w x + b, mean squared error, theta = [w, b]
loss, grad = model.loss, model.grad


theta0, lr0, epochs = np.array([-1.5, 2.0]), 0.05, 30
steps = epochs * len(y)
floor = loss(np.linalg.lstsq(np.column_stack([X[:, 0], np.ones(len(y))]), y, rcond=None)[0], X, y)
decays = [0.0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1]


def schedule(k):
    return lambda count: lr0 / (1 + k * count)


def excess(k):  # full-data loss above the minimum, at the start and after each epoch
    result = train(
        chain(scale_by_learning_rate(schedule(k))),
        grad,
        loss,
        theta0,
        X,
        y,
        batch_size=1,
        epochs=epochs,
        seed=1,
    )
    return np.array([loss(theta, X, y) for theta in result.epoch_params]) - floor


curves = {k: excess(k) for k in decays}


def full_size_log_labels(axis):
    # 1e-06 rather than a superscript: mathtext's exponents are 0.7 of the tick font.
    axis.set_major_formatter(LogFormatter())
    axis.set_minor_formatter(NullFormatter())


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
        title="η = 0.05 / (1 + k t)",
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
    default=1e-3,
    text=describe,
    alt="SGD's loss above the minimum per epoch with a decaying learning rate, beside the "
    "constant-rate run that stalls at its noise floor, and the learning rate schedule.",
)

if __name__ == "__main__":
    print(page)
