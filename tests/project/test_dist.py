"""The package as readers get it: the release's sdist and wheel, installed where readers are.

The wheel is built once, checked as the release workflow checks it, installed into a
fresh virtual environment outside the repository with only its declared dependencies,
and every snippet runs there from an empty folder, as a reader who copied it would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = sorted((ROOT / "snippets").glob("*.py"))
pytestmark = pytest.mark.xdist_group("dist")


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture(scope="module")
def reader_python(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment outside the repository: the wheel and its declared dependencies."""
    home = tmp_path_factory.mktemp("reader")
    venv.EnvBuilder(with_pip=True).create(home / "venv")
    python = home / "venv" / "bin" / "python"
    (wheel,) = dist.glob("*.whl")
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            str(ROOT / "constraints.txt"),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return python


def test_release_files_pass_the_release_checks(dist: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "check_dist.py"), str(dist)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_wheel_installs_only_its_declared_dependencies(reader_python: Path) -> None:
    listed = subprocess.run(
        [str(reader_python), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.lower()
    assert "lossnotes==" in listed and "numpy==" in listed and "matplotlib==" in listed
    for tool in ("mkdocs", "pytest", "scikit-learn", "markdown-exec"):
        assert f"{tool}==" not in listed, f"{tool} came with the wheel"


def test_every_snippet_runs_from_the_installed_package(reader_python: Path, tmp_path: Path) -> None:
    # No PYTHONPATH, an empty working folder: the repository is nowhere in reach.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["MPLBACKEND"] = "Agg"

    def run(snippet: Path) -> tuple[str, int, str]:
        folder = tmp_path / snippet.stem
        folder.mkdir()
        copy = folder / snippet.name  # what a reader saves and runs
        copy.write_text(snippet.read_text())
        result = subprocess.run(
            [str(reader_python), copy.name], cwd=folder, env=env, capture_output=True, text=True
        )
        return snippet.name, result.returncode, result.stderr[-1500:]

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = [r for r in pool.map(run, SNIPPETS) if r[1] != 0]
    assert len(SNIPPETS) > 50
    assert not failures, "\n\n".join(
        f"{name} (exit {code}):\n{err}" for name, code, err in failures
    )
