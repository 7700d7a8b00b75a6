"""Run session jobs in worker processes, a few at a time, each under limits it cannot escape.

Each job gets a fresh process, forked from the server of :mod:`.server`, running
:mod:`.worker`: nothing a block does to its interpreter can reach another session.

The parent enforces the limits. A block's clock starts when the worker says it started
it; when it runs out the worker is killed. A worker that ends before reporting its
last block (``sys.exit`` caught nowhere, ``os._exit``, a crash) is a failure too; the
message says which block and how the process ended.
"""

from __future__ import annotations

import contextlib
import os
import runpy
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from .server import ENVIRON, WORKER, no_main_module, server_context


def worker_count(option: int) -> int:
    """``LOSSNOTES_WORKERS`` if set, else ``option`` if positive, else one per core.

    Examples
    --------
    >>> os.environ.pop("LOSSNOTES_WORKERS", None) and None
    >>> worker_count(3), worker_count(0) == (os.cpu_count() or 1)
    (3, True)
    >>> os.environ["LOSSNOTES_WORKERS"] = "two"
    >>> worker_count(3)
    Traceback (most recent call last):
    ...
    ValueError: LOSSNOTES_WORKERS must be a positive integer; got 'two'
    >>> del os.environ["LOSSNOTES_WORKERS"]
    """
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
    #: Seconds it took when it last ran; unknown: infinite (started first, in page order).
    estimate: float = float("inf")


def schedule(jobs: list[Job]) -> list[Job]:
    """``jobs`` longest first, by the time each took when it last ran.

    The build ends when its longest job does, so that job must not start last. Jobs
    never timed come first, and ties keep page order: pages render in it, as results come.

    Examples
    --------
    >>> def job(name, estimate=float("inf")):
    ...     return Job(name, {}, [], lambda *_: None, estimate)
    >>> [j.name for j in schedule([job("a", 1.0), job("b"), job("c", 9.0), job("d", 1.0)])]
    ['b', 'c', 'a', 'd']
    """
    return sorted(jobs, key=lambda job: -job.estimate)


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
        #: Set from another thread to kill the running workers and start no more.
        self.stopped = False

    def _start(self, job: Job) -> _Running:
        context = server_context()
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
        with no_main_module():
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
        waiting = schedule(jobs)
        running: list[_Running] = []
        try:
            while (waiting or running) and not self.stopped:
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
