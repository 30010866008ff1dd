"""Keep a database up to date with a directory or a feed: poll, ingest what is new, repeat.

A directory is polled for new or changed files (by modification time and size);
a feed file when it changes; a feed URL on every poll (its entries already stored
are recognised by their content hash and skipped). Each poll that finds
something calls ``newsprism.api.ingest``, whose per-batch transactions make an
interruption (Ctrl-C, a kill) safe: the next poll or run picks up where it stopped.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.ingest.fetch import is_url
from newsprism.ingest.sources import iter_paths

if TYPE_CHECKING:
    from newsprism.api import IngestReport
    from newsprism.config import Settings
    from newsprism.store.factory import RecordStore

LOGGER = logging.getLogger(__name__)

Snapshot = dict[str, tuple[int, int]]


@dataclass
class WatchTotals:
    """What a watch did, summed over its polls."""

    polls: int = 0
    added: int = 0
    unchanged: int = 0
    errors: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, report: IngestReport) -> None:
        self.added += report.added
        self.unchanged += report.unchanged
        self.errors += len(report.errors)
        self.reasons.extend(e.reason for e in report.errors)


def snapshot(target: Path) -> Snapshot:
    """(mtime_ns, size) of every file under ``target`` (a directory or one file)."""
    out: Snapshot = {}
    for path in iter_paths([target]):
        try:
            info = path.stat()
        except OSError:
            continue  # vanished between listing and stat: the next poll will tell
        out[str(path)] = (info.st_mtime_ns, info.st_size)
    return out


def changed(before: Snapshot, now: Snapshot) -> list[str]:
    """Paths new since ``before`` or whose modification time or size differ."""
    return sorted(p for p, sig in now.items() if before.get(p) != sig)


class Watcher:
    """Polls one target; ``poll()`` ingests what is new and returns its report (None: nothing new)."""

    def __init__(self, target: str | Path, store: RecordStore, settings: Settings | None = None,
                 settle: float = 2.0) -> None:
        self.target = str(target)
        self.store = store
        self.settings = settings
        self.settle = settle  # files modified this recently may still be being written: next poll
        self.seen: Snapshot = {}
        if not is_url(self.target) and not Path(self.target).exists():
            from newsprism.errors import IngestError

            raise IngestError(f"{self.target}: no such file or directory to watch")

    def poll(self) -> IngestReport | None:
        from newsprism import api

        if is_url(self.target):
            todo = [self.target]
        else:
            now = snapshot(Path(self.target))
            cutoff = time.time_ns() - int(self.settle * 1e9)
            todo = [p for p in changed(self.seen, now) if now[p][0] <= cutoff]
            ready = set(todo)
            # files not yet settled keep their old signature (or none), so they count as changed next time
            self.seen = {p: sig if p in ready else self.seen[p] for p, sig in now.items()
                         if p in ready or p in self.seen}
            if not todo:
                return None
        LOGGER.info("watch: %d new or changed input(s) in %s", len(todo), self.target)
        return api.ingest(todo, self.store, settings=self.settings)


def watch(target: str | Path, store: RecordStore, interval: float = 60.0, once: bool = False,
          settings: Settings | None = None, stop: threading.Event | None = None,
          on_poll: Callable[[IngestReport], None] | None = None) -> WatchTotals:
    """Poll ``target`` every ``interval`` seconds until ``stop`` is set or Ctrl-C; ``once``: one poll."""
    watcher = Watcher(target, store, settings, settle=0.0 if once else min(2.0, interval))
    stop = stop or threading.Event()
    totals = WatchTotals()
    try:
        while True:
            report = watcher.poll()
            totals.polls += 1
            if report is not None:
                totals.add(report)
                if on_poll is not None:
                    on_poll(report)
            if once or stop.wait(max(0.0, interval)):
                break
    except KeyboardInterrupt:
        LOGGER.info("watch: interrupted; everything stored so far is kept")
    return totals
