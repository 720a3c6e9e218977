"""Indicator definitions where the indicator is shown (issue #13 part 6): the indicator tree's
tooltips and the chart's data export (CSV, XLSX, the data table), in English and Chinese."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from desktop.core.dataset import Dataset
from desktop.ui.panels.indicator_list import INDICATOR_ROLE, IndicatorList
from desktop.ui.plots.chart_data import csv_text, definitions_frame
from desktop.ui.plots.chart_panel import MULTIPLES, OVER_TIME, SCATTER, ChartPanel


def _tree_items(tree: IndicatorList) -> dict[str, object]:
    items = {}
    for top in range(tree.topLevelItemCount()):
        parent = tree.topLevelItem(top)
        for child in range(parent.childCount()):
            item = parent.child(child)
            items[item.data(0, INDICATOR_ROLE)] = item
    return items


@pytest.mark.ui
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_indicator_in_the_tree_has_its_definition_as_tooltip(
        qtbot, dataset: Dataset, lang: str) -> None:
    tree = IndicatorList(dataset.categories(), lang)
    qtbot.addWidget(tree)
    items = _tree_items(tree)
    assert set(items) == set(dataset.indicators)
    for indicator_id, item in items.items():
        definition = dataset.indicator(indicator_id).definition(lang)
        assert definition and definition in item.toolTip(0), indicator_id
    assert "户籍" in items["population_registered"].toolTip(0)


def test_definitions_follow_the_data_in_the_csv(dataset: Dataset) -> None:
    """Pure: the data rows parse as before, then the definitions block, each indicator once."""
    frame = pd.DataFrame([("cn-210100", "Shenyang", 2016, 5546.4498)],
                         columns=["City id", "City", "Year", "GDP (亿元)"])
    definitions = definitions_frame(dataset, ["gdp", "employment", "gdp"], "zh")
    rows = list(csv.reader(io.StringIO(csv_text(frame, definitions, "zh"))))
    assert rows[:2] == [["City id", "City", "Year", "GDP (亿元)"],
                        ["cn-210100", "Shenyang", "2016", "5546.4498"]]
    assert rows[2] == [] and rows[3] == ["定义"] and rows[4] == ["指标", "定义", "说明"]
    assert [r[0] for r in rows[5:]] == ["地区生产总值（当年价格）", "年末从业人员数"]
    assert rows[5][1] == dataset.indicator("gdp").definition_zh


def test_definitions_sheet_keeps_formulas_out(dataset: Dataset, tmp_path: Path) -> None:
    """An imported indicator labelled like a formula stays text in both sheets."""
    from openpyxl import load_workbook

    from desktop.ui.plots.chart_data import write_xlsx_with_definitions

    frame = pd.DataFrame([("x", 1.5)], columns=["City", "=SUM(A1)"])
    definitions = pd.DataFrame([("=HYPERLINK(1)", "-2 is a definition", "")],
                               columns=["Indicator", "Definitions", "Notes"])
    path = tmp_path / "data.xlsx"
    write_xlsx_with_definitions(frame, definitions, path)
    workbook = load_workbook(path)
    assert workbook["data"]["B1"].value == "'=SUM(A1)"
    assert workbook["data"]["B2"].value == 1.5
    assert workbook["Definitions"]["A2"].value == "'=HYPERLINK(1)"
    assert workbook["Definitions"]["B2"].value == "'-2 is a definition"


def _data_and_notes(path: Path) -> tuple[pd.DataFrame, list[list[str]]]:
    """The exported table (up to the blank line) and the rows after it."""
    lines = path.read_text(encoding="utf-8-sig").split("\n\n", 1)
    notes = list(csv.reader(io.StringIO(lines[1]))) if len(lines) > 1 else []
    return pd.read_csv(io.StringIO(lines[0])), notes


@pytest.mark.ui
def test_chart_csv_and_xlsx_carry_the_definition(panel: ChartPanel, dataset: Dataset,
                                                 tmp_path: Path) -> None:
    csv_path, xlsx_path = tmp_path / "gdp.csv", tmp_path / "gdp.xlsx"
    assert panel.export_csv(csv_path) and panel.export_xlsx(xlsx_path)
    data, notes = _data_and_notes(csv_path)
    row = data[(data["City"] == "Shenyang") & (data["Year"] == 2016)]
    assert row.iloc[0, 3] == 5546.45  # as the chart shows it (2 decimals), not 5546.4498...
    definition = dataset.indicator("gdp").definition_en
    # under the data: the chart's source line and notes, then the definitions block
    assert notes[0] == ["Source: CSMAR (GTA) China Regional Economy database"]
    assert notes[1] == ["Notes"]
    assert any(line[0].startswith("2016: Liaoning restated") for line in notes[2:])
    at = notes.index(["Definitions"])
    assert notes[at + 2][:2] == ["GDP (current prices)", definition]
    sheets = pd.read_excel(xlsx_path, sheet_name=None, engine="openpyxl", header=None)
    assert list(sheets) == ["data", "Notes", "Definitions"]
    assert sheets["Notes"].iloc[0, 0] == notes[0][0]
    sheets["data"] = pd.read_excel(xlsx_path, sheet_name="data", engine="openpyxl")
    sheets["Definitions"] = pd.read_excel(xlsx_path, sheet_name="Definitions",
                                          engine="openpyxl")
    assert sheets["data"].shape == data.shape
    assert list(sheets["Definitions"]["Definitions"]) == [definition]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gdp.csv", "gdp.xlsx"]


@pytest.mark.ui
def test_scatter_indicator_choices_explain_themselves(panel: ChartPanel,
                                                      dataset: Dataset) -> None:
    from PySide6.QtCore import Qt

    for box in (panel.x_box, panel.y_box):
        index = box.findData("population_registered")
        tip = box.itemData(index, Qt.ItemDataRole.ToolTipRole)
        assert tip == dataset.indicator("population_registered").definition_en


@pytest.mark.ui
def test_scatter_and_multiples_define_each_indicator_they_show(panel: ChartPanel) -> None:
    panel.tabs.setCurrentIndex(SCATTER)
    assert list(panel.definitions().iloc[:, 0]) == ["GDP per capita", "Real GDP growth"]
    panel.tabs.setCurrentIndex(MULTIPLES)
    shown = panel.shown_indicator_ids()
    assert len(shown) > 3 and shown[0] == "gdp"
    assert len(panel.definitions()) == len(shown)


@pytest.mark.ui
def test_data_table_shows_definitions(panel: ChartPanel, dataset: Dataset) -> None:
    panel.tabs.setCurrentIndex(OVER_TIME)
    dialog = panel.view_data()
    definition = dataset.indicator("gdp").definition_en
    assert definition in dialog.definitions_label.text()
    tips = [dialog.table.horizontalHeaderItem(c).toolTip()
            for c in range(dialog.table.columnCount())]
    assert tips[3] == definition and tips[1] == ""
    dialog.close()
