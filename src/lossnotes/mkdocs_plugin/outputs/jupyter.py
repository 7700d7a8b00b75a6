"""Notebook pages (mkdocs-jupyter): a cache that knows the package, a time limit, named failures.

mkdocs-jupyter caches a rendered notebook under a key made of the notebook's bytes
and its own options, so an edit to lossnotes would be served stale. We keep its cache
but point ``cache_dir`` (per page, before it reads it) at a directory named after our
fingerprint: the versions and, when the notebook mentions lossnotes,
the package's sources. Its key and our directory together are the full key.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from .. import thirdparty
from ..execution.cache import Fingerprint
from ..execution.records import BlockRecord


class _Hits(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.hit = False

    def emit(self, record: logging.LogRecord) -> None:
        self.hit = self.hit or record.getMessage().startswith(thirdparty.JUPYTER_HIT)


def set_time_limit(limit: float) -> None:
    """Give every notebook cell ``limit`` seconds (cell metadata ``lossnotes.timeout`` overrides)."""

    def cell_limit(cell: Any) -> float | None:
        return float(cell.get("metadata", {}).get("lossnotes", {}).get("timeout", limit)) or None

    thirdparty.set_cell_timeout(cell_limit)


_CELL = re.compile(r"executing the following cell:\n-+\n(.*?)\n-+\n", re.S)


def failing_cell(message: str, notebook: str) -> str:
    """`` in cell N (`first line`)`` for nbconvert's error ``message``, or ``""``.

    Cells are numbered from 1 among code cells, as Jupyter shows them unexecuted.

    Examples
    --------
    >>> book = json.dumps({"cells": [{"cell_type": "markdown", "source": "# T"},
    ...     {"cell_type": "code", "source": ["x = 1\\n", "y = 1 / 0"]}]})
    >>> error = "executing the following cell:\\n---\\nx = 1\\ny = 1 / 0\\n---\\nZeroDivisionError"
    >>> failing_cell(error, book)
    ' in code cell 1 (`x = 1`)'
    """
    found = _CELL.search(message)
    if found is None:
        return ""
    try:
        cells = json.loads(notebook)["cells"]
    except (ValueError, KeyError, TypeError):
        return ""
    code = [c for c in cells if isinstance(c, dict) and c.get("cell_type") == "code"]
    for number, cell in enumerate(code, start=1):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if source.strip() == found[1].strip():
            first = source.strip().splitlines()[0] if source.strip() else ""
            return f" in code cell {number} (`{first}`)"
    return ""


class Notebooks:
    """Wraps mkdocs-jupyter's per-page rendering with our cache directory and records."""

    def __init__(self, plugin: BasePlugin[Any] | None) -> None:
        self.plugin = plugin

    def start_build(self, root: Path, *, clean: bool, execute: bool) -> None:
        self.root = root / "notebooks"
        self.fingerprint = Fingerprint.current()
        if self.plugin is None:
            return
        if clean and self.root.is_dir():
            shutil.rmtree(self.root)
        self.plugin.config["cache"] = True
        self.plugin.config["execute"] = execute and self.plugin.config.get("execute", False)

    def before_page(self, page: Page) -> None:
        """Called before mkdocs-jupyter's ``on_pre_page`` reads its cache directory."""
        if (
            self.plugin is None
            or not page.file.src_uri.endswith(".ipynb")
            or page.file.abs_src_path is None
        ):
            return
        text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        self.plugin.config["cache_dir"] = str(self.root / self.fingerprint.namespace(text))

    def wrap_render(self, page: Page, records: list[BlockRecord]) -> None:
        """Time mkdocs-jupyter's render of a notebook page and name the notebook on failure."""
        render = page.render
        if not thirdparty.renders_notebook(page):
            return  # not a notebook page
        uses = "lossnotes" in Path(page.file.abs_src_path or "").read_text(
            encoding="utf-8", errors="replace"
        )

        def timed_render(config: Any, files: Any) -> None:
            hits = _Hits()
            logger = logging.getLogger(thirdparty.JUPYTER_LOGGER)
            logger.addHandler(hits)
            start = time.perf_counter()
            try:
                render(config, files)
            except Exception as error:
                name = getattr(error, "ename", type(error).__name__)
                value = getattr(error, "evalue", str(error).strip().splitlines()[-1:] or [""])
                value = value if isinstance(value, str) else value[0]
                cell = failing_cell(str(error), page.file.content_string)
                raise PluginError(
                    f"{page.file.src_uri}: notebook execution failed{cell}: {name}: {value}"
                ) from error
            finally:
                logger.removeHandler(hits)
            records.append(
                BlockRecord(
                    page=page.file.src_uri,
                    number=0,
                    line=0,
                    title="",
                    session="",
                    state="cached" if hits.hit else "ran",
                    seconds=time.perf_counter() - start,
                    uses_package=uses,
                )
            )

        page.render = timed_render  # type: ignore[method-assign]
