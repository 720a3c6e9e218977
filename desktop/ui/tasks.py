"""Run plain functions off the UI thread, with progress and cancel, results back on signals.

Work functions take a Progress (report(fraction, message), cancelled()) and know nothing of Qt.
A TaskRunner runs one task at a time: starting a new one cancels the previous one, and the
result of a cancelled or superseded task is never delivered.

When the application is about to quit, every runner cancels its workers and waits for them
a bounded time (QUIT_WAIT_MS): Qt's own exit waits for the thread pool without a bound, so a
worker left running kept a closed app's process alive.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from desktop.core.progress import CancelledError

#: How long quitting waits for cancelled workers to return before it goes on without them.
QUIT_WAIT_MS = 2000


class _Signals(QObject):
    progress = Signal(int, float, str)
    finished = Signal(int, object)
    failed = Signal(int, object)


class _ThreadProgress:
    """The Progress a worker sees: thread-safe cancel flag, progress forwarded by signal."""

    def __init__(self, signals: _Signals, task_id: int) -> None:
        self._signals = signals
        self._task_id = task_id
        self._cancel = threading.Event()
        self.done = threading.Event()  # set when the work function has returned or raised

    def report(self, fraction: float, message: str = "") -> None:
        _emit(self._signals, "progress", self._task_id, float(fraction), message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Job(QRunnable):
    def __init__(self, function: Callable[[Any], Any], progress: _ThreadProgress,
                 signals: _Signals, task_id: int) -> None:
        super().__init__()
        self._function, self._progress = function, progress
        self._signals, self._task_id = signals, task_id

    def run(self) -> None:
        try:
            result = self._function(self._progress)
        except BaseException as error:  # delivered to the UI thread, never lost
            _emit(self._signals, "failed", self._task_id, error)
        else:
            _emit(self._signals, "finished", self._task_id, result)
        finally:
            self._progress.done.set()


def _emit(signals: _Signals, name: str, *args: object) -> None:
    """Emit from a worker; nothing when the runner (and its signals object) is already gone.

    A dialog closed and deleted while its worker ran leaves nobody to receive the result: the
    worker must end quietly, not raise "Signal source has been deleted" into the crash
    reporter (sys.excepthook).
    """
    with contextlib.suppress(RuntimeError):
        getattr(signals, name).emit(*args)


#: Every runner with work that may still run, for shutdown_all; weak, so this keeps none alive.
_RUNNERS: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


def _watch_quit(runner: TaskRunner) -> None:
    """Register `runner`; the first runner of an application hooks its aboutToQuit."""
    _RUNNERS.add(runner)
    app = QCoreApplication.instance()
    if app is not None and not getattr(app, "_city_profiles_tasks_hooked", False):
        app._city_profiles_tasks_hooked = True  # on the wrapper, alive as long as the app
        app.aboutToQuit.connect(_on_about_to_quit)


def shutdown_all(milliseconds: int = QUIT_WAIT_MS) -> bool:
    """Cancel every runner's workers, then wait for them all, `milliseconds` in total;
    True when none is left running."""
    runners = list(_RUNNERS)
    for runner in runners:
        runner._cancel_all()
    deadline = time.monotonic() + milliseconds / 1000
    return all([runner._wait_until(deadline) for runner in runners])


def _on_about_to_quit() -> None:
    if not shutdown_all():
        sys.stderr.write("city-profiles: a background task did not stop within "
                         f"{QUIT_WAIT_MS / 1000:g} s of quitting\n")


class TaskRunner(QObject):
    """One background task at a time for one panel or dialog."""

    sig_progress_changed = Signal(float, str)
    sig_finished = Signal(object)
    sig_failed = Signal(object)
    sig_cancelled = Signal()

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._current_id = 0
        self._current: _ThreadProgress | None = None
        self._started: list[_ThreadProgress] = []  # every job of this runner not yet done
        _watch_quit(self)

    @property
    def busy(self) -> bool:
        return self._current is not None

    def start(self, function: Callable[[Any], Any]) -> None:
        """Run `function(progress)` in the pool, cancelling whatever ran before."""
        self.cancel(quiet=True)
        self._current_id += 1
        self._current = _ThreadProgress(self._signals, self._current_id)
        self._started = [job for job in self._started if not job.done.is_set()]
        self._started.append(self._current)
        self._pool.start(_Job(function, self._current, self._signals, self._current_id))

    def cancel(self, quiet: bool = False) -> None:
        if self._current is not None:
            self._current.cancel()
            self._current = None
            if not quiet:
                self.sig_cancelled.emit()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._pool.waitForDone(milliseconds)

    def shutdown(self, milliseconds: int = QUIT_WAIT_MS) -> bool:
        """Cancel this runner's workers (current and superseded) and wait for them to return,
        at most `milliseconds` in all; True when none is left running."""
        self._cancel_all()
        return self._wait_until(time.monotonic() + milliseconds / 1000)

    def _cancel_all(self) -> None:
        self.cancel(quiet=True)
        for job in self._started:
            job.cancel()

    def _wait_until(self, deadline: float) -> bool:
        """Only Python state: safe after Qt has deleted this runner's C++ side."""
        for job in self._started:
            if not job.done.wait(max(deadline - time.monotonic(), 0.0)):
                return False
        self._started = []
        return True

    def _is_current(self, task_id: int) -> bool:
        return self._current is not None and task_id == self._current_id

    def _on_progress(self, task_id: int, fraction: float, message: str) -> None:
        if self._is_current(task_id):
            self.sig_progress_changed.emit(fraction, message)

    def _on_finished(self, task_id: int, result: object) -> None:
        if self._is_current(task_id):
            self._current = None
            self.sig_finished.emit(result)

    def _on_failed(self, task_id: int, error: object) -> None:
        if self._is_current(task_id):
            self._current = None
            if isinstance(error, CancelledError):
                self.sig_cancelled.emit()
            else:
                self.sig_failed.emit(error)
