"""Forget imported lossnotes modules so that each build imports the current source.

markdown-exec runs code blocks inside the MkDocs process. Python caches imports in
``sys.modules``, so without this, ``mkdocs serve`` would keep showing results
computed by the package as it was when the server started.
"""

from __future__ import annotations

import sys
from types import ModuleType

# The plugin itself must survive: MkDocs holds a reference to its instance.
_KEEP = "lossnotes.mkdocs_plugin"


def is_tracked(name: str) -> bool:
    """Whether ``name`` is ``lossnotes`` or one of its submodules, other than this plugin.

    Examples
    --------
    >>> is_tracked("lossnotes.losses"), is_tracked("lossnotes"), is_tracked("lossnotes.mkdocs_plugin.execution.cache")
    (True, True, False)
    >>> is_tracked("lossnotesx")
    False
    """
    return (name == "lossnotes" or name.startswith("lossnotes.")) and not (
        name == _KEEP or name.startswith(_KEEP + ".")
    )


def take_lossnotes_modules() -> dict[str, ModuleType]:
    """Remove ``lossnotes`` and its submodules (except this plugin) from ``sys.modules``; return them."""
    taken = {name: module for name, module in list(sys.modules.items()) if is_tracked(name)}
    for name in taken:
        del sys.modules[name]
    return taken


def forget_lossnotes_modules() -> list[str]:
    """Remove ``lossnotes`` and its submodules (except this plugin) from ``sys.modules``.

    Returns
    -------
    list of str
        The names that were removed.

    Examples
    --------
    >>> import lossnotes._validate
    >>> before = dict(sys.modules)
    >>> "lossnotes._validate" in forget_lossnotes_modules()
    True
    >>> "lossnotes._validate" in sys.modules
    False
    >>> sys.modules.update(before)  # leave this process's classes as they were
    """
    return list(take_lossnotes_modules())
