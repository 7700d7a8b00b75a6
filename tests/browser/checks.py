"""What a reader would meet on each page, collected once per colour scheme.

``crawl_site`` opens every page of the built site in one browser context with the
given OS colour scheme and records, per page and per kind of check, the problems
found: what the page's traffic did (console errors, failed requests, other hosts),
math left unrendered, figures invisible or empty, accessibility violations (axe-core)
and figures without alternative text. The tests assert on one kind each.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Locator, Page

from browsing import (
    SCHEMES,
    draw_all,
    new_context,
    open_page,
    read_through,
    undraw,
    wait_for_drawing,
)

# One parameter per colour scheme. Tests of one scheme share its crawl; with
# ``--dist loadgroup`` xdist runs them on one worker, so each scheme is crawled once.
SCHEME_PARAMS = [
    pytest.param(scheme, id=scheme, marks=pytest.mark.xdist_group(f"crawl-{scheme}"))
    for scheme in SCHEMES
]
MISSING = "no-such-page/"  # visited to check the 404 page like any other page

# TeX left in the page text: delimiters, $$, a control word such as \frac, or an
# inline $...$ span containing a TeX character.
RAW_TEX = re.compile(r"\\[()\[\]]|\$\$|\\[A-Za-z]{2,}|\$[^$\n]*[\\^_{}][^$\n]*\$")

# The page text outside code, scripts and rendered math; plus math left unrendered.
MATH_JS = """() => {
  const root = document.querySelector('article') || document.body;
  const clone = root.cloneNode(true);
  clone.querySelectorAll('pre, code, script, style, textarea, .katex, .highlight, .jp-InputArea')
    .forEach((e) => e.remove());
  return {
    text: clone.textContent,
    errors: [...root.querySelectorAll('.katex-error')].map((e) => e.getAttribute('title') || e.textContent),
    unrendered: [...root.querySelectorAll('.arithmatex')]
      .filter((e) => !e.querySelector('.katex')).map((e) => e.textContent.trim()),
  };
}"""

# Figures, images and canvases of the content; <details> are opened first so that
# their figures are looked at too. A figure in an unselected content tab is skipped.
FIGURES_SELECTOR = "article figure, article img, article canvas, article svg[role=img]"
OPEN_DETAILS_JS = "() => document.querySelectorAll('article details').forEach((d) => d.open = true)"
FIGURE_INFO_JS = """(e) => {
  const tab = e.closest('.tabbed-block');
  const hiddenTab = tab !== null && getComputedStyle(tab).display === 'none';
  const nested = e.parentElement.closest('article figure') !== null
    || (e.tagName.toLowerCase() === 'svg' && e.closest('article figure') !== null);
  const box = e.getBoundingClientRect();
  const label = e.getAttribute('aria-label') || e.getAttribute('alt')
    || e.querySelector('figcaption')?.textContent || e.querySelector('[aria-label]')?.getAttribute('aria-label')
    || e.id || e.outerHTML.slice(0, 60);
  const page = getComputedStyle(document.body).backgroundColor;
  // Text drawn inline, and the colour a <use>d drawing's currentColor text inherits.
  const texts = [...e.querySelectorAll('text')].map((t) => getComputedStyle(t).fill)
    .concat([...e.querySelectorAll('use')].map((u) => getComputedStyle(u).color));
  return {tag: e.tagName.toLowerCase(), hiddenTab, nested, width: box.width, height: box.height,
          label: label.trim().slice(0, 60), page, texts,
          broken: e.tagName === 'IMG' && (!e.complete || e.naturalWidth === 0)};
}"""


def page_name(path: str) -> str:
    return "/lossnotes/" + path


def rgb(css: str) -> tuple[float, float, float] | None:
    numbers = re.findall(r"[\d.]+", css)
    if len(numbers) < 3 or (len(numbers) > 3 and float(numbers[3]) == 0):
        return None
    return tuple(float(n) / 255 for n in numbers[:3])  # type: ignore[return-value]


def luminance(colour: tuple[float, float, float]) -> float:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_fraction(png: bytes) -> float:
    """Share of pixels that stand out (contrast >= 1.5) from the most common colour."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.thumbnail((400, 400))
    counts = image.getcolors(maxcolors=image.width * image.height)
    background = max(counts)[1]
    back = tuple(c / 255 for c in background)
    inked = sum(n for n, colour in counts if contrast(tuple(c / 255 for c in colour), back) >= 1.5)  # type: ignore[arg-type]
    return inked / (image.width * image.height)


def figure_problems(page: Page) -> list[str]:
    problems = []
    page.evaluate(OPEN_DETAILS_JS)
    figures: Locator = page.locator(FIGURES_SELECTOR)
    number = 0
    for index in range(figures.count()):
        element = figures.nth(index)
        info = element.evaluate(FIGURE_INFO_JS)
        if info["hiddenTab"] or info["nested"]:
            continue
        number += 1
        name = f"{info['tag']} {number} ({info['label']!r})"
        if info["broken"]:
            problems.append(f"{name}: the image did not load")
            continue
        if info["width"] < 16 or info["height"] < 16 or not element.is_visible():
            problems.append(f"{name}: not visible ({info['width']:.0f}x{info['height']:.0f} px)")
            continue
        if not wait_for_drawing(element):
            problems.append(f"{name}: its drawing did not load once scrolled to")
            continue
        inked = ink_fraction(element.screenshot(animations="disabled"))
        if inked < 0.005:
            problems.append(
                f"{name}: looks empty (only {inked:.2%} of its pixels stand out "
                "from its background)"
            )
        page_colour = rgb(info["page"])
        for fill in sorted(set(info["texts"])):
            colour = rgb(fill)
            if colour and page_colour and contrast(colour, page_colour) < 3:
                problems.append(
                    f"{name}: text drawn in {fill} has contrast "
                    f"{contrast(colour, page_colour):.2f} < 3 with the page {info['page']}"
                )
    return problems


def math_problems(page: Page) -> list[str]:
    found = page.evaluate(MATH_JS)
    problems = [f"KaTeX could not render {error[:120]!r}" for error in found["errors"]]
    problems += [f"math left unrendered: {text[:120]!r}" for text in found["unrendered"]]
    for match in RAW_TEX.finditer(found["text"]):
        start = max(match.start() - 40, 0)
        context = " ".join(found["text"][start : match.end() + 40].split())
        problems.append(f"raw TeX in the page text: {match.group()!r} in {context!r}")
    return problems


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
# Known issues of Material for MkDocs' own templates, allowed by exact (rule, element).
# Both need an attribute in a theme partial, which CSS cannot add; the fix is a
# theme.custom_dir override of partials/search.html (aria-label="Search" on the
# role="dialog" element) and of partials/progress.html (aria-label on the
# role="progressbar" element). Remove an entry once its override is in place.
RUN_AXE_JS = """async (rules) => {
  const only = rules.length ? {runOnly: {type: 'rule', values: rules}} : {};
  const result = await axe.run(document, {resultTypes: ['violations'], ...only});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary || ''})),
  }));
}"""
# Figures, images and canvases of the content, each with its accessible text.
ALT_TEXT_JS = """() => [...document.querySelectorAll(
    'article svg[role=img], article img, article canvas, article figure > svg')].map((e) => {
  const tag = e.tagName.toLowerCase();
  const labelled = (e.getAttribute('aria-label') || '').trim()
    || (e.getAttribute('aria-labelledby') || '').split(/\\s+/).map((id) => document.getElementById(id)?.textContent || '').join('').trim()
    || (tag === 'img' ? (e.getAttribute('alt') || '').trim() : '')
    || (tag === 'svg' ? (e.querySelector(':scope > title')?.textContent || '').trim() : '')
    || (tag === 'canvas' ? e.textContent.trim() : '');
  const decorative = e.getAttribute('aria-hidden') === 'true' || e.getAttribute('role') === 'presentation'
    || (tag === 'img' && e.getAttribute('alt') === '');
  return {tag, labelled: labelled.length > 0, decorative, snippet: e.outerHTML.slice(0, 100)};
})"""


#: Checked as the page loads, before any block is drawn: a region that will scroll must be
#: reachable by Tab even while it is not drawn yet (javascripts/formulas.js).
BEFORE_DRAWING = ["scrollable-region-focusable"]


def axe_problems(page: Page, rules: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical violations on the page (only ``rules``, if given)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = []
    for violation in page.evaluate(RUN_AXE_JS, rules or []):
        if violation["impact"] not in BLOCKING:
            continue
        nodes = violation["nodes"]
        for node in nodes[:5]:
            summary = " ".join(node["summary"].split())[:300]
            found.append(
                f"{violation['impact']} {violation['id']} ({violation['help']}) "
                f"at {node['target']}: {summary}"
            )
        if len(nodes) > 5:
            found.append(f"... and {len(nodes) - 5} more {violation['id']}")
    return found


def alt_text_problems(page: Page) -> list[str]:
    return [
        f"{item['tag']} {number} has no alternative text: {item['snippet']}"
        for number, item in enumerate(page.evaluate(ALT_TEXT_JS), start=1)
        if not (item["labelled"] or item["decorative"])
    ]


# Every layout shift since the page began to load (Lighthouse's CLS counts the same
# entries): its score and the elements that moved.
SHIFTS_JS = """() => new Promise((resolve) => {
  const found = [];
  const name = (node) => !node ? "?" : node.nodeType !== 1 ? node.nodeName
    : node.tagName.toLowerCase() + (node.id ? "#" + node.id : "")
      + (typeof node.className === "string" && node.className ? "." + node.className.split(" ")[0] : "");
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (!entry.hadRecentInput)
        found.push({value: entry.value, at: entry.startTime, moved: entry.sources.map((s) => name(s.node)),
          inline: entry.sources.every((s) => !s.node || s.node.nodeType !== 1
            || getComputedStyle(s.node).display.startsWith("inline"))});
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(found), 100);  // buffered entries arrive in the first callback
})"""
#: Lighthouse calls a page's layout shift good below 0.1. What this guards against, a
#: control the script shows or placeholders drawn in view, mostly measured 0.03 to 0.35
#: a page (one page's placeholders alone, 0.01 to 0.018, would pass). On a loaded
#: machine the theme's script may run after the first paint and move the footer of a
#: short page: 0.013 seen in a full test run, 0 alone.
SHIFT_LIMIT = 0.025


def shift_problems(page: Page) -> list[str]:
    """The page moved under the reader while it loaded: the total and each shift.

    A shift that moved only text and inline elements is a formula's font arriving after
    the first paint, which reflows the lines around it (on a loaded machine, up to 0.027
    a page). It is left out: the font preloads have their own test, and the blocks this
    check is about always move a block-level element.
    """
    shifts = [shift for shift in page.evaluate(SHIFTS_JS) if not shift["inline"]]
    total = sum(shift["value"] for shift in shifts)
    if total < SHIFT_LIMIT:
        return []
    return [
        f"moved as it loaded (layout shift {total:.3f}, limit {SHIFT_LIMIT}): "
        + "; ".join(
            f"{shift['value']:.3f} at {shift['at']:.0f} ms, moving {', '.join(shift['moved'])}"
            for shift in shifts
        )
    ]


CHECKS = ("traffic", "shifts", "math", "figures", "axe", "alt")


def crawl_site(
    browser: Browser, site_url: str, pages: list[str], scheme: str
) -> dict[str, dict[str, list[str]]]:
    """``{page name: {check: [problem, ...]}}`` for every page and the 404 page."""
    assert AXE.exists(), f"{AXE} is missing: run 'npm ci' (dev.py and .ci/run do)"
    context, traffic = new_context(browser, site_url, scheme)
    report: dict[str, dict[str, list[str]]] = {}
    try:
        for path in [*pages, MISSING]:
            missing = path == MISSING
            name = page_name(path) + (" (404 page)" if missing else "")
            found = report[name] = {check: [] for check in CHECKS}
            found["traffic"] = open_page(
                context, traffic, site_url + path, status=404 if missing else 200
            )
            page = context.pages[0]
            shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            if shown != SCHEMES[scheme]:
                found["traffic"].append(
                    f"shows colour scheme {shown!r}, expected {SCHEMES[scheme]!r}"
                )
            found["shifts"] = shift_problems(page)
            found["axe"] = axe_problems(page, BEFORE_DRAWING)
            read_through(page)  # each figure's drawing file is fetched as it nears the viewport
            found["figures"] = figure_problems(page)  # each scrolled to before its screenshot
            draw_all(page)
            found["math"] = math_problems(page)
            found["alt"] = alt_text_problems(page)
            found["axe"] += axe_problems(page)
            undraw(page)
            found["traffic"] += traffic.take()
    finally:
        context.close()
    return report


def summary(report: dict[str, dict[str, list[str]]], check: str, scheme: str) -> list[str]:
    """One line per problem of one kind: ``<page> [<scheme>]: <problem>``."""
    return [
        f"{name} [{scheme}]: {problem}"
        for name, found in report.items()
        for problem in found[check]
    ]
