"""Lint, format and type checks, run with the tests so that CI and the README's command run them.

ruff's and mypy's settings are in pyproject.toml: ruff over the package, tests, snippets
and dev.py; mypy in strict mode over ``src/lossnotes``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATHS = ["src", "tests", "snippets", "dev.py", ".ci/check_dist.py"]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "command",
    [("ruff", "check", *PATHS), ("ruff", "format", "--check", *PATHS)],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff(command: tuple[str, ...]) -> None:
    result = run(*command)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_mypy_strict() -> None:
    result = run("mypy", "--no-error-summary")
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
