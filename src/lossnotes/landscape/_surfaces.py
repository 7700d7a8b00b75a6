"""Classic two-dimensional test surfaces with analytic gradients, for the terrain explorer.

Every ``Surface`` is a simple closed form (a JavaScript port mirrors them), vectorised
over numpy arrays of any matching shapes. ``f`` and ``grad`` do not validate, because
optimizers and plots call them thousands of times; ``get_surface()`` validates a name.
``surface_hessian()`` differentiates the analytic gradient once more, so that a page
reads curvatures (a quadratic's eigenvalues, a stability edge) off the surface itself.

Examples
--------
>>> s = SURFACES["rosenbrock"]
>>> float(s.f(1.0, 1.0)), [float(g) for g in s.grad(1.0, 1.0)]
(0.0, [0.0, 0.0])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from lossnotes._validate import FloatArray, check_choice, check_instance, check_pair

Pair = tuple[Any, Any]


class Surface(NamedTuple):
    """A 2-D test function with its gradient and plotting defaults.

    Attributes
    ----------
    name : str
        Registry key.
    title : str
        Human-readable name.
    f : callable
        ``f(x, y)``, vectorised.
    grad : callable
        ``grad(x, y) -> (df/dx, df/dy)``, vectorised.
    xlim, ylim : tuple of float
        Plotting window.
    start : tuple of float
        A default starting point that shows the surface's character.
    minima : list of tuple of float
        Known global minima (empty when ``f`` is unbounded below).
    formula : str
        LaTeX for ``f``.
    """

    name: str
    title: str
    f: Callable[[Any, Any], Any]
    grad: Callable[[Any, Any], Pair]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    start: tuple[float, float]
    minima: list[tuple[float, float]]
    formula: str


def _sech2(u: Any) -> Any:
    # sech(u)^2 = 4 e^{-2|u|} / (1 + e^{-2|u|})^2: no overflow, unlike 1 / cosh(u)^2.
    e = np.exp(-2.0 * np.abs(u))
    return 4.0 * e / (1.0 + e) ** 2


ILL_CONDITIONING = 25.0  # condition number of the ill-conditioned quadratic's Hessian
_THREE_PI = 3.0 * np.pi

SURFACES: dict[str, Surface] = {
    "bowl": Surface(
        "bowl", "Convex bowl",
        lambda x, y: x**2 + y**2,
        lambda x, y: (2 * x, 2 * y),
        (-2.0, 2.0), (-2.0, 2.0), (-1.5, 1.7), [(0.0, 0.0)],
        r"x^2 + y^2",
    ),
    "ill_conditioned": Surface(
        "ill_conditioned", "Ill-conditioned quadratic (condition number 25)",
        lambda x, y: 0.5 * (x**2 + ILL_CONDITIONING * y**2),
        lambda x, y: (x, ILL_CONDITIONING * y),
        (-2.0, 2.0), (-1.0, 1.0), (-1.8, 0.6), [(0.0, 0.0)],
        r"\tfrac{1}{2}\left(x^2 + 25\,y^2\right)",
    ),
    "saddle": Surface(
        "saddle", "Saddle",
        lambda x, y: x**2 - y**2,
        lambda x, y: (2 * x, -2 * y),
        (-2.0, 2.0), (-2.0, 2.0), (-1.5, 0.01), [],
        r"x^2 - y^2",
    ),
    "monkey_saddle": Surface(
        "monkey_saddle", "Monkey saddle",
        lambda x, y: x**3 - 3 * x * y**2,
        lambda x, y: (3 * x**2 - 3 * y**2, -6 * x * y),
        (-1.5, 1.5), (-1.5, 1.5), (1.2, 0.3), [],
        r"x^3 - 3\,x\,y^2",
    ),
    # The convexity source text's code plus 2, so the global minimum is 0 (its comment's cos(10x) is wrong).
    "rastrigin": Surface(
        "rastrigin", "Rastrigin-like",
        lambda x, y: x**2 + y**2 - np.cos(_THREE_PI * x) - np.cos(_THREE_PI * y) + 2.0,
        lambda x, y: (2 * x + _THREE_PI * np.sin(_THREE_PI * x),
                      2 * y + _THREE_PI * np.sin(_THREE_PI * y)),
        (-2.0, 2.0), (-2.0, 2.0), (1.6, 1.3), [(0.0, 0.0)],
        r"x^2 + y^2 - \cos(3\pi x) - \cos(3\pi y) + 2",
    ),
    "rosenbrock": Surface(
        "rosenbrock", "Rosenbrock valley",
        lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
        lambda x, y: (-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)),
        (-2.0, 2.0), (-1.0, 3.0), (-1.2, 1.0), [(1.0, 1.0)],
        r"(1 - x)^2 + 100\,(y - x^2)^2",
    ),
    "himmelblau": Surface(
        "himmelblau", "Himmelblau (four minima)",
        lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
        lambda x, y: (4 * x * (x**2 + y - 11) + 2 * (x + y**2 - 7),
                      2 * (x**2 + y - 11) + 4 * y * (x + y**2 - 7)),
        (-5.0, 5.0), (-5.0, 5.0), (0.0, 0.0),
        [(3.0, 2.0), (-2.805118086952745, 3.131312518250573),
         (-3.779310253377747, -3.283185991286170), (3.584428340330492, -1.848126526964404)],
        r"(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
    ),
    # tanh saturates: far from the origin the surface is flat and the gradient ~ e^{-2 r^2}.
    "plateau": Surface(
        "plateau", "Plateau (saturated tanh)",
        lambda x, y: np.tanh(x**2 + y**2),
        lambda x, y: (2 * x * _sech2(x**2 + y**2), 2 * y * _sech2(x**2 + y**2)),
        (-3.0, 3.0), (-3.0, 3.0), (1.5, 1.2), [(0.0, 0.0)],
        r"\tanh\left(x^2 + y^2\right)",
    ),
}  # fmt: skip
"""Registry of the test surfaces, by name."""


def get_surface(name: str) -> Surface:
    """Look up a surface by name, with a clear error for unknown names.

    Parameters
    ----------
    name : str
        One of the keys of ``SURFACES``.

    Returns
    -------
    Surface

    Examples
    --------
    >>> get_surface("bowl").minima
    [(0.0, 0.0)]
    >>> get_surface("bowls")
    Traceback (most recent call last):
    ...
    ValueError: name must be one of 'bowl', 'ill_conditioned', 'saddle', 'monkey_saddle', 'rastrigin', 'rosenbrock', 'himmelblau', 'plateau'; got 'bowls'
    """
    return SURFACES[check_choice("name", name, tuple(SURFACES))]


# A power of two: x + h and x - h are exact for the coordinates of a minimum such as 0,
# so central differences of a linear gradient (a quadratic) give its Hessian exactly.
_HESSIAN_STEP = 2.0**-20


def surface_hessian(surface: Surface, point: Any) -> FloatArray:
    """Hessian of ``surface.f`` at ``point``: central differences of the analytic gradient.

    Exact (to the last bit) for the quadratics at dyadic points such as their minimum,
    and accurate to about ``1e-10`` relative elsewhere: only the gradient is differenced.

    Parameters
    ----------
    surface : Surface
        For instance ``get_surface("ill_conditioned")``.
    point : (float, float)
        Where to take the second derivatives, for instance ``surface.minima[0]``.

    Returns
    -------
    numpy.ndarray of shape (2, 2)
        Symmetric.

    Examples
    --------
    The ill-conditioned quadratic's curvatures, the eigenvalues of its Hessian:

    >>> s = get_surface("ill_conditioned")
    >>> np.linalg.eigvalsh(surface_hessian(s, s.minima[0]))
    array([ 1., 25.])
    >>> surface_hessian(get_surface("saddle"), (0.0, 0.0))
    array([[ 2.,  0.],
           [ 0., -2.]])
    """
    check_instance("surface", surface, Surface, "a Surface (see get_surface())")
    x, y = check_pair("point", point)
    h = _HESSIAN_STEP
    columns = [
        (np.array(surface.grad(x + h, y)) - np.array(surface.grad(x - h, y))) / (2 * h),
        (np.array(surface.grad(x, y + h)) - np.array(surface.grad(x, y - h))) / (2 * h),
    ]
    H = np.column_stack(columns).astype(np.float64)
    return 0.5 * (H + H.T)
