"""Code that serves the pages of the chapter: one module per page, and the claim checks.

* ``lossnotes.pages.claim``: states a qualitative claim of the prose beside the
  computation it describes, and fails the build when it stops holding.
* ``lossnotes.pages.three_views``: the network trained on two moons that the
  "three views" page looks at (its checkpoint, principal axes, a flip along the gradient).
* ``lossnotes.pages.terrain_explorer``: the terrain explorer's build-time data and
  its HTML, rendered from the template ``explorer.html``.
* ``lossnotes.pages.loss_functions``, ``.gradient_descent``, ``.mini_batches``,
  ``.training_loop`` and ``.metrics``: the data a page's examples share (the line with
  outliers, the noisy line trained by gradient descent, the per-sample gradients, the
  noisy sine and its data loader, the scorer), defined once
  so that its static figures and its figures you can move read the same set-up.
"""

from lossnotes.pages.claims import ClaimError, claim

__all__ = ["ClaimError", "claim"]
