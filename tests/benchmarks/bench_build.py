"""Benchmark of the build engine: whole-process build times and edit-to-served latencies.

Run as ``.venv/bin/python tests/benchmarks/bench_build.py [--repeat 3]`` (not collected by
pytest). Works on a copy of the project in a temporary folder (pages, snippets, the
package on PYTHONPATH, mkdocs.yml), so the real tree is never edited.

Printed, as medians over ``--repeat`` rounds measured side by side:

* cold build (``LOSSNOTES_CLEAN=1``), rebuild with nothing changed, build with execution
  switched off (``LOSSNOTES_EXECUTE=0``), each a whole ``mkdocs build`` process;
* the same executed code run as plain scripts one after another (one script per page:
  the code cells of the page's generated notebook, plus the site's notebooks);
* under ``mkdocs serve``: seconds from saving an edit to the served page showing it, for
  a prose edit and a snippet edit; and, until the rebuild is logged, for a comment
  appended to ``lossnotes/__init__.py`` (no code changes: nothing should re-run) and for
  an edit to one function (a statement added to its body) of each of
  ``_validate.check_positive``, ``losses.mse`` and ``optim.adam``, with the number of
  blocks each re-ran.

Targets, as ratios measured side by side (absolute times move with the machine): cold
build <= 0.6 x the plain scripts (2 cores); no-change rebuild <= 1.2 x the execution-off
build; prose edit served <= 0.15 x, and each one-function edit served <= 0.3 x, the
execution-off build.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))  # run as a script: reach the shared test helpers

import sitebuild  # noqa: E402
from sitebuild import free_port  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
RAN = re.compile(r"lossnotes: (\d+) blocks and notebooks, (\d+) ran, (\d+) cached")


def copy_project(where: Path) -> Path:
    for name in ("docs", "snippets", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, where / name)
    shutil.copytree(
        ROOT / "src" / "lossnotes",
        where / "src" / "lossnotes",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (where / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return where / "mkdocs.yml"


def env(project: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(project / "src"),
        "LOSSNOTES_CLEAN": "0",
        "CI": "",
        "NO_MKDOCS_2_WARNING": "1",
        **extra,
    }


def build(config: Path, site: Path, **extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [*MKDOCS, "build", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=env(config.parent, **extra),
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    return seconds, result.stderr


def plain_scripts(site: Path, project: Path, scripts: Path) -> float:
    """Run the code of every page's notebook (and the site's notebooks) as scripts, serially."""
    scripts.mkdir(exist_ok=True)
    paths = []
    for notebook in sorted(site.rglob("*.ipynb")):
        cells = json.loads(notebook.read_text())["cells"]
        code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
        generated = any("Set-up added to the generated notebook" in c for c in code)
        body = "\n\n".join(code[1:] if generated else code)
        body = "\n".join(
            line for line in body.splitlines() if not line.lstrip().startswith(("%", "!"))
        )
        path = scripts / f"page_{notebook.stem.replace('-', '_')}.py"
        path.write_text(body + "\n")
        paths.append(path)
    start = time.perf_counter()
    for path in paths:
        result = subprocess.run(
            [sys.executable, str(path)],
            cwd=project,
            env={**env(project), "MPLBACKEND": "Agg"},
            capture_output=True,
            text=True,
        )
        if result.returncode:
            sys.exit(f"{path.name} failed as a plain script:\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def wait_for(url: str, text: str, timeout: float = 300) -> float:
    return sitebuild.wait_for(url, text, timeout=timeout, poll=0.02)


def pick_page(project: Path) -> tuple[Path, Path]:
    """A chapter page whose executed block includes a snippet, and that snippet."""
    for page in sorted((project / "docs").rglob("*.md")):
        text = page.read_text()
        for match in re.finditer(r'```python exec="1"[^\n]*\n--8<-- "([^"]+)"', text):
            return page, project / match[1]
    sys.exit("no page with a snippet inside an executed block")


#: The functions whose edit is timed: (package file's folder, function name).
FUNCTIONS = {"check_positive": "_validate", "mse": "losses", "adam": "optim"}


def function_edit(package: Path, name: str) -> tuple[Path, object]:
    """The file defining ``name`` in the family folder, and an edit adding a statement to it."""
    for path in sorted((package / FUNCTIONS[name]).glob("*.py")):
        tree = ast.parse(path.read_text())
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                first = node.body[0]
                after = first.end_lineno if isinstance(first, ast.Expr) else first.lineno - 1
                indent = " " * node.body[-1].col_offset

                def change(text: str, m: str, after: int = after, indent: str = indent) -> str:
                    lines = text.splitlines(keepends=True)
                    lines.insert(after, f"{indent}_benchmark = {m!r}\n")
                    return "".join(lines)

                return path, change
    sys.exit(f"no function {name} in {package / FUNCTIONS[name]}")


def executed(project: Path, name: str) -> tuple[int, float]:
    """How many cached items (blocks and inline values) executed ``name``, and their run time.

    Any cache that never serves stale output must re-run these blocks after the function
    changes, so their time over the cores is a floor on the served time of that edit.
    """
    count, seconds = 0, 0.0
    for path in (project / ".cache" / "lossnotes" / "blocks").rglob("*.json"):
        newest = json.loads(path.read_text())["variants"][0]
        if any(
            k.startswith(f"fn:{FUNCTIONS[name]}/") and k.endswith(f":{name}")
            for k in newest["deps"]
        ):
            count, seconds = count + 1, seconds + newest.get("seconds", 0.0)
    return count, seconds


def served_edits(config: Path, repeat: int) -> dict[str, list[tuple[float, int]]]:
    project = config.parent
    page, snippet = pick_page(project)
    relative = page.relative_to(project / "docs").with_suffix("")
    port = free_port()
    url = f"http://127.0.0.1:{port}/lossnotes/{relative.as_posix()}/"
    log = project / "serve.log"
    server = subprocess.Popen(
        [*MKDOCS, "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env(project),
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
        text=True,
    )
    results: dict[str, list[tuple[float, int]]] = {
        "prose": [],
        "snippet": [],
        "__init__ comment": [],
        **{name: [] for name in FUNCTIONS},
    }
    try:
        wait_for(url, "</html>", timeout=600)
        while "Serving on" not in log.read_text():
            time.sleep(0.1)
        package = project / "src" / "lossnotes"
        version = package / "__init__.py"
        functions = {name: function_edit(package, name) for name in FUNCTIONS}
        for round_ in range(repeat):
            marker = f"benchmark{round_}x{time.time_ns()}"
            edits = {
                "prose": (
                    page,
                    lambda t, m=marker: re.sub(
                        r"^(# .*)$", rf"\1\n\nProse {m}.", t, count=1, flags=re.M
                    ),
                    url,
                    f"Prose {marker}.",
                ),
                "snippet": (
                    snippet,
                    lambda t, m=marker: t + f'\nprint("snippet {m}")\n',
                    url,
                    f"snippet {marker}",
                ),
                # A comment changes no code: no block should re-run.
                "__init__ comment": (version, lambda t, m=marker: t + f"\n# {m}\n", None, ""),
                **{
                    name: (path, lambda t, m=marker, c=change: c(t, m), None, "")
                    for name, (path, change) in functions.items()
                },
            }
            for name, (path, change, where, expect) in edits.items():
                time.sleep(1.0)  # let the previous rebuild settle; mtimes must move
                before = len(RAN.findall(log.read_text()))
                original = path.read_text()
                start = time.perf_counter()
                path.write_text(change(original))
                if where is not None:
                    wait_for(where, expect)
                    seconds = time.perf_counter() - start
                deadline = time.time() + 300
                while len(RAN.findall(log.read_text())) <= before and time.time() < deadline:
                    time.sleep(0.02)
                if where is None:  # nothing visible changes: until the rebuild's summary is logged
                    seconds = time.perf_counter() - start
                ran = int(RAN.findall(log.read_text())[-1][1])
                results[name].append((seconds, ran))
                if name != "prose":
                    time.sleep(1.0)
                    before = len(RAN.findall(log.read_text()))
                    path.write_text(original)  # keep the snippet runnable, the package as written
                    deadline = time.time() + 300
                    while len(RAN.findall(log.read_text())) <= before and time.time() < deadline:
                        time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lossnotes-bench-") as tmp:
        tmp_path = Path(tmp)
        config = copy_project(tmp_path / "project")
        site = tmp_path / "site"
        cold, warm, off, scripts = [], [], [], []
        blocks = ""
        for _ in range(args.repeat):
            seconds, log = build(config, site, LOSSNOTES_CLEAN="1")
            cold.append(seconds)
            blocks = RAN.findall(log)[-1][0]
            seconds, log = build(config, site)
            warm.append(seconds)
            assert RAN.findall(log)[-1][1] == "0", "a rebuild with nothing changed ran blocks"
            off.append(build(config, tmp_path / "site-off", LOSSNOTES_EXECUTE="0")[0])
            scripts.append(plain_scripts(site, config.parent, tmp_path / "scripts"))
        build(config, site)  # a warm cache for the server
        floors = {name: executed(config.parent, name) for name in FUNCTIONS}
        edits = served_edits(config, args.repeat)
    median = statistics.median
    print(
        f"lossnotes build benchmark: {blocks} blocks and notebooks, {os.cpu_count()} cores, "
        f"medians of {args.repeat} rounds"
    )
    off_s = median(off)
    print(f"  cold build (clean)            {median(cold):7.2f} s")
    print(
        f"  rebuild, nothing changed      {median(warm):7.2f} s   "
        f"({median(warm) / off_s:.2f} x execution off; target <= 1.2)"
    )
    print(f"  build, execution off          {off_s:7.2f} s")
    print(
        f"  same code as plain scripts    {median(scripts):7.2f} s   "
        f"(cold build / scripts = {median(cold) / median(scripts):.2f}; target <= 0.6)"
    )
    targets = {"prose": 0.15, **{name: 0.3 for name in FUNCTIONS}}
    for name, runs in edits.items():
        ran = sorted({count for _, count in runs})
        seconds = median(s for s, _ in runs)
        target = f"; target <= {targets[name]}" if name in targets else ""
        print(
            f"  serve: {name:16} edit {seconds:7.2f} s   ({seconds / off_s:.2f} x execution off"
            f"{target}; blocks re-run: {', '.join(map(str, ran))})"
        )
        if name in floors:
            count, busy = floors[name]
            cores = os.cpu_count() or 1
            print(
                f"         {count} cached items executed {name}, {busy:.2f} s of work: no correct cache"
                f" serves the edit in under {busy / cores:.2f} s ({busy / cores / off_s:.2f} x)"
            )


if __name__ == "__main__":
    main()
