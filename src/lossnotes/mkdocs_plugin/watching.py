"""File watching for ``mkdocs serve`` told by the operating system, polling only as a fallback.

MkDocs watches with watchdog's polling observer: every half second it lists and stats
every file under the docs, the theme and the watched folders. On this project an edit
is noticed about 0.4 s after it is saved, and the listing keeps a fifth of a core busy
between rebuilds. The native observer (inotify, FSEvents, ...) is told of an edit
within milliseconds. It can fail to start (inotify's limits, some network or container
file systems): then every watch moves to the polling observer MkDocs would have used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer

from . import thirdparty

log = logging.getLogger("mkdocs.plugins.lossnotes")

#: Changes only: a native observer also reports opening and reading a file, which every
#: build does, and MkDocs rebuilds on any event it is given.
CHANGES = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


class FallbackObserver:
    """A native watchdog observer that hands its watches to a polling one if it fails.

    Offers what MkDocs' live-reload server calls: ``schedule``, ``unschedule``,
    ``start``, ``stop`` and ``join``.
    """

    def __init__(self, native: Callable[[], Any], polling: Callable[[], Any]) -> None:
        self._polling = polling
        self._watches: dict[Any, tuple[Any, str, bool]] = {}
        try:
            self.active, self.native = native(), True
        except OSError as error:
            self.active, self.native = polling(), False
            log.info(f"lossnotes: watching files by polling ({error})")

    def schedule(self, handler: Any, path: str, *, recursive: bool = False, **_: Any) -> Any:
        try:
            watch = self._schedule(handler, path, recursive)
        except OSError as error:
            if not self.native:
                raise
            self._fall_back(error)
            watch = self._schedule(handler, path, recursive)
        self._watches[watch] = (handler, path, recursive)
        return watch

    def _schedule(self, handler: Any, path: str, recursive: bool) -> Any:
        if self.native:
            return self.active.schedule(handler, path, recursive=recursive, event_filter=CHANGES)
        return self.active.schedule(handler, path, recursive=recursive)

    def unschedule(self, watch: Any) -> None:
        self._watches.pop(watch, None)
        self.active.unschedule(watch)  # watches compare by path and options, not identity

    def start(self) -> None:
        try:
            self.active.start()
        except OSError as error:
            if not self.native:
                raise
            self._fall_back(error)
            self.active.start()

    def stop(self) -> None:
        self.active.stop()

    def join(self, timeout: float | None = None) -> None:
        if self.active.is_alive():
            self.active.join(timeout)

    def is_alive(self) -> bool:
        return bool(self.active.is_alive())

    def _fall_back(self, error: OSError) -> None:
        log.info(f"lossnotes: native file watching failed ({error}); watching by polling")
        started = self.active.is_alive()
        self.active.stop()  # also stops the emitters it had started
        self.active, self.native = self._polling(), False
        for handler, path, recursive in self._watches.values():
            self.active.schedule(handler, path, recursive=recursive)
        if started:
            self.active.start()


def watch_natively(server: Any) -> Any:
    """Move the watches of MkDocs' live-reload ``server`` to a :class:`FallbackObserver`.

    Its own polling observer, not started yet, is the fallback.
    """
    thirdparty.replace_observer(server, lambda polling: FallbackObserver(Observer, lambda: polling))
    return server
