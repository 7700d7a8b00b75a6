"""Import the package with a probe in every function: which code a block executed.

A probe is one statement, ``__lossnotes_probe__[(file, owner)] = None``, put at the
top of every function of the package; ``owner`` is the top-level function or method it
belongs to (``f.<locals>.g`` is part of ``f``, so an edit to ``g`` is an edit to ``f``).
Importing a module also notes ``(file, "")``: its module-level code ran. A dict store
costs a few tens of nanoseconds per call, where a trace function (``sys.settrace``)
tripled the time of the chapter's blocks, since it is called for every Python frame,
matplotlib's included.

The parent compiles the probed code of every module once per state of the sources
(:meth:`.deps.Sources.compile_package`) and the worker loads it from that file; a module
edited since is compiled by the worker itself. This file uses the standard library
only: the worker loads it by path, so that importing it imports nothing of lossnotes.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.machinery
import marshal
import os
from collections.abc import Callable
from types import CodeType, ModuleType
from typing import Any

#: The name of the dict, in every probed module's globals, that the probes write to.
PROBE = "__lossnotes_probe__"
_PLUGIN = "lossnotes.mkdocs_plugin"


def _has_docstring(body: list[ast.stmt]) -> bool:
    first = body[0] if body else None
    return (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    )


class _Probes(ast.NodeTransformer):
    """Insert the probe at the top of every function (after its docstring)."""

    def __init__(self, relative: str) -> None:
        self.relative = relative
        self.prefix: list[str] = []
        self.owner: str | None = None

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        if self.owner is not None:  # a class inside a function belongs to the function
            return self.generic_visit(node)
        self.prefix.append(node.name)
        self.generic_visit(node)
        self.prefix.pop()
        return node

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        outer = self.owner
        if outer is None:
            self.owner = ".".join([*self.prefix, node.name])
        self.generic_visit(node)
        key = ast.Tuple([ast.Constant(self.relative), ast.Constant(self.owner)], ast.Load())
        probe = ast.Assign(
            targets=[ast.Subscript(ast.Name(PROBE, ast.Load()), key, ast.Store())],
            value=ast.Constant(None),
        )
        first = 1 if _has_docstring(node.body) and len(node.body) > 1 else 0
        # The probe takes the line of the statement it precedes: tracebacks stay right.
        node.body.insert(
            first, ast.fix_missing_locations(ast.copy_location(probe, node.body[first]))
        )
        self.owner = outer
        return node

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function


def probed_code(source: bytes, path: str, relative: str) -> CodeType:
    """The code of a package module with a probe in every function.

    Examples
    --------
    >>> code = probed_code(b"def f():\\n    return 1\\n", "m.py", "m.py")
    >>> scope = {PROBE: {}}
    >>> exec(code, scope)
    >>> scope["f"](), scope[PROBE]
    (1, {('m.py', 'f'): None})
    """
    tree = _Probes(relative).visit(ast.parse(source, path))
    return compile(tree, path, "exec", dont_inherit=True)


def is_probed(name: str) -> bool:
    """Whether the module ``name`` is imported with probes: lossnotes but not this plugin."""
    inside = name == "lossnotes" or name.startswith("lossnotes.")
    return inside and not (name == _PLUGIN or name.startswith(_PLUGIN + "."))


class ProbingImporter:
    """A finder, first on ``sys.meta_path``, that loads the package's modules probed.

    ``read`` reads a file's bytes without the read being recorded as a block's input.
    """

    def __init__(
        self, package: str, compiled: dict[str, Any], read: Callable[[str], bytes]
    ) -> None:
        self.package, self.compiled, self.read = package, compiled, read
        #: (file, owner) -> None for everything executed so far; owner "" for a module.
        self.hits: dict[tuple[str, str], None] = {}

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if not is_probed(name):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            spec.loader = _Loader(spec.loader.name, spec.loader.path, self)
        return spec

    def code(self, path: str) -> tuple[CodeType, str]:
        relative = os.path.relpath(path, self.package).replace(os.sep, "/")
        source = self.read(path)
        known = self.compiled.get(relative)
        if known is not None and known[0] == hashlib.sha256(source).hexdigest():
            return marshal.loads(known[1]), relative
        return probed_code(source, path, relative), relative


class _Loader(importlib.machinery.SourceFileLoader):
    def __init__(self, name: str, path: str, importer: ProbingImporter) -> None:
        super().__init__(name, path)
        self.importer = importer

    def exec_module(self, module: ModuleType) -> None:
        code, relative = self.importer.code(self.path)
        self.importer.hits[(relative, "")] = None
        module.__dict__[PROBE] = self.importer.hits
        exec(code, module.__dict__)
