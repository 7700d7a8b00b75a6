"""On-disk cache of executed blocks, keyed by their code and checked against what they used.

A block's key hashes the code of the block *and of every earlier block of its session
on the page* (snippets already inlined), its markdown-exec id, and the versions of
Python, numpy and matplotlib with :data:`CACHE_VERSION`. Its entry records, besides
the output, every dependency the block's session had used by the time it finished
(:mod:`.deps`: the package functions it executed, the modules it imported, the files
it read) with their hashes. A lookup hits only when the key matches *and* every
recorded dependency hashes the same today.

The block cannot see anything else that could change its output: the worker hides the
build's environment and arguments and starts from a fixed state. Failures are never
stored. A key keeps a few variants (one per set of dependency hashes, least recently
used dropped first), so undoing an edit hits.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import write_atomic
from .deps import parsed_source

#: Bump when the meaning of a cached entry changes.
CACHE_VERSION = "3"
# A notebook's kernel gets no house style from the package (blocks do, notebooks do
# not), so only a mention of lossnotes itself ties its output to the package source.
_USES_PACKAGE = re.compile(r"\blossnotes\b")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def uses_package(code: str) -> bool:
    """Whether a notebook may depend on the lossnotes source (its kernel's imports are not recorded).

    Examples
    --------
    >>> uses_package("from lossnotes.losses import mse")
    True
    >>> uses_package("import numpy as np\\nprint(np.pi)")
    False
    >>> uses_package("import matplotlib.pyplot as plt")
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


def module_sources(root: Path | None) -> dict[str, str]:
    """A hash of the code of every module of the package except this plugin, by name."""
    if root is None:
        return {}
    sources = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if relative.parts[0] == "mkdocs_plugin" or "__pycache__" in relative.parts:
            continue
        parts = relative.with_suffix("").parts
        name = ".".join(("lossnotes", *(parts[:-1] if parts[-1] == "__init__" else parts)))
        try:  # the code, not its comments or docstrings (see .deps)
            module, functions = parsed_source(path.read_bytes())
            sources[name] = package_digest({"": module, **functions})
        except (SyntaxError, ValueError):
            sources[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sources


def package_digest(sources: dict[str, str]) -> str:
    """One hash of all the package's module sources."""
    return hashlib.sha256(json.dumps(sources, sort_keys=True).encode()).hexdigest()


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
    modules: dict[str, str]

    @classmethod
    def current(cls) -> Fingerprint:
        return cls(environment(), module_sources(package_dir()))

    @property
    def package(self) -> str:
        return package_digest(self.modules)

    def key(self, *, codes: list[str], session: str | None, extra: Any = None) -> str:
        """The key of the last code in ``codes`` (the others are its session prefix)."""
        payload = {
            "env": self.env,
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
    """JSON files under ``<root>/blocks/ab/abcdef....json``, written atomically.

    A file holds up to :attr:`VARIANTS` entries for its key, newest first, each with
    the ``deps`` it recorded (dependency to hash).
    """

    VARIANTS = 6

    def __init__(self, root: Path) -> None:
        self.root = root
        self._read: dict[str, tuple[tuple[int, int], list[Any]]] = {}

    def _path(self, key: str) -> Path:
        return self.root / "blocks" / key[:2] / f"{key}.json"

    def _variants(self, key: str) -> list[dict[str, Any]]:
        path = self._path(key)
        try:
            stat = path.stat()
            remembered = self._read.get(key)
            if remembered is not None and remembered[0] == (stat.st_mtime_ns, stat.st_size):
                variants = remembered[1]  # mkdocs serve: unchanged since the last rebuild read it
            else:
                variants = json.loads(path.read_text(encoding="utf-8"))["variants"]
                self._read[key] = ((stat.st_mtime_ns, stat.st_size), variants)
        except (OSError, ValueError, KeyError, TypeError):
            return []
        return [v for v in variants if isinstance(v, dict) and isinstance(v.get("deps"), dict)]

    def get(self, key: str, unchanged: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
        """The entry of ``key`` whose recorded dependencies are ``unchanged``.

        The entry found becomes the newest variant, so the least recently used go first.
        """
        variants = self._variants(key)
        for index, variant in enumerate(variants):
            if unchanged(variant["deps"]):
                if index:
                    try:
                        self._write(
                            key, {"variants": [variant, *variants[:index], *variants[index + 1 :]]}
                        )
                    except OSError:
                        pass
                return variant
        return None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Store ``entry`` (with its ``deps``) as the newest variant of ``key``."""
        variants = [v for v in self._variants(key) if v["deps"] != entry["deps"]]
        self._write(key, {"variants": [entry, *variants][: self.VARIANTS]})

    def _write(self, key: str, entry: dict[str, Any]) -> None:
        write_atomic(self._path(key), json.dumps(entry))

    def durations(self) -> dict[str, float]:
        """Seconds each job took when it last ran, by job name (read even by a clean build)."""
        try:
            found = json.loads((self.root / "durations.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(found, dict):
            return {}
        return {k: float(v) for k, v in found.items() if isinstance(v, (int, float))}

    def record_durations(self, seconds: dict[str, float]) -> None:
        """Remember how long the jobs of this build took, for the next build's schedule."""
        if seconds:
            merged = {**self.durations(), **{k: round(v, 3) for k, v in seconds.items()}}
            write_atomic(self.root / "durations.json", json.dumps(merged, sort_keys=True))
