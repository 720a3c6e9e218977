"""Crash recovery as plain files: did the last run end cleanly, and what was on screen then.

A folder in the user's data dir (the UI chooses it) holds two small JSON files, each written
atomically (desktop.core.storage.write_atomically), so a kill at any moment leaves the old or
the new file, never a torn one:

- ``run.json``, this run's record: whether it ended cleanly, which data files it is reading
  right now, the files not to reopen without asking (read when a run died, or refused), and
  the path of its native crash log. The next start reads it before writing its own.
- ``session.json``, the latest autosaved session: a project's JSON (selection, imports with
  their recipes, chart and report options) with its file path and whether it had unsaved
  changes. Offered back after a run that did not end cleanly; removed by a clean end.

The first write happens in the start's loading worker, where pandas (which the atomic
write's module imports) is being loaded anyway. A lock on ``run.lock`` (held by the kernel,
released even by SIGKILL) makes a second window of the app leave the files alone instead of
calling the first one crashed. No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

RECOVERY_VERSION = 1
RUN_FILE = "run.json"
SESSION_FILE = "session.json"
LOCK_FILE = "run.lock"
#: Files kept on the do-not-reopen list: the newest, so a damaged record stays small.
MAX_BLOCKED = 50
#: A recovery file larger than this is not a file we wrote: it is ignored, not parsed.
MAX_FILE_BYTES = 20_000_000

CRASHED = "crashed"  # the file was being read when the process died
REFUSED = "refused"  # reading the file failed with an error


@dataclass(frozen=True)
class BlockedFile:
    """A data file not to read again at start-up without asking, and why."""

    path: str
    reason: str  # CRASHED or REFUSED
    detail: str = ""  # the refusal's one-line reason

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "detail": self.detail}


@dataclass(frozen=True)
class RunRecord:
    """What run.json says about one run of the app."""

    pid: int
    started: str
    ended_cleanly: bool = False
    reading: tuple[str, ...] = ()
    blocked: tuple[BlockedFile, ...] = ()
    crash_log: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"recovery_version": RECOVERY_VERSION, "pid": self.pid, "started": self.started,
                "ended_cleanly": self.ended_cleanly, "reading": list(self.reading),
                "blocked": [b.to_json() for b in self.blocked], "crash_log": self.crash_log}


@dataclass(frozen=True)
class SessionSnapshot:
    """An autosaved session: `project` is a Project's JSON (desktop.session.project)."""

    project: dict[str, Any]
    project_path: str | None = None
    dirty: bool = False
    saved: str = ""  # ISO time of the autosave

    def to_json(self) -> dict[str, Any]:
        return {"recovery_version": RECOVERY_VERSION, "project": self.project,
                "project_path": self.project_path, "dirty": self.dirty, "saved": self.saved}


@dataclass(frozen=True)
class PreviousRun:
    """What a start learns about the run before it."""

    ended_cleanly: bool = True
    #: The native crash log (faulthandler) the last run wrote, when it wrote anything.
    crash_log: Path | None = None
    reading: tuple[str, ...] = ()  # data files being read when it stopped
    session: SessionSnapshot | None = None  # offered back only when it did not end cleanly
    blocked: tuple[BlockedFile, ...] = field(default=())

    @property
    def crashed(self) -> bool:
        return not self.ended_cleanly

    @property
    def offers_session(self) -> bool:
        return self.crashed and self.session is not None


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _read_json(path: Path) -> dict[str, Any] | None:
    """The object in `path`; None when it is missing, too large, not JSON or not an object
    (a recovery file that cannot be read must never stop the start)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("recovery_version") != RECOVERY_VERSION:
        return None
    return data


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str) and v)


def parse_run(data: dict[str, Any] | None) -> RunRecord | None:
    """A RunRecord from run.json's object; fields of the wrong type are dropped."""
    if data is None:
        return None
    blocked = []
    for item in data.get("blocked") if isinstance(data.get("blocked"), list) else ():
        if (isinstance(item, dict) and isinstance(item.get("path"), str)
                and item.get("reason") in (CRASHED, REFUSED)):
            detail = item.get("detail")
            blocked.append(BlockedFile(item["path"], item["reason"],
                                       detail if isinstance(detail, str) else ""))
    pid = data.get("pid")
    return RunRecord(
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else 0,
        started=str(data.get("started", "")),
        ended_cleanly=data.get("ended_cleanly") is True,
        reading=_strings(data.get("reading")),
        blocked=tuple(blocked[-MAX_BLOCKED:]),
        crash_log=data.get("crash_log") if isinstance(data.get("crash_log"), str) else "",
    )


def parse_session(data: dict[str, Any] | None) -> SessionSnapshot | None:
    """A SessionSnapshot from session.json's object; None unless it holds a project object
    (whether the project itself is valid is checked when it is restored)."""
    if data is None or not isinstance(data.get("project"), dict):
        return None
    path = data.get("project_path")
    return SessionSnapshot(data["project"], path if isinstance(path, str) and path else None,
                           data.get("dirty") is True, str(data.get("saved", "")))


def _merge_blocked(old: Iterable[BlockedFile], new: Iterable[BlockedFile]
                   ) -> tuple[BlockedFile, ...]:
    """`old` then `new`, one entry per path (the newest reason wins), capped."""
    merged: dict[str, BlockedFile] = {}
    for item in (*old, *new):
        merged.pop(item.path, None)
        merged[item.path] = item
    return tuple(merged.values())[-MAX_BLOCKED:]


class RecoveryStore:
    """The recovery folder of one run. Thread-safe: data files are read in workers, which
    mark what they read (reading()/done()) from their own thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.RLock()
        self._record: RunRecord | None = None
        self._lock_stream: IO[bytes] | None = None
        self.previous = PreviousRun()

    @property
    def active(self) -> bool:
        """True once begin() has taken over the folder (False: another window has it)."""
        return self._record is not None

    @property
    def blocked(self) -> tuple[BlockedFile, ...]:
        return self._record.blocked if self._record else self.previous.blocked

    def begin(self, crash_log: Path | None = None) -> PreviousRun:
        """Read what the last run left, then record this run as started and not ended.

        Returns what the last run left (also kept as `previous`). When another running
        window holds the folder, nothing is read or written and a clean PreviousRun is
        returned: that window is alive, not crashed.
        """
        if not self._take_lock():
            return self.previous
        old = parse_run(_read_json(self.folder / RUN_FILE))
        previous = PreviousRun()
        if old is not None:
            log = Path(old.crash_log) if old.crash_log else None
            written = log if log is not None and _non_empty(log) else None
            crashed = not old.ended_cleanly
            new_blocks = [BlockedFile(p, CRASHED) for p in old.reading] if crashed else []
            previous = PreviousRun(
                ended_cleanly=not crashed, crash_log=written, reading=old.reading,
                session=parse_session(_read_json(self.folder / SESSION_FILE)) if crashed
                else None,
                blocked=_merge_blocked(old.blocked, new_blocks))
            if log is not None and written is None:
                log.unlink(missing_ok=True)  # an empty log of a run that did not crash
        self.previous = previous
        self._record = RunRecord(os.getpid(), _now(), blocked=previous.blocked,
                                 crash_log=str(crash_log) if crash_log else "")
        self._write_record()
        return previous

    def _take_lock(self) -> bool:
        try:
            import fcntl
        except ImportError:  # not POSIX: no second-window check, one window is assumed
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            stream = (self.folder / LOCK_FILE).open("ab")
        except OSError:
            return False
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            stream.close()
            return False
        self._lock_stream = stream  # kept open: the lock lasts as long as the process
        return True

    def _write_record(self) -> None:
        if self._record is None:
            return
        data = json.dumps(self._record.to_json(), ensure_ascii=False, indent=1)
        # A full or read-only disk loses the recovery, not the session.
        with contextlib.suppress(OSError):
            _write(self.folder / RUN_FILE, data.encode("utf-8"))

    def _update(self, **changes: Any) -> None:
        with self._lock:
            if self._record is None:
                return
            self._record = replace(self._record, **changes)
            self._write_record()

    # --- while the app runs ---------------------------------------------------------------
    def reading(self, path: str) -> None:
        """`path` is about to be read: if the process dies now, the next start knows which
        file it was and does not read it again unasked."""
        with self._lock:
            if self._record is not None:
                self._update(reading=(*self._record.reading, path))

    def done(self, path: str, refused: str | None = None) -> None:
        """`path` has been read (`refused`: the one-line reason it failed). A file read
        without trouble comes off the do-not-reopen list; a refused one goes on it."""
        with self._lock:
            record = self._record
            if record is None:
                return
            reading = list(record.reading)
            if path in reading:
                reading.remove(path)
            if refused is None:
                blocked = tuple(b for b in record.blocked if b.path != path)
            else:
                blocked = _merge_blocked(record.blocked, [BlockedFile(path, REFUSED, refused)])
            self._update(reading=tuple(reading), blocked=blocked)

    def is_blocked(self, path: str) -> BlockedFile | None:
        return next((b for b in self.blocked if b.path == path), None)

    def allow(self, path: str) -> None:
        """The user chose to read `path` again."""
        with self._lock:
            if self._record is not None:
                self._update(blocked=tuple(b for b in self._record.blocked if b.path != path))

    def save_session(self, snapshot: SessionSnapshot) -> bool:
        """Autosave: True when written."""
        if self._record is None:
            return False
        snapshot = replace(snapshot, saved=snapshot.saved or _now())
        data = json.dumps(snapshot.to_json(), ensure_ascii=False, indent=1)
        try:
            _write(self.folder / SESSION_FILE, data.encode("utf-8"))
        except OSError:
            return False
        return True

    def discard_session(self) -> None:
        """The recovered session was declined: it is not offered again."""
        if self._record is not None:
            (self.folder / SESSION_FILE).unlink(missing_ok=True)

    def end(self) -> None:
        """A clean quit: the next start has nothing to recover."""
        with self._lock:
            self._end()

    def _end(self) -> None:
        if self._record is None:
            return
        self.discard_session()
        log = Path(self._record.crash_log) if self._record.crash_log else None
        self._update(ended_cleanly=True, reading=(), crash_log="")
        if log is not None and not _non_empty(log):
            log.unlink(missing_ok=True)
        if self._lock_stream is not None:
            self._lock_stream.close()
            self._lock_stream = None
        self._record = None


def _write(path: Path, data: bytes) -> None:
    """desktop.core.storage.write_atomically, imported when first written: that module
    brings pandas, which the start loads in a worker, not before the window paints."""
    from desktop.core.storage import write_atomically

    write_atomically(path, data)


def _non_empty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False
