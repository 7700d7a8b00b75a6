"""The native observer ``mkdocs serve`` watches with, and its fallback to polling."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from lossnotes.mkdocs_plugin.watching import FallbackObserver


class Seen(FileSystemEventHandler):
    def __init__(self) -> None:
        self.files: list[str] = []
        self.any = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.files.append(str(event.src_path))
            self.any.set()


def watched(observer: FallbackObserver, folder: Path) -> Seen:
    seen = Seen()
    observer.schedule(seen, str(folder), recursive=True)
    observer.start()
    return seen


def test_an_edit_is_reported_and_a_read_is_not(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("one\n")
    observer = FallbackObserver(Observer, lambda: PollingObserver(timeout=0.1))
    seen = watched(observer, tmp_path)
    try:
        assert observer.native
        page.read_text()  # every build reads the pages: that must not ask for a rebuild
        assert not seen.any.wait(0.5), seen.files
        page.write_text("two\n")
        assert seen.any.wait(5)
    finally:
        observer.stop()
        observer.join()


def test_a_native_observer_that_cannot_start_hands_over_to_polling(tmp_path: Path) -> None:
    class Broken(PollingObserver):  # stands for inotify out of watches
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    observer = FallbackObserver(Broken, lambda: PollingObserver(timeout=0.1))
    seen = watched(observer, tmp_path)
    try:
        assert not observer.native
        (tmp_path / "new.md").write_text("new\n")
        assert seen.any.wait(5)
    finally:
        observer.stop()
        observer.join()


def test_no_native_observer_at_all_means_polling() -> None:
    def unavailable() -> Any:
        raise OSError(24, "too many open files")

    assert not FallbackObserver(unavailable, PollingObserver).native
