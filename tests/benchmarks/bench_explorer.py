"""Benchmark: the terrain explorer's transferred bytes and time to first render.

Run: ``.venv/bin/python tests/benchmarks/bench_explorer.py [--site SITE_DIR] [--loads 5]``.
Without ``--site`` the whole site is built first (``mkdocs build --strict``).

The built site is served gzip-compressed, as GitHub Pages serves it; each load is a
fresh browser context (empty cache) in headless Chromium (``LOSSNOTES_CHROMIUM``).
*Transferred* is the sum over every response of its encoded body and headers
(Playwright's ``request.sizes()``), after the page has settled. *First render* is the
page's own ``performance.now()`` when the contour map is drawn (``data-first-view``; it
is drawn first) and when both views are (``data-first-render``, with the 3-D surface). Targets: under
1.5 MB transferred, first render under 1 s. Medians of ``--loads`` loads are printed,
with the load average, since a busy machine slows software WebGL (SwiftShader).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "browser")]

from browsing import CHROMIUM, CHROMIUM_ARGS, new_context, settle  # noqa: E402
from siteserver import serve  # noqa: E402

PAGE = "chapter/terrain-explorer/"


def one_load(browser, url: str) -> dict[str, float]:
    context, traffic = new_context(browser, url)
    requests = []
    try:
        page = context.new_page()
        traffic.watch(page)
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(url + PAGE, wait_until="load")
        page.wait_for_selector("[data-lossnotes-explorer][data-ready=yes]", state="attached",
                               timeout=60000)
        settle(page, traffic)
        problems = traffic.take()
        if problems:
            raise SystemExit(f"the page did not load cleanly: {problems}")
        sizes = {r.url: r.sizes() for r in requests}
        moved = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes.values())
        plotly = sum(s["responseBodySize"] for u, s in sizes.items() if "plotly" in u)
        html = sum(s["responseBodySize"] for u, s in sizes.items() if u.endswith(PAGE))
        marks = page.evaluate("({...document.querySelector('[data-lossnotes-explorer]').dataset})")
        timing = page.evaluate("""() => ({dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
          plotly: performance.getEntriesByType('resource').find((e) => e.name.includes('plotly')).responseEnd})""")
        return {"bytes": moved, "plotly": plotly, "html": html, "requests": len(sizes),
                "dcl_ms": timing["dcl"], "plotly_arrived_ms": timing["plotly"],
                "first_view_ms": float(marks["firstView"]), "first_render_ms": float(marks["firstRender"])}
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            from sitebuild import ROOT, mkdocs_build

            site = Path(scratch) / "site"
            result = mkdocs_build(ROOT / "mkdocs.yml", site)
            if result.returncode:
                raise SystemExit(result.stderr[-3000:])
        with serve(site, compress=True) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            one_load(browser, url)  # warm the OS file cache and Chromium's code cache paths
            runs = [one_load(browser, url) for _ in range(args.loads)]
            browser.close()
    load = os.getloadavg()[0]
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    print(f"terrain explorer, {args.loads} cold loads, gzip-served, load average {load:.1f} "
          f"on {os.cpu_count()} CPUs")
    print(f"  transferred: {median['bytes'] / 1e6:.3f} MB compressed in {median['requests']:.0f} "
          f"requests (Plotly {median['plotly'] / 1e6:.3f} MB, the page's HTML "
          f"{median['html'] / 1e3:.0f} kB); target < 1.5 MB")
    print(f"  for scale: Plotly arrived at {median['plotly_arrived_ms']:.0f} ms, the page's "
          f"DOMContentLoaded at {median['dcl_ms']:.0f} ms (medians)")
    for key, what in (("first_view_ms", "contour map drawn"), ("first_render_ms", "both views drawn")):
        times = ", ".join(f"{r[key]:.0f}" for r in runs)
        print(f"  first render, {what}: median {median[key]:.0f} ms ({times}); target < 1000 ms")


if __name__ == "__main__":
    main()
