"""The snippet files a conversion read, so that a remembered result knows when it is stale."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import thirdparty


@dataclass
class SnippetRead:
    """A file pymdownx.snippets looked up for a page, and what it found (hashed when read)."""

    name: str
    bases: list[Any]
    restrict: bool
    found: str | None
    digest: str | None

    def unchanged(self) -> bool:
        found = thirdparty.find_snippet(self.name, self.bases, self.restrict)
        return found == self.found and (found is None or file_digest(found) == self.digest)


def file_digest(path: str | Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


class SnippetsSeen:
    """What :func:`.thirdparty.watch_render` reports, as far as collecting needs it."""

    def __init__(self) -> None:
        self.snippets: list[SnippetRead] = []
        self.downloads = False

    def snippet(self, name: str, bases: list[Any], restrict: bool, found: str | None) -> None:
        digest = None if found is None else file_digest(found)  # before the caller reads it
        self.snippets.append(SnippetRead(name, bases, restrict, found, digest))

    def download(self, url: str) -> None:
        self.downloads = True

    def anchor(self, *args: Any) -> None: ...

    def handler(self, name: str) -> None: ...

    def inventory_item(self, item: Any) -> None: ...
