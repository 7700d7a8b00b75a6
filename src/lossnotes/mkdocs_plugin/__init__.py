"""The lossnotes MkDocs plugin: what markdown-exec and mkdocs-jupyter lack.

Enabled in ``mkdocs.yml`` as ``- lossnotes`` *after* ``markdown-exec``. A build goes

1. **collect** (``on_nav``, before any page is rendered): each page with executed
   fences is converted once to record every Python block exactly as markdown-exec will
   run it, and its inline values ``{{ expression }}`` (``execution.blocks``,
   ``execution.collect``);
2. **execute**: every session (a block without one is a session of its own) that the
   cache cannot serve runs in its own worker process, forked from a server with numpy
   and matplotlib imported, one worker per core; a block's limit (60 s,
   ``timeout="120"`` on a fence) is enforced by killing the worker (``execution.pool``,
   ``execution.worker``); notebook pages run through mkdocs-jupyter with a limit per
   cell (``outputs.jupyter``);
3. **cache**: an output is stored under its session's code so far and the versions of
   Python, numpy and matplotlib, with what the session used: each lossnotes function it
   executed, the module-level code of each module it imported, each file it read
   (``execution.plan``, ``execution.cache``, ``execution.deps``, ``execution.probes``,
   ``execution.recorder``); ``mkdocs serve`` also reuses unchanged page renders
   (``execution.serve``);
4. **check**: a failing, killed or exiting block, a local path, traceback or unbalanced
   math delimiter in an output, or a write into the source tree stops the build, listing
   every such block with its page and line; links and anchors a block printed are checked
   once every page is rendered (``execution.checks``, ``outputs.links``), as are the
   anchors that page splits moved, whose old links then follow them (``outputs.moved``);
5. **render**: markdown-exec renders each stored output; formulas are typeset with KaTeX
   in node and its fonts subset (``math``); KaTeX and the vendored scripts are served
   from the site, style sheets bundled, figures moved to files (``assets``); every page
   with executed blocks is offered as a notebook, and pages running examples say how to
   run them (``outputs.notebook``, ``outputs.readers``);
6. **report**: one log line per page and a "Build report" page with every block's time
   and cache state and the claims each page checked (``outputs.report``).

Every use of another library's private API is in :mod:`.thirdparty`, whose
``check_versions`` stops a build on an untested version; :mod:`.files` writes cache
files atomically; under ``mkdocs serve``, :mod:`.watching` has the operating system
report edits instead of polling for them.

Environment: ``LOSSNOTES_CLEAN=1`` ignores the cache (as does ``CI=true`` unless
``LOSSNOTES_CLEAN=0``); ``LOSSNOTES_EXECUTE=0`` builds without running anything; ``LOSSNOTES_WORKERS=N`` sets the
number of worker processes (the ``workers`` option).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from mkdocs.utils.templates import TemplateContext

from . import thirdparty
from . import watching as _watching
from .assets import figures as _figures
from .assets import frames as _frames
from .assets import highlight as _highlight
from .assets import preload as _preload
from .assets import styles as _styles
from .assets import vendor as _assets
from .execution import blocks as _blocks
from .execution import cache as _cache
from .execution import execute as _execute
from .execution import inline as _inline
from .execution import pool as _pool
from .execution import serve as _serve
from .math import pages as _math
from .outputs import folding as _folding
from .outputs import jupyter as _jupyter
from .outputs import links as _links
from .outputs import moved as _moved
from .outputs import notebook as _notebook
from .outputs import readers as _readers
from .outputs import report as _report
from .outputs import templates as _templates

log = logging.getLogger("mkdocs.plugins.lossnotes")

STYLESHEET = "assets/lossnotes-build.css"
#: Notebook images in the dark scheme, the download button, the run note, source links.
_CSS = (Path(__file__).parent / "assets" / "build.css").read_text(encoding="utf-8")


class LossnotesConfig(Config):  # type: ignore[no-untyped-call]  # mkdocs: untyped __init_subclass__
    """Options of the ``lossnotes`` plugin."""

    node_modules = config_options.Type(str, default="node_modules")
    """Where ``npm ci`` put KaTeX and Plotly, relative to ``mkdocs.yml`` unless absolute."""
    cache_dir = config_options.Type(str, default=".cache/lossnotes")
    """The execution cache, relative to ``mkdocs.yml``."""
    clean = config_options.Type(bool, default=False)
    """Ignore cached results (also ``LOSSNOTES_CLEAN=1``, and ``CI=true``)."""
    execute = config_options.Type(bool, default=True)
    """Run blocks and notebooks at all (also ``LOSSNOTES_EXECUTE=0``)."""
    timeout = config_options.Type((int, float), default=60)
    """Seconds a block or notebook cell may run; ``timeout="..."`` on a fence overrides."""
    workers = config_options.Type(int, default=0)
    """Worker processes running blocks at once; 0: one per core (``LOSSNOTES_WORKERS`` overrides)."""
    report = config_options.Type(str, default="build-report.md")
    """The generated build report page; empty for none."""
    notebooks = config_options.Type(bool, default=True)
    """Offer every page with executed blocks as a notebook."""
    moved_anchors = config_options.Type(dict, default={})
    """Headings a page split moved, old page -> new page -> anchors (``outputs.moved``)."""


class LossnotesPlugin(BasePlugin[LossnotesConfig]):  # type: ignore[no-untyped-call]  # as above
    """Cache, time, guard and report executed blocks; notebooks; reload; local math."""

    def __init__(self) -> None:
        self.tracker = _blocks.BlockTracker()
        self.runner = _execute.Runner(self.tracker)
        self.notebooks = _jupyter.Notebooks(None)
        self.urls: dict[str, str] = {}
        self.markdown: dict[str, str] = {}
        self.generated: dict[str, tuple[str, str]] = {}
        self.serving = False
        self.dirty = False
        self.renders = _serve.RenderCache()
        self.templates = _templates.CompiledTemplates()  # kept across serve's rebuilds
        self.block_cache: _cache.BlockCache | None = None
        self.math = _math.Math()
        self.built = ""  # the version of lossnotes pages are computed with (on_config)

    # -- configuration -----------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook also keeps this instance across the rebuilds of `mkdocs serve`,
        # which is what lets the render cache and the search memory live between them.
        self.serving = command == "serve"
        self.dirty = dirty
        if self.serving:
            _serve.memoize_search_index()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        return _watching.watch_natively(server)  # edits seen when saved, not at the next poll

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        thirdparty.check_versions()
        if "markdown-exec" not in config.plugins:
            raise PluginError(
                "the lossnotes plugin needs markdown-exec listed before it in plugins:"
            )
        self.tracker.wrap_formatters(config)
        self.root = Path(config.config_file_path).parent
        self.built = _readers.built_version(self.root)
        base = _readers.blob_base(config.repo_url, config.edit_uri)
        links = functools.partial(_readers.add_source_links, base)
        self.tracker.after_block[:] = [links, _folding.fold_code]  # the links fold with the code
        self.runner.install()
        jupyter = config.plugins.get("mkdocs-jupyter")
        self.notebooks = _jupyter.Notebooks(jupyter)
        if jupyter is not None:
            self._jupyter_execute = bool(jupyter.config.get("execute", False))
            _jupyter.set_time_limit(float(self.config.timeout))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        self.clean = _cache.clean_requested(self.config.clean)
        self.execute = self.config.execute and _cache.env_flag("LOSSNOTES_EXECUTE") is not False
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        cache_root = self.root / self.config.cache_dir
        if self.block_cache is None or self.block_cache.root != cache_root:
            self.block_cache = _cache.BlockCache(cache_root)  # kept across serve's rebuilds
        self.runner.start_build(
            self.block_cache,
            clean=self.clean,
            execute=self.execute,
            limit=float(self.config.timeout),
            workers=_pool.worker_count(self.config.workers),
            root=self.root,
            # The source tree: a block that writes there fails the build.
            protected=[Path(config.docs_dir), self.root / "snippets", self.root / "src"],
            config=config,
            settings=_serve.config_text(config) + repr(dict(self.config)),
        )
        if self.notebooks.plugin is not None:
            self.notebooks.plugin.config["execute"] = self._jupyter_execute
        self.notebooks.start_build(cache_root, clean=self.clean, execute=self.execute)
        self.urls, self.markdown, self.generated = {}, {}, {}
        katex = _assets.katex_dir(config, self.config.node_modules)
        self.math.start_build(katex, cache_root, clean=self.clean, dirty=self.dirty)
        if self.serving:
            settings = (dict(self.config), self.clean, self.execute)
            self.renders.start_build(config, settings=settings)
        if self.clean:
            log.info("lossnotes: clean run, the execution cache is ignored")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = _assets.add_katex(files, config, self.config.node_modules)
        # Loaded by one page only (the terrain explorer), never as extra_javascript.
        files = _assets.add_vendor_scripts(files, config, self.config.node_modules)
        files.append(File.generated(config, STYLESHEET, content=_CSS))
        if self.config.report:
            report = File.generated(config, self.config.report, content=_report.SKELETON)
            if self.config.report not in _report.nav_pages(config.nav):
                report.inclusion = InclusionLevel.NOT_IN_NAV  # reachable by URL, no warning
            files.append(report)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # Every page's blocks run now, in parallel, before the first page is rendered.
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        self.runner.prepare(pages, config)
        return nav

    # -- pages -------------------------------------------------------------------------
    @event_priority(50)  # before mkdocs-jupyter reads its cache directory
    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.notebooks.before_page(page)
        return page

    @event_priority(100)  # before markdown-exec's own hooks and other plugins
    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        self.tracker.start_page(page)
        self.runner.start_page()
        src = page.file.src_uri
        self.urls[src] = page.url
        if self.execute:
            markdown = _inline.fill_inline_values(markdown, self.runner.inline_values(src))
        self.markdown[page.file.src_uri] = markdown
        self.notebooks.wrap_render(page, self.runner.records)
        if self.serving:
            self.renders.wrap(page, self.runner)
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any
    ) -> str:
        self.tracker.raise_for_failures()
        html = _links.resolve_md_links(html, page, files)
        html = _links.resolve_site_root(html, page.url)
        src = page.file.src_uri
        records = self.runner.page_records(src)
        cached = sum(record.state == "cached" for record in records)
        seconds = sum(record.seconds for record in records)
        log.info(f"lossnotes: {src}: {len(records)} blocks, {cached} cached, {seconds:.2f} s")
        offered = self.config.notebooks and self.execute and src != self.config.report
        if offered and self.runner.codes:
            codes, markdown = dict(self.runner.codes), self.markdown.get(src, "")
            made = _notebook.page_file(page, markdown, codes, config, self.built)
            if made is not None:
                self.generated[src] = made
                html = _readers.insert_after_title(html, _readers.download_link(made[0]))
        # Once per page, before the download button: how to run its examples where you are.
        if page.is_homepage or any(block.includes for block in self.tracker.blocks):
            html = _readers.insert_after_title(html, _readers.run_note(self.built))
        return _folding.fold_control(_highlight.lighten(html))

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.runner.finish()
        if self.serving and env.bytecode_cache is None:
            env.bytecode_cache = self.templates
        # Every page is rendered: the links blocks printed can be checked, anchors included.
        if self.runner.plan is not None:
            _links.check_block_links(self.runner.plan.printed(), files)
        _moved.apply(self.config.moved_anchors, files)  # checked, then each old page's map
        return env

    @event_priority(100)  # before search indexes the page
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self.config.report and page.file.src_uri == self.config.report and page.content:

            def link(src: str) -> str:
                return get_relative_url(self.urls.get(src, src), page.url)

            page.content = _report.fill(page.content, _report.render(self.runner.records, link))
            # Its text is the timing of this very build: kept out of the search index,
            # which then stays identical from one build to the next.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            name, text = generated
            target = Path(config.site_dir) / Path(page.file.dest_uri).parent / name
            write_file(text.encode("utf-8"), str(target))
        output = self.math.page(_assets.strip_cdn_scripts(output), page.file.src_uri)
        output = _preload.preload_fonts(output, page.url)
        output = _figures.externalize(output, page.url, config.site_dir)
        output = _frames.externalize(output, page.url, config.site_dir)
        return _styles.bundle(output, page.url, config.site_dir)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        fonts = Path(config.site_dir) / _assets.KATEX_DEST / "fonts"
        self.math.finish(_assets.katex_fonts(config, self.config.node_modules), fonts)
        records = self.runner.records
        ran = sum(record.state == "ran" for record in records)
        cached = sum(record.state == "cached" for record in records)
        log.info(
            f"lossnotes: {len(records)} blocks and notebooks, {ran} ran, {cached} cached, "
            f"{sum(record.seconds for record in records):.2f} s"
        )
        if self.serving:
            log.info(
                f"lossnotes: {len(self.renders.reused)} unchanged pages reused from the previous render"
            )

    def on_build_error(self, *, error: Exception) -> None:
        self.runner.stop()
        self.math.close()
