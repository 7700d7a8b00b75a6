"""Huber's delta you can move, on the outlier fit: from MAE's line to MSE's.

The same thirty points and three corrupted readings as ``losses_outliers.py``. For a
large delta every residual sits on Huber's quadratic part and the fit is MSE's; as
delta shrinks, more residuals reach the linear part, whose pull is capped, and the fit
tends to MAE's.

Run it with ``python losses_huber_slider.py`` once lossnotes is installed
(``pip install lossnotes``); it prints the figure's HTML.
"""

import numpy as np

from lossnotes.figures import PALETTE, interactive_figure, subplots
from lossnotes.models import fit_line
from lossnotes.pages.loss_functions import outlier_line

x, _, y, outliers = outlier_line()  # the line and three outliers of losses_outliers.py
bad = np.isin(np.arange(x.size), outliers)

deltas = 10.0 ** (np.arange(-13, 18) / 10)  # 0.05 to 50, ten per decade, 1 exactly
mse_fit, mae_fit = fit_line(x, y, loss="mse"), fit_line(x, y, loss="mae")
huber_fits = {delta: fit_line(x, y, loss="huber", delta=delta) for delta in deltas}


def draw(delta):
    fig, ax = subplots(figsize=(6.0, 3.8))
    ax.scatter(x[~bad], y[~bad], s=16, color="0.55", label="data")
    ax.scatter(x[bad], y[bad], s=40, marker="x", color=PALETTE[3], label="outliers")
    for (slope, intercept), name, color in (
        (mse_fit, "MSE", PALETTE[0]),
        (mae_fit, "MAE", PALETTE[1]),
    ):
        ax.plot(x, slope * x + intercept, color=color, lw=1.2, ls=(0, (4, 3)), label=name)
    slope, intercept = huber_fits[delta]
    ax.plot(x, slope * x + intercept, color=PALETTE[2], lw=2.5, label=f"Huber, δ = {delta:.3g}")
    ax.set(xlabel="x", ylabel="y", ylim=(-8, 10), title="Huber's fit between MAE's and MSE's")
    ax.legend(loc="lower left", ncols=2)
    return fig


def describe(delta):
    slope, intercept = huber_fits[delta]
    linear = int(np.sum(np.abs(y - (slope * x + intercept)) > delta))
    return (
        f"δ = {delta:.3g}: slope {slope:.3f}, intercept {intercept:.3f} "
        f"(MSE {mse_fit[0]:.3f}, MAE {mae_fit[0]:.3f}); "
        f"{linear} of {x.size} residuals beyond δ, on the linear part"
    )


page = interactive_figure(
    draw,
    deltas,
    label="Huber's δ (units of y)",
    fmt="{:.3g}",
    default=1.0,
    text=describe,
    alt="Thirty points on a rising line with three low outliers; the Huber line for the chosen "
    "delta lies between the flatter MSE line and the MAE line that follows the bulk.",
)

if __name__ == "__main__":
    print(page)
