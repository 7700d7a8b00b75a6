"""Every example shown on a page is a file in snippets/ that runs on its own."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))
PAGES = sorted((ROOT / "docs").rglob("*.md"))
INCLUDE = re.compile(r"""--8<--\s+["']?(snippets/[\w./-]+\.py)""")


def test_there_are_snippets() -> None:
    assert SNIPPETS, "snippets/ holds no example scripts"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda path: path.name)
def test_snippet_runs_on_its_own(snippet: Path, tmp_path: Path) -> None:
    """Run as a reader would: a fresh interpreter, in an empty working directory."""
    result = subprocess.run(
        [sys.executable, str(snippet)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, f"{snippet.name} failed:\n{result.stderr[-3000:]}"
    assert result.stdout.strip(), f"{snippet.name} printed nothing when run on its own"


def test_every_snippet_is_shown_on_a_page() -> None:
    included = {match for page in PAGES for match in INCLUDE.findall(page.read_text())}
    unused = [path.name for path in SNIPPETS if f"snippets/{path.name}" not in included]
    assert not unused, f"snippets not included by any page: {unused}"


def test_every_included_snippet_exists() -> None:
    missing = [
        (page.relative_to(ROOT).as_posix(), name)
        for page in PAGES
        for name in INCLUDE.findall(page.read_text())
        if not (ROOT / name).is_file()
    ]
    assert not missing, f"pages include snippets that do not exist: {missing}"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda path: path.name)
def test_snippet_tells_a_reader_how_to_run_it(snippet: Path) -> None:
    """Readers copy the file: its docstring names the file and the package, not our tree."""
    import ast

    docstring = ast.get_docstring(ast.parse(snippet.read_text())) or ""
    assert f"``python {snippet.name}``" in docstring, f"{snippet.name}: no run instruction"
    assert "pip install lossnotes" in docstring
    assert "snippets/" not in snippet.read_text(), f"{snippet.name} names a repository path"
