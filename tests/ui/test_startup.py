"""The plain start: the window paints before pandas, pyqtgraph and the data load, then fills in."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from desktop.core import collection
from desktop.core.dataset import Dataset
from desktop.core.errors import DatasetFileError
from desktop.session.selection import Selection
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.startup import StagedStart

REPO = Path(__file__).resolve().parents[2]
NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")


def _settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_first_window_is_painted_before_the_heavy_parts_load(tmp_path: Path) -> None:
    """What the window needs to paint first must stay light, or the quick start is lost:
    no pandas, numpy or pyqtgraph, and not PySide6's `Qt` namespace (~50 ms to build) —
    the native crash log, open before the window, included."""
    result = _run(
        "import sys\n"
        "import PySide6.QtCore as core\n"
        "import desktop.ui.app as app_module\n"
        "from desktop.ui.main_window import MainWindow\n"
        "from desktop.ui.startup import StagedStart, install_startup_probe\n"
        "from desktop.ui.crash import CrashReporter, enable_native_crash_log\n"
        "app, settings, lang = app_module._application(None)\n"
        "enable_native_crash_log()\n"
        "window = MainWindow(None, lang)\n"
        "CrashReporter(window).install()\n"
        "app_module.restore_geometry(window, settings)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = [m for m in ('pandas', 'numpy', 'pyqtgraph', 'openpyxl') if m in sys.modules]\n"
        "print(heavy + (['Qt namespace'] if 'Qt' in core.__dict__ else []))\n",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_while_loading_only_quit_works_and_drops_wait(qtbot) -> None:
    window = MainWindow(None)
    qtbot.addWidget(window)
    assert window.quit_action.isEnabled()
    for action in (window.import_action, window.open_action, window.report_action,
                   window.export_action, window.find_city_action, window.preferences_action):
        assert not action.isEnabled(), action.text()
    assert not window.acceptDrops()
    assert "Loading" in window.status_label.text()


def test_the_loaded_data_fills_the_window_in(qtbot, dataset: Dataset, tmp_path: Path) -> None:
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    start = StagedStart(window, _settings(tmp_path),
                        lambda _data: Selection("cn-210100", NORTH_EAST, "gdp", "north_east"),
                        load=lambda _progress: dataset)
    painted = []
    start.sig_painted.connect(lambda: painted.append(True))  # the crash reporter's cue
    with qtbot.waitSignal(start.sig_ready, timeout=60_000):
        start.start()
    start.stop()
    assert painted == [True]
    assert window.import_action.isEnabled() and window.report_action.isEnabled()
    assert window.acceptDrops()
    assert window.controller.state.focus_id == "cn-210100"
    assert window.profile_view.profile_model.rowCount() > 10
    x, y = window.chart.curves[0].data()  # the focus city, drawn first
    assert 2016 in x and y[list(x).index(2016)] == pytest.approx(5546.4498)
    assert "values" in window.status_label.text()


def test_a_damaged_data_file_is_said_on_the_window(qtbot, tmp_path: Path, capsys) -> None:
    def load(_progress: object) -> Dataset:
        raise DatasetFileError(file="observations.csv", reason="row 3: 'x' is not a number")

    window = MainWindow(None)
    qtbot.addWidget(window)
    start = StagedStart(window, _settings(tmp_path), lambda _data: None, load=load)
    with qtbot.waitSignal(start.sig_failed, timeout=30_000) as failed:
        start.start()
    start.stop()
    assert "observations.csv" in failed.args[0]
    shown = window.centralWidget()
    assert isinstance(shown, QLabel)
    assert "could not be loaded" in shown.text() and "row 3" in shown.text()
    assert not window.import_action.isEnabled()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "observations.csv" in err and "Traceback" not in err


@pytest.mark.parametrize("args", [[], ["--focus", "Dalian"]])
def test_the_app_paints_first_then_becomes_usable(tmp_path: Path, args: list[str]) -> None:
    """As the start-up benchmark runs it: both starts paint, load, draw the chart and quit."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path), "CITY_PROFILES_STARTUP_PROBE": "1"}
    result = subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["first_paint", "ready"]
    crashes = [path.read_text(encoding="utf-8") for path in tmp_path.rglob("crash-*.log")]
    assert crashes == []  # an error in a slot is logged, and the start goes on regardless


@pytest.mark.parametrize("fails", [False, True])
def test_the_collector_runs_again_once_the_start_is_over(qtbot, dataset: Dataset,
                                                          tmp_path: Path, fails: bool) -> None:
    """A program start pauses garbage collection (desktop.core.collection); if the window
    never turned it back on, memory held in reference cycles would grow for the session."""
    def load(_progress: object) -> Dataset:
        if fails:
            raise DatasetFileError(file="observations.csv", reason="damaged")
        return dataset

    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    start = StagedStart(window, _settings(tmp_path),
                        lambda _data: Selection("cn-210100", NORTH_EAST, "gdp", "north_east"),
                        load=load)
    threshold = gc.get_threshold()
    collection.pause()
    try:
        assert not gc.isenabled()
        with qtbot.waitSignal(start.sig_failed if fails else start.sig_ready, timeout=60_000):
            start.start()
        start.stop()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # the start's objects: left out of later collections
        # young objects collected every 5,000, not 700: no full collection mid-click
        assert gc.get_threshold()[0] == collection.YOUNG_THRESHOLD
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        gc.enable()

