"""Benchmark: the terrain explorer's transferred bytes and time to first render.

Run: ``.venv/bin/python tests/benchmarks/bench_explorer.py [--site SITE_DIR ...] [--loads 5]``.
Without ``--site`` the whole site is built first (``mkdocs build --strict``). Given
several ``--site`` (say, builds before and after a change), their loads alternate, so
that they share the machine's conditions.

The built site is served gzip-compressed, as GitHub Pages serves it; each load is a
fresh browser context (empty cache) in headless Chromium (``LOSSNOTES_CHROMIUM``).
*Transferred* is the sum over every response of its encoded body and headers
(Playwright's ``request.sizes()``), after the page has settled.

*First render of the contour map* is measured by the browser, not claimed by the page:
the benchmark gives every text and image element that appears in the contour view an
``elementtiming`` attribute, and the Element Timing API reports when each was first
presented on screen (its ``renderTime``). The map counts as rendered when its first
text (the axes) and, if it has any, its first image (a band picture) have both been
presented; the page draws its bands and axes in one task, so they reach the screen
in the same frame. *First render of the 3-D view* has no such witness (WebGL canvases
are not reported): it is the page's ``data-first-render``, its ``performance.now()`` in
the first task after the frame that follows Plotly's drawing of the surface. Targets:
under 1.5 MB transferred, first render under 1 s. Medians of ``--loads`` loads are
printed with the load average, since a busy machine slows everything (the 3-D view's
software WebGL, SwiftShader, most).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "browser")]

from browsing import CHROMIUM, CHROMIUM_ARGS, new_context, settle  # noqa: E402
from siteserver import serve  # noqa: E402

PAGE = "chapter/terrain-explorer/"
# Before any of the page's scripts: tag what appears in the contour view for Element
# Timing, and record the entries as they are reported.
WITNESS = """(() => {
  window.__contourPaints = [];
  new PerformanceObserver((list) => window.__contourPaints.push(...list.getEntries()
    .filter((e) => e.identifier === 'lx-bench').map((e) => [e.renderTime || e.loadTime,
      e.element ? e.element.tagName.toLowerCase() : e.name])))
    .observe({type: 'element', buffered: true});
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) {
      if (node.nodeType !== 1 || !node.closest('[data-lx=view2d]')) continue;
      for (const e of [node, ...node.querySelectorAll('*')])
        if (['text', 'image', 'img'].includes(e.tagName.toLowerCase())) e.setAttribute('elementtiming', 'lx-bench');
    }
  }).observe(document, {childList: true, subtree: true});
})()"""
CONTOUR_JS = """() => {
  const paints = window.__contourPaints, first = (kinds) => Math.min(...paints
    .filter(([, kind]) => kinds.includes(kind)).map(([t]) => t));
  const text = first(['text']), image = first(['image', 'img']);
  return {text, image: Number.isFinite(image) ? image : null, contour: Math.max(text, Number.isFinite(image) ? image : 0)};
}"""


def one_load(browser, url: str) -> dict[str, float]:
    context, traffic = new_context(browser, url)
    context.add_init_script(WITNESS)
    requests = []
    try:
        page = context.new_page()
        traffic.watch(page)
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(url + PAGE, wait_until="load")
        page.wait_for_selector(
            "[data-lossnotes-explorer][data-ready=yes]", state="attached", timeout=60000
        )
        settle(page, traffic)
        problems = traffic.take()
        if problems:
            raise SystemExit(f"the page did not load cleanly: {problems}")
        sizes = {r.url: r.sizes() for r in requests}
        moved = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes.values())
        plotly = sum(s["responseBodySize"] for u, s in sizes.items() if "plotly" in u)
        html = sum(s["responseBodySize"] for u, s in sizes.items() if u.endswith(PAGE))
        marks = page.evaluate("({...document.querySelector('[data-lossnotes-explorer]').dataset})")
        contour = page.evaluate(CONTOUR_JS)
        if not math.isfinite(contour["text"]):
            raise SystemExit("the browser reported no paint of the contour map (Element Timing)")
        timing = page.evaluate("""() => ({dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
          fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
          plotly: performance.getEntriesByType('resource').find((e) => e.name.includes('plotly')).responseEnd})""")
        return {
            "bytes": moved,
            "plotly": plotly,
            "html": html,
            "requests": len(sizes),
            "dcl_ms": timing["dcl"],
            "fcp_ms": timing["fcp"],
            "plotly_arrived_ms": timing["plotly"],
            "contour_ms": contour["contour"],
            "first_render_ms": float(marks["firstRender"]),
        }
    finally:
        context.close()


def report(label: str, runs: list[dict[str, float]]) -> None:
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    print(f"{label}")
    print(
        f"  transferred: {median['bytes'] / 1e6:.3f} MB compressed in {median['requests']:.0f} "
        f"requests (Plotly {median['plotly'] / 1e6:.3f} MB, the page's HTML "
        f"{median['html'] / 1e3:.0f} kB); target < 1.5 MB"
    )
    print(
        f"  for scale: first contentful paint {median['fcp_ms']:.0f} ms, Plotly arrived at "
        f"{median['plotly_arrived_ms']:.0f} ms, DOMContentLoaded at {median['dcl_ms']:.0f} ms (medians)"
    )
    for key, what in (
        ("contour_ms", "contour map on screen"),
        ("first_render_ms", "3-D view drawn"),
    ):
        times = ", ".join(f"{r[key]:.0f}" for r in runs)
        print(f"  first render, {what}: median {median[key]:.0f} ms ({times}); target < 1000 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--site",
        type=Path,
        action="append",
        help="a built site (default: build one); repeat to compare builds",
    )
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        sites = args.site
        if not sites:
            from sitebuild import ROOT, mkdocs_build

            sites = [Path(scratch) / "site"]
            result = mkdocs_build(ROOT / "mkdocs.yml", sites[0])
            if result.returncode:
                raise SystemExit(result.stderr[-3000:])
        urls = [stack.enter_context(serve(site, compress=True)) for site in sites]
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        loads_before = os.getloadavg()[0]
        for url in urls:
            one_load(browser, url)  # warm the OS file cache and Chromium's code cache paths
        runs: list[list[dict[str, float]]] = [[] for _ in urls]
        for _ in range(args.loads):
            for url, kept in zip(urls, runs):
                kept.append(one_load(browser, url))
        browser.close()
    print(
        f"terrain explorer, {args.loads} cold loads per site, gzip-served, load average "
        f"{loads_before:.1f} before and {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs"
    )
    for site, kept in zip(sites, runs):
        report(f"site {site}" if len(sites) > 1 or args.site else "the site built now", kept)


if __name__ == "__main__":
    main()
