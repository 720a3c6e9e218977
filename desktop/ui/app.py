"""Start the Qt application: fonts, the window, and the offscreen screenshot mode."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.cli import Selection
    from desktop.core.dataset import Dataset
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

SCREENSHOT_SIZE = (1600, 1000)


def _prepare_environment(screenshot: bool) -> None:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_app(dataset: Dataset, selection: Selection, screenshot: str | None = None,
            lang: str | None = None, restore_session: bool = False) -> int:
    """Run the window. `lang` None: the language setting. `restore_session`: nothing was chosen
    on the command line, so the start follows the settings (last project or default cities)."""
    _prepare_environment(screenshot is not None)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    _quiet_platform_warnings()
    window = create_window(dataset, selection, lang, restore_session)
    app = QApplication.instance()
    if screenshot is not None:
        return _save_screenshot(app, window, Path(screenshot))
    from desktop.ui.crash import CrashReporter

    reporter = CrashReporter(window)
    reporter.install()
    settings = window.project_controller.settings
    if not window.restoreGeometry(settings.get("window_geometry")):
        window.resize(*SCREENSHOT_SIZE)
    window.restoreState(settings.get("window_state"))
    app.aboutToQuit.connect(lambda: _remember_window(window))
    if os.environ.get("CITY_PROFILES_STARTUP_PROBE"):
        _install_startup_probe(app, window)
    window.show()
    last = settings.get("last_session")
    if restore_session and settings.get("restore_last_session") and last and Path(last).is_file():
        QTimer.singleShot(0, lambda: window.project_controller.open_project(last))
    try:
        return app.exec()
    finally:
        reporter.uninstall()


def _install_startup_probe(app: QApplication, window: MainWindow) -> None:
    """For bench/startup_bench.py: print when the window first paints and when it is usable
    (data loaded, table filled, chart drawn, pending events handled), then quit."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    class _FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (not self.seen and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window() is window):
                self.seen = True
                print("first_paint", flush=True)
                QTimer.singleShot(0, _ready)
            return False

    def _ready() -> None:
        print("ready", flush=True)
        app.quit()

    from PySide6.QtCore import QTimer

    probe = _FirstPaint(window)
    app.installEventFilter(probe)
    window.startup_probe = probe


def _remember_window(window: MainWindow) -> None:
    settings = window.project_controller.settings
    settings.set("window_geometry", window.saveGeometry())
    settings.set("window_state", window.saveState())
    settings.sync()


def create_window(dataset: Dataset, selection: Selection, lang: str | None = None,
                  restore_session: bool = False) -> MainWindow:
    """The application (created if needed) in the chosen language and theme, and its window.

    `lang` None: the language setting. `restore_session`: show the default focus city and peer
    group from the settings instead of `selection`.
    """
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_translators
    from desktop.ui.settings import Settings
    from desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("City Profiles")
    app.setOrganizationName("City Profiles")
    settings = Settings()
    lang = lang or settings.get("language")
    app._city_profiles_translators = install_translators(app, lang)  # alive as long as app
    apply_theme(app, settings.get("theme"))
    if restore_session:
        selection = default_selection(dataset, selection, settings)
    return build_main_window(dataset, selection, lang, settings)


def default_selection(dataset: Dataset, selection: Selection, settings: Settings) -> Selection:
    """The focus city and peer group from the settings, where they still exist in the data."""
    from dataclasses import replace

    focus = settings.get("default_focus")
    focus = focus if focus in dataset.cities else selection.focus_id
    group = dataset.groups.get(settings.get("default_group"))
    if group is None:
        return replace(selection, focus_id=focus,
                       peer_ids=tuple(p for p in selection.peer_ids if p != focus))
    return replace(selection, focus_id=focus, group_id=group.id,
                   peer_ids=tuple(p for p in group.city_ids if p != focus))


def build_main_window(dataset: Dataset, selection: Selection, lang: str = "en",
                      settings: Settings | None = None) -> MainWindow:
    """The main window with its controllers, showing `selection` (needs a QApplication)."""
    import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

    from desktop.session.state import ViewState
    from desktop.ui.controller import Controller
    from desktop.ui.main_window import MainWindow
    from desktop.ui.project_controller import ProjectController
    from desktop.ui.settings import Settings

    settings = settings or Settings()
    pg.setConfigOptions(antialias=True, background="w", foreground="#222")
    window = MainWindow(dataset, lang)
    state = ViewState(selection.focus_id, selection.peer_ids, selection.indicator_id,
                      group_id=selection.group_id)
    window.controller = Controller(dataset, window, state, lang, settings)
    window.project_controller = ProjectController(window.controller, settings)
    return window


def _quiet_platform_warnings() -> None:
    """Drop the offscreen platform's note that it cannot propagate size hints; keep the rest."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode: object, context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _save_screenshot(app: object, window: object, path: Path) -> int:
    """Render the window at 1600x1000, let layouts and axes settle, save a PNG."""
    from PySide6.QtCore import QEventLoop, QTimer

    window.resize(*SCREENSHOT_SIZE)
    window.show()
    # Axis widths and tick labels settle only after the event loop has run a few times.
    for _ in range(3):
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        app.processEvents()
    image = window.grab()
    window.close()
    temp = path.with_name(f".{path.name}.tmp.png")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(temp), "PNG"):
            raise OSError("the image could not be encoded or written")
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        print(f"city-profiles: error: cannot write {path}: {exc}", file=sys.stderr)
        return 2
    return 0
