"""The source files an API reference page documents, so that ``mkdocs serve`` re-renders only it.

mkdocstrings' Python handler renders a ``::: identifier`` block from the griffe object
it collects. That object, its members and, through every alias hop, the objects they
re-export say all the page shows, so the page's render is a function of the files they
were loaded from, and of which modules exist (a new module can become a member or the
target of an alias). :class:`SourceTree` snapshots the hashes of every Python source
under the handler's ``paths`` once per build, before griffe reads any of them, so an
edit racing the build can only cause a re-render; :func:`object_files` lists the files
one collected object depends on.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: What a render's reuse is checked against: the listing digest and each file's hash.
ApiKey = tuple[str, dict[str, str]]


class SourceTree:
    """The Python sources under ``folders``, hashed at most once per build.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     (Path(folder) / "pkg").mkdir()
    ...     _ = (Path(folder) / "pkg" / "a.py").write_text("x = 1\\n")
    ...     tree = SourceTree([Path(folder)])
    ...     key = tree.key({str(Path(folder).resolve() / "pkg" / "a.py")})
    ...     same = SourceTree([Path(folder)]).unchanged(key)
    ...     _ = (Path(folder) / "pkg" / "b.py").write_text("")
    ...     added = SourceTree([Path(folder)]).unchanged(key)
    ...     tree.packages(), same, added
    ({'pkg'}, True, False)
    """

    def __init__(self, folders: list[Path]) -> None:
        self.folders = [folder.resolve() for folder in folders]
        self._hashes: dict[str, str] | None = None
        self._listing = ""
        self._packages: set[str] | None = None

    def snapshot(self) -> dict[str, str]:
        """Path to hash of every ``.py``/``.pyi`` file, read on the first call of the build."""
        if self._hashes is None:
            self._hashes = {}
            for folder in self.folders:
                for path in sorted(folder.rglob("*.py*")):
                    if path.suffix in (".py", ".pyi") and "__pycache__" not in path.parts:
                        self._hashes[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            self._listing = hashlib.sha256(json.dumps(sorted(self._hashes)).encode()).hexdigest()
        return self._hashes

    def packages(self) -> set[str]:
        """Top-level module names the handler can find under the folders."""
        if self._packages is None:
            self._packages = set()
            for path in self.snapshot():
                for folder in self.folders:
                    if path.startswith(f"{folder}/"):
                        relative = Path(path[len(str(folder)) + 1 :])
                        self._packages.add(relative.parts[0].split(".")[0])
        return self._packages

    def key(self, files: set[str]) -> ApiKey | None:
        """The key of a render that read ``files``; ``None`` if one is outside the snapshot."""
        hashes = self.snapshot()
        if not files <= hashes.keys():
            return None
        return self._listing, {path: hashes[path] for path in sorted(files)}

    def unchanged(self, key: ApiKey) -> bool:
        """Whether no module was added or removed, and none of the key's files changed."""
        hashes = self.snapshot()
        listing, files = key
        return listing == self._listing and all(hashes.get(p) == h for p, h in files.items())


def object_files(obj: Any, internal: Callable[[str], bool]) -> set[str] | None:
    """The files a griffe object's rendering reads: its own, its members', every alias hop's.

    ``None`` when an alias into a module ``internal`` accepts cannot be followed: the
    missing name may appear in a file we would not know to watch. An alias into another
    library that griffe did not load renders from the alias alone. Aliases are followed
    without resolving them: griffe would record each resolved alias on its target, and
    mkdocstrings lists those as more names of the target in the inventory.
    """
    files: set[str] = set()
    visited: set[int] = set()
    stack = [obj]
    while stack:
        current = stack.pop()
        hops = 0
        while current is not None and current.is_alias and hops < 100:
            files.update(_paths(current.parent.filepath) if current.parent is not None else ())
            target = current.target if current.resolved else _lookup(current, current.target_path)
            if target is None and internal(current.target_path.split(".")[0]):
                return None
            current, hops = target, hops + 1
        if current is None or current.is_alias:
            if current is not None:
                return None  # a cycle of aliases
            continue
        if id(current) in visited:
            continue
        visited.add(id(current))
        files.update(_paths(current.filepath))
        stack.extend(current.members.values())
        for base in getattr(current, "bases", ()):  # inherited members, if an option shows them
            found = _lookup(current, str(getattr(base, "canonical_path", base)))
            if found is None and internal(str(getattr(base, "canonical_path", base)).split(".")[0]):
                return None
            stack.extend([found] if found is not None else [])
    return files


def _lookup(near: Any, path: str, depth: int = 0) -> Any:
    """The object at ``path`` in ``near``'s collection, or ``None``; resolves no alias."""
    parts = path.split(".")
    found = near.modules_collection.members.get(parts[0])
    for part in parts[1:]:
        if found is not None and found.is_alias and depth < 20:  # deeper: a cycle
            resolved = found.target if found.resolved else None
            found = resolved or _lookup(found, found.target_path, depth + 1)
        found = None if found is None or found.is_alias else found.members.get(part)
    return found


@functools.lru_cache(maxsize=4096)
def _resolve(path: str) -> str:
    return str(Path(path).resolve())


def _paths(filepath: Path | list[Path]) -> list[str]:
    # A namespace package has one folder per search path; an object has one file.
    return [_resolve(str(p)) for p in (filepath if isinstance(filepath, list) else [filepath])]
