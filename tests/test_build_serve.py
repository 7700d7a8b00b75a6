"""Under ``mkdocs serve``, a rebuild reuses the render of unchanged pages, and only of those.

A driver process loads the project the way ``mkdocs serve`` does (one process, a fresh
config per rebuild, ``on_startup(command="serve")``) and rebuilds whenever the test
asks, reporting which pages were reused; the test edits files between rebuilds. The
package is imported from a copy on PYTHONPATH, as in test_build_cache, and two API
reference pages are rendered by mkdocstrings from that copy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT, build_env, make_project

pytestmark = pytest.mark.build

DRIVER = r"""
import json, logging, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

warnings = []
class Count(logging.Handler):
    def emit(self, record):
        if record.levelno >= logging.WARNING:
            warnings.append(record.getMessage())
logging.getLogger().addHandler(Count())
logging.getLogger("mkdocs").setLevel(logging.INFO)
path, site = sys.argv[1], sys.argv[2]
load_config(config_file=path, site_dir=site).plugins.on_startup(command="serve", dirty=False)
for line in sys.stdin:
    warnings.clear()
    config = load_config(config_file=path, site_dir=site)
    build(config, serve_url="http://127.0.0.1:8000/")
    reused = sorted(config.plugins["lossnotes"].renders.reused)
    print(json.dumps({"reused": reused, "warnings": warnings}), flush=True)
"""

USES_MODULE = """\
# Uses the module

```python exec="1"
from lossnotes._serveprobe import VALUE
print(f"module says {VALUE}")
```
"""

USES_SNIPPET = """\
# Uses the snippet

Prose one.

```python exec="1"
--8<-- "snippets/serveprobe_snippet.py"
```

See [the other page](module.md#uses-the-module).
"""

BROKEN_LINK = """\
# Broken link

A link to [nowhere](missing.md).
"""

# Submodules shown, so that a module added to the family appears on its page.
API_LOSSES = """\
# Losses API

::: lossnotes.losses
    options:
      show_submodules: true
"""

API_OPTIM = """\
# Optim API

::: lossnotes.optim
"""


class Served:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.package = root / "pkg" / "lossnotes"
        shutil.copytree(
            ROOT / "src" / "lossnotes", self.package, ignore=shutil.ignore_patterns("__pycache__")
        )
        (self.package / "_serveprobe.py").write_text('VALUE = "alpha"\n')
        (root / "snippets").mkdir()
        (root / "snippets" / "serveprobe_snippet.py").write_text('print("snippet says one")\n')
        pages = {
            "index.md": "# Home\n",
            "module.md": USES_MODULE,
            "snippet.md": USES_SNIPPET,
            "broken.md": BROKEN_LINK,
            "api_losses.md": API_LOSSES,
            "api_optim.md": API_OPTIM,
        }
        self.config = make_project(root, pages)
        settings = yaml.safe_load(self.config.read_text())
        for plugin in settings["plugins"]:
            if isinstance(plugin, dict) and "mkdocstrings" in plugin:
                plugin["mkdocstrings"]["handlers"]["python"]["paths"] = [str(self.package.parent)]
        self.config.write_text(yaml.dump(settings, sort_keys=False))
        (root / "driver.py").write_text(DRIVER)
        env = build_env(PYTHONPATH=str(self.package.parent), LOSSNOTES_CLEAN="0")
        self.process = subprocess.Popen(
            [sys.executable, str(root / "driver.py"), str(self.config), str(root / "site")],
            cwd=root,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def rebuild(self) -> dict[str, list[str]]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("build\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the driver process ended"
        return json.loads(line)

    def html(self, name: str) -> str:
        return (self.root / "site" / name / "index.html").read_text()

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    served = Served(tmp_path_factory.mktemp("serve"))
    try:
        first = served.rebuild()
        assert first["reused"] == []
        yield served
    finally:
        served.process.kill()
        served.process.wait()


def test_unchanged_pages_are_reused_and_identical(served: Served) -> None:
    before = {name: served.html(name) for name in ("module", "snippet")}
    result = served.rebuild()
    # The broken link warns, so that page is rendered again every time (and warns again).
    assert result["reused"] == [
        "api_losses.md",
        "api_optim.md",
        "build-report.md",
        "index.md",
        "module.md",
        "snippet.md",
    ]
    assert any("missing.md" in warning for warning in result["warnings"])
    assert {name: served.html(name) for name in before} == before
    assert 'href="../module/#uses-the-module"' in before["snippet"]


def test_prose_edit_rerenders_that_page_only(served: Served) -> None:
    served.rebuild()
    served.edit(served.root / "docs" / "snippet.md", "Prose one.", "Prose two.")
    assert "snippet.md" not in served.rebuild()["reused"]
    assert "Prose two." in served.html("snippet")
    assert "snippet says one" in served.html("snippet")
    assert "snippet.md" in served.rebuild()["reused"]


def test_snippet_edit_rerenders_the_page_that_includes_it(served: Served) -> None:
    served.rebuild()
    served.edit(served.root / "snippets" / "serveprobe_snippet.py", "one", "two")
    reused = served.rebuild()["reused"]
    assert "snippet.md" not in reused and "module.md" in reused
    assert "snippet says two" in served.html("snippet")


def test_module_edit_rerenders_the_page_whose_block_imported_it(served: Served) -> None:
    served.rebuild()
    served.edit(served.package / "_serveprobe.py", "alpha", "beta")
    reused = served.rebuild()["reused"]
    assert "module.md" not in reused and "snippet.md" in reused
    assert "module says beta" in served.html("module")
    # No module was added or removed, and no documented object comes from this one.
    assert {"api_losses.md", "api_optim.md"} <= set(reused)


def test_docstring_edit_rerenders_that_api_page_only(served: Served) -> None:
    served.rebuild()
    regression = served.package / "losses" / "_regression.py"
    served.edit(regression, "(no factor 1/2, as in PyTorch)", "(docstring probe one)")
    reused = served.rebuild()["reused"]
    assert "api_losses.md" not in reused
    assert {"api_optim.md", "module.md", "snippet.md"} <= set(reused)
    assert "docstring probe one" in served.html("api_losses")  # griffe read the new file
    assert "api_losses.md" in served.rebuild()["reused"]
    served.edit(regression, "(docstring probe one)", "(docstring probe two)")
    assert "api_losses.md" not in served.rebuild()["reused"]
    html = served.html("api_losses")
    assert "docstring probe two" in html and "docstring probe one" not in html


def test_added_module_rerenders_every_api_page(served: Served) -> None:
    served.rebuild()
    added = served.package / "losses" / "serveprobe_added.py"
    added.write_text('"""Probe module added while serving."""\n')
    try:
        reused = served.rebuild()["reused"]
        assert "api_losses.md" not in reused and "api_optim.md" not in reused
        assert "Probe module added while serving." in served.html("api_losses")
    finally:
        added.unlink()
    reused = served.rebuild()["reused"]
    assert "api_losses.md" not in reused
    assert "Probe module added while serving." not in served.html("api_losses")


def test_link_target_removed_rerenders_the_linking_page(served: Served) -> None:
    served.rebuild()
    target = served.root / "docs" / "module.md"
    text = target.read_text()
    target.unlink()
    try:
        result = served.rebuild()
        assert "snippet.md" not in result["reused"]
        assert any("module.md" in warning for warning in result["warnings"])
    finally:
        target.write_text(text)
    assert "snippet.md" not in served.rebuild()["reused"]  # it warned last time
    assert 'href="../module/#uses-the-module"' in served.html("snippet")
