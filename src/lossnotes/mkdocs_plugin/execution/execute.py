"""Execute every page's blocks ahead of rendering: plan against the cache, run the rest in workers.

:meth:`Runner.prepare` is called once per build, after the file list is known and before
any page is rendered. For each page it collects the blocks and inline values
(:mod:`.collect`) and groups them by session; a block without a session is a session
of its own. A session whose every item is in the cache with unchanged dependencies
runs nothing; otherwise its items up to the last miss run in one worker process
(:mod:`.pool`, :mod:`.worker`), and the results are checked (:mod:`.checks`) and stored.
Any failure stops the build there, listing every failing block with its page and line.

Rendering then only looks up: markdown-exec's Python runner is replaced by
:meth:`Runner.run`, which returns the stored output of the block it is asked for (its
code must be the collected one; a block that only appears at render time, because
another plugin changed the page, is run on the spot the same way).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from .. import thirdparty
from .background import Background
from .blocks import BlockTracker
from .cache import BlockCache, package_dir
from .collect import Collector
from .deps import Sources
from .plan import Plan, sessions
from .pool import Job, Pool
from .records import BlockRecord


class Runner:
    """Plans, runs and serves the blocks of one build."""

    def __init__(self, tracker: BlockTracker) -> None:
        self.tracker = tracker
        self.plan: Plan | None = None
        self.sources: Sources | None = None
        self.clean = False
        self.execute = True
        self.default_limit = 60.0
        self.workers = 1
        self.records: list[BlockRecord] = []
        self.codes: dict[int, str] = {}
        self.collector = Collector(tracker, self.default_limit)
        self.background: Background | None = None

    # -- lifecycle ---------------------------------------------------------------------
    def install(self) -> None:
        """Route markdown-exec's ``python``/``py`` fences through :meth:`run`."""
        thirdparty.route_python(self.run)

    def start_build(
        self,
        cache: BlockCache,
        *,
        clean: bool,
        execute: bool,
        limit: float,
        workers: int,
        root: Path,
        protected: list[Path],
        config: MkDocsConfig,
        settings: str,
    ) -> None:
        self.clean, self.execute, self.default_limit = clean, execute, limit
        self.workers = workers
        package = package_dir()
        self.collector.default_limit = limit
        self.collector.start_build(config, settings)
        self.sources = Sources(package, root)
        self.plan = Plan(
            cache,
            self.sources,
            clean=clean,
            root=root,
            protected=sorted({str(p) for p in [*protected, *([package] if package else [])]}),
            compiled=self.sources.compile_package(cache.root / "code"),
        )
        self.records = []

    def start_page(self) -> None:
        self.codes = {}

    # -- before rendering --------------------------------------------------------------
    def prepare(self, pages: Iterable[Page], config: MkDocsConfig) -> None:
        """Collect and plan the blocks of every page, and start running them in workers.

        Rendering starts at once: each page waits for its own blocks only. A page that
        cannot be collected stops the build here.
        """
        if not self.execute or self.plan is None:
            return
        jobs: list[Job] = []
        problems: list[str] = []
        for page in pages:
            if page.file.src_uri.endswith(".md"):
                try:
                    items = self.collector.page(page, config)
                    self.tracker.raise_for_failures()
                except PluginError as error:
                    problems.append(str(error))
                    continue
                self.plan.expected[page.file.src_uri] = items
                jobs += [job for s in sessions(items) if (job := self.plan.job(s)) is not None]
        self.background = Background(self.plan, Pool(self.workers), jobs)
        if problems:  # the build stops: run the rest first, to name every failure at once
            self.background.finish(problems)
        self.background.start()

    def finish(self) -> None:
        """Wait for every job; stop the build listing every block that failed."""
        if self.background is not None:
            try:
                self.background.finish()
            finally:
                if self.plan is not None:
                    self.plan.cache.record_durations(self.plan.durations)

    def stop(self) -> None:
        """Kill the running workers (the build failed elsewhere)."""
        if self.background is not None:
            self.background.stop()

    def inline_values(self, page: str) -> list[str]:
        """The inline values of ``page``, waiting for them; a failure stops the build."""
        outcomes = self.plan.inline_values(page) if self.plan is not None else []
        if any(o is None or o.error is not None for o in outcomes):
            self.finish()
        return [o.output for o in outcomes if o is not None]

    # -- while rendering ---------------------------------------------------------------
    def run(
        self,
        code: str,
        returncode: int | None = None,
        session: str | None = None,
        id: str | None = None,
        **extra: str,
    ) -> str:
        tracker = self.tracker
        if self.collector.active:
            self.collector.record(code, session, id, extra)
            return ""
        number, block = tracker.count, tracker.current
        self.codes[number] = code
        record = BlockRecord(
            page=tracker.page,
            number=number,
            line=block.line if block else 0,
            title=block.title if block else "",
            session=session or "",
            state="off",
            seconds=0.0,
        )
        self.records.append(record)
        if not self.execute:
            return ""
        outcome = self.plan.wait(tracker.page, "block", number) if self.plan else None
        if outcome is not None and outcome.error is not None:
            self.finish()  # raises, naming this block and every other that failed
        if outcome is None or outcome.item.code != code:
            raise thirdparty.execution_error(
                "this block was not collected before rendering (did a plugin change the page?)"
            )
        if outcome.error is not None:
            raise thirdparty.execution_error(outcome.error)
        record.take(outcome.state, outcome.seconds, outcome.entry)
        return outcome.output

    def page_records(self, page: str) -> list[BlockRecord]:
        return [record for record in self.records if record.page == page]
