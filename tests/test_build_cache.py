"""The execution cache re-runs exactly the blocks whose key changed, and never serves stale output.

Every block of the test pages appends its name to a log file when it *executes*, so
what ran is observed from outside the plugin. The pages import lossnotes from a
copy of the package on PYTHONPATH, which the test edits like an author would.

Module dependencies are recorded as blocks run: ``_cacheprobe`` is imported by the
home page first, then again by other blocks of the probe page (already loaded in the
process by then), and used without an import by a later block of its session;
``_cacheprobe_dep`` is reached only through ``_cacheprobe_other``.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from lossnotes.mkdocs_plugin.execution.cache import BlockCache
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

```python exec="1"
open(RUNS, "a").write("other\\n")
from lossnotes._cacheprobe_other import OTHER
print(f"other says {OTHER}")
```

```python exec="1"
open(RUNS, "a").write("again\\n")
from lossnotes._cacheprobe import VALUE
print(f"again says {VALUE}")
```

```python exec="1" session="s"
open(RUNS, "a").write("later\\n")
print(f"later says {VALUE}")
```
"""

FUNCTIONS_PAGE = """\
# Functions

```python exec="1"
open(RUNS, "a").write("calls-f\\n")
from lossnotes._cacheprobe_fn import f
print(f"f gives {f()}")
```

```python exec="1"
open(RUNS, "a").write("calls-g\\n")
from lossnotes._cacheprobe_fn import g
print(f"g gives {g()}")
```

```python exec="1"
open(RUNS, "a").write("imports-only\\n")
import lossnotes._cacheprobe_fn
print("imported")
```
"""
PROBE_FN = """\
LIMIT = 1


def f():
    return "f1"


def g():
    def inner():
        return "g1"

    return inner()
"""

HOME = """\
# Home

```python exec="1"
open(RUNS, "a").write("early\\n")
from lossnotes._cacheprobe import VALUE
print(f"early says {VALUE}")
```
"""

FUNCTION_BLOCKS = {"calls-f", "calls-g", "imports-only"}
EVERY_BLOCK = {"early", "setup", "package", "plain", "snippet", "other", "again", "later"} | (
    FUNCTION_BLOCKS
)
USES_CACHEPROBE = {"early", "setup", "package", "again", "later"}  # setup: replayed for its session


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.runs = root / "runs.log"
        self.package = root / "pkg" / "lossnotes"
        shutil.copytree(
            ROOT / "src" / "lossnotes", self.package, ignore=shutil.ignore_patterns("__pycache__")
        )
        (self.package / "_cacheprobe.py").write_text('VALUE = "alpha"\n')
        (self.package / "_cacheprobe_other.py").write_text(
            'from lossnotes._cacheprobe_dep import DEP\n\nOTHER = f"dep {DEP}"\n'
        )
        (self.package / "_cacheprobe_dep.py").write_text('DEP = "one"\n')
        (self.package / "_cacheprobe_fn.py").write_text(PROBE_FN)
        (root / "snippets").mkdir()
        (root / "snippets" / "cacheprobe_snippet.py").write_text('print("snippet says one")\n')
        page, home = (text.replace("RUNS", repr(str(self.runs))) for text in (PAGE, HOME))
        functions = FUNCTIONS_PAGE.replace("RUNS", repr(str(self.runs)))
        pages = {"index.md": home, "probe.md": page, "functions.md": functions}
        self.config = make_project(root, pages)
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
    assert project.build() == EVERY_BLOCK
    return project


def test_rebuild_and_prose_edit_run_nothing(project: Project) -> None:
    before = project.html()
    assert project.build() == set()
    assert project.html().count("package block says alpha and 42") == 1
    project.edit(project.page, "Prose version one.", "Prose version two.")
    assert project.build() == set()
    html = project.html()
    assert "Prose version two." in html
    for output in (
        "setup done, base 40",
        "package block says alpha and 42",
        "plain block says hello",
        "snippet says one",
    ):
        assert output in html and output in before
    assert re.search(r"lossnotes: probe\.md: 7 blocks, 7 cached, [0-9.]+ s", project.log)


def test_module_edit_reruns_only_the_block_that_imported_it(project: Project) -> None:
    project.build()
    # Imported by _cacheprobe_other only, which only the "other" block imports.
    project.edit(project.package / "_cacheprobe_dep.py", "one", "two")
    assert project.build() == {"other"}
    assert "other says dep two" in project.html()
    assert project.build() == set()
    # Undoing the edit finds the earlier result again.
    project.edit(project.package / "_cacheprobe_dep.py", "two", "one")
    assert project.build() == set()
    assert "other says dep one" in project.html()


def test_package_edit_reruns_only_the_blocks_that_use_it(project: Project) -> None:
    project.build()
    project.edit(project.package / "_cacheprobe.py", "alpha", "beta")
    # The package block misses; its session's first block is cached, so it is replayed
    # (its namespace provides `base`) and its cached output is kept. The blocks that
    # imported the module after it was loaded, or used it through their session, re-run too.
    assert project.build() == USES_CACHEPROBE
    html = project.html()
    for output in ("package block says beta and 42", "again says beta", "later says beta"):
        assert output in html
    assert "alpha" not in html
    assert "early says beta" in (project.root / "site" / "index.html").read_text()
    assert "setup done, base 40" in html
    assert project.build() == set()


def test_function_edit_reruns_only_the_blocks_that_executed_it(project: Project) -> None:
    """Dependencies are per function: f's edit re-runs f's caller; g's inner function is g's."""
    project.build()
    module = project.package / "_cacheprobe_fn.py"
    project.edit(module, 'return "f1"', 'return "f2"')
    assert project.build() == {"calls-f"}
    project.edit(module, 'return "g1"', 'return "g2"')
    assert project.build() == {"calls-g"}
    assert "g gives g2" in (project.root / "site" / "functions" / "index.html").read_text()
    project.edit(module, "LIMIT = 1", "LIMIT = 2")  # module-level code: every importer
    assert project.build() == FUNCTION_BLOCKS
    assert project.build() == set()


def test_house_style_edit_reruns_every_block(project: Project) -> None:
    """lossnotes.figures styles matplotlib before every block, so every block depends on it.

    A comment changes no code: nothing re-runs. A statement in ``use_house_style`` re-runs all.
    """
    project.build()
    figures = project.package / "figures" / "_style.py"
    figures.write_text(figures.read_text() + "\n# An edit that changes no code.\n")
    assert project.build() == set()
    text = figures.read_text()
    body = text.index(":", text.index("def use_house_style(")) + 1
    docstring_end = text.index('"""', text.index('"""', body) + 3) + 3
    figures.write_text(text[:docstring_end] + "\n    _edited = True" + text[docstring_end:])
    assert project.build() == EVERY_BLOCK
    assert project.build() == set()


def test_session_prefix_edit_reruns_the_later_blocks_of_the_session(project: Project) -> None:
    project.build()
    project.edit(project.page, "base = 40", "base = 50")
    assert project.build() == {"setup", "package", "later"}
    assert "and 52" in project.html()


def test_snippet_edit_reruns_the_block_that_includes_it(project: Project) -> None:
    project.build()
    project.edit(project.root / "snippets" / "cacheprobe_snippet.py", "one", "two")
    assert project.build() == {"snippet"}
    assert "snippet says two" in project.html()


def test_clean_run_executes_every_block(project: Project) -> None:
    project.build()
    assert project.build(LOSSNOTES_CLEAN="1") == EVERY_BLOCK
    assert "clean run" in project.log
    assert project.build(CI="true", LOSSNOTES_CLEAN="") == EVERY_BLOCK
    assert project.build(CI="true", LOSSNOTES_CLEAN="0") == set()


def test_execution_off_runs_nothing_and_publishes_no_output(project: Project) -> None:
    assert project.build(LOSSNOTES_EXECUTE="0") == set()
    assert "plain block says hello" not in project.html()
    assert project.build() == set()  # the cache is intact
    assert "plain block says hello" in project.html()


def test_a_key_keeps_its_recently_used_variants(tmp_path: Path) -> None:
    """One entry per set of dependency hashes; a hit makes its entry the newest; the oldest go."""
    cache, key = BlockCache(tmp_path), "ab" + "0" * 62

    def today(**hashes: str):  # the hashes of today's sources
        return lambda deps: all(hashes.get(name) == digest for name, digest in deps.items())

    for n in range(BlockCache.VARIANTS):
        cache.put(key, {"output": f"out {n}", "deps": {"m": f"v{n}"}})
    assert cache.get(key, today(m="v0"))["output"] == "out 0"
    cache.put(key, {"output": "out new", "deps": {"m": "new"}})  # drops v1, used least recently
    assert cache.get(key, today(m="v1")) is None
    for n in (0, 2, BlockCache.VARIANTS - 1):
        assert cache.get(key, today(m=f"v{n}"))["output"] == f"out {n}"
    assert cache.get(key, today(m="new", other="x"))["output"] == "out new"
    assert cache.get(key, today(m="edited")) is None
    assert cache.get(key, today()) is None  # the dependency is gone


def test_jobs_start_longest_first_by_the_time_they_took_last(project: Project) -> None:
    """Each build times its jobs; the next one, clean or not, starts the longest first."""
    project.build(LOSSNOTES_CLEAN="1", LOSSNOTES_WORKERS="1")
    times = project.root / ".cache" / "lossnotes" / "durations.json"
    durations = json.loads(times.read_text())
    assert {name.split()[0] for name in durations} == {"index.md", "probe.md", "functions.md"}
    assert all(seconds >= 0 for seconds in durations.values())
    in_page_order = project.runs.read_text().split()
    # One worker runs one job at a time: the first block to run tells which job went first.
    slowest = "functions.md 3"  # the third block, "imports-only", a session of its own
    assert slowest in durations and in_page_order[0] != "imports-only"
    times.write_text(json.dumps({**dict.fromkeys(durations, 0.0), slowest: 99.0}))
    project.build(LOSSNOTES_CLEAN="1", LOSSNOTES_WORKERS="1")
    assert project.runs.read_text().split()[0] == "imports-only"
