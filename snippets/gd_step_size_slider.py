"""The step size you can move: gradient descent across the edge eta * lambda_max = 2.

On f = 0.5 (x^2 + 25 y^2) every step multiplies the error along each eigenvector
(eigenvalue lambda) by 1 - eta * lambda. Each frame runs 30 steps from the same start:
the path on the contours, and the loss against the step.

Run it with ``python gd_step_size_slider.py`` once lossnotes is installed
(``pip install lossnotes``); it prints the figure's HTML.
"""

import numpy as np

from lossnotes.figures import PALETTE, full_size_log_labels, interactive_figure, subplots
from lossnotes.landscape import get_surface, surface_hessian
from lossnotes.optim import run, sgd

surface = get_surface("ill_conditioned")
eigenvalues = np.linalg.eigvalsh(surface_hessian(surface, surface.minima[0]))
steps = 30
edges = np.round(np.arange(0.1, 2.31, 0.1), 2)  # eta * lambda_max, across the edge at 2
learning_rates = edges / eigenvalues.max()
xs, ys = np.linspace(*surface.xlim, 121), np.linspace(*surface.ylim, 81)
Z = surface.f(*np.meshgrid(xs, ys))


def grad(p):
    return np.array(surface.grad(p[0], p[1]))


def path(lr):
    return run(sgd(lr=lr), grad, np.array(surface.start), steps)


def losses(lr):
    p = path(lr)
    return surface.f(p[:, 0], p[:, 1])


def draw(lr):
    p = path(lr)
    contour, _ = subplots(figsize=(3.9, 3.2))
    ax = contour.axes[0]
    ax.contour(xs, ys, Z, levels=np.geomspace(0.02, Z.max(), 10), colors=PALETTE[5], linewidths=0.8)
    ax.plot(p[:, 0], p[:, 1], "-o", color=PALETTE[3], markersize=3, linewidth=1.2)
    ax.plot(0, 0, "*", color=PALETTE[2], markersize=10)
    ax.set(
        xlim=surface.xlim,
        ylim=surface.ylim,
        xlabel="$x$",
        ylabel="$y$",
        title=f"η λmax = {lr * eigenvalues.max():.1f}",
    )
    curve, _ = subplots(figsize=(3.9, 3.2))
    ax = curve.axes[0]
    ax.semilogy(losses(lr), color=PALETTE[0])
    full_size_log_labels(ax.yaxis)
    ax.set(ylim=(1e-8, 1e4), xlabel="step", ylabel="loss", title=f"{steps} steps")
    return contour, curve


def describe(lr):
    factor = np.abs(1 - lr * eigenvalues).max()  # slowest direction's factor per step
    verdict = (
        "oscillates for ever"
        if np.isclose(factor, 1)
        else "converges"
        if factor < 1
        else "diverges"
    )
    return (
        f"η = {lr:.4f}, η λmax = {lr * eigenvalues.max():.1f}: error × {factor:.2f} per step, "
        f"{verdict}; loss after {steps} steps {losses(lr)[-1]:.3g}"
    )


page = interactive_figure(
    draw,
    learning_rates,
    label="Step size η (per step)",
    fmt="{:.4f}",
    default=0.06,
    text=describe,
    alt="Gradient descent on an elongated quadratic: the path on the contours and the loss "
    "against the step, for the chosen step size; past eta lambda max = 2 it diverges.",
)

if __name__ == "__main__":
    print(page)
