"""lossnotes: the numerics behind an executable chapter on losses and optimization.

Submodules are imported on demand (``from lossnotes import losses``) so that a page
which only needs one of them does not pay for the others.
"""

__version__ = "0.1.0"
