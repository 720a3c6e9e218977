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
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from desktop.analysis.chart_spec import LineChartSpec, connect_for, year_span
from desktop.report.html import FONT_FAMILIES
from desktop.report.model import BarChartSpec, ChartBlock
from desktop.report.palette import BREAK, MEDIAN, series_colors
from desktop.ui.plots.line_chart import ValueAxis, YearAxis
from desktop.ui.plots.painting import painting
from desktop.ui.plots.suspect_marks import SUSPECT_COLOR

LAYOUT_DPI = 96.0
TICK_POINT_SIZE = 8.0


def chart_font(point_size: float = TICK_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


class _BarLabelAxis(pg.AxisItem):
    """City names on the left of a bar chart, at integer positions."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.names: list[str] = []

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N803
        return [(1.0, [float(i) for i in range(len(self.names))])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self.names[round(v)] if 0 <= round(v) < len(self.names) else ""
                for v in values]


class _Plot:
    """One reusable offscreen PlotWidget with report styling.

    Items are pooled and reused (setData / setPos) between charts: adding and removing
    pyqtgraph items costs several times more than updating them.
    """

    def __init__(self, left: pg.AxisItem, bottom: pg.AxisItem) -> None:
        self.widget = pg.PlotWidget(background="w", axisItems={"left": left, "bottom": bottom})
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        # A shown top-level widget, even one never on screen, counts as an open window: without
        # this the app stayed alive after its last real window closed (issue 12).
        self.widget.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.widget.setFrameShape(self.widget.Shape.NoFrame)
        self.item = self.widget.getPlotItem()
        self.item.setMenuEnabled(False)
        self.item.hideButtons()
        self.item.setMouseEnabled(False, False)
        font = chart_font()
        for name in ("left", "bottom"):
            axis = self.item.getAxis(name)
            axis.setPen(pg.mkPen("#555"))
            axis.setTextPen(pg.mkPen("#222"))
            axis.setStyle(tickFont=font, tickTextOffset=4)
        self.item.getViewBox().setDefaultPadding(0.03)
        self._pools: dict[str, list[pg.GraphicsObject]] = {}
        self._used: dict[str, int] = {}

    def begin(self) -> None:
        """Start a new chart: every pooled item becomes free again."""
        self._used = dict.fromkeys(self._pools, 0)

    def take(self, kind: str, make: Callable[[], pg.GraphicsObject],
             ignore_bounds: bool = False) -> pg.GraphicsObject:
        """A pooled item of `kind`, made and added to the plot on first use."""
        pool = self._pools.setdefault(kind, [])
        used = self._used.get(kind, 0)
        if used == len(pool):
            item = make()
            self.item.addItem(item, ignoreBounds=ignore_bounds)
            pool.append(item)
        item = pool[used]
        item.setVisible(True)
        self._used[kind] = used + 1
        return item

    def finish(self) -> None:
        """Hide the pooled items this chart did not use."""
        for kind, pool in self._pools.items():
            for item in pool[self._used.get(kind, 0):]:
                item.setVisible(False)
                if isinstance(item, pg.PlotDataItem):
                    item.setData([], [])


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
        self._line = _Plot(ValueAxis("left"), YearAxis("bottom"))
        self._line.item.showGrid(x=False, y=True, alpha=0.18)
        self._bar_axis = _BarLabelAxis("left")
        self._bar = _Plot(self._bar_axis, ValueAxis("bottom"))
        self._bar.item.showGrid(x=True, y=False, alpha=0.18)
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
        plot = self._bar if isinstance(block.spec, BarChartSpec) else self._line
        plot.begin()
        if isinstance(block.spec, BarChartSpec):
            self._draw_bars(plot, block.spec, block)
        else:
            self._draw_lines(plot, block.spec, block)
        plot.finish()
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

    def _draw_lines(self, plot: _Plot, spec: LineChartSpec, block: ChartBlock) -> None:
        colors = series_colors(len(spec.series))
        for series, color in zip(spec.series, colors, strict=True):
            width, size, z = (3.0, 6, 10) if series.is_focus else (1.6, 4, 5)
            curve = plot.take("curve", lambda: pg.PlotDataItem(antialias=True))
            # a missing year is a gap; every point has a marker, so a lone value shows too
            curve.setData(series.years, series.values, pen=pg.mkPen(color, width=width),
                          symbol="o", symbolSize=size, symbolBrush=color,
                          symbolPen=pg.mkPen(color), connect=connect_for(series.years))
            curve.setZValue(z)
            if len(series.suspect_years):  # a suspect value: grey and hollow, never joined
                marks = plot.take("suspect", lambda: pg.PlotDataItem(
                    pen=None, symbol="o", symbolSize=7, symbolBrush=pg.mkBrush(0, 0, 0, 0),
                    symbolPen=pg.mkPen(SUSPECT_COLOR, width=1.4)))
                marks.setData(series.suspect_years, series.suspect_values)
                marks.setZValue(12)
        for mark in spec.breaks:
            line = plot.take("break", lambda: self._break_line(block.break_label),
                             ignore_bounds=True)
            line.setPos(mark.year - 0.5)
        plot.item.enableAutoRange(axis="y")
        span = year_span(spec)
        if span:
            plot.item.setXRange(span[0] - 0.5, span[1] + 0.5, padding=0.01)

    @staticmethod
    def _break_line(label: str) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(QColor(BREAK), width=1.3, style=Qt.PenStyle.DashLine),
            label=label or None,
            labelOpts={"position": 0.93, "color": QColor(BREAK), "movable": False,
                       "anchors": [(0, 1), (0, 1)]},
        )
        text = getattr(line, "label", None)  # pyqtgraph sets it only for a label
        if text is not None:
            text.setFont(chart_font(7.5))
        return line

    def _draw_bars(self, plot: _Plot, spec: BarChartSpec, block: ChartBlock) -> None:
        count = len(spec.bars)
        colors = {e.label: e.color for e in block.legend}
        positions = [float(count - 1 - i) for i in range(count)]
        values = [bar.value for bar in spec.bars]
        bars = plot.take("bars", lambda: pg.BarGraphItem(x0=0, y=[0], height=0.62, width=[0]))
        bars.setOpts(x0=0, y=positions, height=0.62, width=values,
                     brushes=[pg.mkBrush(colors.get(bar.label, "#888")) for bar in spec.bars],
                     pens=[pg.mkPen(None)] * count)
        self._bar_axis.names = [bar.label for bar in reversed(spec.bars)]
        self._bar_axis.picture = None
        for bar, y in zip(spec.bars, positions, strict=True):
            label = plot.take("value", self._value_label, ignore_bounds=True)
            label.setText(f"{bar.value:,.{spec.decimals}f}")
            label.setAnchor((0, 0.5) if bar.value >= 0 else (1, 0.5))
            label.setPos(bar.value, y)
        if spec.median is not None:
            median = plot.take("median", lambda: pg.InfiniteLine(
                angle=90, movable=False,
                pen=pg.mkPen(QColor(MEDIAN), width=1.2, style=Qt.PenStyle.DashLine)),
                ignore_bounds=True)
            median.setPos(spec.median)
        low, high = min(0.0, *values), max(0.0, *values)
        span = (high - low) or 1.0
        plot.item.setXRange(low - (0.12 * span if low < 0 else 0), high + 0.14 * span,
                            padding=0.0)
        plot.item.setYRange(-0.6, count - 0.4, padding=0.0)

    @staticmethod
    def _value_label() -> pg.TextItem:
        label = pg.TextItem("", color="#222")
        label.setFont(chart_font(7.5))
        return label

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
    """Drop invisible and empty groups; give Chinese text the Chinese font."""
    svg = _INVISIBLE_GROUP.sub("", svg)
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
