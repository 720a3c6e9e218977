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
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from desktop.cli import Selection
    from desktop.core.dataset import Dataset
    from desktop.core.progress import Progress
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.tasks import TaskRunner

#: How long the load waits for the window's first paint before it starts anyway.
FIRST_PAINT_WAIT_MS = 400


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
                 load: Callable[[Progress], Dataset] = load_bundled_data) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._resolve_selection = resolve_selection
        self._load = load
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
        self._loader.sig_finished.connect(self._loaded)
        self._loader.sig_failed.connect(self._failed)
        self._loader.start(self._load)
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
            reopen_last_session,
        )

        window, settings = self.window, self.settings
        try:
            selection = default_selection(dataset, self._resolve_selection(dataset), settings)
            configure_pyqtgraph()
            window.populate(dataset)
            attach_controllers(window, dataset, selection, window.lang, settings)
            window.restoreState(settings.get("window_state"))
        finally:
            collection.settle()
        self.sig_ready.emit()
        reopen_last_session(window, settings)

    def _failed(self, error: BaseException) -> None:
        from desktop.core import collection
        from desktop.core.errors import CityProfilesError

        collection.settle()
        if not isinstance(error, CityProfilesError):
            raise error  # a bug: the crash reporter shows and logs it
        from desktop.cli import error_line

        line = error_line(error)
        print(f"city-profiles: error: {line}", file=sys.stderr)
        self.window.show_load_error(line)
        self.sig_failed.emit(line)


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


def install_startup_probe(app: QApplication, window: MainWindow) -> StartupProbe | None:
    if not os.environ.get("CITY_PROFILES_STARTUP_PROBE"):
        return None
    return StartupProbe(app, window)
