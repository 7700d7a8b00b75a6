"""Code that serves exactly one page of the chapter, one module per page.

* ``lossnotes.pages.three_views``: the network trained on two moons that the
  "three views" page looks at (its checkpoint, principal axes, a flip along the gradient).
* ``lossnotes.pages.terrain_explorer``: the terrain explorer's build-time data and
  its HTML, rendered from the template ``explorer.html``.
"""
