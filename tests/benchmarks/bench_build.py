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
  a prose edit, a snippet edit and a lossnotes edit (``__init__.py``, which every block
  imports), with the number of blocks re-run; and for an edit to one module used by
  some blocks only (a comment appended to ``descent.py``), seconds until the rebuild
  is logged, with the number of blocks it re-ran.

Targets: no-change rebuild <= 1.3 x execution-off build; prose edit served < 1.5 s;
a lossnotes edit re-runs only the blocks that use the package; cold build (2 cores)
no slower than the plain scripts.
"""

from __future__ import annotations

import argparse
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
        "lossnotes": [],
        "module": [],
    }
    try:
        wait_for(url, "</html>", timeout=600)
        while "Serving on" not in log.read_text():
            time.sleep(0.1)
        version = project / "src" / "lossnotes" / "__init__.py"
        module = project / "src" / "lossnotes" / "optim" / "_diagnostics.py"
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
                # Any edit to the package's __init__ re-runs every block that imports lossnotes.
                "lossnotes": (version, lambda t, m=marker: t + f"\n# {m}\n", None, ""),
                "module": (module, lambda t, m=marker: t + f"\n# {m}\n", None, ""),
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
                if name in ("snippet", "lossnotes", "module"):
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
        edits = served_edits(config, args.repeat)
    median = statistics.median
    print(
        f"lossnotes build benchmark: {blocks} blocks and notebooks, {os.cpu_count()} cores, "
        f"medians of {args.repeat} rounds"
    )
    print(f"  cold build (clean)            {median(cold):7.2f} s")
    print(
        f"  rebuild, nothing changed      {median(warm):7.2f} s   "
        f"({median(warm) / median(off):.2f} x execution off; target <= 1.3)"
    )
    print(f"  build, execution off          {median(off):7.2f} s")
    print(
        f"  same code as plain scripts    {median(scripts):7.2f} s   "
        f"(cold build / scripts = {median(cold) / median(scripts):.2f}; target <= 1)"
    )
    for name, runs in edits.items():
        ran = sorted({count for _, count in runs})
        print(
            f"  serve: {name:9} edit served  {median(s for s, _ in runs):7.2f} s   "
            f"(blocks re-run: {', '.join(map(str, ran))})"
            + ("   target < 1.5 s" if name == "prose" else "")
        )


if __name__ == "__main__":
    main()
