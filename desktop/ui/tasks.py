"""Run plain functions off the UI thread, with progress and cancel, results back on signals.

Work functions take a Progress (report(fraction, message), cancelled()) and know nothing of Qt.
A TaskRunner runs one task at a time: starting a new one cancels the previous one, and the
result of a cancelled or superseded task is never delivered.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.progress import CancelledError


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

    def report(self, fraction: float, message: str = "") -> None:
        self._signals.progress.emit(self._task_id, float(fraction), message)

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
            self._signals.failed.emit(self._task_id, error)
        else:
            self._signals.finished.emit(self._task_id, result)


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

    @property
    def busy(self) -> bool:
        return self._current is not None

    def start(self, function: Callable[[Any], Any]) -> None:
        """Run `function(progress)` in the pool, cancelling whatever ran before."""
        self.cancel(quiet=True)
        self._current_id += 1
        self._current = _ThreadProgress(self._signals, self._current_id)
        self._pool.start(_Job(function, self._current, self._signals, self._current_id))

    def cancel(self, quiet: bool = False) -> None:
        if self._current is not None:
            self._current.cancel()
            self._current = None
            if not quiet:
                self.sig_cancelled.emit()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._pool.waitForDone(milliseconds)

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
