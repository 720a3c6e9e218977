"""Opening a project as a user meets it: a failed open changes nothing on screen or in the
recent files, and a reopened project says again what its first import said about repeats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop.report.model import ReportOptions
from desktop.session.project import DataFile, save_project
from desktop.ui.main_window import MainWindow

from .test_file_actions import choose_focus, qtbot_wait_until

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.ui

#: 地区生产总值 and GDP are both the catalog's gdp: rows 3 and 5 repeat rows 2 and 4.
REPEATS_CSV = ("城市,指标,年份,数值,单位\n沈阳市,地区生产总值,2016,6000,亿元\n"
               "沈阳市,GDP,2016,5500,亿元\n沈阳市,地区生产总值,2017,7000,亿元\n"
               "沈阳市,GDP,2017,7000,亿元\n")


def _what_the_user_sees(window: MainWindow) -> dict[str, object]:
    projects, controller = window.project_controller, window.controller
    return {
        "title": window.windowTitle(), "file": window.windowFilePath(),
        "modified": window.isWindowModified(), "dirty": projects.dirty,
        "path": projects.project_path,
        "recent": projects.settings.get("recent_files"),
        "recent_menu": [a.text() for a in window.recent_menu.actions()],
        "last_session": projects.settings.get("last_session"),
        "state": controller.state, "data_files": list(controller.data_files),
        "report_options": controller.report_options, "dataset": controller.dataset,
    }


def _bad_project(kind: str, folder: Path, good: dict[str, object]) -> Path:
    """A project file that cannot be opened, in one of the ways a user meets."""
    path = folder / f"{kind}.cityprofiles.json"
    if kind == "newer_version":
        path.write_text(json.dumps({**good, "project_version": 99}), encoding="utf-8")
    elif kind == "not_json":
        path.write_text("{ this is not json", encoding="utf-8")
    else:  # its data file is there but damaged: the open fails once the file is read
        data = folder / "cities.xlsx"
        data.write_bytes(b"PK\x03\x04 not a workbook at all")
        view = {**good["view"], "focus_id": "cn-230100"}  # type: ignore[dict-item]
        files = [DataFile(str(data)).to_json()]
        report = ReportOptions("cn-230100", (), paper="letter").to_json()
        path.write_text(json.dumps({**good, "view": view, "data_files": files,
                                    "report": report}), encoding="utf-8")
    return path


def _answer(monkeypatch: pytest.MonkeyPatch, locate: QMessageBox.StandardButton) -> list[str]:
    """Keep unsaved changes without saving them; answer `locate` when a data file is missing.
    Returns the warnings shown."""
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *args, **_kw: warnings.append(str(args[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, *_a, **_k: (
        QMessageBox.StandardButton.Discard if title == "Unsaved changes" else locate))
    return warnings


@pytest.mark.parametrize("kind", ["newer_version", "not_json", "damaged_data_file"])
def test_a_failed_open_leaves_the_window_as_it_was(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    projects = window.project_controller
    first, second = tmp_path / "first.cityprofiles.json", tmp_path / "second.cityprofiles.json"
    assert projects.save_project(path=first) and projects.save_project(path=second)
    assert projects.save_project(path=first)  # recent: first, second
    choose_focus(window, "cn-220100")  # Changchun: an unsaved change
    bad = _bad_project(kind, tmp_path, projects.current_project().to_json())
    before = _what_the_user_sees(window)
    assert before["modified"] and before["recent"][:2] == [str(first), str(second)]

    warnings = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    projects.open_project(str(bad))
    window.controller._project_runner.wait(10_000)
    qtbot_wait_until(lambda: bool(warnings))
    QCoreApplication.processEvents()
    assert _what_the_user_sees(window) == before
    assert bad.name in warnings[0] or "cities.xlsx" in warnings[0]
    # ... and the next change still counts as one, the next save goes where it went before
    choose_focus(window, "cn-230100")
    assert projects.save_project()
    assert json.loads(first.read_text(encoding="utf-8"))["view"]["focus_id"] == "cn-230100"


def _project_on_an_imported_city(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                 focus_on_it: bool) -> Path:
    """A saved project whose data file is then deleted; its focus is the file's new city,
    or Shenyang."""
    data = tmp_path / "new_city.csv"
    _import(window, qtbot, data, "城市,指标,年份,数值,单位\n铁岭新区,专利授权数,2016,77,件\n")
    if focus_on_it:
        choose_focus(window, window.controller.dataset.city("铁岭新区").id)
    path = tmp_path / "imported.cityprofiles.json"
    assert window.project_controller.save_project(path=path)
    data.unlink()
    return path


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No,
                                    QMessageBox.StandardButton.Cancel], ids=["no", "cancel"])
def test_declining_to_locate_the_focus_citys_file_leaves_the_window_as_it_was(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answer: QMessageBox.StandardButton) -> None:
    projects = window.project_controller
    project = _project_on_an_imported_city(window, qtbot, tmp_path, focus_on_it=True)
    choose_focus(window, "cn-210100")
    assert projects.save_project(path=tmp_path / "mine.cityprofiles.json")
    choose_focus(window, "cn-220100")  # an unsaved change
    before = _what_the_user_sees(window)
    warnings = _answer(monkeypatch, answer)
    opened = projects.open_project(str(project))
    window.controller._project_runner.wait(10_000)
    qtbot_wait_until(lambda: projects._opening is None)
    QCoreApplication.processEvents()
    assert _what_the_user_sees(window) == before
    if answer == QMessageBox.StandardButton.Cancel:  # the user's choice: nothing to explain
        assert not opened and not warnings
    else:
        assert warnings == ["The project's focus city is not in the data that was read (is a "
                            "data file missing?), so the project was not opened."]


def test_a_project_opens_without_a_file_the_user_skips(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    projects = window.project_controller
    project = _project_on_an_imported_city(window, qtbot, tmp_path, focus_on_it=False)
    choose_focus(window, "cn-220100")
    warnings = _answer(monkeypatch, QMessageBox.StandardButton.No)
    _reopen(window, project)
    assert not warnings and window.controller.data_files == []
    assert window.controller.state.focus_id == "cn-210100"
    assert projects.project_path == project and not window.isWindowModified()


def test_report_choices_a_hand_edit_broke_fall_back_to_the_defaults(
        window: MainWindow, tmp_path: Path) -> None:
    data = window.project_controller.current_project().to_json()
    data["view"]["focus_id"] = "cn-230100"  # Harbin
    data["report"] = {"paper": "letter"}  # no focus city: not a report's choices
    path = tmp_path / "edited.cityprofiles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    _reopen(window, path)
    assert window.controller.state.focus_id == "cn-230100"
    assert window.controller.report_options is None


def _import(window: MainWindow, qtbot: QtBot, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    before = window.controller.dataset
    window.sig_import_requested.emit(str(path))
    dialog = window.controller.import_dialog
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.controller.dataset is not before, timeout=10_000)
    window.controller.import_report_box.close()


def _reopen(window: MainWindow, path: Path) -> None:
    projects = window.project_controller
    projects.dirty = False
    window.statusBar().clearMessage()
    assert projects.open_project(str(path))
    window.controller._project_runner.wait(10_000)
    qtbot_wait_until(lambda: projects._opening is None)


def test_reopening_a_project_says_which_imported_values_repeated(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    _import(window, qtbot, tmp_path / "gdp.csv", REPEATS_CSV)
    project = tmp_path / "repeats.cityprofiles.json"
    assert window.project_controller.save_project(path=project)
    _reopen(window, project)
    # differing from CSMAR's value, gdp.csv's GDP is a series of its own (issue #12)
    assert window.controller.dataset.observation("cn-210100", "gdp:gdp", 2016).value == 6.0e11
    assert window.statusBar().currentMessage() == (
        "gdp.csv: 2 imported values repeated a city, indicator and year under another name "
        "(1 with a different value); the first was kept.")


def test_reopening_says_it_in_chinese(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.ui.i18n import install_translators

    _import(window, qtbot, tmp_path / "gdp.csv", REPEATS_CSV)
    project = tmp_path / "repeats.cityprofiles.json"
    save_project(window.project_controller.current_project(), project)
    app = QCoreApplication.instance()
    translators = install_translators(app, "zh")
    try:
        _reopen(window, project)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert window.statusBar().currentMessage() == (
        "gdp.csv：有 2 个导入数值以另一名称重复了同一城市、指标和年份（其中 1 个数值不同）；"
        "已保留第一个。")


def test_a_project_without_repeats_opens_quietly(window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "plain.cityprofiles.json"
    assert window.project_controller.save_project(path=project)
    _reopen(window, project)
    assert window.statusBar().currentMessage() == ""
