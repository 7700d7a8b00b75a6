"""Hostile blocks and pages: each fails the build naming page and block, or is contained.

Every case of the engine issue's table is here. Blocks that must fail the build share
one project (the build runs every page before it stops, and lists every failure);
strict-only failures (warnings, links) another; blocks that must be contained a third,
built serially and in parallel to show the two are byte-identical.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import build_env, make_project, mkdocs_build

pytestmark = pytest.mark.build


def fence(code: str, options: str = "") -> str:
    return f'# Page\n\n```python exec="1"{options}\n{code.strip()}\n```\n'


FAILING = {
    "exit.md": fence("import sys\nsys.exit(0)"),
    "osexit.md": fence("import os\nos._exit(0)"),
    "catchall.md": fence(
        "import time\nwhile True:\n    try:\n        time.sleep(5)\n    except BaseException:\n"
        "        pass",
        ' timeout="1"',
    ),
    "disarm.md": fence(
        "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
        "signal.setitimer(signal.ITIMER_REAL, 0)\nwhile True:\n    pass",
        ' timeout="1"',
    ),
    "crash.md": fence("import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)"),
    "traceback.md": fence(
        "import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n"
        "    print(traceback.format_exc())"
    ),
    "cwd.md": fence("import os\nprint(os.getcwd())"),
    "package.md": fence("import lossnotes\nprint(lossnotes.__file__)"),
    "executable.md": fence("import sys\nprint(sys.executable)"),
    "write.md": fence("open(DOCS + '/written.md', 'w').write('# Written')"),
    "swallowed.md": fence(
        "try:\n    open(DOCS + '/sneaky.md', 'w')\nexcept PermissionError:\n    pass\nprint('fine')"
    ),
    "math.md": fence('print("it costs $5 to print")'),
    "snippet.md": '# Page\n\nProse.\n\n```python exec="1"\n--8<-- "snippets/absent.py"\n```\n',
}
EXPECTED = {
    "exit.md": "SystemExit: the block called sys.exit(0)",
    "osexit.md": "the worker exited with status 0 before the block finished",
    "catchall.md": "TimeoutError: killed after 1 s, its time limit",
    "disarm.md": "TimeoutError: killed after 1 s, its time limit",
    "crash.md": "the worker was killed by signal SIGSEGV before the block finished",
    "traceback.md": "its output contains a Python traceback",
    "cwd.md": "its output contains a local path",
    "package.md": "its output contains a local path",
    "executable.md": "its output contains a local path",
    "write.md": "PermissionError: a block may not write",
    "swallowed.md": "PermissionError: a block may not write",
    "math.md": "its output has an unbalanced math delimiter $",
}


@pytest.fixture(scope="module")
def failing(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("hostile")
    docs = str(root / "docs")
    pages = {
        "index.md": "# Home\n",
        **{k: v.replace("DOCS", repr(docs)) for k, v in FAILING.items()},
    }
    config = make_project(root, pages)
    result = mkdocs_build(config, root / "site")
    assert result.returncode != 0, "a hostile build exited 0"
    return root, result.stderr


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_a_hostile_block_fails_the_build_naming_page_block_and_what(
    failing: tuple[Path, str], page: str
) -> None:
    _, log = failing
    named = (re.sub(r"^ERROR\s+-\s+", "", x) for x in log.splitlines())
    line = next((x for x in named if x.startswith(page)), None)
    assert line is not None, f"{page} is not named:\n{log[-3000:]}"
    assert f"{page}: executed block 1 (line 3) failed: {EXPECTED[page]}" in line


def test_writes_into_the_source_tree_are_refused_and_nothing_is_published(
    failing: tuple[Path, str],
) -> None:
    root, log = failing
    assert not (root / "docs" / "written.md").exists()
    assert not (root / "docs" / "sneaky.md").exists()
    assert not (root / "site" / "index.html").exists(), "a failing build left a site behind"


def test_a_missing_snippet_is_named_by_its_line(failing: tuple[Path, str]) -> None:
    _, log = failing
    assert "snippet.md: line 6: the snippet 'snippets/absent.py' it includes does not exist" in log


STRICT_ONLY = {
    "anchor.md": fence('print("See [the part](other.md#nowhere).")'),
    "raw.md": fence("print('<a href=\"../missing/\">gone</a>')", ' html="1"'),
    "warns.md": fence('import warnings\nwarnings.warn("careful with this")\nprint("shown")'),
    "other.md": "# Other\n\n## Part\n",
}


def test_warnings_and_broken_links_in_block_output_fail_the_strict_build(tmp_path: Path) -> None:
    config = make_project(tmp_path, {"index.md": "# Home\n", **STRICT_ONLY})
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    log = result.stderr
    assert (
        "anchor.md: executed block 1 (line 3) links to 'other.md#nowhere': 'other.md' has no anchor '#nowhere'"
        in log
    )
    assert (
        "raw.md: executed block 1 (line 3) links to '../missing/', which is not a page or file"
        in log
    )
    assert "warns.md: executed block 1 (line 3) warned: UserWarning: careful with this" in log
    relaxed = mkdocs_build(config, tmp_path / "site", strict=False)
    assert relaxed.returncode == 0, relaxed.stderr[-3000:]
    assert "careful" not in (tmp_path / "site" / "warns" / "index.html").read_text()


CONTAINED = {
    "leak.md": fence(
        "import builtins, os, warnings\nimport numpy as np\n"
        "np.set_printoptions(precision=2)\nnp.seterr(all='raise')\nos.environ['LEAK'] = '1'\n"
        "builtins.leaked = True\nwarnings.simplefilter('error')\nos.chdir('/')\nprint('set')"
    ),
    "after.md": fence(
        "import builtins, os, warnings\nimport numpy as np\n"
        "print(np.get_printoptions()['precision'], np.geterr()['divide'], os.environ.get('LEAK'),"
        " hasattr(builtins, 'leaked'), os.path.basename(os.getcwd()).startswith('lossnotes-block-'),"
        " any(f[0] == 'error' for f in warnings.filters), np.array([1 / 3]))"
    ),
    "streams.md": fence(
        "import sys, warnings\nimport numpy as np\nprint('to the log', file=sys.stderr)\n"
        "sys.stdout.write('also the log')\nwith np.errstate(over='ignore'):\n"
        "    big = np.float64(1e308) * 10\nwith warnings.catch_warnings():\n"
        "    warnings.simplefilter('ignore')\n    warnings.warn('silenced on purpose')\n"
        "print(f'page output, {big}')"
    ),
    "flags.md": fence(
        "import os, sys\nseen = [k for k in os.environ if k.startswith(('LOSSNOTES', 'CI', 'SOURCE'))]"
        "\nprint('flags seen:', len(seen), 'arguments:', len(sys.argv), repr(sys.argv[0]))"
    ),
    "data.md": fence("print(open(DATA).read().strip())"),
    "shown.md": fence(
        'print("```text\\nTraceback (most recent call last):\\n  File \\"example.py\\", line 1\\n'
        'ValueError: shown on purpose\\n```")',
        ' traceback="1"',
    ),
}


def _pages_html(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): p.read_text()
        for p in sorted(site.rglob("*.html"))
        if "build-report" not in p.parts
    }


def test_contained_blocks_leak_nothing_and_serial_equals_parallel(tmp_path: Path) -> None:
    data = tmp_path / "data.txt"
    data.write_text("first version\n")
    pages = {
        "index.md": "# Home\n",
        **{k: v.replace("DATA", repr(str(data))) for k, v in CONTAINED.items()},
    }
    config = make_project(tmp_path, pages)
    env = build_env(LOSSNOTES_CLEAN="1", LOSSNOTES_WORKERS="1", CI="true")
    serial = mkdocs_build(config, tmp_path / "serial", env=env)
    assert serial.returncode == 0, serial.stderr[-3000:]
    html = (tmp_path / "serial" / "after" / "index.html").read_text()
    assert "8 warn None False True False [0.33333333]" in html, "state leaked from leak.md"
    streams = (tmp_path / "serial" / "streams" / "index.html").read_text()
    assert "page output, inf" in streams and "to the log" not in streams
    assert "also the log" not in streams
    assert "streams.md: executed block 1 (line 3) wrote to stderr: to the log" in serial.stderr
    assert "streams.md: executed block 1 (line 3) wrote to stdout: also the log" in serial.stderr
    flags = (tmp_path / "serial" / "flags" / "index.html").read_text()
    assert (
        "flags seen: 0 arguments: 1 &#39;&#39;" in flags or "flags seen: 0 arguments: 1 ''" in flags
    )
    assert "shown on purpose" in (tmp_path / "serial" / "shown" / "index.html").read_text()

    cached = build_env(LOSSNOTES_WORKERS="2", LOSSNOTES_CLEAN="0")  # CI sets LOSSNOTES_CLEAN=1
    parallel = mkdocs_build(config, tmp_path / "parallel", env=cached)
    assert parallel.returncode == 0, parallel.stderr[-3000:]
    assert re.search(r"\d+ blocks and notebooks, 0 ran", parallel.stderr), "flags changed keys"
    clean = mkdocs_build(config, tmp_path / "clean", env=build_env(LOSSNOTES_CLEAN="1"))
    assert clean.returncode == 0, clean.stderr[-3000:]
    assert _pages_html(tmp_path / "serial") == _pages_html(tmp_path / "clean")
    assert _pages_html(tmp_path / "serial") == _pages_html(tmp_path / "parallel")

    data.write_text("second version\n")  # a file a block read: its cached output is stale now
    again = mkdocs_build(config, tmp_path / "parallel", env=cached)
    assert again.returncode == 0, again.stderr[-3000:]
    assert re.search(r"\d+ blocks and notebooks, 1 ran", again.stderr)
    assert "second version" in (tmp_path / "parallel" / "data" / "index.html").read_text()
