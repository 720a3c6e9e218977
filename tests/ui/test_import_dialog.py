"""The import dialog's reader choices: the decimal separator shows what was detected, can be
overridden, and travels with the recipe."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.core.paths import sources_dir
from desktop.importers.recipe import load_recipe, save_recipe
from desktop.ui.dialogs.import_dialog import ImportDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.ui

# tab-separated, so nothing forces the decimal mark: '1.234' reads as 1.234 (point detected)
# or, with a decimal comma, as 1234 (the point then groups thousands)
TSV = "城市\t指标\t年份\t数值\n沈阳市\t人口\t2016\t1.234\n大连市\t人口\t2016\t5.678\n"


def _read(dialog: ImportDialog, qtbot: QtBot) -> list[float]:
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    return dialog.outcome.frame["value"].tolist()


def _choose(box, data, qtbot: QtBot, dialog: ImportDialog) -> None:
    index = box.findData(data)
    assert index > 0
    box.setCurrentIndex(index)
    box.activated.emit(index)  # as a user's choice does: the dialog reads again


def test_decimal_separator_detected_overridden_and_kept_in_the_recipe(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "people.tsv"
    path.write_text(TSV, encoding="utf-8")
    dialog = ImportDialog(path, None)
    qtbot.addWidget(dialog)
    assert _read(dialog, qtbot) == [1.234, 5.678]
    assert dialog.decimal_box.currentData() is None
    assert dialog.decimal_box.itemText(0) == "Detected: ."
    assert dialog.encoding_box.itemText(0) == "Detected: utf-8"
    assert dialog.delimiter_box.itemText(0) == "Detected: tab"
    assert dialog.recipe.read.decimal is None

    _choose(dialog.decimal_box, ",", qtbot, dialog)
    assert dialog.recipe.read.decimal == ","
    assert _read(dialog, qtbot) == [1234.0, 5678.0]
    codes = {w.code for w in dialog.outcome.report.warnings}
    assert "thousands_separator" in codes
    assert dialog.decimal_box.itemText(0) == "Detected: ."  # the override is not 'detected'

    recipe_path = tmp_path / "people.recipe.json"
    save_recipe(dialog.recipe, recipe_path)
    recipe = load_recipe(recipe_path)
    assert recipe.read.decimal == ","
    again = ImportDialog(path, None, recipe=recipe)
    qtbot.addWidget(again)
    assert again.decimal_box.currentData() == ","
    assert _read(again, qtbot) == [1234.0, 5678.0]

    _choose(again.decimal_box, ".", qtbot, again)
    assert _read(again, qtbot) == [1.234, 5.678]
    dialog.reject()
    again.reject()


def test_decimal_separator_applies_to_numbers_written_as_text_in_workbooks(
        qtbot: QtBot, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["城市", "指标", "年份", "数值"])
    sheet.append(["沈阳市", "人口", 2016, "1.234,5"])  # text, European style
    sheet.append(["大连市", "人口", 2016, 12.5])  # a number: no mark involved
    path = tmp_path / "people.xlsx"
    book.save(path)
    dialog = ImportDialog(path, None)
    qtbot.addWidget(dialog)
    _read(dialog, qtbot)
    assert dialog.decimal_box.itemText(0) == "Detect"  # nothing to detect in a workbook
    _choose(dialog.decimal_box, ",", qtbot, dialog)
    assert _read(dialog, qtbot) == [1234.5, 12.5]
    dialog.reject()


def test_a_chinese_window_reports_the_import_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    good = tmp_path / "ok.csv"
    good.write_text("city,year,gdp\nShenyang,2016,5460\n", encoding="utf-8")
    dialog = ImportDialog(good, None, lang="zh")
    qtbot.addWidget(dialog)
    _read(dialog, qtbot)
    assert dialog.report_view.toPlainText().startswith("已从 ok.csv 的1行中导入1个数值")

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    refused = ImportDialog(empty, None, lang="zh")
    qtbot.addWidget(refused)
    qtbot.waitUntil(lambda: bool(refused.report_view.toPlainText()), timeout=10_000)
    assert refused.report_view.toPlainText() == "empty.csv：文件是空的，没有数据。"
    dialog.reject()
    refused.reject()


NBS = sources_dir() / "cn_nbs_province_gdp_2006_2024_gbk.csv"


def test_the_nbs_file_offers_the_choice_and_lists_before_and_after(
        qtbot: QtBot, dataset, tmp_path: Path) -> None:
    """Issue #12: NBS's GDP for Beijing, Tianjin, Shanghai and Chongqing differs from the
    bundled CSMAR series. The dialog says so, lists each key before and after (the largest
    difference first) and keeps the bundled series unless the user picks Replace."""
    dialog = ImportDialog(NBS, dataset.lookup, lang="en", dataset=dataset)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 760)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=20_000)
    assert dialog.keep_button.isChecked() and dialog.keep_button.isEnabled()
    assert dialog.replace_button.isEnabled() and not dialog.replace_bundled
    note = dialog.merge_note.text()
    assert note.startswith("64 imported values differ from the data for the same city and "
                           "year (Tianjin, Beijing, Shanghai, Chongqing).")
    table = dialog.conflicts_table
    assert table.rowCount() == 64
    first = [table.item(0, c).text() for c in range(table.columnCount())]
    assert first == ["Tianjin", "GDP (current prices)", "2016", "17,837.89 亿元",
                     "11,487.00 亿元", "-35.6%", "6", "J"]
    dialog.tabs.setCurrentWidget(table)
    shot = dialog.grab()
    assert shot.width() >= 1000 and shot.save(str(tmp_path / "merge_choice.png"))
    dialog.replace_button.click()
    assert dialog.replace_bundled
    dialog.reject()


def test_an_import_the_data_does_not_have_offers_no_choice(
        qtbot: QtBot, tmp_path: Path, dataset) -> None:
    path = tmp_path / "future.csv"
    path.write_text("city,year,GDP (亿元)\nShenyang,2031,9000\n", encoding="utf-8")
    dialog = ImportDialog(path, dataset.lookup, lang="zh", dataset=dataset)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=10_000)
    assert dialog.merge_note.text() == "导入数值与已有数据没有重叠：已有数值不会改动。"
    assert not dialog.replace_button.isEnabled() and not dialog.replace_bundled
    assert dialog.conflicts_table.rowCount() == 0
    dialog.reject()
