"""Which lossnotes modules a block's output depends on, recorded while it runs.

Two mechanisms make the record exact rather than guessed from the code's text:

* A finder at the head of ``sys.meta_path`` loads every lossnotes module (except this
  plugin) from its source file, never from ``__pycache__``, and stamps the module with
  the SHA-256 of the very bytes it compiled (:data:`SOURCE_HASH`). Compiled code is
  kept in memory by that hash, so a re-import costs the module's execution only.
* :class:`Universes` gives every session of a page its own set of lossnotes module
  objects: before a session's block executes, the lossnotes entries of ``sys.modules``
  are swapped for the ones that session imported earlier on the page (none at first).
  So the lossnotes modules present after a block ran are exactly those imported by the
  executed blocks of its session, whatever ran before on other pages or in other
  sessions: importing an already-loaded module cannot go unnoticed, because nothing
  is already loaded. A block without a session starts from an empty set every time.
  pyplot's open figures are kept per session in the same way, so ``plt.gcf()`` never
  sees a figure of another session (which a cache hit would not have drawn).

The house style applied before every execution (``lossnotes.figures``) is imported
inside the same set, so it is recorded like any other module the block uses.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Hashable, Sequence
from types import CodeType, ModuleType
from typing import Any

from .. import thirdparty
from .reload import is_tracked, take_lossnotes_modules

#: Attribute set on every tracked module: SHA-256 of the source bytes it was compiled from.
SOURCE_HASH = "__lossnotes_source_sha256__"

_compiled: dict[tuple[str, str], CodeType] = {}


def source_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _HashingLoader(importlib.machinery.SourceFileLoader):
    """Compile from the source file and remember which bytes were compiled."""

    def exec_module(self, module: ModuleType) -> None:
        path = self.get_filename(module.__name__)
        data = self.get_data(path)
        digest = source_hash(data)
        code = _compiled.get((path, digest))
        if code is None:
            code = self.source_to_code(data, path)
            _compiled[(path, digest)] = code
        module.__dict__[SOURCE_HASH] = digest
        exec(code, module.__dict__)


class _Finder(importlib.abc.MetaPathFinder):
    """Hand lossnotes modules to :class:`_HashingLoader`; leave everything else alone."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not is_tracked(fullname):
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is None:
                continue
            loader = spec.loader
            if type(loader) is importlib.machinery.SourceFileLoader:
                spec.loader = _HashingLoader(loader.name, loader.path)
            return spec
        return None


_FINDER = _Finder()


def install_finder() -> None:
    """Put the hashing finder first on ``sys.meta_path`` (once)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def loaded_sources() -> dict[str, str | None]:
    """Every lossnotes module in ``sys.modules`` and the hash of its source (``None``: unknown)."""
    return {
        name: getattr(module, SOURCE_HASH, None)
        for name, module in list(sys.modules.items())
        if is_tracked(name)
    }


def _take_figures() -> dict[Any, Any]:
    """Detach pyplot's open figures (if pyplot was ever imported) and return them, in order."""
    if "matplotlib.pyplot" not in sys.modules:
        return {}
    open_figures = thirdparty.pyplot_figures()
    figures = dict(open_figures)
    open_figures.clear()
    return figures


def _close_figures() -> None:
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


class Universes:
    """One set of lossnotes module objects, and of pyplot figures, per session of the current page."""

    def __init__(self) -> None:
        self._stash: dict[Hashable, tuple[dict[str, ModuleType], dict[Any, Any]]] = {}
        self._active: Hashable | None = None

    def reset(self) -> None:
        """Forget every set (a new page): the next block imports lossnotes afresh."""
        take_lossnotes_modules()
        _close_figures()
        self._stash.clear()
        self._active = None

    def enter(self, owner: Hashable | None) -> None:
        """Make ``owner``'s modules the lossnotes modules of ``sys.modules``, and its figures pyplot's.

        ``owner`` is a session name; ``None`` (a block without a session) always gets a
        fresh, empty set.
        """
        if owner is not None and owner == self._active:
            return
        if self._active is None:
            _close_figures()
            take_lossnotes_modules()
        else:
            self._stash[self._active] = (take_lossnotes_modules(), _take_figures())
        if owner is not None:
            modules, figures = self._stash.pop(owner, ({}, {}))
            sys.modules.update(modules)
            if figures:
                thirdparty.pyplot_figures().update(figures)
        self._active = owner
