"""Loss landscapes: slices through parameter space, directions, chords, random Hessians, test surfaces.

``f`` is any loss of a flat parameter vector (``LossFn``), for instance
``lambda t: model.loss(t, X, y)``.

* **Slices**: ``grid_loss()`` evaluates ``f`` on a 2-D plane through parameter space,
  and ``mse_surface_linear()`` the linear model's MSE surface from a few statistics.
* **Directions**: ``random_direction()`` (filter-normalised, as Li et al. 2018) and
  ``interpolate()`` (1-D, between two parameter vectors).
* **Measures**: ``chord_gap()`` tests convexity along a chord, ``gradient_norms()``
  follows a path, ``goe_matrices()`` and ``fraction_positive_definite()`` sample
  random Hessians.
* **Test surfaces**: ``SURFACES``, two-dimensional functions with analytic gradients
  (bowl, saddle, Rosenbrock, Rastrigin, ...), for the terrain explorer;
  ``surface_hessian()`` gives their curvature at a point.

Examples
--------
>>> get_surface("bowl").f(1.0, 2.0)
5.0
"""

from lossnotes.landscape._directions import interpolate, random_direction
from lossnotes.landscape._measures import (
    LossFn,
    chord_gap,
    fraction_positive_definite,
    goe_matrices,
    gradient_norms,
)
from lossnotes.landscape._slices import grid_loss, mse_surface_linear
from lossnotes.landscape._surfaces import (
    ILL_CONDITIONING,
    SURFACES,
    Surface,
    get_surface,
    surface_hessian,
)

__all__ = [
    "LossFn", "grid_loss", "mse_surface_linear", "random_direction",
    "interpolate", "chord_gap", "gradient_norms", "goe_matrices", "fraction_positive_definite",
    "SURFACES", "Surface", "ILL_CONDITIONING", "get_surface",
    "surface_hessian",
]  # fmt: skip
