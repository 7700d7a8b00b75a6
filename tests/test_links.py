"""Every internal link of the built site resolves, anchors included.

Links are read from the built HTML, so links written in Markdown, in raw HTML, by
plugins and by build-time code are all checked alike, together with the generated
search index and sitemap. The site is resolved as GitHub Pages serves it, under its
project path /lossnotes/: a link that leaves the project path, or a 404 page whose
links only work at the site root, is an error.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

SITE_URL = "https://lossnotes.github.io/lossnotes/"
# Where the 404 page is checked from: a missing page deep under the project path.
MISSING_URL = SITE_URL + "some/missing/deep/page/"
# Attributes holding a URL, and (for srcset) a list of them.
URL_ATTRIBUTES = {"href", "src", "poster", "data", "action", "xlink:href", "cite"}
IGNORED_SCHEMES = {"mailto", "tel", "data", "javascript", "blob"}

pytestmark = pytest.mark.build


class PageParser(HTMLParser):
    """The ids (anchors) a page defines and the URLs it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (description, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES and not (tag == "base" or (tag == "form" and not value)):
                if tag == "link" and dict(attrs).get("rel") in {"preconnect", "dns-prefetch"}:
                    continue
                self.urls.append((f"<{tag} {name}>", value))
            elif name in {"srcset", "imagesrcset"}:
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((f"<{tag} {name}>", candidate.split()[0]))


def page_url(site: Path, html: Path) -> str:
    relative = html.relative_to(site).as_posix()
    if relative == "404.html":
        return MISSING_URL
    return SITE_URL + (
        relative[: -len("index.html")] if relative.endswith("index.html") else relative
    )


def target_file(site: Path, url: str) -> Path | None:
    """The file GitHub Pages would serve for an internal URL, or None."""
    path = unquote(urlsplit(url).path)[len(urlsplit(SITE_URL).path) :]
    candidate = site / path
    if path == "" or path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


@pytest.fixture(scope="module")
def parsed(built_site: Path) -> dict[Path, PageParser]:
    pages = {}
    for html in sorted(built_site.rglob("*.html")):
        parser = PageParser()
        parser.feed(html.read_text(encoding="utf-8"))
        pages[html] = parser
    return pages


def check_url(site: Path, parsed: dict[Path, PageParser], base: str, url: str) -> str | None:
    """None if ``url`` (as written on the page at ``base``) resolves, else the problem."""
    parts = urlsplit(url)
    if parts.scheme in IGNORED_SCHEMES or url == "#":
        return None
    absolute = urljoin(base, url.strip())
    target = urlsplit(absolute)
    if target.scheme not in {"http", "https"} or target.netloc != urlsplit(SITE_URL).netloc:
        return None  # another site: not ours to check (and the network is not ours to use)
    if (
        not target.path.startswith(urlsplit(SITE_URL).path)
        and target.path + "/" != urlsplit(SITE_URL).path
    ):
        return f"leaves the project path /lossnotes/ (resolves to {target.path})"
    file = target_file(site, absolute)
    if file is None:
        return f"no such file ({target.path})"
    if target.fragment and file.suffix == ".html":
        anchor = unquote(target.fragment)
        if anchor not in parsed[file].ids:
            return f"no anchor #{anchor} in {file.relative_to(site).as_posix()}"
    if target.fragment and file.suffix == ".svg":  # a figure's drawing, used by its page
        anchor = unquote(target.fragment)
        if f'id="{anchor}"' not in file.read_text(encoding="utf-8"):
            return f"no element #{anchor} in {file.relative_to(site).as_posix()}"
    return None


def test_every_internal_link_and_anchor_resolves(
    built_site: Path, parsed: dict[Path, PageParser]
) -> None:
    problems = []
    for html, parser in parsed.items():
        base = page_url(built_site, html)
        name = html.relative_to(built_site).as_posix()
        for where, url in parser.urls:
            problem = check_url(built_site, parsed, base, url)
            if problem:
                problems.append(f"{name}: {where} {url!r}: {problem}")
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(sorted(set(problems)))


def test_404_page_links_work_from_any_depth(
    built_site: Path, parsed: dict[Path, PageParser]
) -> None:
    """404.html is served at any missing path, so each of its links must not depend on where."""
    page = built_site / "404.html"
    assert page.is_file(), "the built site has no 404.html"
    problems = []
    for depth_url in (SITE_URL + "missing", SITE_URL + "a/b/c/d/missing/"):
        for where, url in parsed[page].urls:
            problem = check_url(built_site, parsed, depth_url, url)
            if problem:
                problems.append(
                    f"404.html served at {urlsplit(depth_url).path}: {where} {url!r}: {problem}"
                )
    assert not problems, "\n".join(sorted(set(problems)))


def test_search_index_and_sitemap_point_at_real_pages(
    built_site: Path, parsed: dict[Path, PageParser]
) -> None:
    problems = []
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        problem = check_url(built_site, parsed, SITE_URL, doc["location"])
        if problem:
            problems.append(f"search/search_index.json: location {doc['location']!r}: {problem}")
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations, "sitemap.xml lists no page"
    for location in locations:
        problem = check_url(built_site, parsed, SITE_URL, location)
        if not location.startswith(SITE_URL):
            problem = f"is not under the site URL {SITE_URL}"
        if problem:
            problems.append(f"sitemap.xml: {location}: {problem}")
    assert not problems, "\n".join(problems)
