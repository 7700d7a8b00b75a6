"""Adam's beta2 you can move: the first steps with and without bias correction.

On a constant gradient the uncorrected step is (1 - beta1^t) / sqrt(1 - beta2^t)
times the learning rate: the closer beta2 is to 1, the more the second moment
starts too small, and the larger the early steps. The corrected step is the learning
rate from the first step on.

Run it with ``python adaptive_beta2_slider.py`` once lossnotes is installed
(``pip install lossnotes``); it prints the figure's HTML.
"""

import numpy as np

from lossnotes.figures import PALETTE, full_size_log_labels, interactive_figure, subplots
from lossnotes.optim import adam, run

lr, steps, beta1 = 0.01, 3000, 0.9
gradient = np.array([0.5])  # the same gradient every step
beta2s = [0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9995, 0.9998, 0.9999]
t = np.arange(1, steps + 1)


def step_sizes(optimizer):  # |x_{t+1} - x_t| / lr for t = 1 .. steps, from x = 0
    path = run(optimizer, lambda x: gradient, np.zeros(1), steps)
    return np.abs(np.diff(path[:, 0])) / lr


runs = {
    b2: (
        step_sizes(adam(lr=lr, betas=(beta1, b2))),
        step_sizes(adam(lr=lr, betas=(beta1, b2), bias_correction=False)),
    )
    for b2 in beta2s
}


def draw(beta2):
    corrected, uncorrected = runs[beta2]
    fig, ax = subplots(figsize=(6.0, 3.6))
    ax.plot(t, uncorrected, color=PALETTE[1], label="without correction")
    ax.plot(
        t,
        (1 - beta1**t) / np.sqrt(1 - beta2**t),
        ls=":",
        color="0.5",
        lw=2.5,
        label="theory (1 − β₁ᵗ) / √(1 − β₂ᵗ)",
    )
    ax.plot(t, corrected, color=PALETTE[0], label="with correction")
    ax.set(
        xscale="log",
        ylim=(0, 22),
        xlabel="step t",
        ylabel="step size / lr",
        title=f"Adam on a constant gradient, β₂ = {beta2:g}",
    )
    ax.legend(loc="upper right")
    full_size_log_labels(ax.xaxis)
    return fig


def describe(beta2):
    corrected, uncorrected = runs[beta2]
    peak = int(np.argmax(uncorrected)) + 1
    return (
        f"β₂ = {beta2:g}: uncorrected, step 1 is {uncorrected[0]:.2f} η and the largest "
        f"{uncorrected.max():.2f} η (step {peak}); corrected, step 1 is {corrected[0]:.3f} η"
    )


page = interactive_figure(
    draw,
    beta2s,
    label="Adam's β₂",
    fmt="{:g}",
    default=0.999,
    text=describe,
    alt="Adam's step size over the learning rate on a constant gradient, against the step: "
    "one with bias correction, above one early on without it, the more so the closer "
    "beta2 is to one.",
)

if __name__ == "__main__":
    print(page)
