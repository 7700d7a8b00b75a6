"""WCSS with the right assignment (nearest centroid, argmin) and with the argmax of the source text on loss surfaces.

Run it with ``python losses_wcss_argmin.py`` once lossnotes is installed
(``pip install lossnotes``).
"""

import numpy as np

from lossnotes.losses import assign_clusters, wcss

rng = np.random.default_rng(1)
centroids = np.array([[0.0, 0.0], [6.0, 1.0], [2.0, 6.0]])
points = np.repeat(centroids, 50, axis=0) + rng.normal(scale=1.0, size=(150, 2))

nearest = assign_clusters(points, centroids)  # argmin_k ||x - mu_k||^2
squared = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
farthest = squared.argmax(axis=1)  # what argmax_k would do

wcss_argmin = wcss(points, centroids)  # sum_i min_k ||x_i - mu_k||^2
wcss_argmax = squared[np.arange(len(points)), farthest].sum()

if __name__ == "__main__":
    print(f"WCSS, argmin assignment: {wcss_argmin:.1f}")
    print(f"WCSS, argmax assignment: {wcss_argmax:.1f} ({wcss_argmax / wcss_argmin:.1f}x larger)")
    print(f"points the argmax rule puts in their own blob: {np.mean(farthest == nearest):.0%}")
