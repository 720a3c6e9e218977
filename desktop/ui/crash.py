"""Unhandled exceptions: log them, tell the user in plain words, keep the app running.

Qt calls Python slots from its event loop; an exception there reaches sys.excepthook. We write
the traceback to a log file in the user's data folder and show a dialog with 'Copy details',
instead of a raw traceback or a silent abort. Qt is imported when first needed: the reporter
is installed during the start, and costs nothing there until something goes wrong.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def log_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".city-profiles") / "logs"


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
