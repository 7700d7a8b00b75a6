"""Momentum you can move: beta at a fixed step size, on the map of rates over (eta, beta).

On f = 0.5 (x^2 + 25 y^2) heavy-ball momentum is stable while eta * lambda_max <
2 + 2 beta. The map colours the measured error factor per step over a grid of (eta,
beta); the dashed line is that edge, the star the optimal pair (Goh 2017), the dot
the chosen beta at eta = 4 / (sqrt(l_min) + sqrt(l_max))^2, beyond plain gradient
descent's edge.

Run it with ``python gd_momentum_slider.py`` once lossnotes is installed
(``pip install lossnotes``); it prints the figure's HTML.
"""

import numpy as np

from lossnotes.figures import PALETTE, full_size_log_labels, interactive_figure, subplots
from lossnotes.landscape import get_surface, surface_hessian
from lossnotes.optim import contraction_rates, optimal_momentum, run, sgd

surface = get_surface("ill_conditioned")
eigenvalues = np.linalg.eigvalsh(surface_hessian(surface, surface.minima[0]))
l_max = eigenvalues.max()
lr, best_beta = optimal_momentum(eigenvalues)  # momentum's best step size, and its beta
betas = np.round(np.arange(0.0, 0.951, 0.05), 2)
map_lrs = np.linspace(0.002, 0.16, 80)
map_betas = np.linspace(0.0, 0.95, 48)
rate_map = np.array([contraction_rates(eigenvalues, map_lrs, beta=b, steps=400) for b in map_betas])
steps = 60


def rate(beta):
    return contraction_rates(eigenvalues, [lr], beta=beta, steps=400)[0]


def grad(p):
    return np.array(surface.grad(p[0], p[1]))


def errors(beta):
    # The chapter's momentum is PyTorch's SGD momentum with the same lr (adaptive page).
    path = run(sgd(lr=lr, momentum=beta), grad, np.array(surface.start), steps)
    return np.linalg.norm(path, axis=1)


def draw(beta):
    rates, _ = subplots(figsize=(3.9, 3.3))
    ax = rates.axes[0]
    shown = np.where(rate_map < 1, rate_map, np.nan)  # diverging runs left blank
    image = ax.pcolormesh(map_lrs, map_betas, shown, vmin=0.6, vmax=1.0, rasterized=True)
    rates.colorbar(image, ax=ax, label="error factor per step")
    ax.plot((2 + 2 * map_betas) / l_max, map_betas, "--", color=PALETTE[3], lw=1.5)
    ax.plot(lr, best_beta, "*", color=PALETTE[1], markersize=12)
    ax.plot(lr, beta, "o", color=PALETTE[3], markersize=8, markeredgecolor="white")
    ax.set(
        xlim=(map_lrs[0], map_lrs[-1]),
        ylim=(0, 0.95),
        xlabel="step size η",
        ylabel="β",
        title="rate over (η, β)",
    )
    ax.grid(False)
    curve, _ = subplots(figsize=(3.5, 3.3))
    ax = curve.axes[0]
    ax.semilogy(errors(beta), color=PALETTE[0])
    full_size_log_labels(ax.yaxis)
    ax.set(
        ylim=(1e-9, 1e3),
        xlabel="step",
        ylabel="distance to the minimum",
        title=f"η = {lr:.3f}, β = {beta:.2f}",
    )
    return rates, curve


def describe(beta):
    factor = rate(beta)
    verdict = "converges" if factor < 1 else "diverges"
    side = "<" if lr * l_max < 2 + 2 * beta else "≥"
    return (
        f"β = {beta:.2f}: error × {factor:.3f} per step, {verdict} "
        f"(η λmax = {lr * l_max:.2f} {side} 2 + 2β = {2 + 2 * beta:.2f}); "
        f"best pair β = {best_beta:.3f}, × {rate(best_beta):.3f} per step"
    )


page = interactive_figure(
    draw,
    betas,
    label="Momentum β",
    fmt="{:.2f}",
    default=0.45,
    text=describe,
    alt="Map of the error factor per step over step size and momentum, with the stability "
    "edge, the optimal pair and the chosen momentum at a fixed step size, beside the "
    "distance to the minimum against the step.",
)

if __name__ == "__main__":
    print(page)
