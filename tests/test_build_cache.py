"""The execution cache re-runs exactly the blocks whose key changed, and never serves stale output.

Every block of the test page appends its name to a log file when it *executes*, so
what ran is observed from outside the plugin. The page imports lossnotes from a
copy of the package on PYTHONPATH, which the test edits like an author would.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitebuild import ROOT, build_env, make_project, mkdocs_build

pytestmark = pytest.mark.build

PAGE = """\
# Cache probe

Prose version one.

```python exec="1" session="s"
open(RUNS, "a").write("setup\\n")
base = 40
print(f"setup done, base {base}")
```

```python exec="1" session="s"
open(RUNS, "a").write("package\\n")
from lossnotes._cacheprobe import VALUE
print(f"package block says {VALUE} and {base + 2}")
```

```python exec="1"
open(RUNS, "a").write("plain\\n")
print("plain block says hello")
```

```python exec="1"
open(RUNS, "a").write("snippet\\n")
--8<-- "snippets/cacheprobe_snippet.py"
```
"""


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.runs = root / "runs.log"
        self.package = root / "pkg" / "lossnotes"
        shutil.copytree(ROOT / "src" / "lossnotes", self.package, ignore=shutil.ignore_patterns("__pycache__"))
        (self.package / "_cacheprobe.py").write_text('VALUE = "alpha"\n')
        (root / "snippets").mkdir()
        (root / "snippets" / "cacheprobe_snippet.py").write_text('print("snippet says one")\n')
        page = PAGE.replace("RUNS", repr(str(self.runs)))
        self.config = make_project(root, {"index.md": "# Home\n", "probe.md": page})
        self.page = root / "docs" / "probe.md"

    def build(self, **env: str) -> set[str]:
        """Build; return the names of the blocks that executed."""
        self.runs.write_text("")
        settings = {"PYTHONPATH": str(self.package.parent), "LOSSNOTES_CLEAN": "0", **env}
        result = mkdocs_build(self.config, self.root / "site", env=build_env(**settings))
        assert result.returncode == 0, result.stderr[-3000:]
        self.log = result.stderr
        ran = self.runs.read_text().split()
        assert len(ran) == len(set(ran)), f"a block ran twice: {ran}"
        return set(ran)

    def html(self) -> str:
        return (self.root / "site" / "probe" / "index.html").read_text()

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(tmp_path_factory.mktemp("cache"))
    assert project.build() == {"setup", "package", "plain", "snippet"}
    return project


def test_rebuild_and_prose_edit_run_nothing(project: Project) -> None:
    before = project.html()
    assert project.build() == set()
    assert project.html().count("package block says alpha and 42") == 1
    project.edit(project.page, "Prose version one.", "Prose version two.")
    assert project.build() == set()
    html = project.html()
    assert "Prose version two." in html
    for output in ("setup done, base 40", "package block says alpha and 42", "plain block says hello",
                   "snippet says one"):
        assert output in html and output in before
    assert re.search(r"lossnotes: probe\.md: 4 blocks, 4 cached, [0-9.]+ s", project.log)


def test_package_edit_reruns_only_the_blocks_that_use_it(project: Project) -> None:
    project.build()
    project.edit(project.package / "_cacheprobe.py", "alpha", "beta")
    # The package block misses; its session's first block is cached, so it is replayed
    # (its namespace provides `base`) and its cached output is kept.
    assert project.build() == {"setup", "package"}
    html = project.html()
    assert "package block says beta and 42" in html
    assert "package block says alpha" not in html
    assert "setup done, base 40" in html
    assert project.build() == set()


def test_session_prefix_edit_reruns_the_later_blocks_of_the_session(project: Project) -> None:
    project.build()
    project.edit(project.page, "base = 40", "base = 50")
    assert project.build() == {"setup", "package"}
    assert "and 52" in project.html()


def test_snippet_edit_reruns_the_block_that_includes_it(project: Project) -> None:
    project.build()
    project.edit(project.root / "snippets" / "cacheprobe_snippet.py", "one", "two")
    assert project.build() == {"snippet"}
    assert "snippet says two" in project.html()


def test_clean_run_executes_every_block(project: Project) -> None:
    project.build()
    assert project.build(LOSSNOTES_CLEAN="1") == {"setup", "package", "plain", "snippet"}
    assert "clean run" in project.log
    assert project.build(CI="true", LOSSNOTES_CLEAN="") == {"setup", "package", "plain", "snippet"}
    assert project.build(CI="true", LOSSNOTES_CLEAN="0") == set()


def test_execution_off_runs_nothing_and_publishes_no_output(project: Project) -> None:
    assert project.build(LOSSNOTES_EXECUTE="0") == set()
    assert "plain block says hello" not in project.html()
    assert project.build() == set()  # the cache is intact
    assert "plain block says hello" in project.html()
