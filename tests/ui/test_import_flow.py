"""Importing through the window: the dialog previews in the background, Import merges the
values into a new dataset, and a bad file is explained without losing anything loaded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.paths import shared_external_dir
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.ui

CSV = """城市,指标,年份,数值,单位
沈阳市,地区生产总值,2016,6000,亿元
沈阳市,专利授权数,2016,12345,件
铁岭新区,专利授权数,2016,77,件
"""


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The import report box is non-modal (open()); make sure nothing blocks a test."""
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)


def open_dialog(window: MainWindow, qtbot: QtBot, path: Path):
    window.sig_import_requested.emit(str(path))
    dialog = window.controller.import_dialog
    assert dialog is not None and dialog.path == path
    return dialog


def test_import_adds_values_and_new_cities_visibly(window: MainWindow, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "patents.csv"
    path.write_text(CSV, encoding="utf-8")
    before = window.controller.dataset
    dialog = open_dialog(window, qtbot, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert "3 values from 3 rows" in dialog.summary.text()
    assert dialog.result_model.rowCount() == 3
    from PySide6.QtCore import Qt

    assert dialog.file_model.headerData(0, Qt.Orientation.Horizontal) == "A"
    assert dialog.file_model.headerData(0, Qt.Orientation.Vertical) == "1"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.controller.dataset is not before, timeout=10_000)
    dataset = window.controller.dataset
    assert dataset.observation("cn-210100", "gdp", 2016).value == 600_000_000_000.0
    assert dataset.observation("cn-210100", "gdp", 2016).provenance.source.file == "patents.csv"
    assert before.observation("cn-210100", "gdp", 2016).value == 554_644_980_000.0
    assert dataset.city("铁岭新区").kind == "imported"
    assert window.focus_box.findText("铁岭新区", flags=_contains()) >= 0
    box = window.controller.import_report_box
    assert box.text() == ("Imported 3 values from patents.csv: 1 new city, 1 new indicator, "
                          "1 bundled value replaced.")
    assert window.project_controller.dirty
    assert [f.path for f in window.controller.data_files] == [str(path)]


def test_values_that_meet_only_after_matching_names_are_reported(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """地区生产总值 and GDP are both the catalog's gdp: two values for one city and year that
    the file cannot show as repeats. The first is kept and the report says so, with rows."""
    path = tmp_path / "gdp.csv"
    path.write_text("城市,指标,年份,数值,单位\n沈阳市,地区生产总值,2016,6000,亿元\n"
                    "沈阳市,GDP,2016,5500,亿元\n沈阳市,地区生产总值,2017,7000,亿元\n"
                    "沈阳市,GDP,2017,7000,亿元\n", encoding="utf-8")
    before = window.controller.dataset
    dialog = open_dialog(window, qtbot, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.controller.dataset is not before, timeout=10_000)
    assert window.controller.dataset.observation("cn-210100", "gdp", 2016).value == 6.0e11
    box = window.controller.import_report_box
    assert "Imported 2 values from gdp.csv" in box.text()
    assert ("2 imported values repeated a city, indicator and year under another name "
            "(1 with a different value); the first was kept") in box.text()
    details = box.detailedText()
    assert ("2016: kept row 2, column D: 600,000,000,000 yuan (CNY); "
            "not kept: row 3, column D: 550,000,000,000 yuan (CNY)") in details
    assert "2017: kept row 4, column D: 700,000,000,000 yuan (CNY); the same value again: " \
           "row 5" in details


#: Two new cities and indicators, two bundled values replaced, one value repeated (GDP is
#: 地区生产总值 once names are matched) with the same value.
MANY_CSV = """城市,指标,年份,数值,单位
沈阳市,地区生产总值,2016,6000,亿元
沈阳市,地区生产总值,2017,6100,亿元
铁岭新区,专利授权数,2016,77,件
抚顺新区,发明专利授权数,2016,5,件
沈阳市,GDP,2017,6100,亿元
"""


def _import(window: MainWindow, qtbot: QtBot, path: Path, text: str) -> QMessageBox:
    path.write_text(text, encoding="utf-8")
    before = window.controller.dataset
    dialog = open_dialog(window, qtbot, path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.controller.dataset is not before, timeout=10_000)
    return window.controller.import_report_box


def test_the_report_counts_in_plain_english(window: MainWindow, qtbot: QtBot,
                                            tmp_path: Path) -> None:
    box = _import(window, qtbot, tmp_path / "many.csv", MANY_CSV)
    assert box.text() == (
        "Imported 4 values from many.csv: 2 new cities, 2 new indicators, 2 bundled values "
        "replaced.\n\n1 imported value repeated a city, indicator and year under another name "
        "(with the same value); the first was kept (details below).")


def test_the_report_counts_in_chinese(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.i18n import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "zh")
    try:
        box = _import(window, qtbot, tmp_path / "many.csv", MANY_CSV)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert box.text() == (
        "已从 many.csv 导入 4 个数值：新增城市 2 个、新增指标 2 个，替换内置数值 2 个。\n\n"
        "有 1 个导入数值以另一名称重复了同一城市、指标和年份（数值相同）；"
        "已保留第一个（详见下文）。")


def _contains():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def test_a_broken_file_is_explained_and_nothing_is_lost(window: MainWindow, qtbot: QtBot,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "cities.xlsx"
    path.write_bytes(b"PK\x03\x04 not a workbook at all")
    before = window.controller.dataset
    dialog = open_dialog(window, qtbot, path)
    qtbot.waitUntil(lambda: "cities.xlsx" in dialog.summary.text()
                    and "Reading" not in dialog.summary.text(), timeout=10_000)
    assert "damaged" in dialog.summary.text().lower()
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    assert window.controller.dataset is before


@pytest.mark.skipif(not shared_external_dir().is_dir(), reason="../shared absent")
def test_a_yearbook_table_needs_its_year_and_then_imports(window: MainWindow, qtbot: QtBot
                                                          ) -> None:
    path = shared_external_dir() / "cn_ccsy2018_table2-9_grp_districts_cnki_encrypted.xls"
    dialog = open_dialog(window, qtbot, path)
    qtbot.waitUntil(lambda: "set the year" in dialog.summary.text(), timeout=15_000)
    dialog.year_box.setValue(2017)
    dialog.year_box.editingFinished.emit()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=15_000)
    assert dialog.recipe.table.year == 2017
    frame = dialog.outcome.frame
    grp = frame[(frame["city"] == "cn-210100")
                & (frame["indicator"] == "地区生产总值(当年价格) [市辖区]")]
    assert grp["value"].tolist() == [514_810_260_000.0]
