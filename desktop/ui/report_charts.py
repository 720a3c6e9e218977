"""Report charts drawn with pyqtgraph, exported as SVG (vector) or PNG, on the GUI thread.

Why this way:
- pyqtgraph 0.14.0's SVGExporter fails on every plot (upstream #3495), so the scene is painted
  into a QSvgGenerator directly, with the items in pyqtgraph's export mode (scatter symbols as
  paths instead of cached pixmaps, which would be blurry bitmaps inside the SVG).
- Pens are cosmetic (widths in device pixels). Report pages are laid out and printed at 96 units
  per inch (desktop/ui/printing.py), the same unit the chart is rendered in, so line widths and
  fonts come out as on screen; the SVG is never painted straight from the scene into a PDF
  painter, which distorts axes and labels.
- Axis widths settle only after the event loop has run: every chart is painted once into a
  throwaway image and events are processed before the real export, or tick labels go missing.
- pyqtgraph items are QGraphicsItems and may only be used on the GUI thread. ChartBatch renders
  one chart per event-loop turn so the dialog stays responsive and Cancel works between charts.
- Nothing is drawn here: line charts are drawn by the window's LinePlot, bar charts (a
  RankingSpec) by the Ranking tab's RankingPlot and the locator map by the Map tab's canvas,
  in the paper style (desktop/ui/plots/chart_style.py). Their items are made once per
  renderer and updated between charts: adding and removing pyqtgraph items costs several
  times more than updating them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from desktop.analysis.ranking import RankingSpec
from desktop.report.html import FONT_FAMILIES
from desktop.report.model import ChartBlock
from desktop.ui.plots.chart_style import PAPER, chart_font, style_plot
from desktop.ui.plots.line_chart import LinePlot, ValueAxis, YearAxis
from desktop.ui.plots.painting import painting
from desktop.ui.plots.ranking_chart import NameAxis, RankingPlot

__all__ = ["LAYOUT_DPI", "ChartBatch", "ChartRenderer", "chart_font", "render_all_svg"]

LAYOUT_DPI = 96.0


class _Plot:
    """One reusable offscreen PlotWidget in the paper style."""

    def __init__(self, left: pg.AxisItem, bottom: pg.AxisItem,
                 grid: tuple[bool, bool]) -> None:
        self.widget = pg.PlotWidget(background="w", axisItems={"left": left, "bottom": bottom})
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        # A shown top-level widget, even one never on screen, counts as an open window: without
        # this the app stayed alive after its last real window closed (issue 12).
        self.widget.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setFrameShape(self.widget.Shape.NoFrame)
        self.item = self.widget.getPlotItem()
        style_plot(self.item, PAPER, grid)
        self.item.setMouseEnabled(False, False)
        self.item.getViewBox().setDefaultPadding(0.03)


class _MapPlot:
    """An offscreen map canvas, shaped like _Plot where the renderer paints it."""

    def __init__(self) -> None:
        from desktop.ui.plots.map_chart import MapCanvas  # only reports with a map need it

        self.widget = MapCanvas(legend=False)
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.widget.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setFrameShape(self.widget.Shape.NoFrame)


class ChartRenderer:
    """Draws ChartBlocks of one report; create once, render many (GUI thread only)."""

    def __init__(self) -> None:
        if QApplication.instance() is None:
            raise RuntimeError("ChartRenderer needs a QApplication")
        self._line = _Plot(ValueAxis("left"), YearAxis("bottom"), PAPER.line_grid)
        self._lines = LinePlot(self._line.item, PAPER)
        names = NameAxis("left")
        self._bar = _Plot(names, ValueAxis("bottom"), (True, False))
        self._ranking = RankingPlot(self._bar.item, names, PAPER)
        self._map: _MapPlot | None = None  # the locator map's canvas, made on first use
        self._closed = False

    def close(self) -> None:
        """Close and delete the offscreen widgets; safe to call more than once."""
        if self._closed:
            return
        self._closed = True
        for plot in (self._line, self._bar, *((self._map,) if self._map else ())):
            plot.widget.close()
            plot.widget.deleteLater()

    # --- drawing ---------------------------------------------------------------------------
    def _draw(self, block: ChartBlock, size: QSize) -> _Plot:
        if block.kind == "map":
            return self._draw_map(block, size)  # type: ignore[return-value]
        if isinstance(block.spec, RankingSpec):
            plot = self._bar
            # each city's bar in its colour of the report's line chart and legend
            by_label = {e.label: QColor(e.color) for e in block.legend}
            self._ranking.draw(block.spec, {b.city_id: by_label[b.label]
                                            for b in block.spec.bars if b.label in by_label})
        else:
            plot = self._line
            self._lines.draw(block.spec, block.break_label)  # type: ignore[arg-type]
        if plot.widget.size() != size:
            plot.widget.resize(size)
        if not plot.widget.isVisible():
            plot.widget.show()
        self._settle(plot, size)
        return plot

    def _draw_map(self, block: ChartBlock, size: QSize) -> _MapPlot:
        """The locator map (kind "map", a MapSpec) on the Map tab's canvas, legend left to
        the report's HTML legend under the chart."""
        if self._map is None:
            self._map = _MapPlot()
        plot = self._map
        if plot.widget.size() != size:
            plot.widget.resize(size)
        if not plot.widget.isVisible():
            plot.widget.show()
        plot.widget.draw(block.spec)  # type: ignore[arg-type]
        self._settle(plot, size)  # type: ignore[arg-type]
        return plot

    @staticmethod
    def _settle(plot: _Plot, size: QSize) -> None:
        """Paint once and let pending layout requests run, so axis widths fit their labels."""
        scratch = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        with painting(scratch) as painter:
            plot.widget.render(painter)
        QApplication.processEvents()

    def _export_items(self, plot: _Plot, on: bool, options: dict) -> None:
        for item in plot.widget.scene().items():
            if hasattr(item, "setExportMode"):
                item.setExportMode(on, options)

    def _paint(self, plot: _Plot, painter: QPainter, size: QSize) -> None:
        options = {"antialias": True, "background": QColor("white"), "painter": painter,
                   "width": size.width(), "height": size.height()}
        self._export_items(plot, True, options)
        try:
            view = plot.widget
            source = view.mapToScene(view.viewport().rect()).boundingRect()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            view.scene().render(painter, QRectF(0, 0, size.width(), size.height()), source)
        finally:
            self._export_items(plot, False, {})

    # --- outputs ---------------------------------------------------------------------------
    def render_svg(self, block: ChartBlock, size: QSize) -> str:
        """The chart as SVG text, `size` in report units (1/96 inch)."""
        plot = self._draw(block, size)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setResolution(int(LAYOUT_DPI))
        generator.setTitle(block.title)
        generator.setDescription(block.alt)
        with painting(generator) as painter:
            self._paint(plot, painter, size)
        buffer.close()
        return _tidy_svg(bytes(data).decode("utf-8"))

    def render_image(self, block: ChartBlock, size: QSize, scale: float = 2.0) -> QImage:
        """The chart as an image `scale` times `size` (for PNG output and as a baseline)."""
        plot = self._draw(block, size)
        image = QImage(round(size.width() * scale), round(size.height() * scale),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        image.fill(QColor("white"))
        with painting(image) as painter:
            self._paint(plot, painter, size)
        return image


_EMPTY_GROUP = re.compile(r"<g\b[^>]*>\s*</g>\s*")
#: Groups that neither fill nor stroke (item shapes written as paths); Qt's PDF output would
#: stroke them as a black frame around the plot.
_INVISIBLE_GROUP = re.compile(r'<g fill="none" stroke="none"[^>]*>.*?</g>\s*', re.DOTALL)
#: A path with no data (an empty shape, e.g. a map layer without polygons): QSvgRenderer warns
#: "Invalid path data" on stderr for each.
_EMPTY_PATH = re.compile(r'<path\b[^>]*\sd=""[^>]*/>\s*')
_TEXT = re.compile(r'(<text\b[^>]*?font-family=")([^"]*)("[^>]*>)([^<]*)(</text>)')
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def _cjk_family(match: re.Match[str]) -> str:
    """QSvgRenderer reads only one family; Chinese text must name the SC face, not fall back
    to whatever CJK face fontconfig offers first (often the Japanese one)."""
    head, family, middle, body, tail = match.groups()
    if _CJK.search(body):
        family = FONT_FAMILIES[-1]
    return f"{head}{family}{middle}{body}{tail}"


def _tidy_svg(svg: str) -> str:
    """Drop invisible and empty groups and empty paths; give Chinese text the Chinese font."""
    svg = _EMPTY_PATH.sub("", _INVISIBLE_GROUP.sub("", svg))
    previous = None
    while previous != svg:
        previous, svg = svg, _EMPTY_GROUP.sub("", svg)
    return _TEXT.sub(_cjk_family, svg)


class ChartBatch(QObject):
    """Renders a report's charts one per event-loop turn, with progress and cancel."""

    sig_progress_changed = Signal(float, str)
    sig_finished = Signal(object)  # dict chart_id -> SVG text
    sig_cancelled = Signal()

    def __init__(self, renderer: ChartRenderer, charts: Sequence[ChartBlock],
                 size_of: Callable[[ChartBlock], QSize], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._renderer, self._charts, self._size_of = renderer, list(charts), size_of
        self._done: dict[str, str] = {}
        self._index = 0
        self._cancelled = False

    def start(self) -> None:
        QTimer.singleShot(0, self._step)

    def cancel(self) -> None:
        self._cancelled = True

    def _step(self) -> None:
        if self._cancelled:
            self.sig_cancelled.emit()
            return
        if self._index >= len(self._charts):
            self.sig_finished.emit(self._done)
            return
        block = self._charts[self._index]
        self._done[block.chart_id] = self._renderer.render_svg(block, self._size_of(block))
        self._index += 1
        self.sig_progress_changed.emit(self._index / max(len(self._charts), 1), block.chart_id)
        QTimer.singleShot(0, self._step)


def render_all_svg(renderer: ChartRenderer, charts: Sequence[ChartBlock],
                   size_of: Callable[[ChartBlock], QSize]) -> dict[str, str]:
    """Every chart at once (for the headless command, which has no UI to keep responsive)."""
    return {block.chart_id: renderer.render_svg(block, size_of(block)) for block in charts}
