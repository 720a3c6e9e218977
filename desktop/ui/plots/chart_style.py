"""How a chart looks on screen and on paper, and the plot set-up every chart shares.

One drawing code per chart kind (LinePlot, RankingPlot) draws the window's charts, their PNG
and SVG exports and the report's charts; what differs between screen and paper (fonts, line
widths, markers on every point, grid, labels on the lines) is a ChartStyle passed to it, not
a second implementation. The report's colours (desktop.report.palette) are these colours.

On the start path: nothing here imports more than Qt and pyqtgraph at module level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

FOCUS_COLOR = QColor(192, 41, 43)
MEDIAN_COLOR = QColor(90, 90, 90)
BREAK_COLOR = QColor(200, 120, 0)
PEER_COLORS = [
    QColor(c)
    for c in ("#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
              "#7f7f7f", "#bcbd22")
]


@dataclass(frozen=True)
class ChartStyle:
    """What a chart's drawing code may draw differently on screen and on paper."""

    #: tick labels' point size; None: the widget's font (the screen follows the desktop)
    tick_point_size: float | None
    text_color: str
    grid_alpha: float
    #: line charts: (x, y) grid lines
    line_grid: tuple[bool, bool]
    focus_width: float
    peer_width: float
    focus_symbol_size: int
    #: a marker on every peer value (0: none; the screen marks only values with no neighbour)
    peer_symbol_size: int
    antialias: bool
    break_width: float
    #: the series-break rule carries its word ("series break") on paper, where nothing hovers
    break_labels: bool
    label_point_size: float | None  # value labels and break labels; None: pyqtgraph's default
    #: the ranking's peer-median line names itself (the report's HTML legend does on paper)
    median_label: bool


SCREEN = ChartStyle(tick_point_size=None, text_color="#333", grid_alpha=0.15,
                    line_grid=(True, True), focus_width=3.5, peer_width=2.0,
                    focus_symbol_size=7, peer_symbol_size=0, antialias=False,
                    break_width=1.5, break_labels=False, label_point_size=None,
                    median_label=True)
#: Report pages are laid out at 96 units an inch, the unit charts are rendered in, so these
#: widths and sizes come out on paper as they read here (desktop/ui/report_charts.py).
PAPER = ChartStyle(tick_point_size=8.0, text_color="#222", grid_alpha=0.18,
                   line_grid=(False, True), focus_width=3.0, peer_width=1.6,
                   focus_symbol_size=6, peer_symbol_size=4, antialias=True,
                   break_width=1.3, break_labels=True, label_point_size=7.5,
                   median_label=False)


def chart_font(point_size: float = 8.0) -> QFont:
    """The report's font at `point_size`, without ligatures (copied text reads 'fi')."""
    from desktop.report.html import FONT_FAMILIES  # only paper needs it: not at start-up

    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def style_plot(plot_item: pg.PlotItem, style: ChartStyle = SCREEN,
               grid: tuple[bool, bool] = (True, True)) -> None:
    """Axes, grid and fonts of a plot; no context menu and no auto-range button."""
    plot_item.showGrid(x=grid[0], y=grid[1], alpha=style.grid_alpha)
    plot_item.setMenuEnabled(False)
    plot_item.hideButtons()
    font = chart_font(style.tick_point_size) if style.tick_point_size else None
    for name in ("left", "bottom"):
        axis = plot_item.getAxis(name)
        axis.setPen(pg.mkPen("#555"))
        axis.setTextPen(pg.mkPen(style.text_color))
        if font is not None:
            axis.setStyle(tickFont=font, tickTextOffset=4)


def chart_plot(left: pg.AxisItem, bottom: pg.AxisItem, name: str,
               style: ChartStyle = SCREEN, grid: tuple[bool, bool] = (True, True)
               ) -> tuple[pg.PlotWidget, pg.PlotItem]:
    """A white plot widget with these axes, styled, named for screen readers."""
    widget = pg.PlotWidget(background="w", axisItems={"left": left, "bottom": bottom})
    widget.setAccessibleName(name)
    item = widget.getPlotItem()
    style_plot(item, style, grid)
    return widget, item


def text_label(style: ChartStyle, color: str = "#222") -> pg.TextItem:
    """A text item in the style's label font (value labels beside bars)."""
    label = pg.TextItem("", color=color)
    if style.label_point_size:
        label.setFont(chart_font(style.label_point_size))
    return label


class BreakLines:
    """Series breaks as dashed vertical rules between two years, pooled on one plot.

    No label on screen (labels of breaks a few years apart printed on each other and on the
    data; the legend has the key, the notes each break's year); on paper each rule says
    `label`, since nothing hovers there. The tooltip is the break's note.
    """

    def __init__(self, plot_item: pg.PlotItem, style: ChartStyle = SCREEN,
                 width: float | None = None) -> None:
        self._plot, self._style = plot_item, style
        self._width = width or style.break_width
        self.pool: list[pg.InfiniteLine] = []
        self.shown: list[pg.InfiniteLine] = []

    def _make(self) -> pg.InfiniteLine:
        labelled = self._style.break_labels
        line = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(BREAK_COLOR, width=self._width, style=Qt.PenStyle.DashLine),
            label="" if labelled else None,
            labelOpts={"position": 0.93, "color": BREAK_COLOR, "movable": False,
                       "anchors": [(0, 1), (0, 1)]} if labelled else None)
        text = getattr(line, "label", None)  # pyqtgraph sets it only for a label
        if text is not None and self._style.label_point_size:
            text.setFont(chart_font(self._style.label_point_size))
        self._plot.addItem(line, ignoreBounds=True)
        return line

    def show(self, marks: Sequence[object], label: str = "") -> None:
        """One rule per mark (with .year and .note), at the boundary before its year."""
        while len(self.pool) < len(marks):
            self.pool.append(self._make())
        for line, mark in zip(self.pool, marks, strict=False):
            line.setPos(mark.year - 0.5)  # type: ignore[attr-defined]
            line.setToolTip(mark.note)  # type: ignore[attr-defined]
            text = getattr(line, "label", None)
            if text is not None and text.format != label:
                text.setFormat(label)
            line.setVisible(True)
        for line in self.pool[len(marks):]:
            line.setVisible(False)
        self.shown = self.pool[: len(marks)]
