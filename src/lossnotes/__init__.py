"""lossnotes: the numerics behind an executable chapter on losses and optimization.

One subpackage per family; import from the family, as in ``from lossnotes.losses import mse``.

* ``losses``: regression (MSE, MAE, Huber, Gaussian NLL), binary (BCE on probabilities
  or logits), categorical (cross-entropy, NLL) and clustering (WCSS) losses, each with
  its gradient, PyTorch's ``(input, target)`` order and ``reduction``; the stable
  activations; the per-sample kernels every formula is written in once.
* ``optim``: gradient transformations composed optax-style, the optimizers under
  PyTorch's names (``sgd``, ``adam``, ...), and the loops (``run``, ``train``,
  ``early_stopping``) with the measurements that compare them with theory.
* ``models``: linear and logistic regression and a small MLP on one flat parameter
  vector, their exact Hessians, and direct fits (robust lines, Newton's logistic fit).
* ``landscape``: slices through parameter space, random directions and interpolation,
  chords and random Hessians, and the 2-D test surfaces.
* ``data``: seeded toy data sets and preprocessing (fit on training data, transform all).
* ``metrics``: evaluation metrics with scikit-learn's names, order ``(y_true, y_pred)``
  and edge-case conventions.
* ``figures``: the house style, scheme-aware SVG output, recurring plots and tables.

``pages`` holds the code that serves exactly one page of the chapter, and
``mkdocs_plugin`` the MkDocs plugin that builds the site. Subpackages are imported on
demand, so a page that needs one family does not pay for the others.
"""

from importlib.metadata import PackageNotFoundError, version

try:  # one source for the version: pyproject.toml, through the installed metadata
    __version__ = version("lossnotes")
except PackageNotFoundError:  # a source tree put on sys.path by hand, never installed
    __version__ = "0+unknown"
