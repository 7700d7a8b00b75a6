"""The built site as a reader meets it, in Chromium, served under /lossnotes/.

Pages are discovered from the build (every */index.html, and 404.html through a
missing path), so new pages are checked without touching these tests. A failure
lists every problem as ``<page> [<scheme>]: <problem>``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from browsing import allow_instant_navigation, new_context, open_page, read_through, scroll_to
from checks import OPEN_DETAILS_JS, SCHEME_PARAMS, figure_problems, summary

pytestmark = pytest.mark.browser
Report = dict[str, dict[str, list[str]]]


@pytest.mark.parametrize("scheme", SCHEME_PARAMS)
def test_every_page_loads_cleanly(crawl: Callable[[str], Report], scheme: str) -> None:
    """No console error, uncaught exception, failed request, HTTP error or other host."""
    problems = summary(crawl(scheme), "traffic", scheme)
    assert not problems, f"{len(problems)} problem(s) while loading pages:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEME_PARAMS)
def test_no_page_moves_as_it_loads(crawl: Callable[[str], Report], scheme: str) -> None:
    """Nothing drawn late (a placeholder, a control the script shows) pushes the text."""
    problems = summary(crawl(scheme), "shifts", scheme)
    assert not problems, f"{len(problems)} page(s) shift as they load:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEME_PARAMS)
def test_math_is_rendered(crawl: Callable[[str], Report], scheme: str) -> None:
    """KaTeX rendered every formula: no raw TeX in the text, no KaTeX error."""
    problems = summary(crawl(scheme), "math", scheme)
    assert not problems, f"{len(problems)} math problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEME_PARAMS)
def test_figures_are_visible_and_not_empty(crawl: Callable[[str], Report], scheme: str) -> None:
    """Every figure, image and canvas shows: loaded, sized, inked, text legible."""
    problems = summary(crawl(scheme), "figures", scheme)
    assert not problems, f"{len(problems)} figure problem(s):\n" + "\n".join(problems)


def test_404_page_under_the_project_path(browser: Browser, site_url: str) -> None:
    """A missing path answers 404.html, fully styled, with a working way home."""
    context, traffic = new_context(browser, site_url)
    try:
        problems = []
        for missing in ("chapter/no-such-page/", "assets/nothing/at/all.html"):
            found = open_page(context, traffic, site_url + missing, status=404)
            page = context.pages[0]
            heading = page.locator("article h1").first.text_content(timeout=2000) or ""
            if "404" not in heading:
                found.append(f"heading is {heading!r}, expected the 404 page")
            styled = page.evaluate(
                "getComputedStyle(document.querySelector('.md-header')).position"
            )
            if styled not in {"sticky", "fixed"}:
                found.append(f"the theme's stylesheet did not apply (header position {styled!r})")
            page.locator(".md-header__button.md-logo").click()
            page.wait_for_load_state("networkidle")
            if page.url != site_url:
                found.append(f"the logo link leads to {page.url}, expected {site_url}")
            found += traffic.take()
            problems += [f"/lossnotes/{missing} (404 page): {problem}" for problem in found]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_palette_toggle_switches_schemes(browser: Browser, site_url: str) -> None:
    """The header toggle cycles system -> light -> dark, and the page colours follow."""
    context, traffic = new_context(browser, site_url, "light")
    try:
        assert not (problems := open_page(context, traffic, site_url)), problems
        page = context.pages[0]
        seen = []
        for _ in range(3):
            seen.append(
                (
                    page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
                    page.evaluate("getComputedStyle(document.body).backgroundColor"),
                )
            )
            page.locator("form[data-md-component=palette] label:visible").first.click()
            page.wait_for_timeout(100)
        schemes = [scheme for scheme, _ in seen]
        backgrounds = dict(seen)
        assert {"default", "slate"} <= set(schemes), (
            f"/lossnotes/ [palette]: clicking the toggle showed schemes {schemes}, "
            "expected both 'default' and 'slate'"
        )
        assert backgrounds["default"] != backgrounds["slate"], (
            f"/lossnotes/ [palette]: the background stays {backgrounds['default']} in both schemes"
        )
        # The choice survives navigation to another page.
        chosen = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        page.goto(site_url + "no-such-page/")
        after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert after == chosen, (
            f"/lossnotes/ [palette]: scheme {chosen!r} became {after!r} on the next page"
        )
    finally:
        context.close()


def chapter_term(built_site: Path) -> tuple[str, str]:
    """A section title of a chapter page, and its location, from the search index."""
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    sections = [
        doc
        for doc in index["docs"]
        if doc["location"].startswith("chapter/")
        and "#" in doc["location"]
        and len(doc["title"].split()) >= 2
    ]
    assert sections, "search/search_index.json: no section of a chapter page to search for"
    # The longest title is the most specific query.
    doc = max(sections, key=lambda d: (len(d["title"]), d["location"]))
    return re.sub(r"<[^>]+>", "", doc["title"]), doc["location"]


@pytest.mark.parametrize("opened_by", ["click", "keyboard"])
def test_search_finds_a_chapter_term_and_navigates(
    browser: Browser, site_url: str, built_site: Path, opened_by: str
) -> None:
    """Search lists a chapter section and goes there; its index loads only once search is opened."""
    term, location = chapter_term(built_site)
    context, traffic = new_context(browser, site_url)
    index_requests: list[str] = []
    context.on(
        "request",
        lambda request: (
            index_requests.append(request.url)
            if request.url.endswith("search/search_index.json")
            else None
        ),
    )
    try:
        assert not (problems := open_page(context, traffic, site_url)), problems
        page = context.pages[0]
        assert not index_requests, (
            "/lossnotes/ [search]: the search index was fetched before search was opened"
        )
        box = page.locator("input.md-search__input")
        if opened_by == "keyboard":
            page.keyboard.press("/")  # the theme's shortcut focuses the search box
        else:
            if not box.is_visible():  # narrow window: the search box opens from a header button
                page.locator("label.md-header__button[for=__search]").click()
            box.click()
        expect(box).to_be_focused()
        assert index_requests == [site_url + "search/search_index.json"], (
            f"/lossnotes/ [search]: opening search by {opened_by} fetched {index_requests}"
        )
        box.press_sequentially(term, delay=10)  # the theme searches on key strokes
        links = page.locator(".md-search-result__link")
        wanted = site_url + location
        shown: list[str] = []
        for _ in range(100):  # the search worker may still be indexing
            shown = [
                re.sub(r"\?[^#]*", "", href)
                for href in links.evaluate_all("(a) => a.map((e) => e.href)")
            ]
            if wanted in shown:
                break
            page.wait_for_timeout(100)
        assert wanted in shown, (
            f"/lossnotes/ [search]: searching {term!r} did not list {location}; "
            f"results: {shown[:10]}"
        )
        links.nth(shown.index(wanted)).click()
        page.wait_for_url(lambda url: re.sub(r"\?[^#]*", "", url) == wanted, timeout=10000)
        anchor = location.split("#", 1)[1]
        target = page.locator(f"[id='{anchor}']")
        target.wait_for(state="visible", timeout=5000)
        top = target.evaluate("(e) => e.getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"], (
            f"/lossnotes/{location} [search]: the section searched for is not in view (top {top:.0f} px)"
        )
        assert not (problems := traffic.take()), f"/lossnotes/ [search]: {problems}"
    finally:
        context.close()


COPY_BUTTON = "button[data-md-type=copy], button.md-clipboard"
# What a reader gets by selecting the whole block by hand: the rendered text of the code.
SELECTED_TEXT_JS = """(code) => {
  const range = document.createRange();
  range.selectNodeContents(code);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const text = selection.toString();
  selection.removeAllRanges();
  return text;
}"""
CODE_BLOCK = re.compile(r'<div class="[^"]*\bhighlight\b[^"]*"><pre')


def test_copy_button_copies_exactly_the_visible_code(
    browser: Browser, site_url: str, pages: list[str], built_site: Path
) -> None:
    """Every code block has a copy button, which copies exactly the code shown."""
    with_code = [
        path for path in pages if CODE_BLOCK.search((built_site / path / "index.html").read_text())
    ]
    assert with_code, "no page of the built site has a highlighted code block to copy"
    context, traffic = new_context(browser, site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=traffic.origin)
    problems, copied = [], 0
    try:
        for path in with_code:
            found = open_page(context, traffic, site_url + path)
            page = context.pages[0]
            page.evaluate(OPEN_DETAILS_JS)
            read_through(page)  # the theme adds a block's button as it nears the viewport
            blocks = page.locator("article div.highlight > pre:has(> code)")
            count = blocks.count()
            # Every block must have its button; the copy itself is tried on the first two
            # and the last two blocks of each page (the same mechanism serves them all).
            sample = set(range(min(count, 2))) | set(range(max(count - 2, 0), count))
            buttons = blocks.evaluate_all(
                f"(pres) => pres.map((p) => p.querySelectorAll('{COPY_BUTTON}').length)"
            )
            found += [
                f"code block {index + 1} has {n} copy buttons, expected 1"
                for index, n in enumerate(buttons)
                if n != 1
            ]
            for index in sorted(sample):
                block = blocks.nth(index)
                if not block.is_visible():  # in an unselected content tab
                    continue
                button = block.locator(COPY_BUTTON)
                if button.count() != 1:
                    continue
                block.hover()
                visible = block.locator("code").first.evaluate(SELECTED_TEXT_JS)
                page.evaluate("navigator.clipboard.writeText('')")
                button.click()
                pasted = ""
                for _ in range(40):
                    pasted = page.evaluate("navigator.clipboard.readText()")
                    if pasted:
                        break
                    page.wait_for_timeout(25)
                copied += 1
                if pasted != visible:
                    at = len(os.path.commonprefix([pasted, visible]))
                    found.append(
                        f"code block {index + 1}: the copy button copied {len(pasted)} characters, "
                        f"the block shows {len(visible)}; from character {at} the copy has "
                        f"{pasted[max(at - 20, 0) : at + 60]!r}, the block {visible[max(at - 20, 0) : at + 60]!r}"
                    )
            found += traffic.take()
            problems += [f"/lossnotes/{path} [copy]: {problem}" for problem in found]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert copied, f"pages {with_code} have code blocks, but none was visible to copy"


def test_math_and_figures_show_after_instant_navigation(browser: Browser, site_url: str) -> None:
    """Material swaps the content without a reload: the new page's typeset math and its
    figures (drawings <use>d from files, by URLs relative to the new page) must show."""
    context, traffic = new_context(browser, site_url, "light")
    allow_instant_navigation(context, traffic)
    try:
        assert not (problems := open_page(context, traffic, site_url)), problems
        page = context.pages[0]
        page.evaluate("window.__no_reload = true")  # gone if the browser really reloads
        page.locator("nav.md-nav a[href$='chapter/worked-example/']").first.click()
        page.wait_for_url("**/chapter/worked-example/")
        # The home page has inline math too: wait for the new page's content, not any math.
        page.wait_for_function(
            "(document.querySelector('article h1')?.textContent || '').startsWith('Worked example')"
        )
        page.wait_for_selector("article .katex")
        assert page.evaluate("window.__no_reload === true"), "navigation reloaded the page"
        text = page.locator("article").inner_text()
        assert "\\frac" not in text and "$$" not in text, "worked-example [instant]: raw TeX left"
        assert page.locator("article .katex-display").count() >= 1
        assert page.locator("article .lossnotes-figure use").count() >= 1
        assert not (problems := figure_problems(page)), f"worked-example [instant]: {problems}"
        assert not (problems := traffic.take()), f"worked-example [instant]: {problems}"
    finally:
        context.close()


PRELOAD = re.compile(r'<link rel="preload" href="[^"]*/(KaTeX_[\w-]+)\.woff2" as="font"')
# How KaTeX's style sheet names each preloaded file's face: family, style, weight.
FACES = {
    "KaTeX_Main-Regular": "KaTeX_Main normal 400",
    "KaTeX_Math-Italic": "KaTeX_Math italic 400",
}


def test_preloaded_fonts_are_the_ones_the_formulas_draw_with(
    browser: Browser, site_url: str, built_site: Path, pages: list[str]
) -> None:
    """A preloaded font that no text uses is wasted bytes; one that is missing makes text jump."""
    preloading = {
        path: PRELOAD.findall((built_site / path / "index.html").read_text()) for path in pages
    }
    assert any(preloading.values()), "no page preloads a KaTeX font"
    context, traffic = new_context(browser, site_url)
    problems = []
    try:
        for path, fonts in preloading.items():
            if not fonts:
                continue
            problems += open_page(context, traffic, site_url + path)
            page = context.pages[0]
            page.evaluate("document.fonts.ready")
            loaded = page.evaluate(
                "[...document.fonts].filter((f) => f.status === 'loaded')"
                ".map((f) => `${f.family.replace(/\"/g, '')} ${f.style} ${f.weight}`)"
            )
            problems += [
                f"/lossnotes/{path}: preloads {font}.woff2 but no text is drawn in it"
                for font in fonts
                if FACES[font] not in loaded
            ]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


# A skipped block's contents report themselves hidden (the block itself does not).
FOLDS = ".md-content__inner > details > summary"
SKIPPED_JS = f"""() => [...document.querySelectorAll('{FOLDS}')].map(
  (s) => !s.checkVisibility({{contentVisibilityAuto: true}}))"""


def test_a_long_page_draws_blocks_as_they_near_the_viewport_and_anchors_land(
    browser: Browser, site_url: str
) -> None:
    """Blocks far below the window are not drawn on load (the light-page CSS works), one
    scrolled to is, and a link to a heading far down lands on that heading."""
    context, traffic = new_context(browser, site_url)
    try:
        found = open_page(context, traffic, site_url + "chapter/loss-functions/")
        assert not found, found
        page = context.pages[0]
        skipped = page.evaluate(SKIPPED_JS)
        assert not skipped[0] and skipped[-1], f"first and last folds skipped: {skipped}"
        last = page.locator(FOLDS).last
        scroll_to(last)
        assert last.evaluate("s => s.checkVisibility({contentVisibilityAuto: true})")
        assert last.inner_text().startswith("Code · ")
        headings = page.locator("article h2[id]")
        heading = headings.nth(headings.count() * 2 // 3)  # far down, with a window below it
        anchor = heading.get_attribute("id")
        found = open_page(context, traffic, site_url)  # a fresh load, not a same-page jump
        found += open_page(context, traffic, site_url + f"chapter/loss-functions/#{anchor}")
        assert not found, found
        page.wait_for_timeout(300)  # anything drawn late above it would move it
        top = heading.evaluate("h => h.getBoundingClientRect().top")
        header = page.evaluate(
            "document.querySelector('.md-header').getBoundingClientRect().bottom"
        )
        assert header - 1 <= top <= header + 60, (
            f"#{anchor} is at {top:.0f} px, header ends at {header:.0f}"
        )
    finally:
        context.close()
