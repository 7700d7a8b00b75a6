"""The batch size you can move: mini-batch gradients scatter around the full gradient.

The data and parameters of ``minibatch_variance.py``: each frame draws 300 batches of
size B without replacement and plots two components of each batch gradient around the
full gradient, beside the measured E|g_B - g|^2 against sigma^2 / B * (n - B) / (n - 1).

Run it with ``python minibatch_batch_slider.py`` once lossnotes is installed
(``pip install lossnotes``); it prints the figure's HTML.
"""

import numpy as np

from lossnotes.figures import PALETTE, full_size_log_labels, interactive_figure, subplots
from lossnotes.optim import batch_variance_theory, sampled_batch_variance
from lossnotes.pages.mini_batches import gradient_problem

# The regression of minibatch_variance.py: 200 noisy points of y = 2 x1 - x2 + 0.5, a
# point theta away from the minimum, and each sample's gradient there (row i of G).
X, y, model, theta, G = gradient_problem()
n = len(y)
full = G.mean(axis=0)
batch_sizes = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 160, 192, 200]
n_batches, cloud_size = 2000, 300  # batches measured per size; batches drawn per frame
measured = {B: sampled_batch_variance(G, B, n_batches=n_batches, seed=B) for B in batch_sizes}
theory = {B: batch_variance_theory(G, B) for B in batch_sizes}
sigma2 = theory[1]  # at B = 1 the formula is sigma^2
spread = 3 * np.sqrt(sigma2)  # the axes hold B = 1's cloud


def batch_gradients(B, count=cloud_size):
    draws = np.random.default_rng(B)
    return np.array([G[draws.choice(n, B, replace=False)].mean(axis=0) for _ in range(count)])


def draw(B):
    cloud, _ = subplots(figsize=(3.5, 3.3))
    ax = cloud.axes[0]
    g = batch_gradients(B)
    ax.scatter(g[:, 0], g[:, 1], s=6, color=PALETTE[0], alpha=0.5, linewidths=0)
    ax.plot(full[0], full[1], "+", color=PALETTE[3], markersize=14, markeredgewidth=2.5)
    ax.set(
        xlim=(full[0] - spread, full[0] + spread),
        ylim=(full[1] - spread, full[1] + spread),
        xlabel="gradient, weight 1",
        ylabel="gradient, weight 2",
        title=f"{cloud_size} batches, B = {B}",
    )
    curve, _ = subplots(figsize=(3.9, 3.3))
    ax = curve.axes[0]
    sizes = np.array(batch_sizes[:-1])  # B = n has variance 0: off a log scale
    ax.plot(sizes, [theory[b] for b in sizes], color=PALETTE[0], label="σ²/B · (n−B)/(n−1)")
    ax.plot(sizes, [measured[b] for b in sizes], "o", color="0.55", markersize=4, label="measured")
    if B < n:
        ax.plot(B, measured[B], "o", color=PALETTE[3], markersize=9)
    ax.set(
        xscale="log", yscale="log", xlabel="batch size B", ylabel="E‖g_B − g‖²", title=f"n = {n}"
    )
    ax.legend(loc="lower left")
    full_size_log_labels(ax.xaxis)
    full_size_log_labels(ax.yaxis)
    return cloud, curve


def describe(B):
    return (
        f"B = {B}: measured E‖g_B − g‖² = {measured[B]:.4g} over {n_batches:,} batches; "
        f"σ²/B · (n−B)/(n−1) = {sigma2:.4g}/{B} · {n - B}/{n - 1} = {theory[B]:.4g}"
    )


page = interactive_figure(
    draw,
    batch_sizes,
    label="Batch size B (examples)",
    fmt="{:.0f}",
    default=16,
    text=describe,
    alt="A cloud of mini-batch gradients around the full gradient, tighter for larger "
    "batches, beside the measured variance against batch size on the theory curve.",
)

if __name__ == "__main__":
    print(page)
