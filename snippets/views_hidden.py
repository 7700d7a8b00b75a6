"""View 3, activation space: the 16 hidden units of the checkpoint, and of a ReLU twin.

Same data, same width, same seed; only the activation function differs. Each
network's hidden vectors are projected on their first two principal axes.

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

if __name__ == "__main__":
    for name, stats in geometry.items():
        print(name, {k: round(float(v), 3) for k, v in stats.items()})
