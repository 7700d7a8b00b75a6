"""The terrain explorer in Chromium: loads cleanly, reacts to the reader, matches lossnotes.

The page recomputes optimizer paths in the browser (docs/javascripts/explorer/port.js);
``test_port_matches_lossnotes`` holds that port to lossnotes' own numbers, on the
reference paths the page embeds and on fresh cases computed here. Its formulas are
typeset at build time: the page must show the selected surface's and never fetch KaTeX.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browsing import PHONE, Traffic, new_context, open_page, settle
from lossnotes.landscape import SURFACES
from lossnotes.optim import adam, rmsprop, run, sgd
from lossnotes.pages.terrain_explorer import DEFAULTS

pytestmark = pytest.mark.browser

ROOT_DIR = Path(__file__).resolve().parents[2]
PAGE = "chapter/terrain-explorer/"
ROOT = "[data-lossnotes-explorer]"
PLOTLY = "assets/vendor/plotly-gl3d.min.js"
KATEX_SCRIPT = "katex.min.js"
TOLERANCE = 1e-9
# Where the published site lives (mkdocs.yml); its sitemap names pages there.
PUBLISHED = re.match(
    r"https?://[^/]+", yaml.safe_load((ROOT_DIR / "mkdocs.yml").read_text())["site_url"]
)[0]

# Fresh cases (surface, optimizer, lr, steps, start, beta): not the page's defaults.
FRESH = [
    ("bowl", "momentum", 0.05, 200, (1.9, -0.4), 0.8),
    ("ill_conditioned", "nesterov", 0.03, 300, (-1.5, 0.9), 0.95),
    ("rastrigin", "adam", 0.02, 300, (-1.1, 0.7), 0.9),
    ("rastrigin", "gd", 0.005, 300, (0.45, -1.2), 0.9),
    ("rosenbrock", "rmsprop", 0.003, 400, (0.0, 2.5), 0.9),
    ("himmelblau", "adam", 0.2, 300, (-0.5, -0.5), 0.9),
    ("plateau", "rmsprop", 0.05, 200, (-2.0, 1.0), 0.9),
    ("monkey_saddle", "gd", 0.02, 30, (0.8, -0.2), 0.9),
    ("saddle", "nesterov", 0.05, 40, (1.0, 0.05), 0.5),
]
OPTIMIZERS = {
    "gd": lambda lr, beta: sgd(lr),
    "momentum": lambda lr, beta: sgd(lr, momentum=beta),
    "nesterov": lambda lr, beta: sgd(lr, momentum=beta, nesterov=True),
    "rmsprop": lambda lr, beta: rmsprop(lr),
    "adam": lambda lr, beta: adam(lr),
}

PORT_JS = """([surface, optimizer, lr, steps, start, beta]) => {
  const NS = window.lossnotesExplorer;
  const s = NS.data.surfaces.find((t) => t.name === surface);
  return NS.port.trajectory(s, optimizer, lr, steps, start, beta, NS.data.escape).path;
}"""
CHECK_JS = """() => {
  const NS = window.lossnotesExplorer;
  return NS.data.check.map((c) => {
    const s = NS.data.surfaces.find((t) => t.name === c.surface);
    const got = NS.port.trajectory(s, c.optimizer, c.lr, c.steps, c.start, c.beta, NS.data.escape).path;
    let worst = got.length === c.path.length ? 0 : Infinity;
    c.path.forEach((p, k) => got[k] && p.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - got[k][i])); }));
    return [c.surface, c.optimizer, c.path.length, worst];
  });
}"""
CAMERA_JS = """() => {
  const gd = document.querySelector('#lx-view3d');
  const scene = gd._fullLayout.scene._scene;
  const eye = scene.getCamera().eye;
  return [eye.x, eye.y, eye.z];
}"""
# The paths the contour map drew last, in data coordinates (the page keeps them on the view).
PATH_2D_JS = """(label) => {
  const drawn = (document.querySelector('#lx-view2d').lxPaths || []).find((p) => p.label === label);
  return drawn ? drawn.path : null;
}"""
# The plotting box of the contour map, in the viewport's pixels.
FRAME_JS = """() => { const b = document.querySelector('#lx-view2d .lx-frame').getBoundingClientRect();
  return [b.left, b.top, b.width, b.height]; }"""
# How many of the contour map's canvas pixels, sampled on a grid, are painted (opaque).
PAINTED_JS = """() => { const c = document.querySelector('#lx-view2d canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0, k = 0;
  for (let y = 0; y < c.height; y += 10) for (let x = 0; x < c.width; x += 10, k++) n += d[4 * (y * c.width + x) + 3] === 255;
  return n / k; }"""


# The TeX of every formula of the explorer's formula line that the reader can see (KaTeX
# keeps its source in the MathML's annotation), and whether each is typeset with MathML
# that assistive technology can reach (not inside an aria-hidden or hidden element).
FORMULA_JS = """() => [...document.querySelectorAll('[data-lx=formula] .katex')]
  .filter((k) => k.getClientRects().length > 0)
  .map((k) => { const math = k.querySelector('.katex-mathml math');
    return [math ? math.querySelector('annotation[encoding="application/x-tex"]').textContent : null,
            !!math && !math.closest('[aria-hidden=true], [hidden]'), !!k.querySelector('.katex-html')]; })"""


def shown_formula(page: Page) -> list[str]:
    """The TeX of the formula(s) shown, each checked to be typeset with reachable MathML."""
    shown = page.evaluate(FORMULA_JS)
    assert all(reachable and drawn for _, reachable, drawn in shown), (
        f"formula not typeset accessibly: {shown}"
    )
    return [tex for tex, _, _ in shown]


def formula_of(name: str) -> list[str]:
    return [f"f(x, y) = {SURFACES[name].formula}"]


def rgb(css: str) -> tuple[int, ...]:
    return tuple(int(float(v)) for v in css[css.index("(") + 1 : -1].split(",")[:3])


def reach_3d_view(page: Page) -> None:
    """Scroll to the 3-D view, as a reader does: it is drawn (and Plotly fetched) only
    once it nears the viewport, which on a phone is below the fold."""
    view = page.wait_for_selector("#lx-view3d", state="attached", timeout=30000)
    assert view is not None
    view.scroll_into_view_if_needed()


def wait_ready(page: Page, draws: int | None = None) -> None:
    reach_3d_view(page)
    page.wait_for_selector(f"{ROOT}[data-ready=yes]", state="attached", timeout=30000)
    if draws is not None:
        page.wait_for_function(
            f"Number(document.querySelector('{ROOT}').dataset.draws) > {draws}", timeout=30000
        )


def draws(page: Page) -> int:
    return int(page.evaluate(f"document.querySelector('{ROOT}').dataset.draws || 0"))


class Loaded(NamedTuple):
    page: Page
    problems: list[str]  # console errors, failed or foreign requests while it loaded
    requested: list[str]  # every URL the page requested, during the test too


def recording(context: BrowserContext) -> list[str]:
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    return requested


@pytest.fixture()
def explorer(browser: Browser, site_url: str) -> Iterator[Loaded]:
    """The explorer page, rendered; the problems seen while it loaded; its requests."""
    context, traffic = new_context(browser, site_url)
    requested = recording(context)
    try:
        problems = open_page(context, traffic, site_url + PAGE)
        page = context.pages[0]
        wait_ready(page)
        yield Loaded(page, problems + traffic.take(), requested)
        assert not (late := traffic.take()), f"problems during the test: {late}"
    finally:
        context.close()


def test_loads_cleanly_and_draws_both_views(explorer) -> None:
    page, problems, requested = explorer
    assert not problems, problems
    assert page.locator("#lx-view3d canvas").count() > 0, "no WebGL canvas in the 3-D view"
    assert page.evaluate(PAINTED_JS) > 0.3, "the contour map's bands are not painted"
    ticks = page.locator("#lx-view2d .lx-axes text").all_text_contents()
    assert {"\u22122", "0", "2", "x", "y"} <= set(ticks), ticks
    kinds = page.evaluate("document.querySelector('#lx-view3d').data.map((t) => t.type)")
    assert kinds[0] == "surface" and kinds.count("scatter3d") >= 5, kinds
    status = page.locator("#lx-status")
    page.wait_for_function(
        "document.querySelector('#lx-status').textContent.includes('Gradient descent')"
    )
    assert "Convex bowl" in status.text_content()
    assert page.locator("[data-lx=table] tr").count() == 5
    # the formula was typeset at build time: it is there at once, and KaTeX is never fetched
    assert shown_formula(page) == formula_of("bowl")
    fetched = [url for url in requested if url.endswith(KATEX_SCRIPT)]
    assert not fetched, f"the page fetched KaTeX's script: {fetched}"


def test_plotly_is_served_by_the_site_and_loaded_by_this_page_only(
    browser: Browser, site_url: str
) -> None:
    context, traffic = new_context(browser, site_url)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        assert not (problems := open_page(context, traffic, site_url)), problems
        assert not any("plotly" in url for url in requested), "the home page loads Plotly"
        assert not (problems := open_page(context, traffic, site_url + PAGE)), problems
        wait_ready(context.pages[0])
        assert site_url + PLOTLY in requested
    finally:
        context.close()


def test_port_matches_lossnotes(explorer) -> None:
    page = explorer.page
    for surface, optimizer, length, worst in page.evaluate(CHECK_JS):
        assert worst <= TOLERANCE, (
            f"{surface}/{optimizer}: port differs by {worst} over {length} points"
        )
    for surface, optimizer, lr, steps, start, beta in FRESH:
        s = SURFACES[surface]
        expected = run(
            OPTIMIZERS[optimizer](lr, beta),
            lambda p: np.array(s.grad(p[0], p[1])),
            np.array(start),
            steps,
        )
        got = np.array(page.evaluate(PORT_JS, [surface, optimizer, lr, steps, list(start), beta]))
        name = f"{surface}/{optimizer} lr={lr} from {start}"
        if len(got) < steps + 1:  # the port stopped at the escape box: a prefix of the run
            assert surface in ("saddle", "monkey_saddle"), f"{name}: stopped at step {len(got) - 1}"
            expected = expected[: len(got)]
        np.testing.assert_allclose(got, expected, rtol=0, atol=TOLERANCE, err_msg=name)


def test_switching_the_surface_changes_the_drawn_data(explorer) -> None:
    page, _, requested = explorer
    before = page.evaluate("document.querySelector('#lx-view3d').data[0].z[10].slice()")
    seen = draws(page)
    page.select_option("#lx-surface", "rastrigin")
    wait_ready(page, seen)
    after = page.evaluate("document.querySelector('#lx-view3d').data[0].z[10].slice()")
    assert before != after
    assert page.input_value("#lx-x0") == str(SURFACES["rastrigin"].start[0])
    page.wait_for_function(
        "document.querySelector('#lx-status').textContent.startsWith('Rastrigin')"
    )
    assert shown_formula(page) == formula_of("rastrigin")
    # every surface, in turn and back to the first: its own formula, and only it
    for name in [*reversed(SURFACES), "himmelblau"]:
        page.select_option("#lx-surface", name)
        assert shown_formula(page) == formula_of(name), name
    title = SURFACES["himmelblau"].title
    page.wait_for_function(
        f"document.querySelector('#lx-status').textContent.startsWith({title!r})"
    )
    assert not [url for url in requested if url.endswith(KATEX_SCRIPT)], (
        "the page fetched KaTeX's script"
    )


def test_dragging_and_keys_turn_the_camera(explorer) -> None:
    page = explorer.page
    view = page.locator("#lx-view3d")
    view.scroll_into_view_if_needed()
    box = view.bounding_box()
    before = page.evaluate(CAMERA_JS)
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for k in range(1, 11):
        page.mouse.move(x + 12 * k, y + 3 * k)
    page.mouse.up()
    page.wait_for_timeout(200)
    dragged = page.evaluate(CAMERA_JS)
    assert np.abs(np.subtract(dragged, before)).max() > 0.05, (before, dragged)
    # A long drag can leave the eye above the pole, where turning about the vertical axis
    # moves nothing; start the keyboard check from the default camera.
    page.click('[data-lx="reset_view"]')
    page.wait_for_timeout(200)
    reset = page.evaluate(CAMERA_JS)
    view.focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(100)
    turned = page.evaluate(CAMERA_JS)
    assert np.abs(np.subtract(turned, reset)).max() > 0.05, (reset, turned)
    page.keyboard.press("+")
    page.wait_for_timeout(100)
    assert np.linalg.norm(page.evaluate(CAMERA_JS)) < np.linalg.norm(turned)  # zoomed in


def test_learning_rate_changes_the_trajectory(explorer) -> None:
    page = explorer.page
    before = page.evaluate(PATH_2D_JS, "Gradient descent")
    seen = draws(page)
    page.fill("#lx-lr", "0.02")
    wait_ready(page, seen)
    after = page.evaluate(PATH_2D_JS, "Gradient descent")
    assert after != before
    s = SURFACES["bowl"]
    expected = run(
        sgd(0.02), lambda p: np.array(s.grad(p[0], p[1])), np.array(s.start), DEFAULTS["bowl"].steps
    )
    np.testing.assert_allclose(after, expected, atol=TOLERANCE)
    # with the keyboard alone: the log-scale slider
    seen = draws(page)
    page.focus("#lx-lr-log")
    page.keyboard.press("ArrowLeft")
    wait_ready(page, seen)
    assert page.evaluate(PATH_2D_JS, "Gradient descent") != after
    assert float(page.input_value("#lx-lr")) < 0.02


def test_clicking_the_contour_map_moves_the_start(explorer) -> None:
    page = explorer.page
    page.locator("#lx-view2d").scroll_into_view_if_needed()
    left, top, width, height = page.evaluate(FRAME_JS)
    seen = draws(page)
    page.mouse.click(left + 0.75 * width, top + 0.25 * height)  # x = 1, y = 1 on [-2, 2]^2
    wait_ready(page, seen)
    assert abs(float(page.input_value("#lx-x0")) - 1.0) < 0.05
    assert abs(float(page.input_value("#lx-y0")) - 1.0) < 0.05
    path = page.evaluate(PATH_2D_JS, "Adam")
    assert path[0] == [float(page.input_value("#lx-x0")), float(page.input_value("#lx-y0"))]
    # a click outside the plotting box moves nothing
    page.mouse.click(left - 20, top + 0.5 * height)
    page.wait_for_timeout(100)
    assert page.evaluate(PATH_2D_JS, "Adam")[0] == path[0]
    # the tooltip names what is under the pointer: the start, then a height
    page.mouse.move(left + 0.75 * width, top + 0.25 * height)
    tip = page.locator("#lx-view2d .lx-tip")
    assert tip.is_visible() and tip.text_content().startswith("start"), tip.text_content()
    page.mouse.move(left + 0.1 * width, top + 0.9 * height)
    assert "f " in tip.text_content(), tip.text_content()
    # with the keyboard: an arrow key moves the start by 1/40 of the window
    seen = draws(page)
    page.focus("#lx-view2d")
    page.keyboard.press("ArrowLeft")
    wait_ready(page, seen)
    moved = page.evaluate(PATH_2D_JS, "Adam")[0]
    assert moved[0] == pytest.approx(path[0][0] - 0.1, abs=1e-3) and moved[1] == path[0][1]


def instant_context(browser: Browser, site_url: str) -> tuple[BrowserContext, Traffic]:
    """A reader whose clicks Material turns into instant navigation, as on GitHub Pages.

    Material navigates instantly only to links its sitemap lists, and it matches them on
    protocol and host but not on port: with the published sitemap, every click on the
    test server (127.0.0.1, some port) would be an ordinary page load. So the sitemap is
    rebased onto the server, as it is where the site is published."""
    context, traffic = new_context(browser, site_url)

    def rebase_sitemap(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(PUBLISHED, traffic.origin))

    context.route("**/sitemap.xml", rebase_sitemap)
    return context, traffic


def arrived(page: Page, traffic: Traffic, surface: str = "bowl") -> None:
    """The explorer, just reached, is drawn, alone, with ``surface``'s formula, and no error."""
    page.wait_for_url(f"**/{PAGE}")
    reach_3d_view(page)
    try:
        page.wait_for_function(
            f"['yes', 'failed'].includes(document.querySelector('{ROOT}')?.dataset.ready)",
            timeout=15000,
        )
    except PlaywrightTimeout:
        pass
    state = page.evaluate(f"document.querySelector('{ROOT}')?.dataset.ready")
    assert state == "yes", f"the explorer is not drawn (data-ready={state}): {traffic.take()}"
    assert page.evaluate("window.lossnotesExplorer.instances.length") == 1
    assert shown_formula(page) == formula_of(surface)
    assert page.evaluate("window.__lxNoReload === true"), (
        "the browser loaded the page instead of swapping it"
    )


def test_survives_instant_navigation(browser: Browser, site_url: str) -> None:
    """Material swaps the content and re-creates its scripts (an inline one as JavaScript,
    whatever its type); the explorer must work each time it is reached that way: from the
    home page, from another chapter page, and by the browser's Back button."""
    context, traffic = instant_context(browser, site_url)
    requested = recording(context)
    try:
        assert not (problems := open_page(context, traffic, site_url)), problems
        page = context.pages[0]
        page.evaluate("window.__lxNoReload = true")  # gone if the browser really loads a page
        for visit in range(2):  # arrive by an instant link (from home, then from a chapter); leave
            traffic.visit += 1  # a request of the page left may be cancelled (net::ERR_ABORTED)
            page.locator(f"a.md-nav__link[href$='{PAGE}']").first.click()
            arrived(page, traffic)
            settle(page, traffic)  # let the page's fonts arrive before leaving it
            seen = draws(page)
            page.select_option("#lx-surface", "himmelblau")
            wait_ready(page, seen)
            assert shown_formula(page) == formula_of("himmelblau")
            page.wait_for_function(
                "document.querySelector('#lx-status').textContent.startsWith('Himmelblau')"
            )
            assert not (found := traffic.take()), f"visit {visit}: {found}"
            traffic.visit += 1
            page.locator("a.md-footer__link--prev").click()  # instant navigation away, to a chapter
            page.wait_for_function(f"!document.querySelector('{ROOT}')")
            settle(page, traffic)
            assert page.evaluate("window.__lxNoReload === true"), (
                "leaving the explorer reloaded the page"
            )
        traffic.visit += 1
        page.go_back()  # history: Material renders the explorer again
        arrived(page, traffic)
        before = page.evaluate(CAMERA_JS)
        page.locator("#lx-view3d").focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(100)
        assert page.evaluate(CAMERA_JS) != before
        page.select_option("#lx-surface", "plateau")
        assert shown_formula(page) == formula_of("plateau")
        settle(page, traffic)
        assert not (found := traffic.take()), found
        assert not [url for url in requested if url.endswith(KATEX_SCRIPT)], (
            "KaTeX's script was fetched"
        )
    finally:
        context.close()


# Material re-creates a page's scripts all at once (replaceWith), so they run in the order
# they arrive; this makes the explorer's port.js arrive last, after an instant navigation.
PORT_LAST_JS = """(() => { const replace = Element.prototype.replaceWith;
  Element.prototype.replaceWith = function (...nodes) {
    const late = document.readyState === 'complete' && nodes.some((n) => /explorer\\/port\\.js$/.test(n.src || ''));
    return late ? void setTimeout(() => replace.apply(this, nodes), 500) : replace.apply(this, nodes);
  }; })()"""


def test_instant_navigation_with_the_port_arriving_last(browser: Browser, site_url: str) -> None:
    context, traffic = instant_context(browser, site_url)
    context.add_init_script(PORT_LAST_JS)
    try:
        assert not (problems := open_page(context, traffic, site_url)), problems
        page = context.pages[0]
        page.evaluate("window.__lxNoReload = true")
        traffic.visit += 1
        page.locator(f"a.md-nav__link[href$='{PAGE}']").first.click()
        arrived(page, traffic)
        settle(page, traffic)
        assert not (found := traffic.take()), found
    finally:
        context.close()


def test_material_document_emission_alone_sets_up_the_explorer(
    browser: Browser, site_url: str
) -> None:
    """Should Material stop re-running a page's scripts, its document$ still boots the
    explorer: here the second visit's explorer.js is served empty, so only the
    subscription made on the first (a full page load, before Material's bundle ran) can."""
    context, traffic = instant_context(browser, site_url)
    try:
        assert not (problems := open_page(context, traffic, site_url + PAGE)), problems
        page = context.pages[0]
        wait_ready(page)
        page.evaluate("window.__lxNoReload = true")
        context.route(
            "**/javascripts/explorer/explorer.js",
            lambda route: route.fulfill(
                status=200, content_type="application/javascript", body="/* not run again */"
            ),
        )
        traffic.visit += 1
        page.locator("a.md-footer__link--prev").click()
        page.wait_for_function(f"!document.querySelector('{ROOT}')")
        settle(page, traffic)
        traffic.visit += 1
        page.locator(f"a.md-nav__link[href$='{PAGE}']").first.click()
        arrived(page, traffic)
        page.select_option("#lx-surface", "rosenbrock")
        assert shown_formula(page) == formula_of("rosenbrock")
        settle(page, traffic)
        assert not (found := traffic.take()), found
    finally:
        context.close()


def test_dark_scheme_text_follows_the_palette(browser: Browser, site_url: str) -> None:
    context, traffic = new_context(browser, site_url, "dark")
    try:
        assert not (problems := open_page(context, traffic, site_url + PAGE)), problems
        page = context.pages[0]
        wait_ready(page)
        # Material may set the scheme after the first draw: the explorer redraws on the change
        same = """() => { const p = document.createElement('span'); p.style.color = getComputedStyle(document.body).color;
          document.body.append(p); const want = getComputedStyle(p).color.replace(/rgba?\\(([^,]+),([^,]+),([^,)]+).*/, '$1,$2,$3');
          p.remove(); const texts = [...document.querySelectorAll('#lx-view2d text')].map((t) => getComputedStyle(t).fill)
          .filter((f) => f !== 'none'); return texts.length > 0 && texts.every((f) => f.replace(/rgba?\\(([^,]+),([^,]+),([^,)]+).*/, '$1,$2,$3') === want); }"""
        page.wait_for_function(same, timeout=10000)
        body = page.evaluate("getComputedStyle(document.body).color")
        # switching the scheme redraws with the new text colour
        seen = draws(page)
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
        wait_ready(page, seen)
        light = page.evaluate(
            "getComputedStyle(document.querySelector('#lx-view2d .lx-axes text')).fill"
        )
        assert (
            rgb(light) == rgb(page.evaluate("getComputedStyle(document.body).color")) != rgb(body)
        )
    finally:
        context.close()


def test_without_webgl_the_contour_map_still_works(browser: Browser, site_url: str) -> None:
    context, traffic = new_context(browser, site_url)
    context.add_init_script("""(() => { const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return /webgl/.test(kind) ? null : get.call(this, kind, ...rest); }; })()""")
    try:
        assert not (problems := open_page(context, traffic, site_url + PAGE)), problems
        page = context.pages[0]
        wait_ready(page)
        assert "no WebGL" in page.locator("#lx-view3d").text_content()
        assert page.evaluate(PATH_2D_JS, "Adam")
    finally:
        context.close()


AXE = ROOT_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_JS = """async () => (await axe.run(document.querySelector('[data-lossnotes-explorer]'),
  {resultTypes: ['violations']})).violations.filter((v) => ['serious', 'critical'].includes(v.impact))
  .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_drawn_explorer_passes_axe(browser: Browser, site_url: str, scheme: str) -> None:
    """The explorer once drawn (the site-wide check may run before Plotly has drawn)."""
    context, traffic = new_context(browser, site_url, scheme)
    try:
        assert not (problems := open_page(context, traffic, site_url + PAGE)), problems
        page = context.pages[0]
        wait_ready(page)
        page.add_script_tag(path=str(AXE))
        assert not (violations := page.evaluate(AXE_JS)), violations
        # every control is reachable with Tab and has a name
        names = page.evaluate("""() => [...document.querySelectorAll('.lx input, .lx select, .lx button')]
            .map((e) => [e.id || e.dataset.lx || e.dataset.lxOptimizer, e.tabIndex,
                         (e.labels && e.labels.length) || e.getAttribute('aria-label') || e.textContent.trim()])""")
        assert all(index >= 0 and bool(name) for _, index, name in names), names
    finally:
        context.close()


def test_the_contour_map_needs_no_plotly(browser: Browser, site_url: str) -> None:
    """The map is drawn, and answers clicks, with Plotly withheld (served as an empty
    script); the 3-D view then says why it is missing."""
    context, traffic = new_context(browser, site_url)
    context.route(
        f"**/{PLOTLY}",
        lambda route: route.fulfill(
            status=200, content_type="application/javascript", body="/* withheld */"
        ),
    )
    try:
        assert not (problems := open_page(context, traffic, site_url + PAGE)), problems
        page = context.pages[0]
        wait_ready(page)
        assert page.evaluate("window.Plotly === undefined")
        assert "not drawn" in page.locator("#lx-view3d").text_content()
        assert page.evaluate(PAINTED_JS) > 0.3
        page.locator("#lx-view2d").scroll_into_view_if_needed()
        left, top, width, height = page.evaluate(FRAME_JS)
        seen = draws(page)
        page.mouse.click(left + 0.25 * width, top + 0.75 * height)  # x = -1, y = -1
        wait_ready(page, seen)
        start = page.evaluate(PATH_2D_JS, "Momentum")[0]
        assert np.allclose(start, [-1, -1], atol=0.05), start
    finally:
        context.close()


# The explorer's elements that stick out past the right edge `width` without a scrolling
# box (overflow-x auto or scroll) of the explorer to hold them. (scrollWidth cannot tell:
# Material hides the page's horizontal overflow.)
OVERFLOW_JS = """(width) => [...document.querySelectorAll('.lx, .lx *')].filter((e) => {
  if (e.getBoundingClientRect().right <= width + 0.5) return false;
  for (let a = e.parentElement; a && a.matches('.lx, .lx *'); a = a.parentElement)
    if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false;
  return true; }).map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.getAttribute('class'))"""


@pytest.mark.parametrize("width", [390, 320])
def test_phone_width_has_no_horizontal_overflow(
    browser: Browser, site_url: str, width: int
) -> None:
    context, traffic = new_context(browser, site_url)
    try:
        context.new_page().set_viewport_size({"width": width, "height": 844})
        assert not (problems := open_page(context, traffic, site_url + PAGE)), problems
        page = context.pages[0]
        wait_ready(page)
        assert not (wide := page.evaluate(OVERFLOW_JS, width)), f"wider than {width} px: {wide}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        left, top, frame_width, frame_height = page.evaluate(FRAME_JS)
        assert left >= 0 and left + frame_width <= width and frame_width > width / 2, (
            left,
            frame_width,
        )
    finally:
        context.close()


def test_a_touch_drag_turns_the_camera(browser: Browser, site_url: str) -> None:
    """Phones and tablets: one finger dragged across the 3-D view turns it."""
    context = browser.new_context(
        viewport={"width": 820, "height": 1000}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(site_url + PAGE, wait_until="load")
        wait_ready(page)
        view = page.locator("#lx-view3d")
        view.scroll_into_view_if_needed()
        box = view.bounding_box()
        before = page.evaluate(CAMERA_JS)
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        cdp = context.new_cdp_session(page)  # Playwright has taps only; drag through CDP

        def touch(kind: str, points: list[tuple[float, float]]) -> None:
            cdp.send(
                "Input.dispatchTouchEvent",
                {"type": kind, "touchPoints": [{"x": px, "y": py} for px, py in points]},
            )

        touch("touchStart", [(x, y)])
        for k in range(1, 11):
            touch("touchMove", [(x + 10 * k, y + 2 * k)])
        touch("touchEnd", [])
        page.wait_for_timeout(300)
        after = page.evaluate(CAMERA_JS)
        assert np.abs(np.subtract(after, before)).max() > 0.05, (before, after)
    finally:
        context.close()


def test_on_a_phone_plotly_waits_until_the_3d_view_nears(browser: Browser, site_url: str) -> None:
    """Below the fold the 3-D view costs nothing: Plotly is not fetched until the reader
    scrolls near the view, which is then drawn."""
    context, traffic = new_context(browser, site_url, viewport=PHONE)
    try:
        fetched: list[str] = []
        page = context.new_page()
        page.on("request", lambda request: "plotly" in request.url and fetched.append(request.url))
        assert not (found := open_page(context, traffic, site_url + PAGE)), found
        top = page.evaluate("document.querySelector('#lx-view3d').getBoundingClientRect().top")
        assert top > PHONE["height"] + 300, f"the 3-D view starts at {top} px, in reach on load"
        page.wait_for_timeout(500)
        assert not fetched, f"Plotly fetched before the 3-D view was near: {fetched}"
        wait_ready(page)
        assert fetched, "the 3-D view was drawn without Plotly"
    finally:
        context.close()
