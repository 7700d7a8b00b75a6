"""Run markdown-exec's Python blocks through the cache, with a time limit and a clean state.

We replace markdown-exec's ``run`` step for Python (the function that executes the
code and returns what it printed); markdown-exec still renders that output, so
headings, tabs and ids come out exactly as without the cache.

Sessions. markdown-exec keeps one namespace per session name for the whole build;
we give every page fresh sessions. A block's key covers its session prefix, so a hit
is correct by construction; but a later *miss* in the same session needs the
namespace the skipped blocks would have built. So cached blocks are not executed,
and the first miss of a session replays the earlier blocks of that session (output
discarded) before running. Before every execution, replays included, random seeds
and matplotlib's rcParams are reset (the house style of ``lossnotes.figures`` applied),
which makes a block's output a function of its key alone: the same as in a clean run.

Modules. Every session of a page sees its own, freshly imported lossnotes modules
(:class:`.modules.Universes`), so the modules loaded after a block ran are exactly
the ones its session's executed blocks used; they are stored with the entry and
decide later hits (see :mod:`.cache`).

Time limit. Builds run on the main thread (``mkdocs build`` and ``mkdocs serve``),
where SIGALRM interrupts a runaway block; elsewhere (or without ``setitimer``) a timer
thread raises ``TimeoutError`` in the building thread. Either way the block fails
with ``TimeoutError`` and :mod:`.blocks` stops the build naming page and block.
"""

from __future__ import annotations

import contextlib
import ctypes
import random
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import thirdparty
from .blocks import BlockTracker
from .cache import BlockCache, Fingerprint
from .modules import Universes, install_finder, loaded_sources


def reset_state() -> None:
    """Seed ``random`` and ``numpy.random`` with 0 and restore the house rcParams.

    Always, whether or not matplotlib was imported before: a block's output must not
    depend on what ran before it in the process.
    """
    import matplotlib
    import numpy

    random.seed(0)
    numpy.random.seed(0)  # noqa: NPY002  (the legacy global generator is what page code may use)
    matplotlib.rcdefaults()
    from lossnotes.figures import use_house_style

    use_house_style()


_imported = False


def _import_libraries() -> float:
    """Import what :func:`reset_state` needs (numpy, matplotlib, the libraries of
    ``lossnotes.figures``) once per process; return the seconds it took."""
    global _imported
    if _imported:
        return 0.0
    start = time.perf_counter()
    import numpy  # noqa: F401

    try:  # its lossnotes modules are imported again in every session: only the libraries stay
        import lossnotes.figures  # noqa: F401
    except Exception:  # noqa: BLE001  reset_state reports it, naming the block
        pass

    _imported = True
    return time.perf_counter() - start


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise ``TimeoutError`` inside the ``with`` body once ``seconds`` have passed."""
    message = f"{what} ran longer than its time limit of {seconds:g} s"
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def interrupt(signum: int, frame: Any) -> None:
            raise TimeoutError(message)

        previous = signal.signal(signal.SIGALRM, interrupt)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    target = threading.get_ident()
    start = time.perf_counter()

    def interrupt_thread() -> None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(target), ctypes.py_object(TimeoutError)
        )

    timer = threading.Timer(seconds, interrupt_thread)
    timer.daemon = True
    timer.start()
    try:
        yield
    except TimeoutError as error:
        raise TimeoutError(message) from error
    finally:
        timer.cancel()
    if time.perf_counter() - start > seconds:
        raise TimeoutError(message)


@dataclass
class BlockRecord:
    """One executed block of one build, for the log and the build report."""

    page: str
    number: int
    line: int
    title: str
    session: str
    state: str  # "ran", "cached", "off" (execution switched off)
    seconds: float
    replayed: int = 0
    uses_package: bool = False
    #: The lossnotes modules the block depends on (recorded when it ran), with their source hashes.
    sources: dict[str, str] = field(default_factory=dict)
    #: Whether its output is in the cache (a hit, or stored after running).
    cacheable: bool = False

    @property
    def modules(self) -> tuple[str, ...]:
        return tuple(sorted(self.sources))


@dataclass
class _Session:
    codes: list[str] = field(default_factory=list)
    limits: list[float] = field(default_factory=list)
    executed: int = 0  # how many of ``codes`` the live namespace reflects


class Runner:
    """markdown-exec's Python ``run`` step, with cache, replay, limits and records."""

    def __init__(self, tracker: BlockTracker) -> None:
        self.tracker = tracker
        self.cache: BlockCache | None = None
        self.fingerprint: Fingerprint | None = None
        self.clean = False
        self.execute = True
        self.default_limit = 60.0
        self.records: list[BlockRecord] = []
        self.codes: dict[int, str] = {}
        self._sessions: dict[str, _Session] = {}
        self.universes = Universes()

    # -- lifecycle ---------------------------------------------------------------------
    def start_build(self, cache: BlockCache, *, clean: bool, execute: bool, limit: float) -> None:
        self.cache, self.clean, self.execute, self.default_limit = cache, clean, execute, limit
        self.fingerprint = Fingerprint.current()
        self.records = []

    def start_page(self) -> None:
        thirdparty.reset_python_sessions()
        self._sessions = {}
        self.codes = {}
        self.universes.reset()

    def install(self) -> None:
        """Route markdown-exec's ``python``/``py`` fences through :meth:`run`."""
        install_finder()
        thirdparty.route_python(self.run)

    # -- execution ---------------------------------------------------------------------
    def _execute(
        self,
        code: str,
        *,
        session: str | None,
        id: str | None,
        limit: float,
        what: str,
        extra: dict[str, str],
    ) -> str:
        try:
            reset_state()
        except (
            Exception
        ) as error:  # e.g. a broken lossnotes.figures: name the block, not the plugin
            raise thirdparty.execution_error(f"{type(error).__name__}: {error}") from error
        try:
            with time_limit(limit, what):
                return thirdparty.run_python(code, session=session, id=id, **extra)
        except TimeoutError as error:  # the alarm fired outside the block's own frame
            raise thirdparty.execution_error(f"TimeoutError: {error}") from error

    def run(
        self,
        code: str,
        returncode: int | None = None,
        session: str | None = None,
        id: str | None = None,
        **extra: str,
    ) -> str:
        tracker = self.tracker
        number = tracker.count
        block = tracker.blocks[number - 1] if number <= len(tracker.blocks) else None
        limit = tracker.timeout if tracker.timeout is not None else self.default_limit
        what = f"block {number}"
        self.codes[number] = code
        state = self._sessions.setdefault(session, _Session()) if session else _Session()
        codes = [*state.codes, code]
        record = BlockRecord(
            page=tracker.page,
            number=number,
            line=block.line if block else 0,
            title=block.title if block else "",
            session=session or "",
            state="ran",
            seconds=0.0,
        )
        start = time.perf_counter()
        try:
            if not self.execute:
                record.state = "off"
                return ""
            assert self.cache is not None and self.fingerprint is not None
            key = self.fingerprint.key(codes=codes, session=session)
            entry = None if self.clean else self.cache.get(key, self.fingerprint.modules)
            if entry is not None:
                record.state = "cached"
                record.sources, record.cacheable = dict(entry["modules"]), True
                return entry["output"]
            start += _import_libraries()  # once per process, not the block's own time
            self.universes.enter(session or None)  # markdown-exec passes "" for no session
            # Bring the session's namespace up to date before running this block.
            for index in range(state.executed, len(state.codes)):
                self._execute(
                    state.codes[index],
                    session=session,
                    id=None,
                    limit=state.limits[index],
                    what=f"block {number} (replaying an earlier block of session '{session}')",
                    extra={},
                )
                record.replayed += 1
            ran = time.perf_counter()
            output = self._execute(
                code, session=session, id=id, limit=limit, what=what, extra=extra
            )
            seconds = time.perf_counter() - ran
            state.executed = len(codes)
            modules = loaded_sources()
            if all(modules.values()):  # every module's source is known: cacheable
                record.sources, record.cacheable = dict(modules), True  # type: ignore[arg-type]
                self.cache.put(
                    key,
                    {
                        "output": output,
                        "seconds": seconds,
                        "page": tracker.page,
                        "number": number,
                        "modules": modules,
                    },
                )
            return output
        finally:
            state.codes.append(code)
            state.limits.append(limit)
            record.seconds = time.perf_counter() - start
            self.records.append(record)

    def page_records(self, page: str) -> list[BlockRecord]:
        return [record for record in self.records if record.page == page]
