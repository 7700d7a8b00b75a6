"""View 3, activation space: the 16 hidden units of the checkpoint, and of a ReLU twin.

Same data, same width, same seed; only the activation function differs. Each
network's hidden vectors are projected on their first two principal axes, and, for
the checkpoint, on the readout direction: the one direction the output layer uses.

Run it with ``python views_hidden.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.models import MLP
from lossnotes.pages.three_views import fit_mlp, principal_components, trained_moons_mlp

tanh_model, tanh_theta, (X, y), _ = trained_moons_mlp()  # as in views_train.py
relu_model = MLP(sizes=(2, 16, 1), activation="relu", output="binary")
relu_theta, _ = fit_mlp(relu_model, X, y, steps=400, lr=0.05, seed=0)

hidden = {
    "tanh": tanh_model.hidden(tanh_theta, X)[0],  # shape (300, 16)
    "ReLU": relu_model.hidden(relu_theta, X)[0],
}
views = {name: principal_components(H, k=2) for name, H in hidden.items()}
geometry = {
    name: {
        "variance in 2 axes": share.sum(),
        "units saturated or off": np.mean(np.abs(H) > 0.99) if name == "tanh" else np.mean(H == 0),
        "dead units": int(np.sum(np.all(np.abs(H) < 1e-12, axis=0))),
    }
    for (name, H), (_, share) in zip(hidden.items(), views.values())
}


def best_line_accuracy(P, labels, n_angles=720):
    """Training accuracy of the best straight line in a 2-D plane: every direction, every threshold."""
    best = 0.0
    for angle in np.linspace(0, np.pi, n_angles, endpoint=False):
        u = P @ np.array([np.cos(angle), np.sin(angle)])
        ordered = labels[np.argsort(u)]
        # Cut after k points: class 0 below, class 1 above (or the reverse).
        below0 = np.concatenate([[0], np.cumsum(ordered == 0)])
        above1 = np.concatenate([[0], np.cumsum((ordered == 1)[::-1])])[::-1]
        correct = below0 + above1
        best = max(best, correct.max() / len(labels), 1 - correct.min() / len(labels))
    return best


# The output layer computes logit = H w + c: recover (w, c) from the hidden vectors and
# logits by least squares (exact: the logit is linear in H).
H = hidden["tanh"]
logits = tanh_model.forward(tanh_theta, X)
w_out, c_out = np.split(
    np.linalg.lstsq(np.column_stack([H, np.ones(len(H))]), logits, rcond=None)[0], [-1]
)
readout = w_out / np.linalg.norm(w_out)
along = H @ readout  # the coordinate the output layer reads
rest = H - np.outer(along, readout)  # everything the output layer ignores
across = principal_components(rest, k=1)[0][:, 0]
threshold = -c_out[0] / np.linalg.norm(w_out)  # logit 0: the decision line, along = threshold
line_in_pc_plane = {name: best_line_accuracy(proj, y) for name, (proj, _) in views.items()}
network_accuracy = np.mean((logits > 0) == (y == 1))

if __name__ == "__main__":
    print(
        f"readout view: accuracy of the line along = {threshold:.3f}: {np.mean((along > threshold) == (y == 1)):.1%}"
    )
    print(f"best line in the plane of the first two principal axes: {line_in_pc_plane}")
    for name, stats in geometry.items():
        print(name, {k: round(float(v), 3) for k, v in stats.items()})
