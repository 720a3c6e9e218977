"""File-level actions as a user meets them: save and reopen, export, help, shortcuts, drops."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.session.project import load_project
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.ui


def choose_focus(window: MainWindow, city_id: str) -> None:
    index = window.focus_box.findData(city_id)
    window.focus_box.setCurrentIndex(index)
    window.focus_box.activated.emit(index)


def test_save_then_open_restores_the_comparison(window: MainWindow, tmp_path: Path) -> None:
    projects = window.project_controller
    choose_focus(window, "cn-230100")  # Harbin
    assert projects.dirty and window.isWindowModified()
    path = tmp_path / "harbin.cityprofiles.json"
    assert projects.save_project(path=path)
    assert not projects.dirty and not window.isWindowModified()
    assert load_project(path).view.focus_id == "cn-230100"
    assert projects.settings.get("recent_files")[0] == str(path)
    assert window.recent_menu.actions()[0].text() == str(path)

    choose_focus(window, "cn-210100")
    projects.dirty = False  # pretend the user saved elsewhere; opening must not ask
    assert projects.open_project(str(path))
    window.controller._project_runner.wait(10_000)
    qtbot_wait_until(lambda: window.controller.state.focus_id == "cn-230100")
    assert "Harbin" in window.focus_box.currentText()


def qtbot_wait_until(condition: object, timeout: float = 10.0) -> None:
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        QApplication.processEvents()
        assert time.monotonic() < deadline, "condition not met in time"


def _open_through_the_menu(window: MainWindow, path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    window.open_action.trigger()
    window.controller._project_runner.wait(10_000)
    qtbot_wait_until(lambda: window.project_controller._opening is None)


def test_chart_controls_and_details_are_saved_and_restored(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.session.chart_options import ChartOptions
    from desktop.ui.plots.chart_panel import RANKING

    projects, panel = window.project_controller, window.chart_panel
    assert not projects.dirty
    panel.tabs.setCurrentIndex(RANKING)
    assert not projects.dirty  # looking at another chart is not a change
    panel.mode_box.setCurrentIndex(panel.mode_box.findData("indexed"))
    assert projects.dirty and window.isWindowModified()
    panel.base_year_box.setValue(2005)
    panel.start_box.setValue(2003)
    panel.log_check.setChecked(True)
    panel.band_check.setChecked(False)
    panel.background_check.setChecked(True)
    panel.year_box.setCurrentIndex(panel.year_box.findData(2015))
    panel.x_box.setCurrentIndex(panel.x_box.findData("average_wage"))
    panel.size_check.setChecked(True)
    panel.trails_check.setChecked(True)
    panel.log_x_check.setChecked(True)
    window.detail_box.setChecked(False)
    saved = panel.options
    assert saved.mode == "indexed" and saved.tab == RANKING and saved.year == 2015

    path = tmp_path / "charts.cityprofiles.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    window.save_as_action.trigger()
    assert not projects.dirty and path.is_file()
    project = load_project(path)
    assert project.detail is False
    assert project.chart["mode"] == "indexed" and project.chart["x_indicator"] == "average_wage"

    panel.set_options(ChartOptions())  # something else on screen before opening
    window.detail_box.setChecked(True)
    projects.dirty = False
    _open_through_the_menu(window, path, monkeypatch)
    assert panel.options == saved
    assert panel.tabs.currentIndex() == RANKING
    assert panel.mode_box.currentData() == "indexed" and panel.log_check.isChecked()
    assert not window.detail_box.isChecked() and not window.controller.profile_detail
    assert not projects.dirty and not window.isWindowModified()
    window.detail_box.setChecked(True)
    assert projects.dirty  # the Details switch is part of the project


def test_a_version_1_project_opens_with_default_charts(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    projects, panel = window.project_controller, window.chart_panel
    data = projects.current_project().to_json()
    data["view"]["focus_id"] = "cn-230100"  # Harbin
    data["view"]["peer_ids"] = ["cn-210100", "cn-210200"]
    data["view"]["year"] = 2014
    del data["chart"], data["table"]
    data["project_version"] = 1
    path = tmp_path / "old.cityprofiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    panel.mode_box.setCurrentIndex(panel.mode_box.findData("change"))
    window.detail_box.setChecked(False)
    projects.dirty = False
    _open_through_the_menu(window, path, monkeypatch)
    assert window.controller.state.focus_id == "cn-230100"
    assert panel.options.mode == "absolute" and panel.options.band
    assert panel.options.year == 2014  # the comparison year of the project
    assert window.detail_box.isChecked()
    assert not projects.dirty


def test_an_import_while_a_project_is_read_is_a_change(window: MainWindow) -> None:
    """Transitions say what happened: an import made while a project's files are read is
    an import (a change), and the project being read does not take over before its files
    have arrived (nothing guesses from a changed dataset)."""
    from desktop.session import session as transitions
    from desktop.session.project import DataFile
    from desktop.ui.project_controller import _Opening

    projects, controller = window.project_controller, window.controller
    projects._opening = _Opening(projects.current_project(), [], Path("other.json"))
    projects.dirty = False
    controller.commit(transitions.apply_import(controller.session, controller.dataset,
                                               DataFile("imported.csv")))
    assert projects.dirty and window.isWindowModified()
    assert [f.path for f in controller.data_files] == ["imported.csv"]
    assert projects.project_path is None  # the project being read did not take over

def test_chart_options_from_a_hand_edited_file_fall_back_to_defaults() -> None:
    from desktop.session.chart_options import ChartOptions
    from desktop.ui.project_controller import chart_options_from_json

    options = chart_options_from_json({"mode": "indexed", "base_year": True, "start": "2000",
                                       "end": 2010, "log_y": 1, "year": None,
                                       "colour": "red"})
    assert options == ChartOptions(mode="indexed", end=2010)


def test_unsaved_changes_are_asked_about(window: MainWindow,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    projects = window.project_controller
    choose_focus(window, "cn-230100")
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton):
        def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
            asked.append(str(args[2]))
            return choice
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert projects.may_close() is False
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    assert projects.may_close() is True
    assert asked and "Save the changes" in asked[0]


def test_export_writes_numbers_with_their_sources(window: MainWindow, tmp_path: Path) -> None:
    index = window.year_box.findData(2016)
    window.year_box.setCurrentIndex(index)
    window.year_box.activated.emit(index)
    path = tmp_path / "profile.csv"
    assert window.project_controller.export_table(path)
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    gdp = next(r for r in rows if r["indicator_id"] == "gdp" and r["city"] == "Shenyang")
    assert float(gdp["value"]) == 554_644_980_000.0
    assert float(gdp["display_value"]) == pytest.approx(5546.4498)
    assert gdp["display_unit"] == "亿元"
    assert gdp["source_file"] == "cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv"
    assert gdp["source_row"] == "8457" and gdp["source_column"] == "Gdpct01"


def test_export_to_an_impossible_place_says_so(window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *args, **_kw: warnings.append(str(args[2])))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not window.project_controller.export_table(blocker / "out.xlsx")
    assert warnings and "out.xlsx" in warnings[0]


def test_data_sources_window_lists_every_source(window: MainWindow) -> None:
    window.sources_action.trigger()
    dialog = window.project_controller.dialogs[-1]
    text = dialog.browser.toPlainText()
    for source in window.controller.dataset.sources.values():
        assert source.title in text
    assert "Liaoning restated" in text
    dialog.close()


def test_user_guide_opens_with_f1(window: MainWindow) -> None:
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.guide_action.trigger()
    assert "user guide" in window.project_controller.dialogs[-1].browser.toPlainText()


def test_shortcuts_cover_the_main_actions(window: MainWindow) -> None:
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in (
        window.open_action, window.save_action, window.import_action, window.export_action,
        window.find_city_action, window.show_table_action, window.show_chart_action)}
    assert shortcuts["Open project…"] == "Ctrl+O"
    assert shortcuts["Save project"] == "Ctrl+S"
    assert shortcuts["Import data…"] == "Ctrl+I"
    assert shortcuts["Export table…"] == "Ctrl+E"
    assert shortcuts["Find a city"] == "Ctrl+F"
    window.activateWindow()
    window.find_city_action.trigger()
    assert window.focus_box.lineEdit().selectedText() == window.focus_box.currentText()


def test_dropping_a_spreadsheet_asks_to_import_it(window: MainWindow, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    file = tmp_path / "cities.xlsx"
    file.write_bytes(b"")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(file))])
    requested: list[str] = []
    window.sig_import_requested.disconnect()
    window.sig_import_requested.connect(requested.append)
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert requested == [str(file)]
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.docx"))])
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, other,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert requested == [str(file)]
