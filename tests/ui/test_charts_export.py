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


def _title_height(image: QImage) -> int:
    """The height in pixels of the first band of dark rows: the title's letters."""
    def dark(y: int) -> bool:
        return any(image.pixelColor(x, y).lightness() < 90 for x in range(0, image.width() // 3))

    top = next(y for y in range(image.height()) if dark(y))
    return next(y for y in range(top, image.height()) if not dark(y)) - top


@pytest.mark.parametrize("tab", [OVER_TIME, RANKING])
def test_png_at_a_chosen_size_and_dpi(panel: ChartPanel, tab: int, tmp_path: Path) -> None:
    """A slide-sized picture at 150 DPI is exactly 1920 x 1080 px, records its DPI and is
    drawn at 150/96 of screen size; the chart on screen keeps its size."""
    from desktop.ui.plots.chart_export import settle

    panel.tabs.setCurrentIndex(tab)
    settle(panel.current)  # laid out on screen
    item = panel.current.plot_item
    before = item.size()
    out, screen = tmp_path / "slide.png", tmp_path / "screen.png"
    assert panel.export_png(out, size=(1920, 1080), dpi=150)
    assert panel.export_png(screen, size=(1920, 1080), dpi=96)
    image, plain = QImage(str(out)), QImage(str(screen))
    assert (image.width(), image.height()) == (1920, 1080)
    assert round(image.dotsPerMeterX() * 0.0254) == 150
    assert round(plain.dotsPerMeterX() * 0.0254) == 96
    # the same picture size at 150 DPI draws the text 150/96 as large
    assert _title_height(image) == pytest.approx(_title_height(plain) * 150 / 96, rel=0.2)
    assert item.size() == before


def test_a_size_too_small_for_the_notes_is_refused(panel: ChartPanel, tmp_path: Path) -> None:
    assert not panel.export_png(tmp_path / "tiny.png", size=(400, 320), dpi=300)
    assert "larger size" in panel.error_box.text()
    panel.error_box.close()
    assert list(tmp_path.iterdir()) == []


def test_png_dialog_remembers_size_and_dpi(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from desktop.ui.dialogs.png_dialog import PngDialog
    from desktop.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = PngDialog((900, 600), settings)
    qtbot.addWidget(dialog)
    assert dialog.choice() == ((900, 600), 96)  # never chosen: as on screen
    dialog.preset_box.setCurrentIndex(1)
    dialog.preset_box.activated.emit(1)  # Slide, 16:9
    dialog.dpi_box.setCurrentIndex(dialog.dpi_box.findData(300))
    assert dialog.choice() == ((1920, 1080), 300)
    dialog.accept()
    reread = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    again = PngDialog((900, 600), reread)
    qtbot.addWidget(again)
    assert again.choice() == ((1920, 1080), 300)
    assert "1920 × 1080" in again.preset_box.currentText()
    again.width_box.setValue(1000)
    assert again.preset_box.currentData() is None  # Custom size


def test_copy_chart_gives_the_picture_and_the_data(panel: ChartPanel) -> None:
    from PySide6.QtWidgets import QApplication

    assert panel.copy_chart()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasImage() and not QImage(mime.imageData()).isNull()
    lines = mime.text().splitlines()
    assert "City" in lines[0].split("\t")  # a spreadsheet splits it into columns
    assert any(line.startswith("Shenyang\t") or "\tShenyang\t" in line for line in lines)
    assert bytes(mime.data("text/csv")).decode("utf-8").startswith(lines[0].replace("\t", ","))
