"""The chord test: a function is convex when every chord lies on or above its graph.

Draws hundreds of random chords for each function and reports the most negative gap
``t f(a) + (1 - t) f(b) - f(t a + (1 - t) b)``; one negative gap proves non-convexity.

Run it with ``python convexity_chord_test.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.landscape import chord_gap

functions = {
    "x²": lambda v: float(v[0] ** 2),
    "abs(x)": lambda v: float(abs(v[0])),
    "log(1 + eˣ)": lambda v: float(np.logaddexp(0.0, v[0])),
    "x³": lambda v: float(v[0] ** 3),
    "sin x": lambda v: float(np.sin(v[0])),
    "x² − cos(3πx)": lambda v: float(v[0] ** 2 - np.cos(3 * np.pi * v[0])),
}

rng = np.random.default_rng(0)
chords = rng.uniform(-3, 3, size=(300, 2))  # 300 random chords on [-3, 3]
ts = np.linspace(0, 1, 11)
worst_gap = {
    name: min(chord_gap(f, [a], [b], ts).min() for a, b in chords) for name, f in functions.items()
}

if __name__ == "__main__":
    for name, gap in worst_gap.items():
        print(
            f"{name:>14}: most negative chord gap {gap:+.4f} -> {'convex' if gap > -1e-12 else 'NOT convex'}"
        )
