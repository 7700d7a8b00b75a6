"""The decision threshold you can move: confusion matrix, precision, recall and F1, and
where the threshold sits on the ROC and precision-recall curves.

The same 300 scores as ``metrics_roc_pr.py``. A score at or above the threshold is
predicted positive, as the curves' thresholds are.

Run it with ``python metrics_threshold_slider.py`` once lossnotes is installed
(``pip install lossnotes``); it prints the figure's HTML.
"""

import numpy as np
from matplotlib.patches import Rectangle

from lossnotes.figures import FOREGROUND, PALETTE, interactive_figure, subplots
from lossnotes.metrics import (
    confusion_matrix,
    f1_score,
    precision_recall_curve,
    precision_score,
    recall_score,
    roc_curve,
)
from lossnotes.pages.metrics import scored_labels

y, scores = scored_labels()  # the labels and rounded scores of metrics_roc_pr.py
fpr, tpr, _ = roc_curve(y, scores)
precision, recall, _ = precision_recall_curve(y, scores)
thresholds = np.round(np.arange(-1.0, 3.01, 0.1), 1)


def counts(threshold):
    (tn, fp), (fn, tp) = confusion_matrix(y, (scores >= threshold).astype(int), labels=[0, 1])
    return tn, fp, fn, tp


def rates(threshold):
    predicted = (scores >= threshold).astype(int)
    return (
        precision_score(y, predicted, zero_division=1.0),
        recall_score(y, predicted),
        f1_score(y, predicted, zero_division=0.0),
    )


def draw(threshold):
    tn, fp, fn, tp = counts(threshold)
    matrix, _ = subplots(figsize=(2.5, 2.6))
    ax = matrix.axes[0]
    cells = np.array([[tn, fp], [fn, tp]])
    for (row, col), value in np.ndenumerate(cells):
        # Right answers green, errors orange, more opaque the more examples: translucent
        # fills under text in the page's colour read in both schemes.
        colour = PALETTE[2] if row == col else PALETTE[3]
        ax.add_patch(
            Rectangle(
                (col - 0.5, row - 0.5),
                1,
                1,
                color=colour,
                alpha=0.15 + 0.6 * value / y.size,
                linewidth=0,
            )
        )
        ax.text(
            col,
            row,
            f"{('TN', 'FP', 'FN', 'TP')[2 * row + col]}\n{value}",
            ha="center",
            va="center",
            fontsize=11,
        )
    ax.set(
        xticks=[0, 1],
        yticks=[0, 1],
        xlim=(-0.5, 1.5),
        ylim=(1.5, -0.5),
        aspect="equal",
        xlabel="predicted",
        ylabel="actual",
        title=f"threshold {threshold:.1f}",
    )
    ax.grid(False)
    _, p_recall, _ = rates(threshold)
    roc, _ = subplots(figsize=(2.6, 2.6))
    ax = roc.axes[0]
    ax.plot(fpr, tpr, color=PALETTE[0])
    ax.plot([0, 1], [0, 1], color=FOREGROUND, lw=1, ls="--")
    ax.plot(fp / (fp + tn), tp / (tp + fn), "o", color=PALETTE[3], markersize=8)
    ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="false-positive rate", ylabel="recall", title="ROC")
    pr, _ = subplots(figsize=(2.6, 2.6))
    ax = pr.axes[0]
    ax.plot(recall, precision, drawstyle="steps-post", color=PALETTE[0])
    ax.axhline(y.mean(), color=FOREGROUND, lw=1, ls="--")
    if tp + fp > 0:
        ax.plot(p_recall, tp / (tp + fp), "o", color=PALETTE[3], markersize=8)
    ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="recall", ylabel="precision", title="PR")
    return matrix, roc, pr


def describe(threshold):
    p, r, f1 = rates(threshold)
    tn, fp, fn, tp = counts(threshold)
    shown = f"{p:.3f}" if tp + fp else "undefined (no alarms)"
    return (
        f"threshold {threshold:.1f}: TP {tp}, FP {fp}, FN {fn}, TN {tn}; precision {shown}, "
        f"recall {r:.3f}, F1 {f1:.3f}"
    )


page = interactive_figure(
    draw,
    thresholds,
    label="Decision threshold (score)",
    fmt="{:.1f}",
    default=0.6,
    text=describe,
    alt="The confusion matrix at the chosen threshold, and the point it gives on the ROC "
    "curve and on the precision-recall curve.",
)

if __name__ == "__main__":
    print(page)
