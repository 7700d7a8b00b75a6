"""Shared fixtures: the real site, built once per test run."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from sitebuild import ROOT, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real site, built once per test run with ``--strict``.

    Under pytest-xdist every worker asks for it; the first one builds while the
    others wait on a lock, so the (slow) build happens once.
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the run's folder, common to all workers
    site, log, lock = shared / "built-site", shared / "built-site.log", shared / "built-site.lock"
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        if not log.exists():
            result = mkdocs_build(ROOT / "mkdocs.yml", site)
            log.write_text(f"{result.returncode}\n{result.stderr}")
    code, _, stderr = log.read_text().partition("\n")
    assert code == "0", f"mkdocs build --strict failed:\n{stderr[-5000:]}"
    return site
