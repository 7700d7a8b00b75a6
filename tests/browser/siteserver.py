"""Serve a built site the way GitHub Pages serves a project site.

The site answers under ``/lossnotes/`` (the project path of ``site_url``); a folder
answers with its ``index.html``, a folder without its trailing slash is redirected,
and any missing path answers ``404.html`` with status 404. Optionally, text
responses are gzip-compressed (as GitHub Pages does) so that transferred bytes can
be measured. Used by the browser tests and by ``tests/benchmarks/bench_site.py``.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROJECT_PATH = "/lossnotes/"
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
    "application/manifest+json",
)
TYPES = {
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".css": "text/css",
    ".html": "text/html",
    ".xml": "application/xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".ipynb": "application/x-ipynb+json",
    ".py": "text/x-python",
}


def content_type(path: Path) -> str:
    kind = TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    kind = kind or "application/octet-stream"
    return kind + (
        "; charset=utf-8"
        if kind.startswith("text/") or kind.endswith(("javascript", "json"))
        else ""
    )


def make_handler(site: Path, *, compress: bool) -> type[BaseHTTPRequestHandler]:
    site = site.resolve()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_HEAD(self) -> None:  # noqa: N802
            self.respond(head=True)

        def do_GET(self) -> None:  # noqa: N802
            self.respond(head=False)

        def respond(self, *, head: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            if path == PROJECT_PATH.rstrip("/"):
                return self.redirect(PROJECT_PATH)
            if not path.startswith(PROJECT_PATH):
                return self.not_found(head)
            target = (site / path[len(PROJECT_PATH) :]).resolve()
            if not target.is_relative_to(site):
                return self.not_found(head)
            if target.is_dir():
                if not path.endswith("/"):
                    return self.redirect(path + "/")
                target = target / "index.html"
            if not target.is_file():
                return self.not_found(head)
            self.send(200, target.read_bytes(), content_type(target), head)

        def redirect(self, location: str) -> None:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def not_found(self, head: bool) -> None:
            page = site / "404.html"
            body = page.read_bytes() if page.is_file() else b"404"
            self.send(404, body, "text/html; charset=utf-8", head)

        def send(self, status: int, body: bytes, kind: str, head: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-cache")
            if (
                compress
                and kind.startswith(TEXT_TYPES)
                and "gzip" in self.headers.get("Accept-Encoding", "")
            ):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser dropping a connection it no longer needs is not an error."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(site: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve ``site`` on a free port of 127.0.0.1; yield the site's base URL."""
    server = QuietServer(("127.0.0.1", 0), make_handler(site, compress=compress))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PROJECT_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, as a path relative to the site root ('' is the home page)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        folder = index.parent.relative_to(site).as_posix()
        pages.append("" if folder == "." else folder + "/")
    return pages
