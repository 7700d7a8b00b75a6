"""On-disk cache of executed blocks, keyed by everything that decides their output.

A block's key hashes

* the code of the block *and of every earlier block of its session on the page*
  (snippets are already inlined by pymdownx.snippets when the code reaches us);
* the versions of Python, numpy and matplotlib, and :data:`CACHE_VERSION`;
* the source of the lossnotes package, but only when that code mentions
  ``lossnotes`` or ``matplotlib`` (the plugin applies the house style of
  ``lossnotes.figures`` before every block, so matplotlib output depends on it).

Editing prose changes no key; editing a lossnotes module changes the key of every
block whose session uses the package and of no other block. A stale result cannot
be served because nothing outside the key is read, and failures are never stored.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Bump when the meaning of a cached entry changes.
CACHE_VERSION = "1"
_USES_PACKAGE = re.compile(r"\b(?:lossnotes|matplotlib)\b")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def uses_package(code: str) -> bool:
    """Whether code depends on the lossnotes source (directly or via the house style).

    Examples
    --------
    >>> uses_package("from lossnotes.losses import mse")
    True
    >>> uses_package("import numpy as np\\nprint(np.pi)")
    False
    """
    return _USES_PACKAGE.search(code) is not None


def env_flag(name: str) -> bool | None:
    """``True``/``False`` for a set boolean environment variable, ``None`` when unset.

    Examples
    --------
    >>> os.environ["LOSSNOTES_DOCTEST_FLAG"] = "yes"
    >>> env_flag("LOSSNOTES_DOCTEST_FLAG"), env_flag("LOSSNOTES_DOCTEST_UNSET")
    (True, None)
    """
    value = os.environ.get(name, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def clean_requested(option: bool) -> bool:
    """A clean run: the ``clean`` option, ``LOSSNOTES_CLEAN=1``, or CI unless ``LOSSNOTES_CLEAN=0``."""
    explicit = env_flag("LOSSNOTES_CLEAN")
    if explicit is not None:
        return explicit
    return option or bool(env_flag("CI"))


def package_dir() -> Path | None:
    """The directory of the lossnotes package that blocks will import."""
    spec = importlib.util.find_spec("lossnotes")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def package_digest(root: Path | None) -> str:
    """Hash of every ``.py`` file of the package except this plugin."""
    digest = hashlib.sha256()
    if root is None:
        return "no-package"
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith("mkdocs_plugin/") or "__pycache__" in relative:
            continue
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def environment() -> dict[str, str]:
    """The interpreter and library versions every key includes."""
    return {
        "cache": CACHE_VERSION,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "numpy": _version("numpy"),
        "matplotlib": _version("matplotlib"),
    }


@dataclass(frozen=True)
class Fingerprint:
    """What a key needs besides the code: computed once per build."""

    env: dict[str, str]
    package: str

    @classmethod
    def current(cls) -> Fingerprint:
        return cls(environment(), package_digest(package_dir()))

    def key(self, *, codes: list[str], session: str | None, extra: Any = None) -> str:
        """The key of the last code in ``codes`` (the others are its session prefix)."""
        uses = any(uses_package(code) for code in codes)
        payload = {
            "env": self.env,
            "package": self.package if uses else None,
            "session": session or None,
            "codes": codes,
            "extra": extra,
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

    def namespace(self, text: str) -> str:
        """A short directory name for a whole-document cache (notebooks)."""
        payload = {"env": self.env, "package": self.package if uses_package(text) else None}
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


class BlockCache:
    """JSON entries under ``<root>/blocks/ab/abcdef....json``, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / "blocks" / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(entry, stream)
        os.replace(temporary, path)
