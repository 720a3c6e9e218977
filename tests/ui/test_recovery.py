"""No lost work, in the window: changes are autosaved once a burst is over, the start after
a crash offers the session back (and restores it), a file that stopped the app is not read
again unasked, and a start that fails says so on the window instead of loading for ever."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.core.dataset import Dataset
from desktop.session.recovery import RUN_FILE, SESSION_FILE, RecoveryStore
from desktop.session.selection import Selection
from desktop.ui.autosave import Autosave, SessionRecovery
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.startup import StagedStart

from .test_file_actions import choose_focus, qtbot_wait_until
from .test_project_open import _import

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.ui

HOT_SPOTS = ["cn-110100", "cn-330100", "cn-440300"]


def _crashed_run(folder: Path, project: dict[str, object], blocked: list[str] = (),
                 project_path: str | None = None, dirty: bool = True) -> None:
    """The files a run leaves when it is killed: its record says it never ended."""
    folder.mkdir(parents=True, exist_ok=True)
    record = {"recovery_version": 1, "pid": 1, "started": "2026-12-07T10:00:00",
              "ended_cleanly": False, "reading": list(blocked), "blocked": [],
              "crash_log": ""}
    (folder / RUN_FILE).write_text(json.dumps(record), encoding="utf-8")
    session = {"recovery_version": 1, "project": project, "project_path": project_path,
               "dirty": dirty, "saved": "2026-12-07T10:05:00"}
    (folder / SESSION_FILE).write_text(json.dumps(session), encoding="utf-8")


def _recovery(window: MainWindow, folder: Path) -> SessionRecovery:
    recovery = SessionRecovery(window, folder)
    recovery.begin()
    recovery.attach(window)
    return recovery


def test_a_burst_of_changes_is_autosaved_once_after_it_ends(window: MainWindow,
                                                            tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.begin()
    try:
        autosave = Autosave(store, window.project_controller, delay_ms=300)
        for city in ("cn-230100", "cn-220100", "cn-210200"):  # three quick changes
            choose_focus(window, city)
        assert autosave.pending and autosave.saves == 0
        qtbot_wait_until(lambda: autosave.saves > 0)
        qtbot_wait_until(lambda: not autosave.pending, 1.0)
        assert autosave.saves == 1
        saved = json.loads((tmp_path / SESSION_FILE).read_text(encoding="utf-8"))
        assert saved["project"]["view"]["focus_id"] == "cn-210200"
        assert saved["dirty"] is True and saved["project_path"] is None
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
        assert leftovers == []  # written atomically: no temp file left behind
    finally:
        store.end()


def test_after_a_crash_the_session_is_offered_and_restored(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    project = window.project_controller.current_project().to_json()
    project["view"].update(peer_ids=HOT_SPOTS, group_id="hot_spots", focus_id="cn-230100")
    saved_path = str(tmp_path / "harbin.cityprofiles.json")
    _crashed_run(tmp_path / "recovery", project, project_path=saved_path)
    recovery = _recovery(window, tmp_path / "recovery")
    normal = []
    recovery.start_session(window, lambda: normal.append(True))
    dialog = recovery.dialog
    assert dialog is not None and dialog.isVisible() and normal == []
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "did not close normally" in texts
    assert "harbin.cityprofiles.json" in texts and "Harbin" in texts and "3 peer" in texts
    assert "unsaved changes" in texts
    shot = tmp_path / "recovery_offer.png"
    assert dialog.grab().save(str(shot)) and shot.stat().st_size > 5_000
    if os.environ.get("CITY_PROFILES_SHOTS"):  # to look at it: a folder to copy it to
        dialog.grab().save(str(Path(os.environ["CITY_PROFILES_SHOTS"]) / shot.name))
    dialog.answer(True)
    qtbot_wait_until(lambda: window.project_controller._opening is None
                     and not window.controller._project_runner.busy)
    state = window.controller.state
    assert (state.focus_id, list(state.peer_ids), state.group_id) == (
        "cn-230100", HOT_SPOTS, "hot_spots")
    projects = window.project_controller
    assert str(projects.project_path) == saved_path and window.isWindowModified()
    assert normal == []
    recovery.finish()


def test_start_fresh_discards_the_saved_session(window: MainWindow, tmp_path: Path) -> None:
    project = window.project_controller.current_project().to_json()
    project["view"]["focus_id"] = "cn-230100"
    _crashed_run(tmp_path / "recovery", project)
    recovery = _recovery(window, tmp_path / "recovery")
    normal = []
    recovery.start_session(window, lambda: normal.append(True))
    recovery.dialog.answer(False)
    assert normal == [True] and window.controller.state.focus_id == "cn-210100"
    assert not (tmp_path / "recovery" / SESSION_FILE).exists()
    recovery.finish()


def test_a_file_being_read_when_the_app_died_is_not_read_again_unasked(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "killer.csv"
    _import(window, qtbot, data, "城市,指标,年份,数值,单位\n沈阳市,专利授权数,2016,77,件\n")
    project_path = tmp_path / "with_import.cityprofiles.json"
    assert window.project_controller.save_project(path=project_path)
    _crashed_run(tmp_path / "recovery", {"not": "offered"}, blocked=[str(data)])
    recovery = _recovery(window, tmp_path / "recovery")
    assert recovery.store.previous.crashed
    window.controller.data_files = []
    assert window.project_controller.open_project(str(project_path), startup=True)
    qtbot_wait_until(lambda: window.project_controller._opening is None)
    message = window.statusBar().currentMessage()
    assert "Not read again at start-up: killer.csv" in message
    assert "being read when City Profiles stopped" in message
    assert window.controller.data_files == []
    # The user opens it on purpose: it is read, and comes off the list.
    assert window.project_controller.open_project(str(project_path))
    qtbot_wait_until(lambda: window.project_controller._opening is None)
    assert [f.path for f in window.controller.data_files] == [str(data)]
    assert recovery.store.is_blocked(str(data)) is None
    recovery.finish()


def test_a_refused_data_file_is_remembered(window: MainWindow, qtbot: QtBot,
                                           tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "cities.csv"
    _import(window, qtbot, data, "城市,指标,年份,数值,单位\n沈阳市,专利授权数,2016,77,件\n")
    project_path = tmp_path / "p.cityprofiles.json"
    assert window.project_controller.save_project(path=project_path)
    data.write_bytes(b"PK\x03\x04 not a workbook, not a table")
    recovery = _recovery(window, tmp_path / "recovery")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: warnings.append(str(a[2])))
    window.project_controller.open_project(str(project_path))
    qtbot_wait_until(lambda: bool(warnings))
    blocked = recovery.store.is_blocked(str(data))
    assert blocked is not None and blocked.reason == "refused" and blocked.detail
    recovery.finish()


@pytest.mark.parametrize("startup", [False, True])
def test_a_damaged_project_says_where(window: MainWindow, tmp_path: Path, monkeypatch,
                                      startup: bool) -> None:
    path = tmp_path / "cut.cityprofiles.json"
    path.write_text('{"app": "City Profiles",\n "project_version": 2,\n "view": {"foc',
                    encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **_k: warnings.append(str(a[2])))
    before = window.controller.state
    assert not window.project_controller.open_project(str(path), startup=startup)
    shown = window.statusBar().currentMessage() if startup else warnings[0]
    assert shown.startswith("cut.cityprofiles.json: the project file is damaged: it is not "
                            "valid JSON at line 3, column")
    assert window.controller.state == before
    missing = tmp_path / "nofocus.cityprofiles.json"
    data = window.project_controller.current_project().to_json()
    del data["view"]["focus_id"]
    missing.write_text(json.dumps(data), encoding="utf-8")
    assert not window.project_controller.open_project(str(missing), startup=startup)
    shown = window.statusBar().currentMessage() if startup else warnings[-1]
    assert shown == ("nofocus.cityprofiles.json: the project file is damaged: the field "
                     "view.focus_id is missing.")


def test_a_start_that_fails_says_so_on_the_window(qtbot: QtBot, dataset: Dataset,
                                                  tmp_path: Path) -> None:
    """The 'loading page for ever' of issue 12: any error after the data arrives."""
    def broken_selection(_dataset: Dataset) -> Selection:
        raise TypeError("'int' object is not iterable")

    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    settings = Settings()
    start = StagedStart(window, settings, broken_selection, load=lambda _p: dataset)
    with qtbot.waitSignal(start.sig_failed, timeout=60_000) as failed:
        start.start()
    start.stop()
    assert "not iterable" in failed.args[0]
    shown = window.centralWidget()
    assert isinstance(shown, QLabel)
    assert "could not set up its window" in shown.text() and "not iterable" in shown.text()
    assert "crash-" in shown.text()  # where the traceback was saved


@pytest.mark.parametrize("tick", [False, True])
def test_the_offer_lists_the_file_that_stopped_the_app_and_reads_it_only_if_ticked(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, tick: bool) -> None:
    data = tmp_path / "yearbook.csv"
    _import(window, qtbot, data, "城市,指标,年份,数值,单位\n沈阳市,专利授权数,2016,77,件\n")
    project = window.project_controller.current_project().to_json()
    _crashed_run(tmp_path / "recovery", project, blocked=[str(data)])
    window.controller.data_files = []
    recovery = _recovery(window, tmp_path / "recovery")
    recovery.start_session(window, lambda: None)
    dialog = recovery.dialog
    assert list(dialog.file_boxes) == [str(data)]
    box = dialog.file_boxes[str(data)]
    assert "yearbook.csv" in box.text() and not box.isChecked()  # unticked: not read unasked
    box.setChecked(tick)
    dialog.answer(True)
    qtbot_wait_until(lambda: window.project_controller._opening is None
                     and not window.controller._project_runner.busy)
    assert [f.path for f in window.controller.data_files] == ([str(data)] if tick else [])
    if not tick:
        assert "Not read again at start-up: yearbook.csv" in window.statusBar().currentMessage()
    recovery.finish()


def test_the_file_an_import_reads_is_on_record_until_its_dialog_closes(
        window: MainWindow, tmp_path: Path) -> None:
    recovery = _recovery(window, tmp_path / "recovery")
    data = tmp_path / "patents.csv"
    data.write_text("城市,指标,年份,数值,单位\n沈阳市,专利授权数,2016,77,件\n", encoding="utf-8")

    def reading() -> list[str]:
        run = tmp_path / "recovery" / RUN_FILE
        return json.loads(run.read_text(encoding="utf-8"))["reading"]

    window.sig_import_requested.emit(str(data))
    assert reading() == [str(data)]  # a crash now: the next start knows which file it was
    window.controller.import_dialog.reject()
    assert reading() == []
    recovery.finish()
