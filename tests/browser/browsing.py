"""Playwright helpers shared by the browser tests and the benchmark: Chromium's
flags, a fresh reader's browser context, and the record of what a page did."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    Request,
    Route,
)

CHROMIUM = Path(os.environ.get("LOSSNOTES_CHROMIUM", "/usr/bin/chromium"))
# Headless, and nothing of Chromium's own traffic (updates, sync, field trials...):
# only the page's requests leave the browser.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--metrics-recording-only",
    "--no-default-browser-check",
]
SCHEMES = {"light": "default", "dark": "slate"}


@dataclass
class Traffic:
    """What one page did while it loaded: the failures a reader would suffer."""

    origin: str
    problems: list[str] = field(default_factory=list)
    # The URL of a deliberate visit to a missing page, whose 404 is expected.
    expected_404: str | None = None
    # Counts navigations: a request of an earlier page that the browser cancels when the
    # tab moves on (net::ERR_ABORTED, such as a late favicon fetch) is not the page's failure.
    visit: int = 0
    started: dict[Request, int] = field(default_factory=dict)
    pending: set[Request] = field(default_factory=set)

    def watch(self, page: Page) -> None:
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        page.on("request", self.on_request)
        page.on("requestfailed", self.on_failed)
        page.on("requestfinished", lambda request: self.pending.discard(request))
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and not self.expected(response.url)
                and self.problems.append(f"HTTP {response.status} for {response.url}")
            ),
        )

    def expected(self, url: str) -> bool:
        return url == self.expected_404

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        location = message.location.get("url", "")
        if self.expected(location) and "404" in message.text:
            return  # the deliberate visit to a missing page
        self.problems.append(f"console error: {message.text} (at {location})")

    def on_failed(self, request: Request) -> None:
        self.pending.discard(request)
        if request.failure == "net::ERR_ABORTED" and (
            self.started.get(request, self.visit) < self.visit
            # The tab icon: fetched by the browser itself (type "other"), which cancels the
            # fetch when it changes its mind; a missing icon still shows as an HTTP 404.
            or request.resource_type == "other"
        ):
            return
        self.problems.append(f"failed request: {request.url} ({request.failure})")

    def on_request(self, request: Request) -> None:
        self.started[request] = self.visit
        self.pending.add(request)
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.problems.append(f"request to another host: {request.url}")

    def take(self) -> list[str]:
        taken, self.problems = self.problems, []
        return taken


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def new_context(
    browser: Browser, site_url: str, scheme: str = "light", viewport: dict[str, int] = DESKTOP
) -> tuple[BrowserContext, Traffic]:
    """A fresh reader: no stored palette, the given OS colour scheme, a desktop window."""
    parts = urlsplit(site_url)
    traffic = Traffic(origin=f"{parts.scheme}://{parts.netloc}")
    context = browser.new_context(color_scheme=scheme, viewport=viewport, reduced_motion="reduce")
    # Nothing may leave 127.0.0.1; a request elsewhere is recorded by Traffic, then refused here.
    context.route(lambda url: not url.startswith(traffic.origin), lambda route: route.abort())
    return context, traffic


def allow_instant_navigation(context: BrowserContext, traffic: Traffic) -> None:
    """Let Material's instant navigation follow links on the test server.

    Material trusts links that its sitemap lists, matching protocol and host but not the
    port; as on GitHub Pages, the sitemap must name the host the site is served from.
    """
    site_url = yaml.safe_load((Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text())[
        "site_url"
    ]
    published = re.match(r"https?://[^/]+", site_url)[0]  # type: ignore[index]

    def rebase_sitemap(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(published, traffic.origin))

    context.route("**/sitemap.xml", rebase_sitemap)


def open_page(
    context: BrowserContext, traffic: Traffic, url: str, *, status: int = 200
) -> list[str]:
    """Open ``url`` in the tab of ``context`` and return the problems seen while it loaded."""
    page = context.pages[0] if context.pages else context.new_page()
    if not getattr(page, "_lossnotes_watched", False):
        traffic.watch(page)
        page._lossnotes_watched = True  # type: ignore[attr-defined]
    traffic.expected_404 = url if status == 404 else None
    traffic.visit += 1
    response = page.goto(url, wait_until="load")
    settle(page, traffic)
    problems = traffic.take()
    if response is None or response.status != status:
        problems.append(
            f"answered HTTP {response.status if response else 'nothing'}, expected {status}"
        )
    return problems


READ_THROUGH_JS = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await frame();
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await frame();
  }
  scrollTo(0, 0);
  await frame();
}"""


def read_through(page: Page) -> None:
    """Scroll the page from top to bottom, half a window at a time, then back to the top.

    A long page's blocks are drawn only once they near the viewport (``content-visibility``
    in lossnotes.css) and the theme mounts a code block's copy button then too: this is
    how a reader meets every block, so checks of what blocks look like run after it.
    """
    page.evaluate(READ_THROUGH_JS)


FRAME_JS = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def draw_all(page: Page) -> None:
    """Draw every block of the page at once, exactly as it is drawn on screen.

    Blocks away from the viewport are skipped (``content-visibility: auto``) until a
    reader scrolls to them; selected text is always drawn, so selecting the article
    draws it all for checks that measure the whole page (text sizes, contrast). Pair
    with :func:`undraw`.
    """
    page.evaluate("getSelection().selectAllChildren(document.querySelector('article'))")
    page.evaluate(FRAME_JS)


# Every drawing <use>d inside the element has arrived and been laid out (its box is not
# empty); figures.js asks for a drawing only once its figure nears the viewport. Resolves
# to the number still missing after 10 s.
DRAWN_JS = """async (e) => {
  const uses = [...e.querySelectorAll('use')].filter((u) => !u.closest('noscript'));
  const missing = () => uses.filter((u) => !u.getAttribute('xlink:href') || !(u.getBBox().width > 0));
  for (const end = performance.now() + 10000; missing().length && performance.now() < end; )
    await new Promise((done) => setTimeout(done, 25));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return missing().length;
}"""


def wait_for_drawing(locator: Locator) -> bool:
    """Scroll ``locator`` into view and wait for its figures' drawings; False if one never came."""
    locator.scroll_into_view_if_needed()
    return locator.evaluate(DRAWN_JS) == 0


def scroll_to(locator: Locator) -> None:
    """Scroll ``locator`` into view and wait until the browser has drawn it."""
    locator.scroll_into_view_if_needed()
    locator.page.evaluate(FRAME_JS)


def undraw(page: Page) -> None:
    """Clear the selection :func:`draw_all` made."""
    page.evaluate("getSelection().removeAllRanges()")
    page.evaluate(FRAME_JS)


def settle(page: Page, traffic: Traffic, *, quiet_ms: int = 150, timeout_ms: int = 15000) -> None:
    """Wait until the page has had no request in flight for ``quiet_ms`` (the search
    index, late scripts...); quicker than Playwright's fixed 500 ms 'networkidle'."""
    quiet = waited = 0
    while quiet < quiet_ms and waited < timeout_ms:
        page.wait_for_timeout(25)
        waited += 25
        quiet = 0 if traffic.pending else quiet + 25
    if traffic.pending:
        traffic.problems.append(
            "requests still pending after 15 s: "
            + ", ".join(sorted(r.url for r in traffic.pending)[:5])
        )
