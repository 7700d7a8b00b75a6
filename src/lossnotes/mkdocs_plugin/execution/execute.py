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

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from .. import thirdparty
from . import checks
from .blocks import BlockTracker
from .cache import BlockCache, Fingerprint, package_dir
from .collect import Collector, Item
from .deps import Sources
from .pool import Job, Pool

log = logging.getLogger("mkdocs.plugins.lossnotes")


@dataclass
class BlockRecord:
    """One executed block (or notebook) of one build, for the log and the build report."""

    page: str
    number: int
    line: int
    title: str
    session: str
    state: str  # "ran", "cached", "off" (execution switched off)
    seconds: float
    uses_package: bool = False
    #: What its output depends on (see :mod:`.deps`), with the hashes recorded when it ran.
    deps: dict[str, str | None] = field(default_factory=dict)
    #: Whether its output is in the cache (a hit, or stored after running).
    cacheable: bool = False
    #: The claims of the prose it checked (``lossnotes.pages.claim``).
    claims: list[str] = field(default_factory=list)

    @property
    def modules(self) -> tuple[str, ...]:
        return tuple(sorted({key.split(":")[1] for key in self.deps if key[:3] in ("fn:", "mod")}))


@dataclass
class Outcome:
    """The result of one item: its output, or why it failed."""

    item: Item
    state: str
    output: str = ""
    error: str | None = None
    seconds: float = 0.0
    entry: dict[str, Any] = field(default_factory=dict)


def _sessions(items: list[Item]) -> list[list[Item]]:
    groups: dict[str, list[Item]] = {}
    alone: list[list[Item]] = []
    for item in items:
        if item.session is None:
            alone.append([item])
        else:
            groups.setdefault(item.session, []).append(item)
    return [*groups.values(), *alone]


class Runner:
    """Plans, runs and serves the blocks of one build."""

    def __init__(self, tracker: BlockTracker) -> None:
        self.tracker = tracker
        self.cache: BlockCache | None = None
        self.fingerprint: Fingerprint | None = None
        self.sources: Sources | None = None
        self.compiled = Path()
        self.clean = False
        self.execute = True
        self.default_limit = 60.0
        self.workers = 1
        self.root = Path.cwd()
        self.strict = False
        self.records: list[BlockRecord] = []
        self.codes: dict[int, str] = {}
        self.outcomes: dict[tuple[str, str, int], Outcome] = {}
        self.collector = Collector(tracker, self.default_limit)

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
        strict: bool,
        protected: list[Path],
    ) -> None:
        self.cache, self.clean, self.execute, self.default_limit = cache, clean, execute, limit
        self.workers, self.root, self.strict = workers, root, strict
        package = package_dir()
        self.protected = sorted({str(p) for p in [*protected, *([package] if package else [])]})
        self.collector.default_limit = limit
        self.fingerprint = Fingerprint.current()
        self.sources = Sources(package_dir(), root)
        self.compiled = self.sources.compile_package(cache.root / "code")
        self.records, self.outcomes = [], {}

    def start_page(self) -> None:
        self.codes = {}

    # -- before rendering --------------------------------------------------------------
    def prepare(self, pages: Iterable[Page], config: MkDocsConfig) -> None:
        """Collect, plan and execute the blocks of every page; stop the build on a failure."""
        if not self.execute:
            return
        jobs: list[Job] = []
        problems: list[str] = []  # pages that cannot even be collected
        for page in pages:
            if page.file.src_uri.endswith(".md"):
                try:
                    items = self.collector.page(page, config)
                    self.tracker.raise_for_failures()
                except PluginError as error:
                    problems.append(str(error))
                    continue
                for session in _sessions(items):
                    job = self._plan(session)
                    if job is not None:
                        jobs.append(job)
        start = time.perf_counter()
        Pool(self.workers).run(jobs)
        if jobs:
            log.debug(f"lossnotes: {len(jobs)} sessions ran in {time.perf_counter() - start:.2f} s")
        failures = [o for o in self.outcomes.values() if o.error is not None]
        failures.sort(key=lambda o: (o.item.page, o.item.line))
        problems += [f"{o.item.where} failed: {o.error}" for o in failures]
        if problems:
            raise PluginError("\n".join(problems))

    def _key(self, items: list[Item], index: int) -> str:
        assert self.fingerprint is not None
        prefix = [f"{i.kind}:{i.code}" for i in items[: index + 1]]
        item = items[index]
        extra = {"id": item.id, "title": item.title, "ordinal": index}
        return self.fingerprint.key(codes=prefix, session=item.session, extra=extra)

    def _plan(self, items: list[Item]) -> Job | None:
        assert self.cache is not None and self.sources is not None
        keys = [self._key(items, index) for index in range(len(items))]
        misses = []
        for index, (item, key) in enumerate(zip(items, keys)):
            entry = None if self.clean else self.cache.get(key, self.sources.unchanged)
            if entry is None:
                misses.append(index)
            else:
                self._store(Outcome(item, "cached", entry["output"], entry=entry))
        if not misses:
            return None
        run = items[: misses[-1] + 1]
        blocks = [i for i in run if i.kind == "block"]
        data = {
            "page": items[0].page,
            "session": items[0].session,
            "root": str(self.root),
            "package": str(self.sources.package or ""),
            "compiled": str(self.compiled),
            "protected": self.protected,
            "ignored": checks.environment_paths(),
            "items": [
                {
                    "kind": item.kind,
                    "code": item.code,
                    "id": item.id,
                    "title": item.title,
                    "line": item.line,
                    "ordinal": blocks.index(item) + 1 if item.kind == "block" else 0,
                }
                for item in run
            ],
        }

        def report(index: int, kind: str, result: dict[str, Any]) -> None:
            self._finish(run[index], keys[index], kind, result)

        expected = sum(float(self.cache.seconds(key)) for key in keys)
        name = f"{items[0].page} {items[0].session or items[0].number}"
        limits = [item.limit for item in run]
        return Job(name, data, limits, report, expected)

    def _finish(self, item: Item, key: str, kind: str, result: dict[str, Any]) -> None:
        assert self.cache is not None and self.sources is not None
        where = item.where
        for text in result.get("warnings", []):
            log.warning(f"lossnotes: {where} warned: {text}")
        for stream in ("stdout", "stderr"):
            if result.get(stream, "").strip():
                log.info(f"lossnotes: {where} wrote to {stream}: {result[stream].strip()}")
        if kind == "failed":
            line = result.get("error_line")
            at = f" at line {line} of the block" if line else ""
            self._store(Outcome(item, "ran", error=f"{result['error']}{at}"))
            return
        output = str(result["output"])
        problem = checks.output_problem(output, item, self.root)
        if problem is not None:
            self._store(Outcome(item, "ran", error=problem))
            return
        deps = self.sources.record(result["deps"])
        entry = {
            "output": output,
            "seconds": result.get("seconds", 0.0),
            "deps": deps,
            "claims": result.get("claims", []),
            "warnings": result.get("warnings", []),
        }
        cacheable = all(v is not None for v in deps.values())
        if cacheable and not result.get("warnings"):
            self.cache.put(key, entry)
        self._store(Outcome(item, "ran", output, entry=entry, seconds=entry["seconds"]))

    def _store(self, outcome: Outcome) -> None:
        item = outcome.item
        self.outcomes[(item.page, item.kind, item.number)] = outcome
        if outcome.state == "cached":
            for text in outcome.entry.get("warnings", []):
                log.warning(f"lossnotes: {item.where} warned: {text}")

    # -- while rendering ---------------------------------------------------------------
    def inline_values(self, page: str) -> list[str]:
        """The computed inline values of ``page``, in order."""
        found = [o for (p, kind, _), o in self.outcomes.items() if p == page and kind == "inline"]
        return [o.output for o in sorted(found, key=lambda o: o.item.number)]

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
        outcome = self.outcomes.get((tracker.page, "block", number))
        if outcome is None or outcome.item.code != code:
            raise thirdparty.execution_error(
                "this block was not collected before rendering (did a plugin change the page?)"
            )
        if outcome.error is not None:
            raise thirdparty.execution_error(outcome.error)
        entry = outcome.entry
        record.state, record.seconds = outcome.state, outcome.seconds
        record.deps, record.claims = dict(entry.get("deps", {})), list(entry.get("claims", []))
        record.cacheable = all(v is not None for v in record.deps.values())
        return outcome.output

    def printed(self) -> list[tuple[str, str, str]]:
        """Every output a block printed this build: (page, where, output)."""
        return [
            (o.item.page, o.item.where, o.output)
            for o in self.outcomes.values()
            if o.item.kind == "block" and o.error is None
        ]

    def page_records(self, page: str) -> list[BlockRecord]:
        return [record for record in self.records if record.page == page]
