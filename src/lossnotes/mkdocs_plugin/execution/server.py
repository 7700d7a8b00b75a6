"""The fork server every worker is forked from, and what a worker starts with.

multiprocessing's fork server is started once per MkDocs process (so once for all the
rebuilds of ``mkdocs serve``) with numpy and matplotlib imported and a fixed hash seed,
so that no two builds differ by the order of a set. It never imports lossnotes: each
worker imports the package afresh.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

WORKER = str(Path(__file__).with_name("worker.py"))
#: Imported once in the fork server: what every block needs and takes long to import.
PRELOAD = ["numpy", "matplotlib", "matplotlib.pyplot", "runpy", "hashlib", "traceback"]
#: The environment a block sees, whatever the build's (flags, paths and secrets hidden).
ENVIRON = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "MPLBACKEND": "agg",
    "PYTHONHASHSEED": "0",
}

_context: Any = None


@contextlib.contextmanager
def no_main_module() -> Iterator[None]:
    """Start processes that do not import ``__main__`` again.

    multiprocessing tells a new process to import the parent's main module (for
    ``mkdocs``, its command line module), which costs every worker a tenth of a second
    and runs unguarded scripts twice. A worker needs nothing from it.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def server_context() -> Any:
    """The fork-server context, its server started with the preloads and a fixed hash seed."""
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        saved = dict(os.environ)
        os.environ.update({"PYTHONHASHSEED": "0", "MPLBACKEND": "agg"})
        try:
            from multiprocessing import forkserver

            with no_main_module():
                forkserver.ensure_running()
        finally:
            os.environ.clear()
            os.environ.update(saved)
        _context = context
    return _context
