"""Figures you can move and folded code, in a real browser.

* After Material's instant navigation, in both schemes, every slider of every page
  moves by keyboard and by mouse, and each move changes the drawing, the value shown,
  ``aria-valuetext`` and the live text.
* Without JavaScript each figure you can move is its default frame: a drawing that
  shows, with its numbers, and no dead controls.
* Every example's code is folded behind a summary naming its file; it opens, its copy
  button copies exactly the file, the page's control opens and closes every fold, and
  a printed page shows the code.
* No text of any figure is under 10 CSS px in a 1280 px window; panels side by side
  on a desktop stack on a phone.
* A figure with two sliders (a small project of its own: no chapter page has one) moves
  each parameter by keyboard and by mouse after instant navigation, to the frame drawn
  for the pair of values shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page

from browsing import PHONE, draw_all, new_context, open_page, scroll_to, undraw

ROOT = Path(__file__).resolve().parents[2]
FONT = re.compile(r"font-size: ([\d.]+)px")
INCLUDE = re.compile(r'--8<-- "(snippets/[\w.-]+\.py)"')


def with_sliders(site: Path) -> list[str]:
    return sorted(
        path.parent.relative_to(site).as_posix() + "/"
        for path in site.rglob("index.html")
        if 'class="lossnotes-interactive"' in path.read_text()
    )


def state(page: Page, index: int) -> dict[str, str]:
    return page.evaluate(
        """(i) => { const root = document.querySelectorAll('.lossnotes-interactive')[i];
        const input = root.querySelector('input[type=range]');
        return { drawing: [...root.querySelectorAll('.lossnotes-panels svg')].map(s => s.innerHTML).join(''),
                 value: input.value, shown: root.querySelector('output').textContent,
                 valuetext: input.getAttribute('aria-valuetext'),
                 text: root.querySelector('[aria-live]').textContent }; }""",
        index,
    )


def moved(page: Page, index: int, before: dict[str, str]) -> dict[str, str]:
    for _ in range(200):  # the frames may still be arriving
        after = state(page, index)
        if after["text"] != before["text"] and after["drawing"] != before["drawing"]:
            return after
        page.wait_for_timeout(25)
    return state(page, index)


# The new page's figures are in, and the shared script has set each up (document$).
NEW_PAGE_READY = """() => { const roots = [...document.querySelectorAll('.lossnotes-interactive')];
  return roots.length > 0 && roots.every((root) => !root.dataset.old && root.dataset.ready); }"""


def instant_context(browser: Browser, site_url: str, scheme: str):
    context, traffic = new_context(browser, site_url, scheme)
    published = re.match(
        r"https?://[^/]+", yaml.safe_load((ROOT / "mkdocs.yml").read_text())["site_url"]
    )[0]

    def rebase_sitemap(route) -> None:  # Material follows only links its sitemap lists
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(published, traffic.origin))

    context.route("**/sitemap.xml", rebase_sitemap)
    return context, traffic


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_sliders_move_by_keyboard_and_mouse_after_instant_navigation(
    browser: Browser, site_url: str, built_site: Path, scheme: str
) -> None:
    paths = with_sliders(built_site)
    assert len(paths) >= 5, paths
    context, traffic = instant_context(browser, site_url, scheme)
    problems: list[str] = []
    try:
        assert not (found := open_page(context, traffic, site_url)), found
        page = context.pages[0]
        page.evaluate("window.__no_reload = true")
        for path in paths:
            page.evaluate(
                "document.querySelectorAll('.lossnotes-interactive')"
                ".forEach((root) => (root.dataset.old = '1'))"
            )
            page.locator(f"nav.md-nav a[href$='{path}']").first.click()
            page.wait_for_url(lambda url, path=path: urlsplit(url).path.endswith(path))
            page.wait_for_function(NEW_PAGE_READY)
            assert page.evaluate("window.__no_reload === true"), f"{path}: page reloaded"
            roots = page.locator(".lossnotes-interactive")
            for index in range(roots.count()):
                where = f"{path} figure {index + 1} [{scheme}]"
                root = roots.nth(index)
                slider = root.locator("input[type=range]").first
                scroll_to(slider)
                if not slider.is_visible():
                    problems.append(f"{where}: the slider is not shown")
                    continue
                label = root.locator(f"label[for='{slider.get_attribute('id')}']")
                assert label.inner_text().strip(), f"{where}: slider without a label"
                before = state(page, index)
                slider.focus()
                last = slider.get_attribute("max")
                page.keyboard.press("ArrowLeft" if before["value"] == last else "ArrowRight")
                after = moved(page, index, before)
                if after["value"] == before["value"] or after["text"] == before["text"]:
                    problems.append(f"{where}: the keyboard did not move it: {after}")
                if after["drawing"] == before["drawing"]:
                    problems.append(f"{where}: the keyboard changed no drawing")
                if after["valuetext"] != after["shown"] or after["shown"] == before["shown"]:
                    problems.append(f"{where}: value shown {after['shown']!r}, {after}")
                box = slider.bounding_box()
                assert box is not None
                before = after
                x = box["x"] + box["width"] * (0.1 if int(before["value"]) > int(last) / 2 else 0.9)
                page.mouse.click(x, box["y"] + box["height"] / 2)
                after = moved(page, index, before)
                if after["value"] == before["value"] or after["drawing"] == before["drawing"]:
                    problems.append(f"{where}: the mouse did not move it: {after['value']}")
                if after["text"] == before["text"]:
                    problems.append(f"{where}: the mouse changed no live text")
            problems += [f"{path} [{scheme}]: {p}" for p in traffic.take()]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_without_javascript_each_figure_is_its_default_frame(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    problems: list[str] = []
    try:
        page = context.new_page()
        failed: list[str] = []
        page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        for path in with_sliders(built_site):
            page.goto(site_url + path, wait_until="load")
            roots = page.locator(".lossnotes-interactive")
            for index in range(roots.count()):
                root, where = roots.nth(index), f"{path} figure {index + 1}"
                root.scroll_into_view_if_needed()
                if root.locator(".lossnotes-controls").is_visible():
                    problems.append(f"{where}: controls shown that cannot work")
                if not (root.locator("[aria-live]").text_content() or "").strip():
                    problems.append(f"{where}: no numbers for the default frame")
                # Each panel's drawing is the <noscript> copy; the one figures.js would
                # load takes no room.
                if any(svg.is_visible() for svg in root.locator(".lossnotes-lazy").all()):
                    problems.append(f"{where}: an empty panel is shown")
                panels = root.locator(".lossnotes-panels noscript > svg").all()
                if not panels:
                    problems.append(f"{where}: no panel has a drawing")
                for svg in panels:
                    box = svg.bounding_box()
                    if not box or box["width"] < 150 or box["height"] < 100:
                        problems.append(f"{where}: a panel is not drawn ({box})")
                    if svg.locator("use").count() != 1:
                        problems.append(f"{where}: a panel's drawing is not a file")
        problems += [f"HTTP error for {url}" for url in failed]
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_code_is_folded_opens_copies_the_file_and_prints(browser: Browser, site_url: str) -> None:
    context, traffic = new_context(browser, site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=traffic.origin)
    try:
        found = open_page(context, traffic, site_url + "chapter/gradient-descent/")
        assert not found, found
        page = context.pages[0]
        folds = page.locator("article details.lossnotes-code")
        markdown = (ROOT / "docs/chapter/gradient-descent.md").read_text()
        shown = [Path(p).name for p in INCLUDE.findall(markdown)]
        assert folds.count() == len(shown), (folds.count(), shown)
        draw_all(page)
        summaries = [s.strip() for s in folds.locator("summary").all_inner_texts()]
        undraw(page)
        assert summaries == [f"Code · {name}" for name in shown]
        assert all(not fold.evaluate("d => d.open") for fold in folds.all())
        assert not folds.first.locator("pre").is_visible()
        assert page.locator("article .lossnotes-figure").first.is_visible()  # results first
        # One fold: it opens, and its copy button copies exactly the file.
        index = shown.index("gd_step_size_slider.py")
        fold = folds.nth(index)
        fold.locator("summary").click()
        code = fold.locator("pre").first
        code.wait_for(state="visible")
        code.hover()
        page.evaluate("navigator.clipboard.writeText('')")
        fold.locator("button.md-clipboard, button.md-code__button").first.click()
        pasted = ""
        for _ in range(40):
            if pasted := page.evaluate("navigator.clipboard.readText()"):
                break
            page.wait_for_timeout(25)
        snippet = (ROOT / "snippets" / "gd_step_size_slider.py").read_text()
        assert pasted.strip("\n") == snippet.strip("\n")
        # The page's control opens and closes every fold.
        control = page.locator(".lossnotes-fold-all button")
        scroll_to(control)
        assert control.is_visible() and control.inner_text() == "Show all code"
        control.click()
        assert all(f.evaluate("d => d.open") for f in folds.all())
        assert control.inner_text() == "Hide all code"
        assert control.get_attribute("aria-pressed") == "true"
        control.click()
        assert not any(f.evaluate("d => d.open") for f in folds.all())
        # Printed, the code shows while the folds stay closed.
        page.emulate_media(media="print")
        assert folds.first.locator("pre").is_visible()
        assert not page.locator(".lossnotes-fold-all").is_visible()
        page.emulate_media(media="screen")
        assert not folds.first.locator("pre").is_visible()
        assert not traffic.take()
    finally:
        context.close()


def figure_text_sizes(page: Page, html_path: Path) -> list[tuple[int, float]]:
    """The smallest text of each visible figure of the page, in CSS px."""
    figures = page.evaluate(
        """() => [...document.querySelectorAll('.lossnotes-figure svg')].map(s => {
        const use = s.querySelector(':scope > use'); const box = s.getBoundingClientRect();
        return { href: use && (use.getAttribute('xlink:href') || use.dataset.src), scale: box.width / s.viewBox.baseVal.width,
                 inline: [...s.querySelectorAll('text, tspan')].map(t => parseFloat(t.style.fontSize))
                          .filter(size => size > 0) }; })"""
    )
    found = []
    for index, figure in enumerate(figures):
        if figure["href"]:
            drawing = (html_path.parent / figure["href"].split("#")[0]).resolve().read_text()
            sizes = [float(size) for size in FONT.findall(drawing)]
        else:
            sizes = figure["inline"]
        if sizes and figure["scale"] > 0:  # 0: in a closed <details> or tab
            found.append((index, min(sizes) * figure["scale"]))
    return found


def test_no_figure_text_under_10_px_at_1280(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    context, traffic = new_context(browser, site_url)
    small: list[str] = []
    measured = 0
    try:
        for html_path in sorted(built_site.rglob("index.html")):
            if 'class="lossnotes-figure"' not in html_path.read_text():
                continue
            path = html_path.parent.relative_to(built_site).as_posix()
            open_page(context, traffic, site_url + ("" if path == "." else path + "/"))
            draw_all(context.pages[0])  # a figure far from the viewport has no size until drawn
            for index, size in figure_text_sizes(context.pages[0], html_path):
                measured += 1
                if size < 10:
                    small.append(f"{path}: figure {index + 1} has text of {size:.1f} px")
    finally:
        context.close()
    assert measured >= 20
    assert not small, "\n".join(small)


def test_panels_side_by_side_on_a_desktop_stack_on_a_phone(browser: Browser, site_url: str) -> None:
    tops = {}
    for name, viewport in {"desktop": {"width": 1280, "height": 900}, "phone": PHONE}.items():
        context, traffic = new_context(browser, site_url, viewport=viewport)
        try:
            open_page(context, traffic, site_url + "chapter/metrics/")
            panels = context.pages[0].locator(".lossnotes-interactive .lossnotes-panels svg")
            boxes = [panel.bounding_box() for panel in panels.all()]
            assert len(boxes) == 3 and all(boxes)
            tops[name] = [round(box["y"]) for box in boxes if box]
            assert all(box and box["x"] + box["width"] <= viewport["width"] for box in boxes)
        finally:
            context.close()
    assert len(set(tops["desktop"])) == 1, tops
    assert len(set(tops["phone"])) == 3, tops


# -- two sliders: a grid of frames ---------------------------------------------------------
# No chapter page moves two parameters at once, so a small project of its own does: its
# frames say which (a, b) they were drawn for, in the title and the live text.
TWO_SLIDERS = """\
# Two sliders

```python exec="1" html="1"
from lossnotes.figures import interactive_figure, subplots


def draw(a, b):
    fig, ax = subplots(figsize=(4.0, 3.0))
    ax.plot([0, 1], [a, a + b])
    ax.set(ylim=(-1, 8), title=f"a = {a:g}, b = {b:g}")
    return fig


print(interactive_figure(
    draw, [0, 1, 2], values2=[0.5, 1.5, 2.5, 3.5, 4.5], label="Offset a", label2="Slope b",
    default=1, default2=2.5, fmt="{:g}", alt="A line of offset a and slope b.",
    text=lambda a, b: f"a = {a:g}, b = {b:g}",
))
```
"""

TWO_STATE_JS = """() => { const root = document.querySelector('.lossnotes-interactive');
  const inputs = [...root.querySelectorAll('input[type=range]')];
  return { drawing: root.querySelector('.lossnotes-panels svg').innerHTML,
           values: inputs.map((i) => i.value), valuetexts: inputs.map((i) => i.getAttribute('aria-valuetext')),
           shown: [...root.querySelectorAll('output')].map((o) => o.textContent),
           text: root.querySelector('[aria-live]').textContent }; }"""


@pytest.fixture(scope="module")
def two_slider_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from sitebuild import make_project, mkdocs_build
    from siteserver import serve

    root = tmp_path_factory.mktemp("two-sliders")
    pages = {"index.md": "# Home\n\nA figure with [two sliders](two.md).\n", "two.md": TWO_SLIDERS}
    config = make_project(root, pages, nav=[{"Home": "index.md"}, {"Two sliders": "two.md"}])
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(root / "site") as url:
        yield url


@pytest.mark.build
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_two_sliders_move_by_keyboard_and_mouse_after_instant_navigation(
    browser: Browser, two_slider_site: str, scheme: str
) -> None:
    """Each of the two sliders moves its own parameter, by keyboard and by mouse: the
    drawing, the values shown and the live text follow, and the frame is the one drawn
    for the pair of values the sliders show (the grid is read in the build's order)."""
    context, traffic = instant_context(browser, two_slider_site, scheme)
    try:
        assert not (found := open_page(context, traffic, two_slider_site)), found
        page = context.pages[0]
        page.evaluate("window.__no_reload = true")
        page.locator("nav.md-nav a[href$='two/']").first.click()
        page.wait_for_url(lambda url: urlsplit(url).path.endswith("/two/"))
        page.wait_for_function(NEW_PAGE_READY)
        assert page.evaluate("window.__no_reload === true"), "the page reloaded"
        sliders = page.locator(".lossnotes-interactive input[type=range]")
        assert sliders.count() == 2
        labels = [
            page.locator(f"label[for='{s.get_attribute('id')}']").inner_text()
            for s in sliders.all()
        ]
        assert labels == ["Offset a", "Slope b"]
        before = page.evaluate(TWO_STATE_JS)
        assert before["values"] == ["1", "2"] and before["text"] == "a = 1, b = 2.5"

        def moved(previous: dict) -> dict:
            for _ in range(200):  # the frames may still be arriving
                now = page.evaluate(TWO_STATE_JS)
                if now["text"] != previous["text"] and now["drawing"] != previous["drawing"]:
                    return now
                page.wait_for_timeout(25)
            return page.evaluate(TWO_STATE_JS)

        for axis, slider in enumerate(sliders.all()):
            other = 1 - axis
            for how in ("keyboard", "mouse"):
                if how == "keyboard":
                    slider.focus()
                    page.keyboard.press("ArrowRight")
                else:
                    box = slider.bounding_box()
                    assert box is not None
                    page.mouse.click(box["x"] + 0.03 * box["width"], box["y"] + box["height"] / 2)
                after = moved(before)
                where = f"slider {axis + 1} by {how} [{scheme}]"
                assert after["values"][axis] != before["values"][axis], where
                assert after["values"][other] == before["values"][other], where
                assert after["drawing"] != before["drawing"], f"{where}: the drawing did not change"
                assert after["valuetexts"] == after["shown"], where
                a, b = after["shown"]
                assert after["text"] == f"a = {a}, b = {b}", f"{where}: {after}"
                assert f"a = {a}, b = {b}" in after["drawing"] or f"a = {a}, b = {b}".replace(
                    " ", ""
                ) in re.sub(r"<[^>]+>|\s", "", after["drawing"]), f"{where}: the wrong frame"
                before = after
        assert before["values"] == ["0", "0"]  # the mouse took each to its first value
        assert not traffic.take()
    finally:
        context.close()
