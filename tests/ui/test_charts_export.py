"""Chart exports: PNG and SVG pictures, CSV and XLSX data, the data table; no temp files."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtGui import QImage

from desktop.ui.plots.chart_panel import MULTIPLES, OVER_TIME, RANKING, SCATTER, ChartPanel

pytestmark = pytest.mark.ui



def read_data_csv(path: Path) -> pd.DataFrame:
    """The chart data of an exported CSV: the table above the blank line (the indicator
    definitions follow it, see desktop/ui/plots/chart_data.py)."""
    table = path.read_text(encoding="utf-8-sig").split("\n\n", 1)[0]
    return pd.read_csv(io.StringIO(table))


@pytest.mark.parametrize("tab", [OVER_TIME, RANKING, SCATTER, MULTIPLES])
def test_png_and_svg(panel: ChartPanel, tab: int, tmp_path: Path) -> None:
    panel.tabs.setCurrentIndex(tab)
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    assert panel.export_png(png)
    assert panel.export_svg(svg)
    image = QImage(str(png))
    plot = panel.current.plot_widget
    assert image.width() >= 1.9 * plot.width()  # 2x
    text = svg.read_text(encoding="utf-8")
    ET.fromstring(text)
    assert "Shenyang" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.png", "chart.svg"]


def test_csv_and_xlsx_have_the_drawn_values(panel: ChartPanel, tmp_path: Path) -> None:
    csv, xlsx = tmp_path / "data.csv", tmp_path / "data.xlsx"
    assert panel.export_csv(csv)
    assert panel.export_xlsx(xlsx)
    for frame in (read_data_csv(csv), pd.read_excel(xlsx, engine="openpyxl")):
        row = frame[(frame["City"] == "Shenyang") & (frame["Year"] == 2016)]
        assert row.iloc[0, 3] == pytest.approx(5546.4498)
    panel.tabs.setCurrentIndex(RANKING)
    assert panel.export_csv(csv)
    ranking = read_data_csv(csv)
    assert list(ranking["City"]) == ["Dalian", "Shenyang", "Changchun", "Harbin"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv", "data.xlsx"]


def test_view_data_table(panel: ChartPanel) -> None:
    panel.tabs.setCurrentIndex(RANKING)
    dialog = panel.view_data()
    assert dialog.table.rowCount() == 4
    headers = [dialog.table.horizontalHeaderItem(c).text()
               for c in range(dialog.table.columnCount())]
    assert "City" in headers
    dialog.close()


def test_failed_export_says_so_without_a_traceback(panel: ChartPanel, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not panel.export_png(blocker / "chart.png")  # a file stands where a folder should
    assert panel.error_box is not None and "chart.png" in panel.error_box.text()
    panel.error_box.close()
