"""A reader's machine, for tests: the release wheel and fresh virtual environments.

The same approach as ``test_dist.py``: ``python -m build`` makes the wheel, ``venv``
makes an environment outside the repository, and pip installs into it with the pins of
``constraints.txt``. Import as ``from readerenv import ...``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_wheel(folder: Path) -> Path:
    """The package's wheel, built into ``folder`` as the release workflow builds it."""
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = folder.glob("lossnotes-*.whl")
    return wheel


def fresh_venv(home: Path, *requirements: str) -> Path:
    """A new environment with ``requirements`` (pinned by constraints.txt); its ``python``."""
    venv.EnvBuilder(with_pip=True).create(home)
    python = home / "bin" / "python"
    if requirements:
        pip(python, "install", "--quiet", "-c", str(ROOT / "constraints.txt"), *requirements)
    return python


def pip(python: Path, *arguments: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(python), "-m", "pip", *arguments],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"pip {' '.join(arguments)} failed:\n{result.stderr[-3000:]}"
    return result.stdout


def outside_env(**extra: str) -> dict[str, str]:
    """This process's environment without anything that points Python at the repository."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "PIP_", "JUPYTER", "CONDA"))
    }
    env.update(extra)
    return env
