"""Plan a session against the cache, and take in what its worker reports.

A session's items (its blocks and inline values, in page order) each have a key: the
code of every item up to it, its id and title, and the environment (:mod:`.cache`).
An item whose entry is stored with unchanged dependencies is served from the cache;
the session's items up to the last one that is not become one worker job (:mod:`.pool`).
What the worker reports is checked (:mod:`.checks`), its warnings and streams logged
with the page and block, and a complete result stored. Failures are never stored.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import checks
from .cache import BlockCache, Fingerprint
from .deps import Sources
from .items import Item
from .pool import Job

log = logging.getLogger("mkdocs.plugins.lossnotes")


@dataclass
class Outcome:
    """The result of one item: its output, or why it failed."""

    item: Item
    state: str
    output: str = ""
    error: str | None = None
    seconds: float = 0.0
    entry: dict[str, Any] = field(default_factory=dict)


def sessions(items: list[Item]) -> list[list[Item]]:
    """Group a page's items by session; an item without one is a session of its own."""
    groups: dict[str, list[Item]] = {}
    alone: list[list[Item]] = []
    for item in items:
        if item.session is None:
            alone.append([item])
        else:
            groups.setdefault(item.session, []).append(item)
    return [*groups.values(), *alone]


class Plan:
    """One build's view of the cache: what is stored, what runs, what came of it."""

    def __init__(
        self,
        cache: BlockCache,
        sources: Sources,
        *,
        clean: bool,
        root: Path,
        protected: list[str],
        compiled: Path,
    ) -> None:
        self.cache, self.sources, self.clean = cache, sources, clean
        self.fingerprint = Fingerprint.current()
        self.root, self.protected, self.compiled = root, protected, compiled
        self.outcomes: dict[tuple[str, str, int], Outcome] = {}
        #: The items each page will look up while it renders.
        self.expected: dict[str, list[Item]] = {}
        #: Notified whenever an outcome is stored (workers report from the pool's thread).
        self.changed = threading.Condition()
        self.running = False
        #: How long each job took when it last ran, and how long each takes in this build.
        self.estimates = cache.durations()
        self.durations: dict[str, float] = {}

    def key(self, items: list[Item], index: int) -> str:
        prefix = [f"{i.kind}:{i.code}" for i in items[: index + 1]]
        item = items[index]
        extra = {"id": item.id, "title": item.title, "ordinal": index}
        return self.fingerprint.key(codes=prefix, session=item.session, extra=extra)

    def job(self, items: list[Item]) -> Job | None:
        """The worker job for a session's items, or ``None`` when all are in the cache."""
        keys = [self.key(items, index) for index in range(len(items))]
        misses = []
        for index, (item, key) in enumerate(zip(items, keys)):
            entry = None if self.clean else self.cache.get(key, self.sources.unchanged)
            if entry is None:
                misses.append(index)
            else:
                self.store(Outcome(item, "cached", entry["output"], entry=entry))
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

        name = f"{items[0].page} {items[0].session or items[0].number}"

        def report(index: int, kind: str, result: dict[str, Any]) -> None:
            self.durations[name] = self.durations.get(name, 0.0) + result.get("seconds", 0.0)
            self.finish(run[index], keys[index], kind, result)

        limits = [item.limit for item in run]
        return Job(name, data, limits, report, self.estimates.get(name, float("inf")))

    def finish(self, item: Item, key: str, kind: str, result: dict[str, Any]) -> None:
        where = item.where
        for text in result.get("warnings", []):
            log.warning(f"lossnotes: {where} warned: {text}")
        for stream in ("stdout", "stderr"):
            if result.get(stream, "").strip():
                log.info(f"lossnotes: {where} wrote to {stream}: {result[stream].strip()}")
        if kind == "failed":
            line = result.get("error_line")
            at = f" at line {line} of the block" if line else ""
            self.store(Outcome(item, "ran", error=f"{result['error']}{at}"))
            return
        output = str(result["output"])
        problem = checks.output_problem(output, item, self.root)
        if problem is not None:
            self.store(Outcome(item, "ran", error=problem))
            return
        deps = self.sources.record(result["deps"])
        entry = {
            "output": output,
            "seconds": result.get("seconds", 0.0),
            "deps": deps,
            "claims": result.get("claims", []),
            "figures": result.get("figures", []),
            "warnings": result.get("warnings", []),
        }
        cacheable = all(v is not None for v in deps.values())
        if cacheable and not result.get("warnings"):
            self.cache.put(key, entry)
        self.store(Outcome(item, "ran", output, entry=entry, seconds=entry["seconds"]))

    def store(self, outcome: Outcome) -> None:
        item = outcome.item
        with self.changed:
            self.outcomes[(item.page, item.kind, item.number)] = outcome
            self.changed.notify_all()
        if outcome.state == "cached":
            for text in outcome.entry.get("warnings", []):
                log.warning(f"lossnotes: {item.where} warned: {text}")

    def wait(self, page: str, kind: str, number: int) -> Outcome | None:
        """The outcome of an item, once its worker reported it (``None``: it never will)."""
        key = (page, kind, number)
        with self.changed:
            while key not in self.outcomes and self.running:
                self.changed.wait()
            return self.outcomes.get(key)

    def inline_values(self, page: str) -> list[Outcome | None]:
        """The outcomes of the inline values of ``page``, in order, once computed."""
        items = [i for i in self.expected.get(page, []) if i.kind == "inline"]
        return [self.wait(page, "inline", item.number) for item in items]

    def printed(self) -> list[tuple[str, str, str]]:
        """Every output a block printed this build: (page, where, output)."""
        return [
            (o.item.page, o.item.where, o.output)
            for o in self.outcomes.values()
            if o.item.kind == "block" and o.error is None
        ]
