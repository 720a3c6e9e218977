"""Ranking bars for one year: best at the top, the focus city highlighted, the peer median.

Draws a RankingSpec (desktop.analysis.ranking) and nothing else. RankingPlot is the one drawing
code of bar charts: the Ranking tab, its PNG/SVG export and the report's bar charts
(desktop/ui/report_charts.py) draw through it, in the screen or the paper style. The bar item,
the value labels and the median line are made once and updated, never cleared and re-added.

The tab's legend (focus, peers, peer median) is placed off the data: in a corner of the plot
that no bar, value label or median label reaches, measured in pixels after each drawing and
resize, else in a column right of the plot. Pinned bottom-right it covered bar ends and value
labels in a 1024x700 window (issue 15 item 4). The report's bar charts have no such legend
(their key is the report's HTML legend under the chart).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QWidget

from desktop.analysis.ranking import RankBar, RankingSpec
from desktop.ui.plots.chart_data import with_provenance
from desktop.ui.plots.chart_frame import finish_chart, over_plot, start_chart
from desktop.ui.plots.chart_style import (
    FOCUS_COLOR,
    MEDIAN_COLOR,
    SCREEN,
    ChartStyle,
    text_label,
)
from desktop.ui.plots.line_chart import ValueAxis

PEER_BAR = QColor(70, 120, 180)
OTHER_BAR = QColor(185, 190, 200)
SUSPECT_BAR = QColor(138, 138, 138)  # the profile table's grey for suspect values
BAR_HEIGHT = 0.66
MAX_VALUE_LABELS = 40  # beyond this the labels would overlap; the read-out still has them
LEGEND_MARGIN = 10  # pixels between the legend and the plot's edge (and beside the plot)
#: The legend's corners, (right, bottom), in order of preference when several are free:
#: bottom-right first (bars are sorted best first, the shortest at the bottom).
CORNERS = ((1, 1), (1, 0), (0, 1), (0, 0))
#: The legend's column right of the plot, in the PlotItem's layout (0-2: axes and view).
OUTSIDE_COL = 3


def free_corner(area: QRectF, size: QSizeF, taken: Sequence[QRectF],
                avoid: Sequence[QRectF] = ()) -> tuple[int, int] | None:
    """The corner of `area` (scene pixels) where a legend of `size`, LEGEND_MARGIN in from
    the edges, overlaps none of `taken` (bars and labels): one that also keeps clear of
    `avoid` (the median line) if there is one, else the first free in CORNERS order. None
    when every corner covers something."""
    free = []
    for right, bottom in CORNERS:
        box = corner_rect(area, size, right, bottom)
        if not any(box.intersects(rect) for rect in taken):
            free.append(((right, bottom), box))
    clear = [corner for corner, box in free if not any(box.intersects(r) for r in avoid)]
    return (clear or [corner for corner, _ in free] or [None])[0]


def corner_rect(area: QRectF, size: QSizeF, right: int, bottom: int) -> QRectF:
    """Where a legend of `size` sits in that corner of `area`, LEGEND_MARGIN in."""
    x = area.right() - size.width() - LEGEND_MARGIN if right else area.left() + LEGEND_MARGIN
    y = (area.bottom() - size.height() - LEGEND_MARGIN if bottom
         else area.top() + LEGEND_MARGIN)
    return QRectF(x, y, size.width(), size.height())


class NameAxis(pg.AxisItem):
    """City names at integer positions (the best bar at the top)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.names: list[str] = []

    def set_names(self, names: list[str]) -> None:
        if names != self.names:
            self.names = names
            self.picture = None
            self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N803
        step = max(1, round(len(self.names) * 14 / max(size, 1)))
        return [(1.0, [float(i) for i in range(0, len(self.names), step)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        count = len(self.names)
        return [self.names[count - 1 - round(v)] if 0 <= round(v) < count else ""
                for v in values]


def bar_color(bar: RankBar) -> QColor:
    """A suspect value (breaks register) is a grey bar, whoever's it is."""
    return (SUSPECT_BAR if bar.suspect else FOCUS_COLOR if bar.is_focus else PEER_BAR
            if bar.is_peer else OTHER_BAR)


class RankingPlot:
    """The drawing of a RankingSpec on a PlotItem whose left axis is `names`: bars best at
    the top, value labels, the peer-median line; both axes' ranges."""

    def __init__(self, plot_item: pg.PlotItem, names: NameAxis,
                 style: ChartStyle = SCREEN) -> None:
        self.plot_item, self.name_axis, self.style = plot_item, names, style
        plot_item.setMouseEnabled(False, False)
        self.bars = pg.BarGraphItem(x0=[0.0], y=[0.0], height=BAR_HEIGHT, width=[0.0])
        plot_item.addItem(self.bars)
        label = {"label": "", "labelOpts": {
            "position": 0.98, "color": MEDIAN_COLOR.name(), "movable": False,
            "anchors": [(0, 0), (0, 0)]}} if style.median_label else {}
        self.median_line = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(MEDIAN_COLOR, width=1.6, style=Qt.PenStyle.DashLine), **label)
        self.median_line.setZValue(20)
        plot_item.addItem(self.median_line, ignoreBounds=True)
        self.value_labels: list[pg.TextItem] = []
        #: the drawn bars as (y, value): their rectangles on screen (`occupied`)
        self._drawn: list[tuple[float, float]] = []
        #: the value axis's range as drawn, before `fit_value_labels` widens it
        self.x_range: tuple[float, float] | None = None

    def draw(self, spec: RankingSpec, colors: Mapping[str, QColor] | None = None) -> None:
        """Draw `spec`; `colors` (city id -> colour) replaces the colours by role, as the
        report's bars take each city's colour from its line chart."""
        count = len(spec.bars)
        positions = [float(count - 1 - i) for i in range(count)]
        values = [bar.value for bar in spec.bars]
        fills = [colors.get(b.city_id, OTHER_BAR) if colors is not None else bar_color(b)
                 for b in spec.bars]
        self.bars.setOpts(x0=0, y=positions, height=BAR_HEIGHT, width=values,
                          brushes=[pg.mkBrush(c) for c in fills],
                          pens=[pg.mkPen(c.darker(130)) for c in fills])
        self.name_axis.set_names([b.label for b in spec.bars])
        self._drawn = list(zip(positions, values, strict=True))
        self._draw_value_labels(spec, positions)
        if spec.peer_median is not None:
            self.median_line.setPos(spec.peer_median)
            if self.style.median_label:
                self.median_line.label.setFormat(
                    f"{spec.peer_median_label}: {spec.peer_median:,.{spec.decimals}f}")
            self.median_line.setVisible(True)
        else:
            self.median_line.setVisible(False)
        low, high = min(0.0, *values) if values else 0.0, max(0.0, *values) if values else 1.0
        span = (high - low) or 1.0
        self.x_range = (low - (0.15 * span if low < 0 else 0), high + 0.16 * span)
        self.plot_item.setXRange(*self.x_range, padding=0.0)
        # headroom above the best bar for the peer-median label
        headroom = max(0.35, count * 0.04) if self.style.median_label else 0.0
        self.plot_item.setYRange(-0.6, max(count, 1) - 0.4 + headroom, padding=0.0)

    def _draw_value_labels(self, spec: RankingSpec, positions: list[float]) -> None:
        shown = len(spec.bars) <= MAX_VALUE_LABELS
        needed = len(spec.bars) if shown else 0
        while len(self.value_labels) < needed:
            label = text_label(self.style)
            self.plot_item.addItem(label, ignoreBounds=True)
            self.value_labels.append(label)
        for label, bar, y in zip(self.value_labels, spec.bars, positions, strict=False):
            label.setText(f" {bar.value:,.{spec.decimals}f} ")
            label.setAnchor((0, 0.5) if bar.value >= 0 else (1, 0.5))
            label.setPos(bar.value, y)
            label.setVisible(True)
        for label in self.value_labels[needed:]:
            label.setVisible(False)

    def fit_value_labels(self) -> None:
        """Widen the value axis so that each value label ends inside the plot: a label is as
        wide in pixels at any size, and in a narrow plot the best bar's ran past the edge
        (cut off, or under the legend beside the plot). Solved for the plot's width."""
        view = self.plot_item.vb
        width = view.width()
        if self.x_range is None or width <= 0:
            return
        low, high = self.x_range
        needed = high
        labels = [label for label in self.value_labels if label.isVisible()]
        for label, (_, value) in zip(labels, self._drawn, strict=False):
            label.updateTransform(force=True)
            room = width - LEGEND_MARGIN - label.mapRectToScene(label.boundingRect()).width()
            if value > 0 and room > 0:
                # the label's start, (value - low) / (x1 - low) of the width, leaves it room
                needed = max(needed, low + (value - low) * width / room)
        if abs(view.viewRange()[0][1] - needed) > 1e-6 * (high - low):
            self.plot_item.setXRange(low, needed, padding=0.0)

    def keep_median_label_inside(self) -> None:
        """The median's label left of its line when right of it would run past the plot's
        edge (under the legend beside the plot, or cut off): after each resize."""
        line = self.median_line
        if not (self.style.median_label and line.isVisible()):
            return
        label = line.label
        label.updateTransform(force=True)
        view = self.plot_item.vb
        x = view.mapViewToScene(QPointF(line.value(), 0)).x()
        side = 1 if x + label.boundingRect().width() > view.sceneBoundingRect().right() else 0
        if label.anchors[0][0] != side:
            label.anchors = [(side, 0), (side, 0)]
            label.updatePosition()

    def occupied(self) -> tuple[list[QRectF], list[QRectF]]:
        """What a legend must not cover, in scene pixels: (each bar, value label and the
        median's label; the median line itself, which a legend should rather avoid too)."""
        view = self.plot_item.vb
        rects = []
        for y, value in self._drawn:
            data = QRectF(min(0.0, value), y - BAR_HEIGHT / 2, abs(value), BAR_HEIGHT)
            rects.append(view.mapViewToScene(data).boundingRect())
        labels = [label for label in self.value_labels if label.isVisible()]
        if self.median_line.isVisible() and self.style.median_label:
            self.median_line.label.updatePosition()
            labels.append(self.median_line.label)
        for label in labels:
            label.updateTransform(force=True)  # a TextItem sizes itself lazily, on paint
            rects.append(label.mapRectToScene(label.boundingRect()))
        line = []
        if self.median_line.isVisible():
            x = view.mapViewToScene(QPointF(self.median_line.value(), 0)).x()
            area = view.sceneBoundingRect()
            line.append(QRectF(x - 1, area.top(), 2, area.height()))
        return rects, line


class PlacedLegend(pg.LegendItem):
    """A legend the chart places (RankingChart._place_legend), not the pointer: a dragged
    pyqtgraph legend anchors itself to its parent and would fight the placement."""

    def mouseDragEvent(self, ev: object) -> None:
        ev.ignore()  # type: ignore[attr-defined]


def _legend() -> PlacedLegend:
    """The tab's legend on a white, lightly framed box (as boxed_legend), placed by the chart
    (no anchor). It scales with the plot in a PNG at 2x or 300 DPI (pyqtgraph's legends
    ignore transformations, so they came out half size)."""
    legend = PlacedLegend(offset=None, labelTextColor="#222",
                          brush=pg.mkBrush(255, 255, 255, 220), pen=pg.mkPen("#bbb"))
    legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
    legend.setZValue(100)
    return legend


class RankingChart(QWidget):
    """Title, horizontal bars with value labels and the peer-median line, read-out, notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: RankingSpec | None = None
        self.name_axis = NameAxis("left")
        start_chart(self, self.name_axis, ValueAxis("bottom"), self.tr("Ranking"),
                    grid=(True, False))
        self.title.setAccessibleName(self.tr("Chart title"))
        self.drawing = RankingPlot(self.plot_item, self.name_axis, SCREEN)
        self.bars, self.median_line = self.drawing.bars, self.drawing.median_line
        self.value_labels = self.drawing.value_labels
        self._legend_key: tuple = ()
        self.legend = _legend()
        self.legend.setParentItem(self.plot_item.vb)
        #: the column right of the plot that holds the legend when no corner is free
        #: (zero wide otherwise)
        self.legend_column = pg.GraphicsWidget()
        self.legend_column.setFixedWidth(0)
        layout = self.plot_item.layout
        layout.addItem(self.legend_column, 2, OUTSIDE_COL)
        layout.setColumnSpacing(OUTSIDE_COL, 0)
        layout.setColumnStretchFactor(OUTSIDE_COL, 0)
        #: where the legend is: a corner (right, bottom) of the plot, or None: beside it
        self.legend_corner: tuple[int, int] | None = CORNERS[0]
        self._placing = False
        self.plot_item.vb.sigResized.connect(self._place_legend)
        finish_chart(self)
        self.readout.setAccessibleName(self.tr("Value at the pointer"))

    @property
    def spec(self) -> RankingSpec | None:
        return self._spec

    def bar_colors(self) -> list[QColor]:
        """The drawn bars' colours, best first (for tests)."""
        brushes = self.bars.opts.get("brushes") or []
        return [b.color() for b in brushes]

    def set_spec(self, spec: RankingSpec, caption: str = "") -> None:
        self._spec = spec
        self.caption = caption
        self.title.setText(f"{spec.title} — {caption}" if caption else spec.title)
        self.plot_item.setLabel("bottom", spec.value_label)
        self.drawing.draw(spec)
        self._update_legend(spec)
        self._place_legend()
        focus = spec.bars[spec.focus_index] if spec.focus_index is not None else None
        if focus is not None:
            self._show_bar(spec.focus_index or 0)
        elif spec.is_empty:
            self.readout.setText(self.tr("No values for the selected cities."))
        else:
            self.readout.setText("")
        self.notes.setText("\n".join(f"ⓘ {n}" for n in spec.notes))
        self.notes.setVisible(bool(spec.notes))
        self.source.setText(self.tr("Source: {0}").format(spec.source_line)
                            if spec.source_line else "")

    def _update_legend(self, spec: RankingSpec) -> None:
        others = any(not b.is_focus and not b.is_peer for b in spec.bars)
        focus_name = next((b.label for b in spec.bars if b.is_focus), "")
        key = (focus_name, others, spec.peer_median is not None, spec.peer_median_label)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        entries = [(FOCUS_COLOR, focus_name), (PEER_BAR, self.tr("Peers"))]
        if others:
            entries.append((OTHER_BAR, self.tr("Other comparable cities")))
        for color, name in entries:
            sample = pg.BarGraphItem(x=[0], height=[1], width=1, brush=pg.mkBrush(color),
                                     pen=pg.mkPen(color.darker(130)))
            self.legend.addItem(sample, name)
        if spec.peer_median is not None:
            self.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(
                MEDIAN_COLOR, width=1.6, style=Qt.PenStyle.DashLine)), spec.peer_median_label)
        self.legend.updateSize()

    def _place_legend(self, *_: object) -> None:
        """Put the legend in a corner free of bars and labels, or beside the plot when none
        is (after each drawing and each resize of the plot). Beside the plot, the view is
        narrower, so corners are tried at that width: a corner free there stays free once
        the column is gone, and the legend does not hop back and forth."""
        spec, legend, view = self._spec, self.legend, self.plot_item.vb
        if self._placing or spec is None or not legend.items or view.width() <= 0:
            return
        self._placing = True
        try:
            size = legend.boundingRect().size()
            self.drawing.fit_value_labels()
            self.drawing.keep_median_label_inside()
            taken, avoid = self.drawing.occupied()
            corner = free_corner(view.sceneBoundingRect(), size, taken, avoid)
            self.legend_corner = corner
            if corner is None:
                legend.setParentItem(self.legend_column)
                legend.setPos(LEGEND_MARGIN, 0)
                self.legend_column.setFixedWidth(size.width() + 2 * LEGEND_MARGIN)
            else:
                box = corner_rect(QRectF(0, 0, view.width(), view.height()), size, *corner)
                legend.setParentItem(view)
                legend.setPos(box.topLeft())
                self.legend_column.setFixedWidth(0)
        finally:
            self._placing = False

    def _on_mouse_moved(self, position: QPointF) -> None:
        spec = self._spec
        if spec is None or not over_plot(self, position):
            return
        y = self.plot_item.vb.mapSceneToView(position).y()
        index = len(spec.bars) - 1 - round(y)
        if 0 <= index < len(spec.bars):
            self._show_bar(index)

    def show_bar_readout(self, index: int) -> None:
        """Show the value of the bar at `index` (0 = best) below the chart."""
        self._show_bar(index)

    def _show_bar(self, index: int) -> None:
        spec = self._spec
        if spec is None:
            return
        bar = spec.bars[index]
        color = FOCUS_COLOR if bar.is_focus else PEER_BAR if bar.is_peer else QColor("#444")
        weight = "bold" if bar.is_focus else "normal"
        ranked = sum(b.rank is not None for b in spec.bars)
        rank = (self.tr("rank {0} of {1}").format(bar.rank, ranked) if bar.rank is not None
                else self.tr("suspect value, not ranked"))
        if bar.suspect and bar.included:
            rank += self.tr("; suspect value, included")
        suffix = f" {spec.unit_suffix}" if spec.unit_suffix else ""
        text = (f"<span style='color:{color.name()}; font-weight:{weight}'>"
                f"{html.escape(bar.label)}: {bar.value:,.{spec.decimals}f}"
                f"{html.escape(suffix)}</span> ({bar.year}, {html.escape(rank)})")
        if bar.suspect:
            text += (f"<br><span style='color:{SUSPECT_BAR.name()}'>"
                     f"⚠ {html.escape(bar.suspect)}</span>")
        self.readout.setText(text)

    def data_frame(self) -> pd.DataFrame:
        spec = self._spec
        rows = [] if spec is None else [
            (b.rank, b.city_id, b.label, b.year, b.value, b.is_focus, b.is_peer, b.suspect)
            for b in spec.bars]
        value = spec.value_label if spec else self.tr("Value")
        frame = pd.DataFrame(rows, columns=[
            self.tr("Rank"), self.tr("City id"), self.tr("City"), self.tr("Year"), value,
            self.tr("Focus"), self.tr("Peer"), self.tr("Suspect value: why")])
        if spec is None:
            return frame
        return with_provenance(frame, {value: spec.decimals}, spec.source_line, spec.notes)
