"""Check the worked example's gradient formula against central finite differences.

Run it with ``python worked_gradient_check.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

X = np.array([1, 2, 3, 4, 5], dtype=float)
y = np.array([2, 4, 5, 4, 5], dtype=float)


def loss(w, b):
    return np.mean((y - (w * X + b)) ** 2)


def gradient(w, b):
    """The source text's closed form: dL/dw = (-2/N) sum(res * x), dL/db = (-2/N) sum(res)."""
    res = y - (w * X + b)
    return np.array([-2 / len(X) * (res @ X), -2 / len(X) * res.sum()])


def finite_difference(w, b, h=1e-5):
    return np.array(
        [
            (loss(w + h, b) - loss(w - h, b)) / (2 * h),
            (loss(w, b + h) - loss(w, b - h)) / (2 * h),
        ]
    )


points = [(0.0, 0.0), (0.5, 2.5), (-1.5, 3.0), (2.0, -1.0)]
rows = [(w, b, *gradient(w, b), *finite_difference(w, b)) for w, b in points]
worst = max(np.max(np.abs(gradient(w, b) - finite_difference(w, b))) for w, b in points)

if __name__ == "__main__":
    for w, b, gw, gb, fw, fb in rows:
        print(
            f"(w, b) = ({w:+.3f}, {b:+.3f}): formula ({gw:+.6f}, {gb:+.6f}), "
            f"finite differences ({fw:+.6f}, {fb:+.6f})"
        )
    print(f"largest difference: {worst:.1e}")
