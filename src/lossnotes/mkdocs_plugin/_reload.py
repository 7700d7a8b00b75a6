"""Forget imported lossnotes modules so that each build imports the current source.

markdown-exec runs code blocks inside the MkDocs process. Python caches imports in
``sys.modules``, so without this, ``mkdocs serve`` would keep showing results
computed by the package as it was when the server started.
"""

from __future__ import annotations

import sys

# The plugin itself must survive: MkDocs holds a reference to its instance.
_KEEP = "lossnotes.mkdocs_plugin"


def forget_lossnotes_modules() -> list[str]:
    """Remove ``lossnotes`` and its submodules (except this plugin) from ``sys.modules``.

    Returns
    -------
    list of str
        The names that were removed.

    Examples
    --------
    >>> import lossnotes._validate
    >>> "lossnotes._validate" in forget_lossnotes_modules()
    True
    >>> "lossnotes._validate" in sys.modules
    False
    """
    names = [
        name
        for name in sys.modules
        if (name == "lossnotes" or name.startswith("lossnotes.")) and not name.startswith(_KEEP)
    ]
    for name in names:
        del sys.modules[name]
    return names
