"""Math at build time: typeset every page's formulas, then subset KaTeX's fonts to them.

Ties together :mod:`.mathtext` (where the formulas are), :mod:`.katex` (KaTeX in node,
cached) and :mod:`.fonts` (WOFF2 subsets), for the plugin's hooks: :meth:`Math.start_build`
in ``on_pre_build``, :meth:`Math.page` in ``on_post_page`` (the whole page, as the
browser's auto-render saw it; the search index keeps the TeX source, as before) and
:meth:`Math.finish` in ``on_post_build``, once the union of the glyphs is known.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from .fonts import FontSubsets, available
from .katex import Katex
from .mathtext import Formula, typeset

log = logging.getLogger("mkdocs.plugins.lossnotes")


class Math:
    """The build's formulas and the glyphs they draw, page by page."""

    def __init__(self) -> None:
        self.katex: Katex | None = (
            None  # made on the first formula: KaTeX may be missing until on_files
        )
        self.fonts: FontSubsets | None = None
        self.cache_dir: Path | None = None
        self.glyphs: dict[str, str] = {}  # page -> characters its formulas draw
        self.pages: dict[
            str, tuple[bytes, str, list[Formula]]
        ] = {}  # page -> input hash, output, formulas
        self.formulas = 0
        self.seconds = 0.0

    def start_build(self, katex_dir: Path, cache_dir: Path, *, clean: bool, dirty: bool) -> None:
        """Prepare a build; a dirty rebuild keeps the glyphs of the pages it will not render."""
        # Both keep what they made in memory across the rebuilds of `mkdocs serve`.
        if self.katex is not None and (self.katex.katex_dir, self.cache_dir) != (
            katex_dir,
            cache_dir,
        ):
            self.katex = None
        if self.fonts is None or self.cache_dir != cache_dir:
            self.fonts = FontSubsets(cache_dir)
        if self.katex is not None:
            self.katex.start_build(clean=clean)
        self.katex_dir, self.cache_dir, self.clean = katex_dir, cache_dir, clean
        if not dirty:
            self.glyphs = {}
        self.formulas, self.seconds = 0, 0.0

    def page(self, html: str, src: str) -> str:
        """``html`` with its formulas typeset; a formula KaTeX rejects fails naming ``src``."""
        self.glyphs.pop(src, None)
        start = time.perf_counter()
        digest = hashlib.sha256(html.encode()).digest()
        found: list[Formula] = []

        def render(formulas: list[Formula]) -> dict[Formula, str]:
            if self.katex is None:
                if self.cache_dir is None:
                    raise RuntimeError("Math.start_build comes before the first page")
                self.katex = Katex(self.katex_dir, self.cache_dir)
                self.katex.start_build(clean=self.clean)
            results = self.katex.render(formulas, src)  # also logs KaTeX's warnings again
            self.glyphs[src] = "".join(result["glyphs"] for result in results.values())
            self.formulas += len(formulas)
            found[:] = formulas
            return {formula: result["html"] for formula, result in results.items()}

        # `mkdocs serve` renders every page again on each save: an unchanged page is not rescanned
        # (its formulas are still looked up, for the glyphs and KaTeX's warnings).
        remembered = self.pages.get(src)
        if remembered is not None and remembered[0] == digest:
            _, html, formulas = remembered
            if formulas:
                render(formulas)
        else:
            html = typeset(html, render)
            self.pages[src] = (digest, html, list(found))
        self.seconds += time.perf_counter() - start
        return html

    def finish(self, fonts: list[Path], target: Path) -> None:
        """Stop node, then write subsets of ``fonts`` into ``target``."""
        started = self.katex.started if self.katex else 0
        self.close()
        log.info(
            f"lossnotes: math: {self.formulas} formulas typeset on {len(self.glyphs)} pages "
            f"in {self.seconds:.2f} s ({started} node process{'es' * (started != 1)})"
        )
        missing = available()
        if missing:
            log.info(f"lossnotes: KaTeX's fonts are served whole: {missing}")
            return
        assert self.fonts is not None
        start = time.perf_counter()
        before, after = self.fonts.write(
            fonts, target, "".join(self.glyphs.values()), clean=self.clean
        )
        log.info(
            f"lossnotes: KaTeX fonts subset from {before // 1024} KB to {after // 1024} KB "
            f"in {time.perf_counter() - start:.2f} s"
        )

    def close(self) -> None:
        """Stop node (also after a failed build) and save the formula cache."""
        if self.katex is not None:
            self.katex.close()
