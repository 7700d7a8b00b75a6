"""The convexity source text's plotting example: its comment says cos(10x), its code computes cos(3 pi x).

Both surfaces are x² + y² minus two cosines, separable in x and y, so their local minima
are the pairs of local minima of the 1-D profile g(x) = x² - cos(k x). We count them on
the source text's window [-2, 2] for the code's k = 3 pi and the comment's k = 10.

Run it with ``python convexity_rastrigin.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

x = np.linspace(-2, 2, 50)  # the source text's grid
X, Y = np.meshgrid(x, x)
Z_convex = X**2 + Y**2
Z_code = X**2 + Y**2 - np.cos(3 * np.pi * X) - np.cos(3 * np.pi * Y)  # what the source text plots
Z_comment = X**2 + Y**2 - np.cos(10 * X) - np.cos(10 * Y)  # what its comment says


def local_minima_1d(k, lo=-2.0, hi=2.0, n=200_001):
    """Interior local minima of g(x) = x² - cos(k x): where g' = 2x + k sin(kx) turns from - to +."""
    grid = np.linspace(lo, hi, n)
    slope = 2 * grid + k * np.sin(k * grid)
    turns = np.flatnonzero((slope[:-1] < 0) & (slope[1:] >= 0))
    return grid[turns]


minima = {"code, cos(3πx)": local_minima_1d(3 * np.pi), "comment, cos(10x)": local_minima_1d(10.0)}

if __name__ == "__main__":
    for name, found in minima.items():
        print(
            f"{name}: {len(found)} local minima in 1-D at {np.round(found, 3) + 0.0}, "
            f"so {len(found) ** 2} on the 2-D window"
        )
    print(
        f"largest difference between the two surfaces on the grid: {np.abs(Z_code - Z_comment).max():.3f}"
    )
