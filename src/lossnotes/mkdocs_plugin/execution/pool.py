"""Run session jobs in worker processes, a few at a time, each under limits it cannot escape.

Workers are forked by multiprocessing's fork server, started once per MkDocs process
with numpy and matplotlib imported (and a fixed hash seed, so that no two builds
differ by set order). Each job gets a fresh process running :mod:`.worker`: nothing a
block does to its interpreter can reach another session.

The parent enforces the limits. A block's clock starts when the worker says it started
it; when it runs out the worker is killed. A worker that ends before reporting its
last block (``sys.exit`` caught nowhere, ``os._exit``, a crash) is a failure too; the
message says which block and how the process ended.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import runpy
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import ModuleType
from typing import Any

WORKER = str(Path(__file__).with_name("worker.py"))
#: Imported once in the fork server: what every block needs and takes long to import.
PRELOAD = ["numpy", "matplotlib", "matplotlib.pyplot", "runpy", "hashlib", "traceback"]
#: The environment a block sees, whatever the build's (flags, paths and secrets hidden).
ENVIRON = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "MPLBACKEND": "agg",
    "PYTHONHASHSEED": "0",
}

_context: Any = None


@contextlib.contextmanager
def _no_main_module() -> Iterator[None]:
    """Start processes that do not import ``__main__`` again.

    multiprocessing tells a new process to import the parent's main module (for
    ``mkdocs``, its command line module), which costs every worker a tenth of a second
    and runs unguarded scripts twice. A worker needs nothing from it.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def _server_context() -> Any:
    """The fork-server context, its server started with the preloads and a fixed hash seed."""
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        saved = dict(os.environ)
        os.environ.update({"PYTHONHASHSEED": "0", "MPLBACKEND": "agg"})
        try:
            from multiprocessing import forkserver

            with _no_main_module():
                forkserver.ensure_running()
        finally:
            os.environ.clear()
            os.environ.update(saved)
        _context = context
    return _context


def worker_count(option: int) -> int:
    """``LOSSNOTES_WORKERS`` if set, else ``option`` if positive, else one per core."""
    value = os.environ.get("LOSSNOTES_WORKERS", "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise ValueError(f"LOSSNOTES_WORKERS must be a positive integer; got {value!r}")
        return int(value)
    return option if option >= 1 else os.cpu_count() or 1


@dataclass
class Job:
    """One session (or one block without a session) of one page, as plain data for the worker."""

    name: str
    data: dict[str, Any]
    limits: list[float]
    #: Called with (index, kind, result) for each item: kind is "done" or "failed".
    report: Callable[[int, str, dict[str, Any]], None]
    #: How long it took last time, to start the longest jobs first.
    expected: float = 0.0


@dataclass
class _Running:
    job: Job
    process: Any
    connection: Connection
    cwd: str
    index: int = -1
    deadline: float = float("inf")
    finished: bool = False
    started: float = field(default_factory=time.perf_counter)


def _ended(process: Any) -> str:
    process.join(5)
    code = process.exitcode
    if code is None:
        return "stopped answering"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"was killed by signal {signal.Signals(-code).name}"
        return f"was killed by signal {-code}"
    return f"exited with status {code}"


class Pool:
    """Run jobs on at most ``workers`` processes at once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def _start(self, job: Job) -> _Running:
        context = _server_context()
        reader, writer = context.Pipe(duplex=False)
        cwd = tempfile.mkdtemp(prefix="lossnotes-block-")
        data = {**job.data, "cwd": cwd, "environ": {**ENVIRON, "HOME": cwd, "TMPDIR": cwd}}
        process = context.Process(
            target=runpy.run_path,
            args=(WORKER,),
            kwargs={
                "init_globals": {"JOB": data, "CONNECTION": writer},
                "run_name": "__lossnotes_worker__",
            },
            daemon=True,
        )
        with _no_main_module():
            process.start()
        writer.close()
        return _Running(job, process, reader, cwd)

    def _receive(self, running: _Running) -> bool:
        """Handle one message; ``False`` once the worker is gone."""
        job = running.job
        try:
            message = running.connection.recv()
        except (EOFError, OSError):
            if not running.finished and running.index < len(job.limits):
                index = max(running.index, 0)
                how = _ended(running.process)
                job.report(
                    index, "failed", {"error": f"the worker {how} before the block finished"}
                )
            return False
        kind, index = message[0], message[1]
        if kind == "start":
            running.index = index
            running.deadline = time.monotonic() + job.limits[index]
        else:
            job.report(index, kind, message[2])
            running.deadline = float("inf")
            if kind == "failed" or index == len(job.limits) - 1:
                running.finished = True
        return True

    def _kill(self, running: _Running, why: str) -> None:
        running.process.kill()
        running.process.join(5)
        running.finished = True
        running.job.report(max(running.index, 0), "failed", {"error": why})

    def run(self, jobs: list[Job]) -> None:
        """Run every job; each reports its items as they finish."""
        waiting = sorted(jobs, key=lambda job: -job.expected)
        running: list[_Running] = []
        try:
            while waiting or running:
                while waiting and len(running) < self.workers:
                    running.append(self._start(waiting.pop(0)))
                now = time.monotonic()
                timeout = max(0.0, min(r.deadline for r in running) - now)
                ready = wait([r.connection for r in running], timeout=min(timeout, 1.0))
                for item in list(running):
                    gone = item.connection in ready and not self._receive(item)
                    if not gone and not item.finished and time.monotonic() > item.deadline:
                        limit = item.job.limits[item.index]
                        self._kill(item, f"TimeoutError: killed after {limit:g} s, its time limit")
                        gone = True
                    if gone or item.finished:
                        self._close(item)
                        running.remove(item)
        finally:
            for item in running:
                item.process.kill()
                self._close(item)

    def _close(self, running: _Running) -> None:
        running.process.join(5)
        if running.process.is_alive():
            running.process.kill()
            running.process.join()
        running.connection.close()
        shutil.rmtree(running.cwd, ignore_errors=True)
