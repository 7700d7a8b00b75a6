"""What a block's output depends on, and whether each dependency is unchanged today.

A worker reports the package code its session executed as (file, owner) pairs, where
the owner is the top-level function or method the code belongs to (see
:mod:`.worker`). Here each pair becomes a dependency with a hash:

* ``fn:<file>:<owner>``: the function's own source, as its syntax tree (so moving it
  in the file, or editing its docstring, changes nothing);
* ``mod:<file>``: the module-level code of the file, with every function body left
  out: what importing the module executes. Code that belongs to no function (a class
  body, a module-level lambda, the import itself) counts as this.

So an edit to one function re-runs the blocks that executed it, and an edit to
module-level code the blocks that imported the module. Files a block read under the
project are ``file:<path>`` with the hash of their bytes, and folders it listed
``dir:<path>`` with the hash of their names.
"""

from __future__ import annotations

import ast
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from ..files import write_atomic
from .probes import probed_code


def _sha(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def _drop_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        if isinstance(first.value.value, str):
            return body[1:] or [ast.Pass()]
    return body


def source_hashes(source: bytes) -> tuple[str, dict[str, str]]:
    """The hash of a module's module-level code and of each of its functions, by owner name.

    Examples
    --------
    >>> before = source_hashes(b"A = 1\\ndef f():\\n    return A\\n")
    >>> after = source_hashes(b"A = 1\\n\\n\\ndef f():\\n    '''Doc.'''\\n    return A + 1\\n")
    >>> before[0] == after[0], before[1]["f"] == after[1]["f"]
    (True, False)
    """
    tree = ast.parse(source)
    functions: dict[str, str] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + child.name
                child.body = _drop_docstring(child.body)
                digest = _sha(ast.dump(child))
                functions[name] = _sha(functions[name] + digest) if name in functions else digest
                child.body = [ast.Pass()]  # what remains belongs to the module
            elif isinstance(child, ast.ClassDef):
                child.body = _drop_docstring(child.body)
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case)):
                visit(child, prefix)

    tree.body = _drop_docstring(tree.body)
    visit(tree, "")
    return _sha(ast.dump(tree)), functions


_PARSED: dict[str, tuple[str, dict[str, str]]] = {}


def parsed_source(source: bytes) -> tuple[str, dict[str, str]]:
    """:func:`source_hashes`, parsed once per process (``mkdocs serve`` rebuilds reuse it)."""
    digest = _sha(source)
    if digest not in _PARSED:
        _PARSED[digest] = source_hashes(source)
    return _PARSED[digest]


class Sources:
    """The package's sources as dependencies, hashed on first use (one build's view)."""

    def __init__(self, package: Path | None, root: Path) -> None:
        self.package, self.root = package, root
        self._modules: dict[str, tuple[str, dict[str, str]] | None] = {}
        self._current: dict[str, str | None] = {}

    def _module(self, relative: str) -> tuple[str, dict[str, str]] | None:
        if relative not in self._modules:
            try:
                assert self.package is not None
                self._modules[relative] = parsed_source((self.package / relative).read_bytes())
            except (OSError, SyntaxError, ValueError, AssertionError):
                self._modules[relative] = None
        return self._modules[relative]

    def code(self, relative: str, owner: str) -> tuple[str, str | None]:
        """The dependency of code owned by ``owner`` in the package file ``relative``."""
        module = self._module(relative)
        if module is not None and owner and owner in module[1]:
            return f"fn:{relative}:{owner}", module[1][owner]
        return f"mod:{relative}", None if module is None else module[0]

    def _relative(self, path: str) -> str:
        try:
            return Path(path).relative_to(self.root).as_posix()
        except ValueError:
            return path

    def record(self, deps: dict[str, Any]) -> dict[str, str | None]:
        """A worker's record as ``{dependency: hash}``."""
        recorded: dict[str, str | None] = {}
        for relative, owner in deps["code"]:
            key, digest = self.code(relative, owner)
            recorded[key] = digest
        for path, digest in deps["files"].items():
            recorded[f"file:{self._relative(path)}"] = digest
        for path, digest in deps["listings"].items():
            recorded[f"dir:{self._relative(path)}"] = digest
        return recorded

    def current(self, key: str) -> str | None:
        """Today's hash of a dependency (``None``: absent or unreadable)."""
        if key not in self._current:  # a build asks about the same few hundred keys again and again
            self._current[key] = self._hash(key)
        return self._current[key]

    def _hash(self, key: str) -> str | None:
        kind, _, rest = key.partition(":")
        if kind in ("fn", "mod"):
            relative, _, owner = rest.partition(":")
            module = self._module(relative)
            if module is None:
                return None
            return module[0] if kind == "mod" else module[1].get(owner)
        path = self.root / rest
        try:
            if kind == "file":
                return _sha(path.read_bytes())
            return _sha("\0".join(sorted(os.listdir(path))))
        except OSError:
            return None

    def compile_package(self, folder: Path) -> Path:
        """Write the package's probed code for the workers (see :mod:`.worker`); return the file.

        One file per state of the package's sources, so it is written once and reused.
        """
        sources: dict[str, bytes] = {}
        package = self.package or Path()
        if self.package is not None:
            for path in sorted(package.rglob("*.py")):
                relative = path.relative_to(package).as_posix()
                if relative.split("/")[0] not in ("mkdocs_plugin", "__pycache__"):
                    sources[relative] = path.read_bytes()
        parts = [sys.version, str(self.package), *(_sha(k) + _sha(v) for k, v in sources.items())]
        digest = _sha("\0".join(parts))
        target = folder / f"{digest[:24]}.marshal"
        if not target.is_file():
            compiled = {}
            for relative, source in sources.items():
                try:
                    code = probed_code(source, str(package / relative), relative)
                except SyntaxError:
                    continue  # the worker compiles it and reports the error, naming the block
                compiled[relative] = (_sha(source), marshal.dumps(code))
            write_atomic(target, marshal.dumps(compiled))
        return target

    def unchanged(self, recorded: dict[str, str | None]) -> bool:
        return all(self.current(key) == digest for key, digest in recorded.items())
