#!/usr/bin/env python3
"""Weight and speed of the built site, page by page, against a stock Material page.

Run on demand (not part of the test suite)::

    .venv/bin/python tests/benchmarks/bench_site.py            # build, measure, Lighthouse
    .venv/bin/python tests/benchmarks/bench_site.py --site site --no-lighthouse

Both sites are served from 127.0.0.1 under /lossnotes/, gzip-compressed as GitHub
Pages serves them. For every page: the bytes transferred (compressed bodies plus
headers) while a fresh browser loads it and settles (the search index is fetched only
when a reader opens search, and is reported on its own), and,
unless --no-lighthouse, Lighthouse's performance, accessibility, best-practices and
SEO scores with its mobile (default) and desktop presets. The baseline is a stock
Material for MkDocs site with one empty page (``font: false``, since the sandbox
cannot reach Google Fonts), measured in the same run. Lighthouse comes from the npm
registry, pinned, into .cache/lighthouse (kept out of the project's own install).

Targets (from the issues): chapter pages under 300 KB compressed, the terrain
explorer under 1.5 MB; accessibility, best practices and SEO at 1.0; with the mobile
preset, in the same run, every page's performance at least the stock page's minus 0.05
and its total blocking time at most 3x the stock page's (the terrain explorer: minus
0.15 and 6x). ``--mobile-only`` skips the desktop preset; ``--pages a,b`` measures only
the pages whose URL contains one of the strings (and the stock page).

Lighthouse's scores move from one run to the next by more than these margins (on a
shared two-core machine a page's performance was seen anywhere from 0.56 to 0.90), so
every page, the stock one included, is measured ``--runs`` times (default 5, as
Lighthouse's documentation advises), in interleaved rounds, and the median of each
score and metric is reported. "First paint seen" is the first contentful paint of
the unthrottled load that Lighthouse simulates the slow phone from; in this sandbox it
often comes at about 1.2 s or 2.2 s, for the stock page too, and a late one drags every
request finished before it into the simulated FCP and LCP.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browsing import CHROMIUM, CHROMIUM_ARGS, Traffic, settle  # noqa: E402
from siteserver import serve, site_pages  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"  # 13.x needs Node 22; Debian 12 ships Node 20
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The metrics the performance score is made of (ms, except CLS), shown for mobile.
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}
LIMITS = {"chapter/terrain-explorer/": 1_500_000}
#: Mobile performance below the stock page's, and blocking time over it, a page may have.
PERFORMANCE_SLACK, BLOCKING_FACTOR = 0.05, 3.0
EXPLORER_SLACK, EXPLORER_FACTOR = 0.15, 6.0
DEFAULT_LIMIT = 300_000
STOCK = {
    "mkdocs.yml": "site_name: stock\nsite_url: https://example.org/lossnotes/\n"
    "theme:\n  name: material\n  font: false\n",
    "docs/index.md": "# Stock\n",
}


def build(config: Path, site: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(config),
            "-d",
            str(site),
        ],
        cwd=config.parent,
        env=env,
        check=True,
    )


def transferred(browser, url: str) -> tuple[int, int, list[str]]:  # noqa: ANN001
    """(bytes, requests, problems) for one page loaded by a fresh reader."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    origin = url.split("/lossnotes/")[0]
    traffic = Traffic(origin=origin)
    traffic.watch(page)
    done: list = []
    page.on("requestfinished", lambda request: done.append(request))
    page.goto(url, wait_until="load")
    settle(page, traffic)
    total = 0
    for request in done:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return total, len(done), traffic.take()


def lighthouse_cli() -> list[str]:
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
                str(LIGHTHOUSE_DIR),
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            check=True,
        )
    return ["node", str(cli)]


def lighthouse(url: str, preset: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = (
            " ".join(arg for arg in CHROMIUM_ARGS if arg != "--headless=new") + " --headless=new"
        )
        command = [
            *lighthouse_cli(),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        subprocess.run(
            command,
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            check=True,
            capture_output=True,
            timeout=300,
        )
        data = json.loads(report.read_text())
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    scores["metrics"] = {
        short: data["audits"][audit]["numericValue"]  # type: ignore[assignment]
        for short, audit in METRICS.items()
    }
    # The first paint of the unthrottled load Lighthouse simulates from: every request
    # finished before it counts into the simulated FCP and LCP.
    seen = data["audits"]["metrics"]["details"]["items"][0]["observedFirstContentfulPaint"]
    scores["metrics"]["FCP seen"] = seen
    failed = sorted(
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
    )
    scores["failed"] = failed  # type: ignore[assignment]
    return scores


def median_of(runs: list[dict]) -> dict:
    """Each score and metric's median over several Lighthouse runs of one page.

    Examples
    --------
    >>> runs = [{"performance": p, "metrics": {"TBT": t}, "failed": f}
    ...         for p, t, f in [(0.9, 100, []), (0.7, 300, ["x"]), (0.8, 200, [])]]
    >>> median_of(runs)
    {'performance': 0.8, 'metrics': {'TBT': 200}, 'failed': ['x'], 'runs': 3}
    """
    scores = {
        name: statistics.median(run[name] for run in runs)
        for name in runs[0]
        if name not in ("metrics", "failed")
    }
    scores["metrics"] = {
        name: statistics.median(run["metrics"][name] for run in runs) for name in runs[0]["metrics"]
    }
    scores["failed"] = sorted({audit for run in runs for audit in run["failed"]})
    scores["runs"] = len(runs)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, help="an already built site (default: build it)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--mobile-only", action="store_true", help="skip the desktop preset")
    parser.add_argument("--pages", default="", help="comma-separated parts of page URLs")
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (median)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = args.site
        if site is None:
            site = work / "site"
            build(ROOT / "mkdocs.yml", site)
        for name, text in STOCK.items():
            (work / "stock" / name).parent.mkdir(parents=True, exist_ok=True)
            (work / "stock" / name).write_text(text)
        build(work / "stock" / "mkdocs.yml", work / "stock-site")

        results = []
        with (
            serve(site, compress=True) as base,
            serve(work / "stock-site", compress=True) as stock,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            wanted = [part for part in args.pages.split(",") if part]
            targets = [("(stock Material page)", stock)] + [
                (page, base + page)
                for page in site_pages(site)
                if not wanted or any(part in page for part in wanted)
            ]
            presets = ("mobile",) if args.mobile_only else ("mobile", "desktop")
            for name, url in targets:
                size, count, problems = transferred(browser, url)
                results.append(
                    {"page": name, "bytes": size, "requests": count, "problems": problems}
                )
            browser.close()  # Lighthouse starts its own Chromium; this one would only compete
            presets = () if args.no_lighthouse else presets
            measured: dict[tuple[str, str], list[dict]] = {}
            for _ in range(args.runs):  # rounds, so that a busy spell hits every page alike
                for (name, url), preset in ((target, p) for target in targets for p in presets):
                    measured.setdefault((name, preset), []).append(lighthouse(url, preset))
            for row in results:
                for preset in presets:
                    row[preset] = median_of(measured[(row["page"], preset)])
                print(json.dumps(row), file=sys.stderr, flush=True)
        index_bytes = len(gzip.compress((site / "search" / "search_index.json").read_bytes()))

    stock_perf = results[0].get("mobile", {}).get("performance")
    if stock_perf is not None:
        print(f"Lighthouse scores and metrics: the median of {args.runs} runs per page.\n")
    print(
        "| page | KB (gzip) | requests | within limit | mobile perf/a11y/bp/seo | desktop perf/a11y/bp/seo |"
    )
    print("|---|---:|---:|---|---|---|")
    for row in results:
        limit = LIMITS.get(row["page"], DEFAULT_LIMIT)
        within = (
            "-"
            if row["page"].startswith("(")
            else ("yes" if row["bytes"] < limit else f"NO (> {limit // 1000} KB)")
        )
        cells = []
        for preset in ("mobile", "desktop"):
            scores = row.get(preset)
            cells.append(" / ".join(f"{scores[c]:.2f}" for c in CATEGORIES) if scores else "")
        print(
            f"| {row['page'] or '(home)'} | {row['bytes'] / 1000:.0f} | {row['requests']} | {within} | "
            f"{cells[0]} | {cells[1]} |"
        )
    print(
        f"\nSearch index, fetched when a reader first opens search: {index_bytes / 1000:.0f} KB (gzip)"
    )
    if stock_perf is not None:
        print(
            "\n| page (mobile) | FCP ms | LCP ms | TBT ms | CLS | SI ms | first paint seen ms |"
            "\n|---|---:|---:|---:|---:|---:|---:|"
        )
        for row in results:
            m = row["mobile"]["metrics"]
            print(
                f"| {row['page'] or '(home)'} | {m['FCP']:.0f} | {m['LCP']:.0f} | {m['TBT']:.0f} | "
                f"{m['CLS']:.3f} | {m['SI']:.0f} | {m['FCP seen']:.0f} |"
            )
        slower = [
            row["page"] or "(home)"
            for row in results[1:]
            if row["mobile"]["performance"] < stock_perf
        ]
        print(
            f"\nMobile performance below the stock page's {stock_perf:.2f}: {', '.join(slower) or 'none'}"
        )
        print_targets(results)
        for row in results:
            for preset in ("mobile", "desktop"):
                if row.get(preset, {}).get("failed"):
                    print(
                        f"{row['page'] or '(home)'} [{preset}] failed audits: {', '.join(row[preset]['failed'])}"
                    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


def print_targets(results: list[dict]) -> None:
    """Each page's mobile performance and blocking time against the stock page's, same run."""
    stock = results[0]["mobile"]
    stock_tbt = max(stock["metrics"]["TBT"], 1.0)
    print(
        f"\nAgainst the stock page (performance {stock['performance']:.2f}, TBT {stock_tbt:.0f} ms):"
        "\n\n| page | performance | target | TBT x stock | target | met |\n|---|---:|---:|---:|---:|---|"
    )
    for row in results[1:]:
        explorer = "terrain-explorer" in row["page"]
        slack, factor = (
            (EXPLORER_SLACK, EXPLORER_FACTOR) if explorer else (PERFORMANCE_SLACK, BLOCKING_FACTOR)
        )
        perf, ratio = row["mobile"]["performance"], row["mobile"]["metrics"]["TBT"] / stock_tbt
        met = perf >= stock["performance"] - slack and ratio <= factor
        print(
            f"| {row['page'] or '(home)'} | {perf:.2f} | >= {stock['performance'] - slack:.2f} | "
            f"{ratio:.1f} | <= {factor:g} | {'yes' if met else 'NO'} |"
        )


if __name__ == "__main__":
    main()
