"""Importing through the window: the dialog previews in the background, Import merges the
values into a new dataset, and a bad file is explained without losing anything loaded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.paths import sources_dir
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
    """The default: Shenyang's 2016 GDP in the file differs from CSMAR's, so it comes in as a
    separate series and the bundled value stays (issue #12); the report says so."""
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
    assert dialog.keep_button.isChecked() and not dialog.replace_bundled
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.controller.dataset is not before, timeout=10_000)
    dataset = window.controller.dataset
    assert dataset.observation("cn-210100", "gdp", 2016).value == 554_644_980_000.0
    series = dataset.observation("cn-210100", "gdp:patents", 2016)
    assert series.value == 600_000_000_000.0 and series.provenance.source.file == "patents.csv"
    assert dataset.indicators["gdp:patents"].label_en == "GDP (current prices) — patents.csv"
    assert dataset.city("铁岭新区").kind == "imported"
    assert window.focus_box.findText("铁岭新区", flags=_contains()) >= 0
    box = window.controller.import_report_box
    assert box.text() == (
        "Imported 3 values from patents.csv: 1 new city, 1 new indicator, 0 bundled values "
        "replaced.\n\nThe imported value of GDP (current prices) for a city and year the "
        "bundled data already has differs from it (bundled source: CSMAR (GTA) China Regional "
        "Economy database). Not to mix two sources in one series, the imported value of GDP "
        "(current prices) comes in as a separate series, “GDP (current prices) — patents.csv”; "
        "the bundled series is unchanged.")
    details = box.detailedText()
    assert "Shenyang 2016: 5,546.45 亿元 → 6,000.00 亿元 (+8.2%), row 2, column D" in details
    assert "choose “Replace the bundled values”" in details
    assert window.project_controller.dirty
    assert [f.path for f in window.controller.data_files] == [str(path)]


def test_replace_chosen_in_the_dialog_replaces_and_lists_the_key(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "patents.csv"
    path.write_text(CSV, encoding="utf-8")
    before = window.controller.dataset
    dialog = open_dialog(window, qtbot, path)
    qtbot.waitUntil(lambda: dialog.replace_button.isEnabled(), timeout=10_000)
    dialog.replace_button.click()
    assert dialog.replace_bundled
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.controller.dataset is not before, timeout=10_000)
    dataset = window.controller.dataset
    assert dataset.observation("cn-210100", "gdp", 2016).value == 600_000_000_000.0
    assert dataset.observation("cn-210100", "gdp", 2016).provenance.source.file == "patents.csv"
    assert before.observation("cn-210100", "gdp", 2016).value == 554_644_980_000.0
    assert "gdp:patents" not in dataset.indicators
    box = window.controller.import_report_box
    assert "1 bundled value replaced." in box.text()
    assert "1 value in the data replaced by imported ones (1 with a different value)" \
        in box.text()
    assert "Shenyang 2016: 5,546.45 亿元 → 6,000.00 亿元 (+8.2%), row 2, column D" \
        in box.detailedText()


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
    # it differs from CSMAR's 2016 value: a separate series, whose first row is kept
    assert window.controller.dataset.observation("cn-210100", "gdp:gdp",
                                                 2016).value == 6.0e11
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
        "Imported 4 values from many.csv: 2 new cities, 2 new indicators, 0 bundled values "
        "replaced.\n\n1 imported value repeated a city, indicator and year under another name "
        "(with the same value); the first was kept (details below).\n\n2 of the 2 imported "
        "values of GDP (current prices) that fall on a city and year the bundled data already "
        "has differ from it (bundled source: CSMAR (GTA) China Regional Economy database). Not "
        "to mix two sources in one series, all 2 imported values of GDP (current prices) come "
        "in as a separate series, “GDP (current prices) — many.csv”; the bundled series is "
        "unchanged.")


def test_the_report_counts_in_chinese(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.i18n import install_translators

    app = QCoreApplication.instance()
    translators = install_translators(app, "zh")
    window.controller.lang = "zh"  # a Chinese window: its translators and its language
    try:
        box = _import(window, qtbot, tmp_path / "many.csv", MANY_CSV)
    finally:
        window.controller.lang = "en"
        for translator in translators:
            app.removeTranslator(translator)
    assert box.text() == (
        "已从 many.csv 导入 4 个数值：新增城市 2 个、新增指标 2 个，替换内置数值 0 个。\n\n"
        "有 1 个导入数值以另一名称重复了同一城市、指标和年份（数值相同）；"
        "已保留第一个（详见下文）。\n\n"
        "导入的地区生产总值（当年价格）中有2个数值落在已有数据的城市和年份上，其中2个与已有数值"
        "不同（已有数值来自国泰安（CSMAR）中国区域经济研究数据库）。为不把两个来源混入同一序列，"
        "地区生产总值（当年价格）的全部2个导入数值单列为“地区生产总值（当年价格） — many.csv”，"
        "已有序列不变。")


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


def test_a_yearbook_table_needs_its_year_and_then_imports(window: MainWindow, qtbot: QtBot
                                                          ) -> None:
    path = sources_dir() / "cn_ccsy2018_table2-9_grp_districts_cnki_encrypted.xls"
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
