"""Unhandled exceptions: log them, tell the user in plain words, keep the app running.

Qt calls Python slots from its event loop; an exception there reaches sys.excepthook. We write
the traceback to a log file in the user's data folder and show a dialog with 'Copy details',
instead of a raw traceback or a silent abort. Qt is imported when first needed: the reporter
is installed during the start, and costs nothing there until something goes wrong.

A native crash (a segfault or an abort) never reaches Python: faulthandler writes the stacks
to a log opened at the start (enable_native_crash_log), and the next start reports it.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def log_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".city-profiles") / "logs"


def recovery_folder() -> Path:
    """The crash-recovery files' folder (desktop.session.recovery), beside the logs."""
    return log_folder().parent / "recovery"


_native_log: IO[str] | None = None  # open for the whole run: a crash cannot open files


def enable_native_crash_log(folder: Path | None = None) -> Path | None:
    """Have a native crash (a segfault or abort in Qt or a file reader) write the Python
    stack of every thread to a log file of this run, opened now and kept open: when the
    process is dying, faulthandler can only write to a file that is already open.

    Returns the log's path (empty unless the run crashed), or None when no log can be
    opened; the recovery record keeps the path so that the next start can say where it is.
    """
    global _native_log
    folder = folder or log_folder()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"native-crash-{stamp}-{os.getpid()}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stream = path.open("w", encoding="utf-8")
    except OSError:
        return None
    disable_native_crash_log()
    _native_log = stream
    faulthandler.enable(stream, all_threads=True)
    return path


def disable_native_crash_log() -> None:
    """At a clean end: stop writing native crashes to this run's log and close it."""
    global _native_log
    if _native_log is not None:
        faulthandler.disable()
        _native_log.close()
        _native_log = None


def write_crash_log(text: str, folder: Path | None = None) -> Path:
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{dt.date.today().isoformat()}.log"
    with path.open("a", encoding="utf-8") as stream:
        stream.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    return path


class CrashReporter:
    """Installed as sys.excepthook while the app runs."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        self._parent = parent
        self._folder = folder
        self._previous = sys.excepthook
        self.dialog: QMessageBox | None = None
        self.last_log: Path | None = None

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        try:
            self.last_log = write_crash_log(details, self._folder)
        except OSError:
            self.last_log = None
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            self._previous(kind, error, trace)
            return
        self._show(error, details)

    def _show(self, error: BaseException, details: str) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QMessageBox

        # CrashReporter is no QObject: its texts live in the "CrashReporter" context.
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("CrashReporter", "Something went wrong"))
        text = QCoreApplication.translate(
            "CrashReporter",
            "City Profiles hit an unexpected problem: {0}\n\n"
            "Your data and the open comparison are unchanged; you can keep working.",
        ).format(f"{type(error).__name__}: {error}")
        if self.last_log is not None:
            text += "\n\n" + QCoreApplication.translate(
                "CrashReporter", "Details were saved to {0}").format(self.last_log)
        box.setText(text)
        box.setDetailedText(details)
        copy = box.addButton(QCoreApplication.translate("CrashReporter", "Copy details"),
                             QMessageBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        box.addButton(QMessageBox.StandardButton.Close)
        self.dialog = box
        box.open()
