"""What a block reads and lists under the project, and the writes it is refused.

An audit hook (:pep:`578`; it cannot be removed once added, so a block cannot switch it
off) sees every ``open``, listing and file change of the worker. Files read under the
project root or the package (its ``.py`` sources excepted: those count through the
probes of :mod:`.probes`) are recorded and hashed when a block finishes; folders listed
there, except by the import system, are recorded by their names. Writing or changing
anything in the source tree raises ``PermissionError`` in the block and fails it.
This file uses the standard library only (the worker loads it by path).
"""

from __future__ import annotations

import hashlib
import os
import sys
from typing import Any

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_CHANGES = {"os.remove", "os.rename", "os.mkdir", "os.rmdir", "shutil.rmtree", "os.truncate"}
_LISTINGS = {"os.listdir", "os.scandir"}


def _importing() -> bool:
    """Whether the import system is the caller (it lists folders to find modules)."""
    frame: Any = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False


class Recorder:
    """What the blocks of this session have used so far: code, files, listings."""

    def __init__(self, job: dict[str, Any]) -> None:
        self.package = os.path.join(job["package"], "")
        self.root = os.path.join(job["root"], "")
        self.protected = [os.path.join(path, "") for path in job["protected"]]
        self.ignored = tuple(os.path.join(path, "") for path in job["ignored"])
        self.files: set[str] = set()
        self.listings: set[str] = set()
        self.violations: list[str] = []
        self.busy = False  # our own file reads are not recorded

    def _tracked(self, path: str) -> bool:
        if path.startswith(self.ignored):
            return False
        if path.startswith(self.package):
            return not path.endswith((".py", ".pyc"))  # sources count through the code record
        return path.startswith(self.root)

    def _refuse(self, what: str, path: str) -> None:
        message = f"a block may not {what} {path}: it is in the source tree"
        self.violations.append(message)
        raise PermissionError(message)

    def audit(self, event: str, args: tuple[Any, ...]) -> None:
        if self.busy or not (event == "open" or event in _CHANGES or event in _LISTINGS):
            return
        target = args[0] if args else None
        if isinstance(target, int) or target is None:
            return
        path = os.path.abspath(os.fsdecode(target))
        if event == "open":
            mode, flags = args[1], args[2]
            writing = any(c in mode for c in "wax+") if mode else bool(flags & _WRITE_FLAGS)
            if writing:
                if path.startswith(tuple(self.protected)):
                    self._refuse("write", path)
            elif self._tracked(path):
                self.files.add(path)
        elif event in _CHANGES:
            if path.startswith(tuple(self.protected)):
                self._refuse("change", path)
        elif self._tracked(os.path.join(path, "")) and not _importing():
            self.listings.add(path)

    def snapshot(self) -> dict[str, Any]:
        """Everything recorded so far, with the files' current hashes."""
        self.busy = True
        try:
            files: dict[str, str | None] = {}
            for path in sorted(self.files):
                try:
                    with open(path, "rb") as handle:
                        files[path] = hashlib.sha256(handle.read()).hexdigest()
                except OSError:
                    files[path] = None
            listings: dict[str, str | None] = {}
            for path in sorted(self.listings):
                try:
                    listings[path] = hashlib.sha256(
                        "\0".join(sorted(os.listdir(path))).encode()
                    ).hexdigest()
                except OSError:
                    listings[path] = None
        finally:
            self.busy = False
        return {"files": files, "listings": listings}

    def read(self, path: str) -> bytes:
        """The bytes of ``path``, read without recording it."""
        self.busy = True
        try:
            with open(path, "rb") as handle:
                return handle.read()
        finally:
            self.busy = False
