"""No lost work: the session is saved for recovery a moment after each change, and a start
after a crash says so and offers it back.

The files and their rules are plain Python (desktop.session.recovery); here are the Qt parts:
the debounce timer, the wiring to the controllers, and the start's recovery offer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from desktop.session.recovery import RecoveryStore
    from desktop.ui.dialogs.recovery_dialog import RecoveryDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.project_controller import ProjectController

# The autosave waits this long after the last change: a burst of changes (dragging a year
# range, typing a city name) is saved once, not once per step.
AUTOSAVE_DELAY_MS = 1000
# For tests: "restore" or "fresh" answers the recovery offer as soon as it is shown.
ANSWER_ENV = "CITY_PROFILES_RECOVERY_ANSWER"
# How long the status bar says what happened to the last run.
NOTE_MS = 30_000


class Autosave(QObject):
    """Writes the session (desktop.session.recovery.SessionSnapshot) to the recovery folder
    AUTOSAVE_DELAY_MS after the last change, atomically."""

    def __init__(self, store: RecoveryStore, projects: ProjectController,
                 delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__(projects)
        self.store = store
        self.projects = projects
        self.saves = 0  # how many autosaves were written (tests wait on it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        controller = projects.controller
        # every change is a session transition, and each one says so (the visible tab
        # too: it is saved, though it does not mark the project changed)
        controller.sig_session_changed.connect(self.schedule)
        projects.sig_session_changed.connect(self.schedule)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def schedule(self, *_args: object) -> None:
        """A change: (re)start the countdown to the next autosave."""
        if self.store.active:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        projects = self.projects
        if projects.controller._project_runner.busy:
            self._timer.start()  # a project is being read: save what it becomes
            return
        from desktop.session.recovery import SessionSnapshot

        path = str(projects.project_path) if projects.project_path else None
        snapshot = SessionSnapshot(projects.current_project().to_json(), path, projects.dirty)
        if self.store.save_session(snapshot):
            self.saves += 1

    def stop(self) -> None:
        self._timer.stop()


class SessionRecovery(QObject):
    """The run's recovery: the native crash log, the record begun in the loading worker,
    the autosave once the window is wired, the offer after a crash and the clean end.

    Made after the first paint (its modules cost ~50 ms); the record's module is imported
    by begin(), in the loading worker."""

    def __init__(self, parent: QObject | None = None, folder: Path | None = None,
                 crash_log: Path | None = None) -> None:
        super().__init__(parent)
        if folder is None:
            from desktop.ui.crash import recovery_folder

            folder = recovery_folder()
        self.folder = folder
        self.store: RecoveryStore | None = None  # made by begin()
        self.crash_log = crash_log
        self.autosave: Autosave | None = None
        self.dialog: RecoveryDialog | None = None
        self.notes: list[str] = []  # what the start said in the status bar (tests read it)

    def begin(self) -> None:
        """Read the last run's record and start this run's (in the loading worker). A
        recovery folder that cannot be used costs the recovery, never the start."""
        from desktop.session.recovery import RecoveryStore

        store = RecoveryStore(self.folder)
        try:
            store.begin(self.crash_log)
        except Exception as error:  # e.g. a folder that is a file, a full disk
            print(f"city-profiles: note: no crash recovery this time: {error}",
                  file=sys.stderr)
            return
        self.store = store

    def attach(self, window: MainWindow) -> None:
        """The window is wired: data reads are recorded and changes autosaved from now."""
        store = self.store
        if store is None or not store.active:
            return
        window.controller.recovery = store
        self.autosave = Autosave(store, window.project_controller)

    def start_session(self, window: MainWindow, normal_start: Callable[[], None]) -> None:
        """After a crash, say what happened and offer the saved session (a non-blocking
        dialog); otherwise run `normal_start` (reopen the last project, as the settings
        say)."""
        if self.store is None:
            normal_start()
            return
        previous = self.store.previous
        if not previous.crashed:
            normal_start()
            return
        if not previous.offers_session:
            self._note(window, self._what_happened())
            normal_start()
            return
        from desktop.ui.dialogs.recovery_dialog import RecoveryDialog

        session = previous.session
        dialog = RecoveryDialog(self._what_happened(), self._session_text(window),
                                [(b.path, b.reason) for b in previous.blocked
                                 if b.path in _data_paths(session.project)], window)
        dialog.sig_answered.connect(lambda restore: self._answered(window, restore,
                                                                   normal_start))
        self.dialog = dialog
        dialog.open()
        answer = os.environ.get(ANSWER_ENV)
        if answer in ("restore", "fresh"):
            QTimer.singleShot(0, lambda: dialog.answer(answer == "restore"))

    def _answered(self, window: MainWindow, restore: bool,
                  normal_start: Callable[[], None]) -> None:
        assert self.store is not None  # the offer comes from its record
        dialog, session = self.dialog, self.store.previous.session
        if not restore or session is None:
            self.store.discard_session()
            normal_start()
            return
        for path in dialog.files_to_read() if dialog is not None else []:
            self.store.allow(path)
        window.project_controller.restore_session(session.project, session.project_path,
                                                  session.dirty)

    def _what_happened(self) -> str:
        """One sentence: how the last run ended, and where its crash log is."""
        assert self.store is not None
        previous = self.store.previous
        if previous.crash_log is not None:
            text = self.tr("City Profiles crashed last time; what it was doing is in {0}."
                           ).format(previous.crash_log)
        else:
            text = self.tr("City Profiles did not close normally last time (it was stopped, "
                           "or the computer shut down).")
        if previous.reading:
            text += " " + self.tr("It was reading {0} then; that file is not read again "
                                  "unless you ask.").format(
                ", ".join(Path(p).name for p in previous.reading))
        return text

    def _session_text(self, window: MainWindow) -> str:
        """What the saved session holds, in words the user recognises."""
        session = self.store.previous.session if self.store is not None else None
        if session is None:
            return ""
        project = session.project
        view = project.get("view") if isinstance(project.get("view"), dict) else {}
        dataset = window.controller.dataset
        focus = view.get("focus_id")
        city = (dataset.cities[focus].name(window.lang) if isinstance(focus, str)
                and focus in dataset.cities else str(focus))
        peers = view.get("peer_ids") if isinstance(view.get("peer_ids"), list) else []
        name = Path(session.project_path).name if session.project_path else self.tr("Untitled")
        text = (self.tr("The last session ({0}) compared {1} with 1 peer city.") if len(peers) == 1
                else self.tr("The last session ({0}) compared {1} with {2} peer cities.")
                ).format(name, city, len(peers))
        files = len(_data_paths(project))
        if files:
            text += " " + (self.tr("It used 1 imported file.") if files == 1
                           else self.tr("It used {0} imported files.").format(files))
        if session.dirty:
            text += " " + self.tr("It had unsaved changes.")
        return text

    def _note(self, window: MainWindow, text: str) -> None:
        self.notes.append(text)
        window.statusBar().showMessage(text, NOTE_MS)

    def finish(self) -> None:
        """A clean end: no recovery offer at the next start; the empty crash log goes."""
        from desktop.ui.crash import disable_native_crash_log

        if self.autosave is not None:
            self.autosave.stop()
        disable_native_crash_log()
        if self.store is not None:
            self.store.end()


def _data_paths(project: dict[str, object]) -> list[str]:
    files = project.get("data_files")
    return [f["path"] for f in files if isinstance(f, dict) and isinstance(f.get("path"), str)
            ] if isinstance(files, list) else []
