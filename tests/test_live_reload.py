"""Under `mkdocs serve`, edits to a page, a snippet and the package reach the served page.

The server watches with the plugin's native observer (``lossnotes.mkdocs_plugin.watching``),
not MkDocs' polling one: its log must not say it fell back to polling.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT, build_env, fetch, free_port, make_project, wait_for

pytestmark = pytest.mark.build

PAGE = """# Probe

```python exec="1"
from lossnotes._probe import VALUE
print(f"package says {VALUE}")
```

```python exec="1" source="above"
--8<-- "snippets/probe_snippet.py"
```

Prose says alpha.
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A small project served live, importing lossnotes from a copy we can edit."""
    package = tmp_path / "src" / "lossnotes"
    shutil.copytree(
        ROOT / "src" / "lossnotes", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    (package / "_probe.py").write_text('VALUE = "alpha"\n')
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "probe_snippet.py").write_text('print("snippet says alpha")\n')
    config = make_project(tmp_path, {"index.md": "# Home\n", "probe.md": PAGE})
    settings = yaml.safe_load(config.read_text())
    settings["watch"] = [str(tmp_path / "src"), str(tmp_path / "snippets")]
    config.write_text(yaml.dump(settings, sort_keys=False))
    port = free_port()
    env = build_env(PYTHONPATH=str(tmp_path / "src"))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(config),
            "-a",
            f"127.0.0.1:{port}",
            "--livereload",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "serve.log").open("w"),
        text=True,
    )
    try:
        yield tmp_path, f"http://127.0.0.1:{port}/lossnotes/probe/"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_edits_show_up_on_the_next_rebuild(served: tuple[Path, str]) -> None:
    root, url = served
    wait_for(url, "package says alpha", timeout=120)
    assert "snippet says alpha" in fetch(url) and "Prose says alpha" in fetch(url)

    # mkdocs serve watches by modification time; make each edit unmistakably newer.
    def edit(path: Path, old: str, new: str) -> None:
        time.sleep(1.1)
        path.write_text(path.read_text().replace(old, new))
        os.utime(path)

    edit(root / "src" / "lossnotes" / "_probe.py", "alpha", "beta")
    wait_for(url, "package says beta")
    edit(root / "snippets" / "probe_snippet.py", "alpha", "gamma")
    wait_for(url, "snippet says gamma")
    edit(root / "docs" / "probe.md", "Prose says alpha", "Prose says delta")
    wait_for(url, "Prose says delta")
    assert "polling" not in (root / "serve.log").read_text()
