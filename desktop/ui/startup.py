"""The plain start in two steps, and the probe the start-up benchmark reads.

Without a city or group on the command line nothing needs the data before the window exists,
so the window (menus, status bar, a loading page) paints in about the time of a bare Qt
window; the data — and pandas and numpy with it — loads in a worker behind it, then the
panels are built and wired. Qt stays here; the loading itself is plain Python.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.core.dataset import Dataset
    from desktop.core.progress import Progress
    from desktop.session.selection import Selection
    from desktop.ui.autosave import SessionRecovery
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.tasks import TaskRunner

#: How long the load waits for the window's first paint before it starts anyway.
FIRST_PAINT_WAIT_MS = 400
# Test-only: steps to run once the window is ready (TestHook below).
TEST_HOOK_ENV = "CITY_PROFILES_TEST_HOOK"


def load_bundled_data(progress: Progress) -> Dataset:
    """In the worker: the bundled dataset, and the analysis modules the first view needs, so
    that their import (pandas, numpy) happens off the UI thread too."""
    import desktop.analysis.comparison
    import desktop.analysis.profile_table  # noqa: F401
    from desktop.core.storage import load_bundled

    return load_bundled()


def _import_pyqtgraph() -> None:
    """pyqtgraph only: it shares no module of ours with the worker's imports (ours never
    import Qt, it never imports pandas), so the two threads cannot wait on each other's
    half-imported modules — which importing our panels here could (a concurrent circular
    import)."""
    from desktop.ui.app import configure_pyqtgraph

    configure_pyqtgraph()


class StagedStart(QObject):
    """Loads the data for a window shown without it, then fills the window in and wires it.

    A load that fails with a known error (a damaged data file) leaves the window open with
    the reason on it and one line on stderr; anything else is a bug for the crash reporter.
    """

    sig_ready = Signal()  # the window shows the data and is wired
    sig_failed = Signal(str)  # the one-line reason the data could not be loaded
    sig_painted = Signal()  # the window has painted (or waited long enough): the load starts

    def __init__(self, window: MainWindow, settings: Settings,
                 resolve_selection: Callable[[Dataset], Selection],
                 load: Callable[[Progress], Dataset] = load_bundled_data,
                 make_recovery: Callable[[], SessionRecovery] | None = None) -> None:
        """`make_recovery`: the run's crash recovery, made once the window has painted;
        its record is begun in the loading worker, before the data loads."""
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._resolve_selection = resolve_selection
        self._load = load
        self._make_recovery = make_recovery
        self.recovery: SessionRecovery | None = None
        self._loader: TaskRunner | None = None  # made when the load starts: after the paint
        self._started = False

    def start(self) -> None:
        """Load once the window has painted: a worker started earlier would hold the GIL
        while the window is still being shown, and delay the first paint. A window that
        never paints (started minimised) gets its data a moment later all the same."""
        self.window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._begin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._begin)
        return False

    def _begin(self) -> None:
        if self._started:
            return
        self._started = True
        self.window.removeEventFilter(self)
        from desktop.ui.tasks import TaskRunner

        self._loader = TaskRunner(self)
        if self._make_recovery is not None:
            self.recovery = self._make_recovery()
        self._loader.sig_finished.connect(self._loaded)
        self._loader.sig_failed.connect(self._failed)
        self._loader.start(self._load if self.recovery is None
                           else partial(_begin_then_load, self.recovery, self._load))
        self.sig_painted.emit()
        # Meanwhile the UI thread imports pyqtgraph: the two imports overlap well enough
        # (file reads, library loading) to save ~0.15 s.
        QTimer.singleShot(0, _import_pyqtgraph)

    def stop(self) -> None:
        """Before the application ends: cancel and wait for the worker."""
        if self._loader is not None:
            self._loader.cancel(quiet=True)
            self._loader.wait()

    def _loaded(self, dataset: Dataset) -> None:
        from desktop.core import collection
        from desktop.ui.app import (
            attach_controllers,
            configure_pyqtgraph,
            default_selection,
        )

        window, settings = self.window, self.settings
        try:
            selection = default_selection(dataset, self._resolve_selection(dataset), settings)
            configure_pyqtgraph()
            window.populate(dataset)
            attach_controllers(window, dataset, selection, window.lang, settings)
            window.restoreState(settings.get("window_state"))
        except Exception as error:  # never the loading page for ever: say it on the window
            self._start_failed(error)
            return
        finally:
            collection.settle()
        self.sig_ready.emit()
        after_ready(window, settings, self.recovery, reopen=True)

    def _failed(self, error: BaseException) -> None:
        from desktop.core import collection
        from desktop.core.errors import CityProfilesError

        collection.settle()
        if not isinstance(error, CityProfilesError):
            self._start_failed(error)
            return
        from desktop.session.messages import error_line

        line = error_line(error)
        print(f"city-profiles: error: {line}", file=sys.stderr)
        self.window.show_load_error(line)
        self.sig_failed.emit(line)

    def _start_failed(self, error: BaseException) -> None:
        """A bug in the start (or settings it could not survive): the traceback goes to the
        crash log, one line to stderr, and the reason onto the window, which stays open."""
        import traceback

        from desktop.ui.crash import write_crash_log

        details = "".join(traceback.format_exception(error))
        try:
            log: Path | None = write_crash_log(details)
        except OSError:
            log = None
        line = f"{type(error).__name__}: {error}"
        print(f"city-profiles: error: the window could not be set up: {line}", file=sys.stderr)
        message = self.tr("City Profiles could not set up its window: {0}").format(line)
        if log is not None:
            message += "\n\n" + self.tr("Details were saved to {0}").format(log)
        show_start_error(self.window, message)
        self.sig_failed.emit(line)


def _begin_then_load(recovery: SessionRecovery, load: Callable[[Progress], Dataset],
                     progress: Progress) -> Dataset:
    """In the loading worker: read the last run's record and start this run's (its atomic
    write needs the module that imports pandas, which this worker is loading anyway)."""
    recovery.begin()
    return load(progress)


def show_start_error(window: MainWindow, message: str) -> None:
    """The loading page gives way to `message`, selectable so it can be copied."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = QLabel(message)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.setCentralWidget(label)
    window.status_label.setText(message.splitlines()[0])


def after_ready(window: MainWindow, settings: Settings, recovery: SessionRecovery | None,
                reopen: bool) -> None:
    """Once the window shows the data: say which settings were ignored, start recording
    and autosaving the session, offer it back after a crash or else reopen the last
    project (`reopen`), then run the test hook if one is set."""
    from desktop.ui.app import reopen_last_session

    report_ignored_settings(window, settings)

    def normal_start() -> None:
        if reopen:
            reopen_last_session(window, settings)

    if recovery is None:
        normal_start()
    else:
        recovery.attach(window)
        recovery.start_session(window, normal_start)
    if os.environ.get(TEST_HOOK_ENV):
        window._test_hook = TestHook(window, recovery, os.environ[TEST_HOOK_ENV])


def report_ignored_settings(window: MainWindow, settings: Settings) -> None:
    """One line, in the status bar and on stderr, naming the stored settings that could not
    be used (their defaults were); they are repaired so the next start is quiet."""
    line = settings.ignored_line()
    if not line:
        return
    print(f"city-profiles: note: settings ignored: {line}", file=sys.stderr)
    from PySide6.QtCore import QCoreApplication

    window.statusBar().showMessage(QCoreApplication.translate(
        "StagedStart", "Some settings could not be read and their defaults are used: {0}")
        .format(line), 30_000)
    settings.repair()


class TestHook(QObject):
    """Test-only steps (CITY_PROFILES_TEST_HOOK, comma-separated) run in order whenever the
    window is idle (no unanswered recovery offer, no project being read), so the
    fault-injection tests can drive a real `python -m desktop`:

    - ``group=ID``: choose the peer group ID, as the peer picker does;
    - ``autosaved``: wait for the next autosave and print "autosaved";
    - ``state``: print the selection and the status-bar notes as one JSON line;
    - ``segfault``: crash the process natively (faulthandler._sigsegv());
    - ``quit``: quit as the user does (discarding unsaved changes), a clean end.
    """

    __test__ = False  # not a pytest class

    def __init__(self, window: MainWindow, recovery: SessionRecovery | None,
                 steps: str) -> None:
        super().__init__(window)
        self._window, self._recovery = window, recovery
        self._steps = [step.strip() for step in steps.split(",") if step.strip()]
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._next)
        self._timer.start()

    def _idle(self) -> bool:
        recovery = self._recovery
        if recovery is not None and recovery.dialog is not None \
                and recovery.dialog.answered is None:
            return False
        return not self._window.controller._project_runner.busy

    def _next(self) -> None:
        if not self._steps or not self._idle():
            return
        step = self._steps[0]
        autosave = self._recovery.autosave if self._recovery is not None else None
        if step == "autosaved" and (autosave is None or autosave.saves == 0
                                    or autosave.pending):
            return
        self._steps.pop(0)
        if step.startswith("group="):
            self._choose_group(step.removeprefix("group="))
        elif step == "autosaved":
            print("autosaved", flush=True)
        elif step == "state":
            self._print_state()
        elif step == "segfault":
            import faulthandler

            faulthandler._sigsegv()
        elif step == "quit":  # and discard unsaved changes: the question would block
            self._timer.stop()
            self._window.close_guard = None
            QApplication.quit()

    def _choose_group(self, group_id: str) -> None:
        controller = self._window.controller
        group = controller.dataset.groups[group_id]
        controller.set_state(controller.state.with_peers(group.city_ids, group.id))

    def _print_state(self) -> None:
        import json

        state = self._window.controller.state
        recovery = self._recovery
        dialog = recovery.dialog if recovery is not None else None
        print(json.dumps({
            "focus": state.focus_id, "peers": list(state.peer_ids), "group": state.group_id,
            "offered": dialog is not None, "answer": dialog.answered if dialog else None,
            "notes": recovery.notes if recovery is not None else [],
            "status": self._window.statusBar().currentMessage(),
            "modified": self._window.isWindowModified(),
        }, ensure_ascii=False), flush=True)


class StartupProbe(QObject):
    """For bench/startup_bench.py (CITY_PROFILES_STARTUP_PROBE set): prints `first_paint` when
    the window first paints, and `ready` once it is usable — the data shown, then the chart
    painted, then pending events handled — and quits."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._chart: QWidget | None = None
        # Watch only the window, then only the chart: an application-wide Python filter
        # would slow every event of the start it measures.
        window.installEventFilter(self)

    def data_shown(self) -> None:
        """The data is in the window: `ready` follows the chart's next paint."""
        self._chart = self._window.chart.plot_widget.viewport()
        self._chart.installEventFilter(self)
        self._chart.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if watched is self._window:
                self._window.removeEventFilter(self)
                print("first_paint", flush=True)
            elif watched is self._chart:
                self._chart.removeEventFilter(self)
                QTimer.singleShot(0, self._ready)
        return False

    def _ready(self) -> None:
        print("ready", flush=True)
        self._app.quit()

    def failed(self, _reason: str) -> None:
        """The start failed (the reason is on the window): end the measured run anyway."""
        print("failed", flush=True)
        self._app.quit()


def install_startup_probe(app: QApplication, window: MainWindow) -> StartupProbe | None:
    if not os.environ.get("CITY_PROFILES_STARTUP_PROBE"):
        return None
    return StartupProbe(app, window)
