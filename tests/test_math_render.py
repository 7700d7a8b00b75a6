"""Math is typeset at build time: pages carry KaTeX's markup and no KaTeX script.

References are KaTeX itself (``renderToString`` run here in node on the same TeX) and
the original KaTeX fonts (read with fontTools); the built pages are read with the
standard library's HTML parser, not with the plugin's own scanner.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from fontTools.ttLib import TTFont

from sitebuild import ROOT, build_env, make_project, mkdocs_build

pytestmark = pytest.mark.build

KATEX = ROOT / "node_modules" / "katex"
FONTS = KATEX / "dist" / "fonts"
NODE = shutil.which("node") or shutil.which("node", path=str(Path(sys.executable).parent)) or "node"
# Same pattern as the browser check (tests/browser/checks.py): delimiters, $$, a control
# word, or an inline $...$ holding a TeX character.
RAW_TEX = re.compile(r"\\[()\[\]]|\$\$|\\[A-Za-z]{2,}|\$[^$\n]*[\\^_{}][^$\n]*\$")
SKIPPED = {"script", "style", "textarea", "pre", "code", "noscript"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class PageText(HTMLParser):
    """The text a reader sees outside code and formulas, and the text formulas draw."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.drawn: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        kind = "skip" if tag in SKIPPED or "katex" in classes or "highlight" in classes else ""
        kind = "drawn" if "katex-html" in classes else kind
        self.stack.append((tag, kind))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if any(name == tag for name, _ in self.stack):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        kinds = {kind for _, kind in self.stack}
        if "drawn" in kinds:
            self.drawn.update(data)
        elif "skip" not in kinds:
            self.text.append(data)


def katex(formulas: list[tuple[str, bool]]) -> list[str]:
    """KaTeX's own markup for each (TeX, display mode), from node."""
    script = (
        "const k = require(process.argv[1]); const f = JSON.parse(require('fs').readFileSync(0));"
        "process.stdout.write(JSON.stringify(f.map(([t, d]) => k.renderToString(t, {displayMode: d}))));"
    )
    done = subprocess.run(
        [NODE, "-e", script, str(KATEX)],
        input=json.dumps(formulas),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def cmap(data: bytes) -> set[str]:
    return {chr(code) for code in TTFont(io.BytesIO(data)).getBestCmap()}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# -- the real site ------------------------------------------------------------------------
def test_no_page_shows_raw_tex_or_loads_katex_scripts(built_site: Path) -> None:
    problems = []
    for path in html_pages(built_site):
        html = path.read_text()
        name = path.relative_to(built_site).as_posix()
        text = "".join(PageText(html[html.find("<body") :]).text)
        problems += [
            f"{name}: raw TeX {m.group()!r} in {' '.join(text[max(m.start() - 40, 0) : m.end() + 40].split())!r}"
            for m in RAW_TEX.finditer(text)
        ]
        problems += [
            f"{name}: loads {src}"
            for src in re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
            if re.search(r"katex|auto-render", src)
        ]
    assert not problems, "\n".join(problems)


def test_every_formula_is_katex_markup_with_mathml(built_site: Path) -> None:
    typeset = 0
    for path in html_pages(built_site):
        html = path.read_text()
        for wrapper in re.findall(r'<(?:span|div) class="arithmatex">(.{0,200})', html):
            assert wrapper.startswith('<span><span class="katex'), f"{path}: {wrapper[:120]}"
            typeset += 1
        assert html.count('<span class="katex">') == html.count(
            '<math xmlns="http://www.w3.org/1998/Math/MathML"'
        )
    assert typeset > 200, f"only {typeset} formulas found on the site"
    notebook = (built_site / "notebooks" / "mse-gradient" / "index.html").read_text()
    assert '<annotation encoding="application/x-tex">\\hat y = w x + b</annotation>' in notebook


def drawn_by_site(site: Path) -> set[str]:
    drawn: set[str] = set()
    for path in html_pages(site):
        drawn |= PageText(path.read_text()).drawn
    return drawn


def test_subset_fonts_keep_every_glyph_the_pages_draw_and_are_smaller(built_site: Path) -> None:
    drawn = drawn_by_site(built_site)
    assert {"x", "=", "\u2212"} <= drawn, sorted(drawn)  # the parser found the formulas' text
    served = built_site / "assets" / "katex" / "fonts"
    assert sorted(p.name for p in served.glob("*.woff2")) == sorted(
        p.name for p in FONTS.glob("*.woff2")
    )
    for original in sorted(FONTS.glob("*.woff2")):
        subset = (served / original.name).read_bytes()
        needed = cmap(original.read_bytes()) & (drawn | set("()0123456789"))  # + equation numbers
        assert needed <= cmap(subset), f"{original.name} lost {sorted(needed - cmap(subset))}"
        assert len(subset) < original.stat().st_size, (
            f"{original.name} is served whole: are fontTools and brotli installed (WOFF2 needs brotli)?"
        )


def test_fonts_cover_every_formula_the_explorer_can_show(built_site: Path) -> None:
    """The terrain explorer shows "f(x, y) = <formula>" of the surface the reader picks (all
    typeset at build time, all but one hidden): each draws with glyphs the subsets kept."""
    from lossnotes.landscape import SURFACES

    drawn: set[str] = set()
    for markup in katex([(f"f(x, y) = {s.formula}", False) for s in SURFACES.values()]):
        drawn |= PageText(markup).drawn
    served = built_site / "assets" / "katex" / "fonts"
    for original in sorted(FONTS.glob("*.woff2")):
        needed = cmap(original.read_bytes()) & drawn
        assert needed <= cmap((served / original.name).read_bytes()), original.name


# -- rows of multi-line formulas --------------------------------------------------------
MULTI_LINE = re.compile(r"\\begin\{(aligned|cases|gathered|split)\}(.*?)\\end\{\1\}", re.S)
FENCED = re.compile(r"^(?P<i>[ \t>]*)(?P<f>`{3,}|~{3,}).*?^(?P=i)(?P=f)[ \t]*$", re.M | re.S)


def source_rows(markdown: str) -> list[int]:
    """Rows of each aligned/cases environment as written in a page (outside code blocks)."""
    prose = FENCED.sub("", markdown)
    rows = []
    for match in MULTI_LINE.finditer(prose):
        body = match.group(2).strip()
        body = body[:-2] if body.endswith("\\\\") else body  # a trailing \\ adds no row
        rows.append(body.count("\\\\") + 1)
    return rows


def rendered_rows(html: str) -> list[int]:
    """Rows KaTeX drew for each aligned/cases formula: the <mtr> of its MathML."""
    rows = []
    for math in re.findall(r"<math\b.*?</math>", html, re.S):
        tex = re.search(r'<annotation encoding="application/x-tex">(.*?)</annotation>', math, re.S)
        if tex and re.search(r"\\begin\{(?:aligned|cases|gathered|split)\}", tex.group(1)):
            rows.append(math.count("<mtr"))
    return rows


def test_row_counters_on_known_markup() -> None:
    source = "Text\n$$\n\\begin{aligned}\na &= 1, \\\\\nb &= 2\n\\end{aligned}\n$$\n```\n\\begin{cases}x\\end{cases}\n```\n"
    assert source_rows(source) == [2]
    markup = katex([("\\begin{aligned} a &= 1 \\\\ b &= 2 \\end{aligned}", True)])[0]
    assert rendered_rows(markup) == [2]
    lost = katex([("\\begin{aligned} a &= 1 \\ b &= 2 \\end{aligned}", True)])[
        0
    ]  # \\ lost to Markdown
    assert rendered_rows(lost) == [1]


def test_multi_line_formulas_render_every_row(built_site: Path) -> None:
    """An aligned or cases block shows as many rows as its source has (Markdown can eat \\\\)."""
    problems, checked = [], 0
    for page in sorted((ROOT / "docs").rglob("*.md")):
        expected = source_rows(page.read_text())
        if not expected:
            continue
        name = page.relative_to(ROOT / "docs").with_suffix("")
        built = built_site / ("" if name.name == "index" else name) / "index.html"
        drawn = rendered_rows(built.read_text())
        checked += len(expected)
        if drawn != expected:
            problems.append(
                f"{page.relative_to(ROOT)}: rows in the source {expected}, drawn {drawn}"
            )
    assert checked >= 4, f"only {checked} multi-line formulas found"
    assert not problems, "\n".join(problems)


# -- small projects -----------------------------------------------------------------------
PAGE = r"""
# Formulas

Inline $a < b^2$, inline \(\sqrt{x}\) and, inside the paragraph,
$$
\frac{1}{n}\sum_i x_i
$$
then a display block:

$$
\mathcal{L}(w) = \lVert w \rVert^2
$$

```python exec="1"
print(r"Printed by a block: $\beta_2$.")
```

`$not math$` stays code.
"""


def test_formulas_become_katexs_own_markup_once_per_build(tmp_path: Path) -> None:
    config = make_project(tmp_path, {"index.md": PAGE})
    cached = build_env(LOSSNOTES_CLEAN="0")  # CI cleans by default; this test is about the cache
    first = mkdocs_build(config, tmp_path / "site", env=cached)
    assert first.returncode == 0, first.stderr[-3000:]
    html = (tmp_path / "site" / "index.html").read_text()
    expected = [
        ("a < b^2", False),
        ("\\sqrt{x}", False),
        ("\n\\frac{1}{n}\\sum_i x_i\n", True),
        ("\n\\mathcal{L}(w) = \\lVert w \\rVert^2\n", True),
        ("\\beta_2", False),
    ]
    for (tex, display), markup in zip(expected, katex(expected), strict=True):
        assert f"<span>{markup}</span>" in html, (
            f"{tex!r} ({'display' if display else 'inline'}) not typeset"
        )
    assert "<code>$not math$</code>" in html
    assert "1 node process)" in first.stderr
    # A second build typesets nothing anew, and gives the same bytes.
    second = mkdocs_build(config, tmp_path / "again", env=cached)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "(0 node processes)" in second.stderr
    for name in ("index.html", "assets/katex/fonts/KaTeX_Main-Regular.woff2"):
        assert (tmp_path / "site" / name).read_bytes() == (
            tmp_path / "again" / name
        ).read_bytes(), name


def test_clean_builds_are_identical_to_cached_ones(tmp_path: Path) -> None:
    config = make_project(tmp_path, {"index.md": PAGE})
    for name in ("cold", "clean"):
        result = mkdocs_build(config, tmp_path / name, env=build_env(LOSSNOTES_CLEAN="1"))
        assert result.returncode == 0, result.stderr[-3000:]
    fonts = sorted((tmp_path / "cold" / "assets" / "katex" / "fonts").glob("*.woff2"))
    assert fonts
    for path in [tmp_path / "cold" / "index.html", *fonts]:
        twin = tmp_path / "clean" / path.relative_to(tmp_path / "cold")
        assert path.read_bytes() == twin.read_bytes(), path.name


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_a_tex_error_fails_the_build_naming_page_and_formula(tmp_path: Path, strict: bool) -> None:
    pages = {"index.md": "# Home\n\nFine: $x$.\n", "broken.md": "# Broken\n\nBad: $x^2^3$ here.\n"}
    config = make_project(tmp_path, pages)
    result = mkdocs_build(config, tmp_path / "site", strict=strict)
    assert result.returncode != 0
    assert (
        "broken.md: inline formula 'x^2^3' failed: KaTeX parse error: Double superscript"
        in result.stderr
    )
    assert "index.md: inline formula" not in result.stderr  # the good page is not blamed


# -- in the browser, on a phone ----------------------------------------------------------
PHONE = r"""
import json, sys, re
from pathlib import Path
from playwright.sync_api import sync_playwright
from browsing import CHROMIUM, CHROMIUM_ARGS
from browsing import READ_THROUGH_JS
from siteserver import serve

site, axe, published, pages = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4:]
STATE = "() => [...document.querySelectorAll('.katex-display')].map((f) => [f.scrollWidth > f.clientWidth, f.tabIndex])"
AXE = "async () => (await axe.run(document.querySelectorAll('.katex-display'), {runOnly: ['scrollable-region-focusable']})).violations.length"
found = {}
with serve(site) as url, sync_playwright() as p:
    browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    # Material navigates instantly to links its sitemap lists: name the serving host there.
    def rebase_sitemap(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(published, re.match(r"https?://[^/]+", url)[0]))
    page.route("**/sitemap.xml", rebase_sitemap)
    def check(name):
        # A reader scrolls through: a formula far below is drawn, and measured, only then
        # (content-visibility); until it is measured it is focusable, so Tab reaches it.
        page.evaluate(READ_THROUGH_JS)
        page.wait_for_timeout(200)
        page.add_script_tag(path=str(axe))
        found[name] = {"state": page.evaluate(STATE), "axe": page.evaluate(AXE)}
    for name in pages:
        page.goto(url + name, wait_until="load")
        check(name)
    # Material's instant navigation swaps the content without a reload.
    page.goto(url, wait_until="networkidle")  # Material has its sitemap
    page.evaluate("window.__no_reload = true")
    page.evaluate(f"document.querySelector(\"a[href$='{pages[0]}']\").click()")
    page.wait_for_url("**/" + pages[0])
    page.wait_for_selector("article .katex-display")
    check("instant:" + pages[0])
    found["instant:" + pages[0]]["reloaded"] = page.evaluate("window.__no_reload !== true")
    browser.close()
print(json.dumps(found))
"""


@pytest.mark.browser
def test_wide_display_formulas_are_keyboard_reachable_on_a_phone(built_site: Path) -> None:
    """At 390 px some display formulas scroll sideways; exactly those take keyboard focus."""
    pages = [
        "chapter/loss-functions/",
        "chapter/classification-losses/",
        "chapter/adaptive-optimizers/",
        "chapter/metrics/",
        "chapter/worked-example/",
    ]
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    published = re.match(
        r"https?://[^/]+", yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_url"]
    )[0]
    # In its own process: Playwright's sync API runs once per process, and the browser tests'
    # session browser may live in this one.
    done = subprocess.run(
        [sys.executable, "-c", PHONE, str(built_site), str(axe), published, *pages],
        capture_output=True,
        text=True,
        timeout=300,
        env={**build_env(), "PYTHONPATH": str(ROOT / "tests" / "browser")},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout)
    assert not found[f"instant:{pages[0]}"]["reloaded"], (
        "the browser reloaded instead of navigating"
    )
    wide = 0
    for name, result in found.items():
        for index, (scrolls, tab_index) in enumerate(result["state"]):
            assert (tab_index == 0) == scrolls, (
                f"{name}: display formula {index + 1} scrolls={scrolls}, tabIndex={tab_index}"
            )
            wide += scrolls
        assert result["axe"] == 0, f"{name}: axe scrollable-region-focusable fails on a formula"
    assert wide >= 3, "no display formula is wider than a phone: this test checks nothing"
