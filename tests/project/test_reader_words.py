"""Readers are never told our internal names for the source texts ("source 002", "seed 003")."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INTERNAL = re.compile(r"\b(?:source|seed)s? 00\d\b|\bour sources\b", re.I)
SUFFIXES = {".md", ".py", ".js", ".html", ".ipynb"}


def test_no_internal_source_names_reach_readers() -> None:
    folders = [ROOT / "docs", ROOT / "snippets", ROOT / "src" / "lossnotes"]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.suffix in SUFFIXES and "__pycache__" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INTERNAL.search(line)
    ]
    assert not found, "\n".join(found)
