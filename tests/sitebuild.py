"""Helpers for tests that build the site: a fresh ``mkdocs build`` and small throw-away projects.

Import as ``from sitebuild import ...`` (``tests/`` is on pytest's ``pythonpath``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Fixed so that sitemap dates, and so whole builds, are reproducible.
SOURCE_DATE_EPOCH = "1700000000"


def build_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": "0"}
    env.update(extra)
    return env


def mkdocs_build(
    config: Path, site_dir: Path, *, strict: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` in a fresh process, as an author or CI would."""
    command = [*MKDOCS, "build", "--clean", "-f", str(config), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(
        command,
        cwd=config.parent,
        env=env or build_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )


def make_project(root: Path, pages: dict[str, str], *, nav: list | None = None) -> Path:
    """A small MkDocs project that uses the site's real plugins and extensions.

    ``pages`` maps file names under ``docs/`` to their content. The npm assets (KaTeX, Plotly) and
    snippets of the real project are reachable through absolute paths.
    """
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.Loader)
    config["nav"] = nav or [{name: name} for name in pages]
    config.pop("watch", None)
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    # The site's own options of the plugin (its moved_anchors) name the site's pages: not these.
    config["plugins"] = [
        {"lossnotes": {"node_modules": str(ROOT / "node_modules")}}
        if p == "lossnotes" or (isinstance(p, dict) and "lossnotes" in p)
        else p
        for p in config["plugins"]
    ]
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(root), str(ROOT)]
    docs = root / "docs"
    for name, content in pages.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".ipynb"):
            path.write_text(content)
        else:
            path.write_text(textwrap.dedent(content))
    for folder in ("stylesheets", "javascripts", "assets"):
        shutil.copytree(ROOT / "docs" / folder, docs / folder, dirs_exist_ok=True)
    path = root / "mkdocs.yml"
    path.write_text(yaml.dump(config, sort_keys=False))
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The body at ``url``, or "" while the server is not answering."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float = 60, poll: float = 0.2) -> float:
    """Seconds until ``text`` appears at ``url``; fails after ``timeout`` seconds."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if text in fetch(url):
            return time.monotonic() - start
        time.sleep(poll)
    raise AssertionError(
        f"{text!r} did not appear at {url} within {timeout} s:\n{fetch(url)[-2000:]}"
    )
