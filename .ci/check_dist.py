"""Check a built sdist and wheel before they are published: run by the release workflow and the tests.

    python .ci/check_dist.py dist/

The wheel must hold the package, its typing marker and the plugin's non-Python assets,
and nothing else (no tests, docs, snippets or caches); its metadata must name the
version of pyproject.toml and render on PyPI (a README in Markdown). The sdist must
hold what a rebuild needs. Exits non-zero with one line per problem.
"""

from __future__ import annotations

import email.parser
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "lossnotes"
# What the package ships besides Python modules, each beside the module that reads it:
# the typing marker, the explorer's template, the plugin's KaTeX runner.
ASSETS = {
    p.relative_to(PACKAGE).as_posix()
    for p in PACKAGE.rglob("*")
    if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
}
ASSET_SUFFIXES = {Path(asset).suffix or asset for asset in ASSETS}


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def wheel_problems(wheel: Path, version: str) -> list[str]:
    problems = []
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = f"lossnotes-{version}.dist-info/"
        metadata = email.parser.Parser().parsestr(archive.read(info + "METADATA").decode())
    if metadata["Version"] != version:
        problems.append(f"{wheel.name}: metadata version {metadata['Version']}, expected {version}")
    if metadata["Description-Content-Type"] != "text/markdown" or not metadata.get_payload():
        problems.append(f"{wheel.name}: the long description is missing or not Markdown")
    package = [name for name in names if not name.startswith(info)]
    for name in package:
        inside = name.removeprefix("lossnotes/")
        if not name.startswith("lossnotes/") or "__pycache__" in name:
            problems.append(f"{wheel.name}: unexpected file {name}")
        elif not name.endswith(".py") and Path(name).suffix not in ASSET_SUFFIXES:
            problems.append(f"{wheel.name}: unexpected file {name}")
        elif inside.split("/")[0] in {"tests", "docs", "snippets"}:
            problems.append(f"{wheel.name}: unexpected file {name}")
    for asset in ASSETS:
        if f"lossnotes/{asset}" not in package:
            problems.append(f"{wheel.name}: missing lossnotes/{asset}")
    modules = {p.relative_to(ROOT / "src").as_posix() for p in (ROOT / "src").rglob("*.py")}
    missing = sorted(modules - set(package))
    if missing:
        problems.append(f"{wheel.name}: missing modules {missing[:5]}")
    if not any(name.endswith("entry_points.txt") for name in names):
        problems.append(f"{wheel.name}: no entry points (the MkDocs plugin would not register)")
    return problems


def sdist_problems(sdist: Path, version: str) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    needed = {
        "pyproject.toml",
        "README.md",
        "src/lossnotes/__init__.py",
        *(f"src/lossnotes/{a}" for a in ASSETS),
    }
    problems = [f"{sdist.name}: missing {name}" for name in sorted(needed - names)]
    if not sdist.name.startswith(f"lossnotes-{version}."):
        problems.append(f"{sdist.name}: expected version {version}")
    return problems


def main(folder: str) -> int:
    version = project_version()
    dist = Path(folder)
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    problems = (
        []
        if len(wheels) == 1 and len(sdists) == 1
        else [f"{dist}: expected one wheel and one sdist"]
    )
    problems += [p for wheel in wheels for p in wheel_problems(wheel, version)]
    problems += [p for sdist in sdists for p in sdist_problems(sdist, version)]
    print("\n".join(problems) or f"lossnotes {version}: wheel and sdist look right")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist"))
