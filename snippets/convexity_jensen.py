"""Jensen's inequality, computed: f(E[x]) <= E[f(x)] for convex f, on random samples.

For f(x) = x² the gap E[f(x)] - f(E[x]) is exactly the variance of x.

Run it with ``python convexity_jensen.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

rng = np.random.default_rng(1)
x = rng.gamma(shape=2.0, scale=0.5, size=10_000)  # positive, skewed, mean about 1

convex = {
    "x²": np.square,
    "eˣ": np.exp,
    "log(1 + eˣ)": lambda v: np.logaddexp(0.0, v),
    "−log x": lambda v: -np.log(v),
}
rows = [(name, f(x.mean()), f(x).mean(), f(x).mean() - f(x.mean())) for name, f in convex.items()]

if __name__ == "__main__":
    for name, f_of_mean, mean_of_f, gap in rows:
        print(
            f"{name:>12}: f(E[x]) = {f_of_mean:.4f} <= E[f(x)] = {mean_of_f:.4f}  (gap {gap:.4f})"
        )
    print(f"variance of x: {x.var():.4f}")
