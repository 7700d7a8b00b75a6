"""Run a build's jobs on a thread of their own, so that pages render as their blocks finish.

MkDocs renders pages one after another. The jobs start before the first page is
rendered and run on the pool, in page order, while the build's thread renders; a page
waits (:meth:`.plan.Plan.wait`) only for the outcomes of its own blocks. When one of
them failed, :meth:`Background.finish` waits for every job and stops the build with
all the failures at once, each with its page and line.
"""

from __future__ import annotations

import threading

from mkdocs.exceptions import PluginError

from .plan import Plan
from .pool import Job, Pool


class Background:
    """The jobs of one build, on the pool, on a thread."""

    def __init__(self, plan: Plan, pool: Pool, jobs: list[Job]) -> None:
        self.plan, self.pool, self.jobs = plan, pool, jobs
        self.thread: threading.Thread | None = None
        self.crashed: BaseException | None = None

    def start(self) -> None:
        self.plan.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.pool.run(self.jobs)
        except BaseException as error:  # noqa: BLE001  reported by finish, in the build's thread
            self.crashed = error
        finally:
            with self.plan.changed:
                self.plan.running = False
                self.plan.changed.notify_all()

    def finish(self, problems: list[str] | None = None) -> None:
        """Run or wait for every job; stop the build listing ``problems`` and every failure."""
        if self.thread is None:
            self.start()
        assert self.thread is not None
        self.thread.join()
        if self.crashed is not None:
            raise PluginError(f"running the blocks failed: {self.crashed!r}") from self.crashed
        failed = [o for o in self.plan.outcomes.values() if o.error is not None]
        failed.sort(key=lambda o: (o.item.page, o.item.line))
        messages = [*(problems or []), *(f"{o.item.where} failed: {o.error}" for o in failed)]
        if messages:
            raise PluginError("\n".join(messages))

    def stop(self) -> None:
        """Kill the running workers and start no more (the build failed elsewhere)."""
        self.pool.stopped = True
        if self.thread is not None:
            self.thread.join()
