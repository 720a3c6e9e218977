"""Start the Qt application: fonts, the window, and the offscreen screenshot mode."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.core.dataset import Dataset
    from desktop.session.selection import Selection
    from desktop.ui.autosave import SessionRecovery
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

SCREENSHOT_SIZE = (1600, 1000)


def _prepare_environment(screenshot: bool) -> None:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_app(dataset: Dataset, selection: Selection, screenshot: str | None = None,
            lang: str | None = None, restore_session: bool = False,
            size: tuple[int, int] | None = None, tab: int = 0) -> int:
    """Run the window. `lang` None: the language setting. `restore_session`: nothing was chosen
    on the command line, so the start follows the settings (last project or default cities)."""
    _prepare_environment(screenshot is not None)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    _quiet_platform_warnings()
    window = create_window(dataset, selection, lang, restore_session)
    app = QApplication.instance()
    if screenshot is not None:
        window.chart_panel.tabs.setCurrentIndex(tab)
        return _save_screenshot(app, window, Path(screenshot), size or SCREENSHOT_SIZE)
    from desktop.ui.crash import CrashReporter

    reporter = CrashReporter(window)
    reporter.install()
    from desktop.ui.autosave import SessionRecovery
    from desktop.ui.crash import enable_native_crash_log

    recovery = SessionRecovery(window, crash_log=enable_native_crash_log())
    recovery.begin()
    settings = window.project_controller.settings
    restore_geometry(window, settings)
    window.restoreState(settings.get("window_state"))
    app.aboutToQuit.connect(lambda: _remember_window(window, settings))
    from desktop.ui.startup import after_ready, install_startup_probe

    probe = install_startup_probe(app, window)
    window.show()
    from desktop.core import collection

    collection.settle()
    if probe is not None:
        probe.data_shown()
    QTimer.singleShot(0, lambda: after_ready(window, settings, recovery, restore_session))
    try:
        code = app.exec()
    finally:
        reporter.uninstall()
    finish_recovery([recovery])
    return code


def run_app_staged(resolve_selection: Callable[[Dataset], Selection],
                   lang: str | None = None) -> int:
    """Show the window at once, load the data in a worker, then fill the window in.

    The plain start: without a city or group on the command line, nothing needs the data
    before the window exists, so the window paints in about the time of a bare Qt window
    instead of after pandas, pyqtgraph and the data have loaded (issue 6, start-up).
    """
    _prepare_environment(False)
    _quiet_platform_warnings()
    from desktop.ui.main_window import MainWindow
    from desktop.ui.startup import StagedStart, install_startup_probe

    app, settings, lang = _application(lang)
    from desktop.ui.crash import enable_native_crash_log

    crash_log = enable_native_crash_log()  # a native crash from here on leaves its stacks
    recoveries = []
    window = MainWindow(None, lang)
    reporters = []

    def install_crash_reporter() -> None:
        """After the first paint: before it, an exception ends the start anyway."""
        from desktop.ui.crash import CrashReporter

        reporters.append(CrashReporter(window))
        reporters[-1].install()

    restore_geometry(window, settings)
    app.aboutToQuit.connect(lambda: _remember_window(window, settings))
    probe = install_startup_probe(app, window)
    def make_recovery() -> SessionRecovery:
        """After the first paint: the autosave's modules are not needed before it."""
        from desktop.ui.autosave import SessionRecovery

        recoveries.append(SessionRecovery(window, crash_log=crash_log))
        return recoveries[-1]

    start = StagedStart(window, settings, resolve_selection, make_recovery=make_recovery)
    if probe is not None:
        start.sig_ready.connect(probe.data_shown)
        start.sig_failed.connect(probe.failed)
    start.sig_painted.connect(install_crash_reporter)
    window.show()
    start.start()
    try:
        code = app.exec()
    finally:
        start.stop()
        for reporter in reporters:
            reporter.uninstall()
    finish_recovery(recoveries)  # app.exec() returned: the user quit, a clean end
    return code


def finish_recovery(recoveries: list[SessionRecovery]) -> None:
    """A clean end: the recovery record says so and the native crash log closes."""
    from desktop.ui.crash import disable_native_crash_log

    for recovery in recoveries:
        recovery.finish()
    disable_native_crash_log()


def restore_geometry(window: MainWindow, settings: Settings) -> None:
    if not window.restoreGeometry(settings.get("window_geometry")):
        window.resize(*SCREENSHOT_SIZE)


def reopen_last_session(window: MainWindow, settings: Settings) -> None:
    """The last project, when the settings ask for it and it still exists."""
    last = settings.get("last_session")
    if settings.get("restore_last_session") and last and Path(last).is_file():
        window.project_controller.open_project(last, startup=True)


def _remember_window(window: MainWindow, settings: Settings) -> None:
    settings.set("window_geometry", window.saveGeometry())
    settings.set("window_state", window.saveState())
    settings.sync()


def create_window(dataset: Dataset, selection: Selection, lang: str | None = None,
                  restore_session: bool = False) -> MainWindow:
    """The application (created if needed) in the chosen language and theme, and its window.

    `lang` None: the language setting. `restore_session`: show the default focus city and peer
    group from the settings instead of `selection`.
    """
    _app, settings, lang = _application(lang)
    if restore_session:
        selection = default_selection(dataset, selection, settings)
    return build_main_window(dataset, selection, lang, settings)


def _application(lang: str | None) -> tuple[QApplication, Settings, str]:
    """The QApplication (created if needed) with its names, language and theme."""
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
    return app, settings, lang


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
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    settings = settings or Settings()
    configure_pyqtgraph()
    window = MainWindow(dataset, lang)
    attach_controllers(window, dataset, selection, lang, settings)
    return window


def configure_pyqtgraph() -> None:
    from desktop.ui.pyqtgraph_import import import_pyqtgraph

    pg = import_pyqtgraph()
    pg.setConfigOptions(antialias=True, background="w", foreground="#222")


def attach_controllers(window: MainWindow, dataset: Dataset, selection: Selection,
                       lang: str, settings: Settings) -> None:
    """Wire a populated window: the view controller (draws `selection`) and the projects."""
    dataset = dataset.with_number_style(settings.get("number_style"))
    from desktop.ui.controller import Controller
    from desktop.ui.project_controller import ProjectController

    window.controller = Controller(dataset, window, selection, lang, settings)
    window.project_controller = ProjectController(window.controller, settings)


def _quiet_platform_warnings() -> None:
    """Drop the offscreen platform's note that it cannot propagate size hints; keep the rest."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode: object, context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _save_screenshot(app: object, window: object, path: Path,
                     size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Render the window at `size`, let layouts and axes settle, save a PNG."""
    from PySide6.QtCore import QEventLoop, QTimer

    window.resize(*size)
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
