"""Reuse, across the rebuilds of one ``mkdocs serve`` process, what an edit did not change.

``mkdocs serve`` rebuilds the whole site on every save. Most of that time is spent
converting Markdown that did not change (the API reference alone, rendered by
mkdocstrings, takes over a second) and indexing it for search. Two memories, kept in
the plugin instance (which ``on_startup`` makes persist across rebuilds):

:class:`RenderCache`
    A page's rendered HTML, table of contents, title and anchors, reused when the
    page's render would read exactly the same inputs: its Markdown (after every
    ``on_page_markdown`` hook), its URL, the site's file list, ``mkdocs.yml``, every
    snippet file it included (hashed *before* it was read, so a racing edit can only
    cause a re-render), the dependencies its executed blocks recorded and, for a page
    rendered by mkdocstrings, the source files of the objects it documents and the list
    of modules under the handler's ``paths`` (:mod:`.apisources`). What a render leaves behind elsewhere is recorded and replayed on
    reuse: the block records (build report) and codes (notebook download), autorefs
    anchors, mkdocstrings inventory entries and handlers. A render that logged a
    warning, failed, fetched a URL snippet, or ran a block whose result could not be
    cached is never reused.

:func:`memoize_search_index`
    Material's search index entries of a page are a function of its URL, title,
    metadata, table of contents and HTML; identical inputs give the stored entries.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import thirdparty
from .apisources import ApiKey, SourceTree, object_files
from .execute import Runner
from .records import BlockRecord
from .snippetfiles import SnippetRead, file_digest

log = logging.getLogger("mkdocs.plugins.lossnotes")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def config_text(config: MkDocsConfig) -> str:
    """The hash of ``mkdocs.yml``: every remembered render or collection depends on it."""
    path = config.config_file_path
    return _sha(Path(path).read_bytes() if path and Path(path).is_file() else b"")


def files_digest(files: Files) -> str:
    """Hash of every file's source path, URL and inclusion: what links resolve against."""
    rows = sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
    return _sha(json.dumps(rows).encode())


@dataclass
class _Rendered:
    """One page's render and what it read and left behind."""

    key: str
    snippets: list[SnippetRead]
    deps: dict[str, str | None]
    api: ApiKey | None
    content: str
    toc: Any
    title: str | None
    present_anchor_ids: Any
    links_to_anchors: dict[str, dict[str, str]] | None
    records: list[BlockRecord]
    codes: dict[int, str]
    anchors: list[tuple[str, str | None, str | None, bool]] = field(default_factory=list)
    inventory: list[dict[str, Any]] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)


class _WarningSeen(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True


class RenderCache:
    """Rendered pages of the previous rebuilds of this process, one per page."""

    def __init__(self) -> None:
        self.pages: dict[str, _Rendered] = {}
        self.reused: list[str] = []

    # -- per build -----------------------------------------------------------------------
    def start_build(self, config: MkDocsConfig, *, settings: Any) -> None:
        """Note what every key shares: ``mkdocs.yml`` and the plugin's own settings."""
        path = config.config_file_path
        text = Path(path).read_bytes() if path and Path(path).is_file() else b""
        self.config_digest = _sha(text + b"\0" + repr(settings).encode())
        self.reused = []
        self._files: tuple[int, str] | None = None
        folders = _mkdocstrings_folders(config)
        self._tree = None if folders is None else SourceTree(folders)

    def _files_digest(self, files: Files) -> str:
        if self._files is None or self._files[0] != id(files):
            self._files = (id(files), files_digest(files))
        return self._files[1]

    # -- pages ---------------------------------------------------------------------------
    def wrap(self, page: Page, runner: Runner) -> None:
        """Replace ``page.render`` by one that reuses an unchanged earlier render."""
        render = page.render
        if not thirdparty.renders_markdown(page):
            return  # a notebook page (mkdocs-jupyter renders it, with its own cache)

        def cached_render(config: MkDocsConfig, files: Files) -> None:
            self._render(page, render, runner, config, files)

        page.render = cached_render  # type: ignore[method-assign]

    def _key(self, page: Page, files: Files) -> str:
        payload = [
            self.config_digest,
            self._files_digest(files),
            page.file.src_uri,
            page.file.dest_uri,
            page.url,
            page.markdown,
        ]
        return _sha(json.dumps(payload).encode())

    def _render(
        self,
        page: Page,
        render: Callable[[MkDocsConfig, Files], None],
        runner: Runner,
        config: MkDocsConfig,
        files: Files,
    ) -> None:
        src = page.file.src_uri
        key = self._key(page, files)
        entry = self.pages.get(src)
        if entry is not None and self._still_valid(entry, key, runner):
            self._reuse(entry, page, runner, config, files)
            self.reused.append(src)
            return
        self.pages.pop(src, None)
        first_record = len(runner.records)
        if self._tree is not None:
            self._tree.snapshot()  # before griffe reads a file of this build
        with _recording(config, self._tree) as seen:
            render(config, files)
        records = runner.records[first_record:]
        deps: dict[str, str | None] = {}
        cacheable = (
            not seen.warning.seen
            and not seen.downloads
            and not runner.tracker.failures
            and all(r.cacheable for r in records)
        )
        for record in records:
            for name, digest in record.deps.items():
                cacheable = cacheable and deps.setdefault(name, digest) == digest
        api = None
        if seen.handlers:
            if (
                self._tree is not None
                and set(seen.handlers) == {"python"}
                and seen.api_files is not None
            ):
                api = self._tree.key(seen.api_files)
            cacheable = cacheable and api is not None  # else: sources we do not know
        if not cacheable or not runner.execute or runner.clean:
            return
        links = page.links_to_anchors
        self.pages[src] = _Rendered(
            key=key,
            snippets=seen.snippets,
            deps=deps,
            api=api,
            content=page.content or "",
            toc=copy.deepcopy(page.toc),
            title=thirdparty.rendered_title(page),
            present_anchor_ids=copy.copy(page.present_anchor_ids),
            links_to_anchors=None
            if links is None
            else {f.src_uri: dict(a) for f, a in links.items()},
            records=[replace(r) for r in records],
            codes=dict(runner.codes),
            anchors=seen.anchors,
            inventory=seen.inventory,
            handlers=sorted(set(seen.handlers)),
        )

    def _still_valid(self, entry: _Rendered, key: str, runner: Runner) -> bool:
        if entry.key != key or not runner.execute or runner.clean or runner.sources is None:
            return False
        if not runner.sources.unchanged(entry.deps):
            return False
        if entry.api is not None and (self._tree is None or not self._tree.unchanged(entry.api)):
            return False
        return all(snippet.unchanged() for snippet in entry.snippets)

    def _reuse(
        self, entry: _Rendered, page: Page, runner: Runner, config: MkDocsConfig, files: Files
    ) -> None:
        page.content = entry.content
        page.toc = copy.deepcopy(entry.toc)
        thirdparty.set_rendered_title(page, entry.title)
        page.present_anchor_ids = copy.copy(entry.present_anchor_ids)
        if entry.links_to_anchors is not None:
            links = {}
            for src_uri, anchors in entry.links_to_anchors.items():
                target = files.get_file_from_path(src_uri)
                if target is not None:
                    links[target] = dict(anchors)
            page.links_to_anchors = links
        runner.records.extend(replace(r, state="cached", seconds=0.0) for r in entry.records)
        runner.codes.update(entry.codes)
        thirdparty.replay_render(config, page, entry.anchors, entry.handlers, entry.inventory)


def _mkdocstrings_folders(config: MkDocsConfig) -> list[Path] | None:
    """The ``paths`` of mkdocstrings' Python handler, or ``None`` if unknown."""
    plugin = config.plugins.get("mkdocstrings")
    if plugin is None:
        return None
    try:
        paths = plugin.config["handlers"]["python"]["paths"]
    except (KeyError, TypeError):
        return None
    root = Path(config.config_file_path).parent
    return [root / p for p in paths]


@dataclass
class _Seen:
    """What a render read and left behind; :func:`.thirdparty.watch_render` reports to it."""

    warning: _WarningSeen
    tree: SourceTree | None = None
    api_files: set[str] | None = field(default_factory=set)
    snippets: list[SnippetRead] = field(default_factory=list)
    downloads: bool = False
    anchors: list[tuple[str, str | None, str | None, bool]] = field(default_factory=list)
    inventory: list[dict[str, Any]] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)

    def snippet(self, name: str, bases: list[Any], restrict: bool, found: str | None) -> None:
        # Hashed before the caller reads it: a racing edit can only force a re-render.
        self.snippets.append(
            SnippetRead(name, bases, restrict, found, None if found is None else file_digest(found))
        )

    def download(self, url: str) -> None:
        self.downloads = True

    def anchor(self, identifier: str, anchor: str | None, title: str | None, primary: bool) -> None:
        self.anchors.append((identifier, anchor, title, primary))

    def handler(self, name: str) -> None:
        self.handlers.append(name)

    def inventory_item(self, item: dict[str, Any]) -> None:
        self.inventory.append(item)

    def collected(self, obj: Any) -> None:
        if self.tree is None or self.api_files is None:
            self.api_files = None
            return
        internal = self.tree.packages().__contains__
        found = object_files(obj, internal)
        self.api_files = None if found is None else self.api_files | found


@contextmanager
def _recording(config: MkDocsConfig, tree: SourceTree | None) -> Iterator[_Seen]:
    """Record what a page's render reads (snippets, API sources) and leaves behind (anchors, inventory)."""
    seen = _Seen(_WarningSeen(), tree)
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
    for logger in loggers:
        logger.addHandler(seen.warning)
    try:
        with thirdparty.watch_render(config, seen):
            yield seen
    except BaseException:
        seen.warning.seen = True
        raise
    finally:
        for logger in loggers:
            logger.removeHandler(seen.warning)


# -- search ---------------------------------------------------------------------------
_search_memory: dict[str, tuple[str, list[dict[str, Any]]]] = {}


def _toc_rows(toc: Any) -> list[Any]:
    return [[item.title, item.url, item.level, _toc_rows(item.children)] for item in toc or []]


def memoize_search_index() -> None:
    """Make Material's search index reuse a page's entries when nothing they derive from changed."""

    def memoized(original: Callable[[Any, Page], None]) -> Callable[[Any, Page], None]:
        def add_entry_from_context(index: Any, page: Page) -> None:
            key = _sha(
                json.dumps(
                    [
                        page.url,
                        str(page.title),
                        page.meta,
                        _toc_rows(page.toc),
                        page.content,
                        index.config,
                    ],
                    default=repr,
                    sort_keys=True,
                ).encode()
            )
            remembered = _search_memory.get(page.url)
            if remembered is not None and remembered[0] == key:
                index.entries.extend(copy.deepcopy(remembered[1]))
                return
            first = len(index.entries)
            original(index, page)
            _search_memory[page.url] = (key, copy.deepcopy(index.entries[first:]))

        return add_entry_from_context

    thirdparty.wrap_search_index(memoized)
