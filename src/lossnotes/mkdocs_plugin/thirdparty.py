"""Every use of another library's private or undocumented API, in one place.

The plugin reaches into markdown-exec (its table of formatters and the text of its
failure log), mkdocs-jupyter (the nbconvert app it builds, its cache log line, how it
replaces ``page.render``), Material's search index, mkdocs-autorefs' anchors, the
watches of MkDocs' live-reload server,
mkdocstrings' handlers, inventory and collected objects, pymdownx.snippets' file lookup and a private
attribute of MkDocs' pages. None of that is promised to survive a release, so the rest of the plugin uses only the small functions below, and
:func:`check_versions` stops a build on a version this code was not checked against:
a clear error at start-up rather than a wrong page later. When a library moves on,
check this module against it, then widen :data:`SUPPORTED`.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

#: Distribution -> the release series (major, minor) this module was checked against
#: (those of constraints.txt); a library that is not installed is not used.
SUPPORTED: dict[str, tuple[int, int]] = {
    "mkdocs": (1, 6),  # Page._title_from_render; replaced renders; LiveReloadServer's watches
    "markdown-exec": (1, 12),  # the formatters table, base_format, its failure log text
    "mkdocs-jupyter": (0, 26),  # nbconvert2.get_nbconvert_app, "Cache hit" log, page.render
    "nbconvert": (7, 17),  # the ExecutePreprocessor config of mkdocs-jupyter's app
    "mkdocs-material": (9, 8),  # plugins.search.plugin.SearchIndex internals
    "mkdocs-autorefs": (1, 4),  # AutorefsPlugin.register_anchor, replaced per render
    "mkdocstrings": (1, 0),  # plugin._handlers, get_handler, inventory.register
    "mkdocstrings-python": (2, 0),  # PythonHandler.collect returns the griffe object it renders
    "pymdown-extensions": (13, 1),  # SnippetPreprocessor.get_snippet_path and download
}


def check_versions() -> None:
    """Raise :class:`PluginError` naming every installed library outside :data:`SUPPORTED`."""
    problems = []
    for name, (major, minor) in SUPPORTED.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        found = re.match(r"(\d+)\.(\d+)", installed)
        if found is None or (int(found[1]), int(found[2])) != (major, minor):
            problems.append(
                f"{name} {installed} is installed; supported: >={major}.{minor},<{major}.{minor + 1}"
            )
    if problems:
        raise PluginError(
            "the lossnotes plugin uses private APIs of these libraries and does not know the "
            "installed versions: "
            + "; ".join(problems)
            + " (install the versions of constraints.txt, or check lossnotes/mkdocs_plugin/thirdparty.py "
            "against the new release and widen SUPPORTED)"
        )


# -- markdown-exec --------------------------------------------------------------------
EXEC_LOGGER = "mkdocs.plugins.markdown_exec"
EXEC_FAILED = "exited with"  # in the warning that markdown-exec logs for a failing block


def route_python(run: Callable[..., str]) -> None:
    """Make markdown-exec's ``python``/``py`` fences call ``run`` instead of its runner."""
    import markdown_exec

    def format_python(**kwargs: Any) -> str:
        return markdown_exec.base_format(language="python", run=run, **kwargs)

    markdown_exec.formatters["python"] = format_python
    markdown_exec.formatters["py"] = format_python


def execution_error(message: str) -> Exception:
    from markdown_exec import ExecutionError

    return ExecutionError(f"```\n{message}\n```")  # formatted as markdown-exec's own


# -- mkdocs-jupyter and nbconvert ---------------------------------------------------
JUPYTER_LOGGER = "mkdocs.plugins.mkdocs_jupyter"
JUPYTER_HIT = "Cache hit"  # how its debug message starts when a notebook comes from its cache


def set_cell_timeout(timeout: Callable[[Any], float | None]) -> None:
    """Have the nbconvert app of mkdocs-jupyter give each cell ``timeout(cell)`` seconds."""
    from mkdocs_jupyter import nbconvert2

    original = getattr(nbconvert2.get_nbconvert_app, "__wrapped__", nbconvert2.get_nbconvert_app)

    def get_nbconvert_app(*args: Any, **kwargs: Any) -> Any:
        app = original(*args, **kwargs)
        app.config["ExecutePreprocessor"]["timeout_func"] = timeout
        return app

    get_nbconvert_app.__wrapped__ = original  # type: ignore[attr-defined]
    nbconvert2.get_nbconvert_app = get_nbconvert_app


def renders_notebook(page: Page) -> bool:
    """mkdocs-jupyter binds its own function as the page's ``render``."""
    func = getattr(page.render, "__func__", None)
    return func is not None and func is not Page.render


def renders_markdown(page: Page) -> bool:
    """The page still has MkDocs' own ``render`` (no plugin replaced it)."""
    return getattr(page.render, "__func__", None) is Page.render


def rendered_title(page: Page) -> str | None:
    return page._title_from_render


def set_rendered_title(page: Page, title: str | None) -> None:
    page._title_from_render = title


# -- mkdocs serve -----------------------------------------------------------------
def replace_observer(server: Any, make: Callable[[Any], Any]) -> None:
    """Move every watch of MkDocs' live-reload ``server`` to the observer ``make(old)`` returns.

    Called from ``on_serve``, before the server starts its observer.
    """
    watches = [  # a path as often as watch() asked for it, so that unwatch() balances
        (path, server._watch_refs[path].is_recursive)
        for path, count in server._watched_paths.items()
        for _ in range(count)
    ]
    for path, _ in watches:
        server.unwatch(path)
    server.observer = make(server.observer)
    for path, recursive in watches:
        server.watch(path, recursive=recursive)


# -- what a render reads and leaves behind (mkdocs serve) ----------------------------
def find_snippet(name: str, bases: list[Any], restrict: bool) -> str | None:
    """The file pymdownx.snippets would include for ``name``, given its base paths."""
    from pymdownx.snippets import SnippetPreprocessor

    stand_in = SimpleNamespace(get_bases=lambda: bases, restrict_base_path=restrict)
    return SnippetPreprocessor.get_snippet_path(stand_in, name)


def _swap(
    owner: Any, name: str, make: Callable[[Any], Any], undo: list[Callable[[], None]]
) -> None:
    original, own = getattr(owner, name), name in vars(owner)  # an instance may only inherit it
    setattr(owner, name, make(original))
    undo.append(lambda: setattr(owner, name, original) if own else delattr(owner, name))


@contextmanager
def watch_render(config: MkDocsConfig, seen: Any) -> Iterator[None]:
    """Report to ``seen`` the snippets, downloads, anchors, handlers and inventory of a render.

    ``seen`` has ``snippet(name, bases, restrict, found)``, ``download(url)``,
    ``anchor(identifier, anchor, title, primary)``, ``handler(name)``, ``inventory_item(item)``
    and ``collected(obj)`` (each griffe object mkdocstrings' Python handler collects).
    """
    from pymdownx.snippets import SnippetPreprocessor

    def on_path(get_path: Any) -> Any:
        def record(self: Any, path: str) -> str | None:
            found = get_path(self, path)
            seen.snippet(path, list(self.get_bases()), bool(self.restrict_base_path), found)
            return found

        return record

    def on_download(download: Any) -> Any:
        def record(self: Any, url: str) -> Any:
            seen.download(url)
            return download(self, url)

        record.cache_clear = download.cache_clear  # type: ignore[attr-defined]  # an lru_cache
        return record

    def on_anchor(register: Any) -> Any:
        def record(
            page: Any,
            identifier: str,
            anchor: str | None = None,
            *,
            title: str | None = None,
            primary: bool = True,
        ) -> None:
            seen.anchor(identifier, anchor, title, primary)
            register(page, identifier, anchor, title=title, primary=primary)

        return record

    def on_collect(collect: Any) -> Any:
        def record(self: Any, identifier: str, options: Any) -> Any:
            found = collect(self, identifier, options)
            seen.collected(found)
            return found

        return record

    def calls(report: Callable[..., None], original: Any, keywords: bool = False) -> Any:
        def record(*args: Any, **kwargs: Any) -> Any:
            if keywords:
                report(kwargs)
            else:
                report(args[0])
            return original(*args, **kwargs)

        return record

    undo: list[Callable[[], None]] = []
    _swap(SnippetPreprocessor, "get_snippet_path", on_path, undo)
    _swap(SnippetPreprocessor, "download", on_download, undo)
    if (autorefs := config.plugins.get("autorefs")) is not None:
        _swap(autorefs, "register_anchor", on_anchor, undo)
    if (handlers := getattr(config.plugins.get("mkdocstrings"), "_handlers", None)) is not None:
        _swap(handlers, "get_handler", lambda f: calls(seen.handler, f), undo)
        _swap(handlers.inventory, "register", lambda f: calls(seen.inventory_item, f, True), undo)
        try:
            from mkdocstrings_handlers.python import PythonHandler
        except ImportError:
            pass
        else:
            _swap(PythonHandler, "collect", on_collect, undo)
    try:
        yield
    finally:
        for step in reversed(undo):
            step()


def replay_render(
    config: MkDocsConfig,
    page: Page,
    anchors: list[tuple[Any, ...]],
    handlers: list[str],
    inventory: list[dict[str, Any]],
) -> None:
    """Leave behind what :func:`watch_render` saw, for a page whose render is reused."""
    for identifier, anchor, title, primary in anchors:
        config.plugins["autorefs"].register_anchor(  # type: ignore[attr-defined]
            page, identifier, anchor, title=title, primary=primary
        )
    if handlers or inventory:
        registry = config.plugins["mkdocstrings"].handlers  # type: ignore[attr-defined]
        for name in handlers:
            registry.get_handler(name)
        for item in inventory:
            registry.inventory.register(**item)


def wrap_search_index(
    make: Callable[[Callable[[Any, Page], None]], Callable[[Any, Page], None]],
) -> None:
    """Replace Material's ``SearchIndex.add_entry_from_context`` by ``make(original)``, once.

    The replacement may read the index's ``entries`` (a list it appends to) and ``config``.
    """
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:
        return
    if not getattr(SearchIndex.add_entry_from_context, "__lossnotes__", False):
        wrapped = make(SearchIndex.add_entry_from_context)
        wrapped.__lossnotes__ = True  # type: ignore[attr-defined]
        SearchIndex.add_entry_from_context = wrapped
