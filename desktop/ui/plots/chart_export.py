"""A chart on screen out to PNG (2x, or a chosen size and DPI), SVG or the clipboard, with
its title, notes and source line.

- PNG: pyqtgraph's ImageExporter renders the plot at twice its on-screen size; the title above
  and the notes and source below are painted around it, so the picture says what it shows.
- PNG at a chosen size (e.g. 1920 x 1080 px at 150 DPI): the chart is laid out again at the
  size that gives in screen pixels (1920 / (150 / 96) wide), so axes, legend and text keep
  their proportions at every DPI, then drawn at the DPI's scale; the file records the DPI.
- Copy: the picture and the chart's data as tab-separated text (and CSV), so pasting into a
  spreadsheet gives the numbers and into a document the picture.
- SVG: pyqtgraph 0.14.0's SVGExporter fails on every plot (upstream #3495), so the scene is
  painted into a QSvgGenerator with the items in export mode, as desktop/ui/report_charts.py
  does for the report.
- Axes settle only after the event loop has run: the chart is painted once into a throwaway
  image and events are processed before the export, or tick labels go missing.
- Files are written to a temporary name and renamed (desktop.core.storage.write_atomically).

Charts exported here have `title`, `notes`, `source` labels, a `plot_widget` (a pyqtgraph
GraphicsView) and either a `plot_item` or a `layout_item` (the part of the scene to export).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.core.storage import write_atomically
from desktop.ui.plots.painting import painting
from desktop.ui.report_charts import _tidy_svg, chart_font

if TYPE_CHECKING:
    import pandas as pd

MARGIN = 12
GAP = 6


class ExportableChart(Protocol):
    title: QLabel
    notes: QLabel
    source: QLabel
    plot_widget: pg.GraphicsView


def plain(label: QLabel) -> str:
    """A label's text without markup (titles may be rich text)."""
    if label.textFormat() == Qt.TextFormat.RichText or "<" in label.text():
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()
    return label.text()


def export_item(chart: QWidget) -> pg.GraphicsObject:
    item = getattr(chart, "plot_item", None)
    return item if item is not None else chart.layout_item  # type: ignore[attr-defined]


def settle(chart: QWidget) -> None:
    """Paint once and let pending layout requests run, so axis widths fit their labels."""
    view = chart.plot_widget  # type: ignore[attr-defined]
    size = view.size()
    if size.width() < 50 or size.height() < 50:
        view.resize(max(size.width(), 900), max(size.height(), 560))
    scratch = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    with painting(scratch) as painter:
        view.render(painter)
    QApplication.processEvents()


#: A font with Latin and CJK glyphs: Chinese text set in it is one run (one SVG <text>), where
#: a Latin-first font made every switch between 亿元 and digits a separate <text> piece.
CJK_FIRST = ("Noto Sans CJK SC", "DejaVu Sans")


def has_cjk(text: str) -> bool:
    return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text)


def text_font(point_size: float, cjk: bool) -> QFont:
    """The chart font, CJK-first when the text is Chinese."""
    font = chart_font(point_size)
    if cjk:
        font.setFamilies(list(CJK_FIRST))
    return font


class _Frame:
    """Title above, notes and source below, the plot in between (logical pixels)."""

    def __init__(self, chart: QWidget, width: float, plot_height: float) -> None:
        self.width = width
        self.title = plain(chart.title)  # type: ignore[attr-defined]
        lines = [plain(chart.notes)] if chart.notes.text() else []  # type: ignore[attr-defined]
        if chart.source.text():  # type: ignore[attr-defined]
            lines.append(chart.source.text())  # type: ignore[attr-defined]
        self.footer = "\n".join(lines)
        cjk = has_cjk(self.title + self.footer)
        self.title_font = text_font(12, cjk)
        self.title_font.setBold(True)
        self.note_font = text_font(8, cjk)
        inner = int(width - 2 * MARGIN)
        self.title_height = self._height(self.title_font, self.title, inner)
        self.footer_height = self._height(self.note_font, self.footer, inner)
        self.plot_top = MARGIN + self.title_height + GAP
        self.plot_height = plot_height
        self.height = self.plot_top + plot_height + GAP + self.footer_height + MARGIN

    @staticmethod
    def _height(font: QFont, text: str, width: int) -> int:
        if not text:
            return 0
        flags = int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 100000), flags, text).height()

    def paint_text(self, painter: QPainter) -> None:
        inner = self.width - 2 * MARGIN
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        painter.setPen(QColor("#222222"))
        painter.setFont(self.title_font)
        painter.drawText(QRectF(MARGIN, MARGIN, inner, self.title_height), flags, self.title)
        painter.setPen(QColor("#555555"))
        painter.setFont(self.note_font)
        top = self.plot_top + self.plot_height + GAP
        painter.drawText(QRectF(MARGIN, top, inner, self.footer_height), flags, self.footer)


#: The DPI a screen pixel stands for (a 96-DPI picture is drawn at on-screen size).
SCREEN_DPI = 96
#: The least plot height (screen pixels) a chosen picture size must leave after the title,
#: notes and source: below it the chart is not readable, and the size is refused.
MIN_PLOT_HEIGHT = 120


def render_image(chart: QWidget, scale: float = 2.0,
                 size: tuple[int, int] | None = None, dpi: int = SCREEN_DPI) -> QImage:
    """The chart with its title, notes and source as an image: `scale` times its on-screen
    size, or exactly `size` pixels drawn at `dpi` (the chart laid out again for it)."""
    settle(chart)
    item = export_item(chart)
    if size is None:
        rect = item.sceneBoundingRect()
        frame = _Frame(chart, rect.width() + 2 * MARGIN, rect.height())
        return _compose(chart, item, frame, scale, None)
    scale = dpi / SCREEN_DPI
    width, height = size[0] / scale, size[1] / scale  # in screen pixels
    frame = _Frame(chart, width, 0)
    plot_height = height - frame.height
    if plot_height < MIN_PLOT_HEIGHT or width - 2 * MARGIN < 2 * MIN_PLOT_HEIGHT:
        raise ValueError(f"{size[0]} x {size[1]} px at {dpi} DPI leaves no room for the "
                         "chart beside its title and notes: choose a larger size or a lower DPI")
    frame = _Frame(chart, width, plot_height)
    old = item.size()
    item.resize(width - 2 * MARGIN, plot_height)  # laid out again: axes, legend, labels
    try:
        QApplication.processEvents()
        return _compose(chart, item, frame, scale, size)
    finally:
        item.resize(old)
        QApplication.processEvents()


def _compose(chart: QWidget, item: pg.GraphicsObject, frame: _Frame, scale: float,
             size: tuple[int, int] | None) -> QImage:
    """The plot rendered at `scale` in its frame of title, notes and source."""
    rect = item.sceneBoundingRect()
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = max(1, round(rect.width() * scale))
    plot_image = exporter.export(toBytes=True)
    if plot_image is None or plot_image.isNull():
        raise RuntimeError("the plot could not be rendered")
    width, height = size or (round(frame.width * scale), round(frame.height * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    with painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        frame.paint_text(painter)
        painter.drawImage(QRectF(MARGIN, frame.plot_top, rect.width(), rect.height()),
                          plot_image)
    # the file says its resolution; set after painting, where it would scale the text again
    dots_per_meter = round(SCREEN_DPI * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    return image


def render_png(chart: QWidget, scale: float = 2.0,
               size: tuple[int, int] | None = None, dpi: int = SCREEN_DPI) -> bytes:
    """The chart as PNG bytes (see render_image)."""
    image = render_image(chart, scale, size, dpi)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("the image could not be encoded")
    buffer.close()
    return bytes(data)


def _export_mode(view: pg.GraphicsView, on: bool, options: dict) -> None:
    for item in view.scene().items():
        if hasattr(item, "setExportMode"):
            item.setExportMode(on, options)


def render_svg(chart: QWidget) -> str:
    """The chart as SVG text (vector), in on-screen pixels."""
    settle(chart)
    view: pg.GraphicsView = chart.plot_widget  # type: ignore[attr-defined]
    item = export_item(chart)
    source = item.sceneBoundingRect()
    frame = _Frame(chart, source.width() + 2 * MARGIN, source.height())
    width, height = round(frame.width), round(frame.height)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QRect(0, 0, width, height).size())
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setResolution(96)
    generator.setTitle(frame.title)
    with painting(generator) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
        frame.paint_text(painter)
        options = {"antialias": True, "background": QColor("white"), "painter": painter,
                   "width": source.width(), "height": source.height()}
        _export_mode(view, True, options)
        try:
            view.scene().render(
                painter, QRectF(MARGIN, frame.plot_top, source.width(), source.height()),
                source)
        finally:
            _export_mode(view, False, {})
    buffer.close()
    return _tidy_svg(bytes(data).decode("utf-8"))


def write_png(chart: QWidget, path: Path, scale: float = 2.0,
              size: tuple[int, int] | None = None, dpi: int = SCREEN_DPI) -> None:
    write_atomically(path, render_png(chart, scale, size, dpi))


def chart_mime(chart: QWidget, data: pd.DataFrame) -> QMimeData:
    """The chart for the clipboard: its picture (2x) and its data as tab-separated text,
    which a spreadsheet splits into cells (and as CSV for programs that ask for it)."""
    mime = QMimeData()
    mime.setImageData(render_image(chart))
    mime.setText(data.to_csv(sep="\t", index=False, lineterminator="\n"))
    mime.setData("text/csv", data.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return mime


def write_svg(chart: QWidget, path: Path) -> None:
    write_atomically(path, render_svg(chart).encode("utf-8"))
