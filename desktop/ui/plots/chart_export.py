"""A chart on screen out to PNG (2x) or SVG, with its title, notes and source line.

- PNG: pyqtgraph's ImageExporter renders the plot at twice its on-screen size; the title above
  and the notes and source below are painted around it, so the picture says what it shows.
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
from typing import Protocol

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.core.storage import write_atomically
from desktop.ui.plots.painting import painting
from desktop.ui.report_charts import _tidy_svg, chart_font

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


def render_png(chart: QWidget, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes at `scale` times its on-screen size."""
    settle(chart)
    item = export_item(chart)
    rect = item.sceneBoundingRect()
    exporter = ImageExporter(item)
    exporter.parameters()["width"] = max(1, round(rect.width() * scale))
    plot_image = exporter.export(toBytes=True)
    if plot_image is None or plot_image.isNull():
        raise RuntimeError("the plot could not be rendered")
    frame = _Frame(chart, rect.width() + 2 * MARGIN, rect.height())
    image = QImage(round(frame.width * scale), round(frame.height * scale),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    with painting(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        frame.paint_text(painter)
        painter.drawImage(QRectF(MARGIN, frame.plot_top, rect.width(), rect.height()),
                          plot_image)
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


def write_png(chart: QWidget, path: Path, scale: float = 2.0) -> None:
    write_atomically(path, render_png(chart, scale))


def write_svg(chart: QWidget, path: Path) -> None:
    write_atomically(path, render_svg(chart).encode("utf-8"))
