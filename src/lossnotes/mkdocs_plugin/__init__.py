"""The lossnotes MkDocs plugin: what markdown-exec and mkdocs-jupyter lack.

Enabled in ``mkdocs.yml`` as ``- lossnotes`` *after* ``markdown-exec``. It

* counts the executed blocks of every page and turns a failing block into a build
  error that names the page, the block and the line it starts on, so a traceback is
  never published (see :mod:`._blocks`);
* forgets the lossnotes modules before each build, so ``mkdocs serve`` shows an edit
  to the package on the next rebuild (see :mod:`._reload`);
* serves KaTeX from the site itself and strips the CDN scripts that mkdocs-jupyter
  injects into notebook pages (see :mod:`._assets`).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import _assets, _blocks, _reload


class LossnotesConfig(Config):
    """Options of the ``lossnotes`` plugin."""

    katex_dir = config_options.Type(str, default="node_modules/katex/dist")
    """Where ``npm ci`` put KaTeX's distribution, relative to ``mkdocs.yml``."""


class LossnotesPlugin(BasePlugin[LossnotesConfig]):
    """Fail loudly on broken blocks, reload the package, serve math locally."""

    def __init__(self) -> None:
        self.tracker = _blocks.BlockTracker()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "markdown-exec" not in config.plugins:
            raise PluginError("the lossnotes plugin needs markdown-exec listed before it in plugins:")
        self.tracker.wrap_formatters(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        _reload.forget_lossnotes_modules()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return _assets.add_katex(files, config, self.config.katex_dir)

    @event_priority(100)  # before markdown-exec's own hooks and other plugins
    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        self.tracker.start_page(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> str:
        self.tracker.raise_for_failures()
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return _assets.strip_cdn_scripts(output)
