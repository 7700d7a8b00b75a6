"""What the plugin adds to or checks in the site beyond each page's own Markdown.

:mod:`.notebook` makes every page with executed blocks downloadable as a notebook;
:mod:`.jupyter` gives mkdocs-jupyter's notebook pages a cache that knows the package,
a time limit per cell and failures that name the notebook; :mod:`.report` writes the
"Build report" page (every block: ran or cached, how long); :mod:`.links` rewrites
the ``.md`` links that executed blocks print, as MkDocs does for the page's own;
:mod:`.readers` tells readers how to run the examples where they are (``pip install``
of the version built with, a link from each example to its file, the notebook's
install cell).
"""
