"""An indicator over time: the focus city drawn prominently, peers beside it, with a hover read-out.

The widget draws a LineChartSpec and nothing else: it never reaches into the dataset.
Curves are reused between updates (setData), which is several times cheaper than clearing.
"""

from __future__ import annotations

import html
import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.analysis.chart_spec import LineChartSpec, readout, year_span

FOCUS_COLOR = QColor(192, 41, 43)
PEER_COLORS = [
    QColor(c)
    for c in ("#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
              "#7f7f7f", "#bcbd22")
]


class YearAxis(pg.AxisItem):
    """Whole years only, without thousands separators."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [str(round(v)) if abs(v - round(v)) < 1e-6 else "" for v in values]

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:  # noqa: N803
        span = maxVal - minVal
        major = 1.0
        for step in (1, 2, 5, 10, 20, 50):
            major = float(step)
            if span / step <= max(size / 70.0, 2):
                break
        return [(major, 0.0), (1.0 if major > 1 else 0.5, 0.0)]


class ValueAxis(pg.AxisItem):
    """Display-unit values with thousands separators, never SI prefixes (亿元 stay 亿元)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing >= 1 else min(6, max(0, -math.floor(math.log10(spacing))))
        return [f"{v:,.{decimals}f}" for v in values]


class LineChart(QWidget):
    """Title, plot with legend and series-break marks, hover read-out, source line.

    The chart is drawn as on paper, white in every theme: its colours (focus red, the peer
    palette, the amber series-break marks) are chosen for white, and it matches the charts in
    printed reports and copied images. Its labels therefore keep a dark-on-white palette too.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        paper = QPalette(self.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            paper.setColor(group, QPalette.ColorRole.Window, QColor("#ffffff"))
            paper.setColor(group, QPalette.ColorRole.WindowText, QColor("#222222"))
            paper.setColor(group, QPalette.ColorRole.Text, QColor("#222222"))
        self.setPalette(paper)
        self.setAutoFillBackground(True)
        self._spec: LineChartSpec | None = None
        self._curves: list[pg.PlotDataItem] = []
        self._break_lines: list[pg.InfiniteLine] = []

        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAccessibleName(self.tr("Chart title"))

        self.plot_widget = pg.PlotWidget(
            background="w",
            axisItems={"bottom": YearAxis("bottom"), "left": ValueAxis("left")},
        )
        self.plot_widget.setAccessibleName(self.tr("Indicator over time"))
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.showGrid(x=True, y=True, alpha=0.15)
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen("#555"))
            axis.setTextPen(pg.mkPen("#333"))
        self.legend = self.plot_item.addLegend(offset=(10, 10), labelTextColor="#222",
                                               brush=pg.mkBrush(255, 255, 255, 220),
                                               pen=pg.mkPen("#bbb"))
        self.hover_line = pg.InfiniteLine(angle=90, movable=False,
                                          pen=pg.mkPen("#999", style=Qt.PenStyle.DotLine))
        self.hover_line.setVisible(False)
        self.plot_item.addItem(self.hover_line, ignoreBounds=True)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)

        self.readout = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setAccessibleName(self.tr("Values at the pointer"))
        self.readout.setMinimumHeight(self.fontMetrics().height() + 6)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #7a4b00;")
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #555;")
        for label in (self.notes, self.source):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.notes)
        layout.addWidget(self.source)

    @property
    def spec(self) -> LineChartSpec | None:
        return self._spec

    @property
    def curves(self) -> list[pg.PlotDataItem]:
        """The drawn curves, focus first (for tests and exporters)."""
        return self._curves[: len(self._spec.series)] if self._spec else []

    def set_spec(self, spec: LineChartSpec) -> None:
        self._spec = spec
        self.title.setText(spec.title)
        self.plot_item.setLabel("left", spec.y_label)
        self._draw_series(spec)
        self._draw_breaks(spec)
        self.plot_item.enableAutoRange()
        span = year_span(spec)
        if span:
            self.plot_item.setXRange(span[0] - 0.5, span[1] + 0.5, padding=0.02)
        if spec.is_empty:
            self.hover_line.setVisible(False)
            self.readout.setText(self.tr("No values for the selected cities."))
        elif span:
            self.show_readout(span[1])
        lines = [f"⚠ {b.year}: {b.note}" for b in spec.breaks]
        lines += [f"ⓘ {note}" for note in spec.notes]
        self.notes.setText("\n".join(lines))
        self.notes.setVisible(bool(lines))
        self.source.setText(self.tr("Source: {0}").format(spec.source_line)
                            if spec.source_line else "")

    def _draw_series(self, spec: LineChartSpec) -> None:
        self.legend.clear()
        while len(self._curves) < len(spec.series):
            curve = pg.PlotDataItem()
            self.plot_item.addItem(curve)
            self._curves.append(curve)
        peer_index = 0
        for curve, series in zip(self._curves, spec.series, strict=False):
            if series.is_focus:
                color, width, z = FOCUS_COLOR, 3.5, 10
            else:
                color = PEER_COLORS[peer_index % len(PEER_COLORS)]
                width, z = 2.0, 5
                peer_index += 1
            pen = pg.mkPen(color, width=width)
            curve.setData(
                series.years, series.values, pen=pen, symbol="o",
                symbolSize=7 if series.is_focus else 5, symbolBrush=color,
                symbolPen=pg.mkPen(color), connect="finite",
            )
            curve.setZValue(z)
            curve.setVisible(True)
            self.legend.addItem(curve, series.label)
        for curve in self._curves[len(spec.series):]:
            curve.setData([], [])
            curve.setVisible(False)

    def _draw_breaks(self, spec: LineChartSpec) -> None:
        for line in self._break_lines:
            self.plot_item.removeItem(line)
        self._break_lines = []
        for mark in spec.breaks:
            line = pg.InfiniteLine(
                pos=mark.year - 0.5, angle=90, movable=False,
                pen=pg.mkPen(QColor(200, 120, 0), width=1.5, style=Qt.PenStyle.DashLine),
                label=self.tr("series break"),
                labelOpts={"position": 0.95, "color": (170, 95, 0), "movable": False},
            )
            line.setToolTip(mark.note)
            self.plot_item.addItem(line, ignoreBounds=True)
            self._break_lines.append(line)

    def _on_mouse_moved(self, position: QPointF) -> None:
        if self._spec is None or self._spec.is_empty:
            return
        if not self.plot_item.sceneBoundingRect().contains(position):
            self.hover_line.setVisible(False)
            return
        year = round(self.plot_item.vb.mapSceneToView(position).x())
        self.show_readout(year)

    def show_readout(self, year: int) -> None:
        """Show every city's value at `year` below the chart and mark the year."""
        if self._spec is None:
            return
        self.hover_line.setPos(year)
        self.hover_line.setVisible(True)
        parts = [f"<b>{year}</b>"]
        peer_index = 0
        for label, text, is_focus in readout(self._spec, year):
            if is_focus:
                color = FOCUS_COLOR
            else:
                color = PEER_COLORS[peer_index % len(PEER_COLORS)]
                peer_index += 1
            weight = "bold" if is_focus else "normal"
            parts.append(
                f"<span style='color:{color.name()}; font-weight:{weight}'>"
                f"{html.escape(label)}: {text}</span>"
            )
        suffix = html.escape(self._spec.unit_suffix)
        self.readout.setText("&nbsp;&nbsp;".join(parts) + (f"&nbsp;&nbsp;({suffix})"
                                                          if suffix else ""))


def pen_width(curve: pg.PlotDataItem) -> float:
    pen: QPen = curve.opts["pen"]
    return pen.widthF()
