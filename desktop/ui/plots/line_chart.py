"""An indicator over time: the focus city drawn prominently, peers beside it, with a hover read-out.

The widget draws a LineChartSpec and nothing else: it never reaches into the dataset.
Curves are reused between updates (setData), which is several times cheaper than clearing:
the peer median and its inter-quartile band, the faint background of comparable cities (one
multi-segment curve however many cities) and the series-break lines are made once and updated.
The legend is rebuilt only when its entries change.

Missing years are gaps: each curve joins a point to the next only when that is the next year
(`connect_for`), and a value with no neighbouring year gets a marker (`lone_points`), since
a line draws nothing for it. The band and median break the same way.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import (
    QGraphicsView,
    QLabel,
    QWidget,
)

from desktop.analysis.chart_spec import (
    BandSpec,
    LineChartSpec,
    connect_for,
    lone_band_segments,
    lone_points,
    readout,
    unbroken,
    year_span,
)
from desktop.ui.plots.chart_data import with_provenance
from desktop.ui.plots.chart_frame import (
    finish_chart,
    use_paper,
)
from desktop.ui.plots.chart_style import (
    BREAK_COLOR,
    FOCUS_COLOR,
    MEDIAN_COLOR,
    PEER_COLORS,
    SCREEN,
    BreakLines,
    ChartStyle,
    chart_plot,
)
from desktop.ui.plots.grid_axis import FilledGridAxis
from desktop.ui.plots.html_legend import HtmlLegend, LegendEntry, along_lines_of
from desktop.ui.plots.suspect_marks import show_suspects, suspect_item

BAND_COLOR = QColor(120, 120, 120, 50)
BACKGROUND_COLOR = QColor(150, 150, 150, 70)
#: Most comparable cities drawn behind with antialiased lines (see LinePlot._draw_background)
SHARP_BACKGROUND = 1000


class YearAxis(FilledGridAxis):
    """Whole years only, without thousands separators (and never an SI prefix: with it on,
    pyqtgraph re-lays out the axis label's rich text on every range change)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)

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


class ValueAxis(FilledGridAxis):
    """Display-unit values with thousands separators, never SI prefixes (亿元 stay 亿元)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode or spacing is None:  # values are log10 of the data
            out = []
            for v in values:
                value = 10.0 ** v
                decimals = max(0, -math.floor(math.log10(value))) if value < 1 else 0
                out.append(f"{value:,.{min(decimals, 6)}f}")
            return out
        decimals = 0 if spacing >= 1 else min(6, max(0, -math.floor(math.log10(spacing))))
        return [f"{v:,.{decimals}f}" for v in values]


@dataclass(frozen=True)
class _Drawn:
    """What a curve was last drawn with."""

    city_id: str
    style: tuple[bool, int]  # (is the focus, colour)
    years: np.ndarray
    values: np.ndarray


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """The same values (NaN equal to NaN)."""
    return a is b or (a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=True)))


def value_range(arrays: Sequence[np.ndarray], log: bool) -> tuple[float, float] | None:
    """The finite min and max of the arrays (log10 of the positive ones in log mode)."""
    lows, highs = [], []
    for values in arrays:
        values = np.asarray(values, dtype=float)
        finite = values[np.isfinite(values)]
        if log:
            finite = np.log10(finite[finite > 0])
        if finite.size:
            lows.append(finite.min())
            highs.append(finite.max())
    if not lows:
        return None
    low, high = min(lows), max(highs)
    if high == low:
        pad = abs(high) * 0.05 or 1.0
        return low - pad, high + pad
    return low, high


class LinePlot:
    """The drawing of a LineChartSpec on a PlotItem: the one drawing code of line charts.

    The window's LineChart (and its PNG/SVG export) and the report's charts
    (desktop/ui/report_charts.py) both draw through it; `style` says how screen and paper
    differ. Curves and the other items are made once and updated with setData.
    """

    def __init__(self, plot_item: pg.PlotItem, style: ChartStyle = SCREEN) -> None:
        self.plot_item = plot_item
        self.style = style
        self._curves: list[pg.PlotDataItem] = []
        #: per curve, what it was last drawn with (None: hidden)
        self._drawn: list[_Drawn | None] = []
        self._drawn_band: BandSpec | None = None
        self._drawn_lone: tuple | None = None
        self._band_lone_drawn = False
        self._drawn_background: tuple | None = None
        self._log_y = False
        self.spec: LineChartSpec | None = None
        # The peer median with its inter-quartile band, and the faint comparable cities.
        invisible = pg.mkPen(0, 0, 0, 0)
        # dynamicRangeLimit=None: no re-plot of every curve on each y-range change (display
        # values never reach the float overflow it guards against)
        self.band_low = pg.PlotDataItem(pen=invisible, dynamicRangeLimit=None)
        self.band_high = pg.PlotDataItem(pen=invisible, dynamicRangeLimit=None)
        self.band_fill = pg.FillBetweenItem(self.band_low, self.band_high,
                                            brush=pg.mkBrush(BAND_COLOR))
        # The fill follows band_high alone: both edges are always set together, low first,
        # so one rebuild of the fill path per update instead of two.
        self.band_low.sigPlotChanged.disconnect(self.band_fill.curveChanged)
        self.median_curve = pg.PlotDataItem(
            pen=pg.mkPen(MEDIAN_COLOR, width=2, style=Qt.PenStyle.DashLine),
            dynamicRangeLimit=None)
        self.background_curve = pg.PlotDataItem(pen=pg.mkPen(BACKGROUND_COLOR, width=1),
                                                dynamicRangeLimit=None)
        # The band at years with no neighbour (a fill has no width there), as vertical bars.
        self.band_lone = pg.PlotDataItem(pen=pg.mkPen(BAND_COLOR, width=9,
                                                      cap=Qt.PenCapStyle.FlatCap),
                                         connect="pairs", dynamicRangeLimit=None)
        for item, z in ((self.background_curve, 1), (self.band_low, 2), (self.band_high, 2),
                        (self.band_fill, 2), (self.band_lone, 2), (self.median_curve, 4)):
            item.setZValue(z)
            item.setVisible(False)
            plot_item.addItem(item)
        # Lone values of the peers and the median: one marker set for all of them (the focus
        # city's curve has markers on every point already).
        self.lone_marks = pg.PlotDataItem(pen=None, symbol="o", symbolSize=7,
                                          dynamicRangeLimit=None)
        self.lone_marks.setZValue(6)
        self.lone_marks.setVisible(False)
        plot_item.addItem(self.lone_marks)
        # suspect values (breaks register): grey hollow markers apart from the lines
        self.suspect_marks = suspect_item()
        self.suspect_marks.setVisible(False)
        plot_item.addItem(self.suspect_marks)
        self.breaks = BreakLines(plot_item, style)

    @property
    def curves(self) -> list[pg.PlotDataItem]:
        """The drawn curves, focus first."""
        return self._curves[: len(self.spec.series)] if self.spec else []

    def draw(self, spec: LineChartSpec, break_label: str = "") -> None:
        """Draw `spec` (the series-break rules say `break_label` where the style labels
        them) and set both axes' ranges."""
        self.spec = spec
        log_changed = spec.log_y != self._log_y
        if log_changed:
            self._log_y = spec.log_y
            self.plot_item.setLogMode(False, spec.log_y)
        self._draw_background(spec)
        self._draw_band(spec)
        if log_changed:
            # the curves re-map themselves to log10; the fill between them is a path built
            # from them, which kept the linear values (the band vanished on a log axis)
            self.band_fill.curveChanged()
        self._draw_series(spec)
        self._draw_lone_marks(spec)
        if self.suspect_marks.isVisible() or any(len(s.suspect_years) for s in spec.series):
            shown = [s for s in spec.series if len(s.suspect_years)]
            show_suspects(self.suspect_marks, [s.suspect_years for s in shown],
                          [s.suspect_values for s in shown], [s.suspect_reasons for s in shown])
        self.breaks.show(spec.breaks, break_label)
        self.set_ranges(spec)

    def _draw_background(self, spec: LineChartSpec) -> None:
        """Every comparable city as ONE multi-segment curve (not one item per city)."""
        background = spec.background
        if background is None or not background.values.size:
            if self.background_curve.isVisible() or self._drawn_background is not None:
                self.background_curve.setData([], [])
                self.background_curve.setVisible(False)
            self._drawn_background = None
            return
        key = (background.years, background.values, spec.log_y)
        drawn = self._drawn_background
        if drawn is None or drawn[2] != spec.log_y or not (
                _same(drawn[0], key[0]) and _same(drawn[1], key[1])):
            x, y, connect = background.flat()
            keep = np.isfinite(y)
            if spec.log_y:
                keep &= y > 0
            # Above SHARP_BACKGROUND cities, not antialiased on screen: a mass of faint
            # one-pixel lines looks the same and draws in about half the time (2,770 cities:
            # ~0.2 s a repaint antialiased); exports and reports antialias every item.
            self.background_curve.setData(
                x[keep], y[keep], connect=connect[keep], skipFiniteCheck=True,
                antialias=len(background.city_ids) <= SHARP_BACKGROUND)
            self._drawn_background = key
        self.background_curve.setVisible(True)

    def _draw_band(self, spec: LineChartSpec) -> None:
        band = spec.band
        shown = band is not None and len(band.years) > 0
        if shown:
            assert band is not None
            drawn = self._drawn_band
            if drawn is None or not all(_same(a, b) for a, b in zip(
                    (drawn.years, drawn.q1, drawn.q3, drawn.median),
                    (band.years, band.q1, band.q3, band.median), strict=True)):
                # the same peers keep their band (e.g. another focus city from outside them)
                connect = connect_for(band.years)
                self.band_low.setData(band.years, band.q1, connect=connect)
                self.band_high.setData(band.years, band.q3, connect=connect)
                self.median_curve.setData(band.years, band.median, connect=connect)
                x, y = lone_band_segments(band)
                if len(x) or self._band_lone_drawn:  # setData only when there is a change
                    self.band_lone.setData(x, y)
                    self._band_lone_drawn = bool(len(x))
                self._drawn_band = band
        elif self.median_curve.isVisible() or self._drawn_band is not None:
            for item in (self.band_low, self.band_high, self.median_curve, self.band_lone):
                item.setData([], [])
            self._drawn_band = None
            self._band_lone_drawn = False
        for item in (self.band_low, self.band_high, self.band_fill, self.band_lone,
                     self.median_curve):
            if item.isVisible() != shown:
                item.setVisible(shown)

    def set_ranges(self, spec: LineChartSpec) -> None:
        """Both axes from the spec in one call: pyqtgraph's auto-range asks every item for
        its bounds and redraws the view twice."""
        span = year_span(spec) or spec.year_range
        arrays = [s.values for s in spec.series]
        if spec.band is not None:
            arrays += [spec.band.q1, spec.band.q3, spec.band.median]
        # The faint comparable cities do not stretch the axis: an outlier among 300 (a tiny
        # base year makes an index of 10,000) would flatten the cities the chart is about.
        y_range = value_range(arrays, spec.log_y)
        if span is None or y_range is None:
            self.plot_item.enableAutoRange()
            return
        self.plot_item.vb.setRange(xRange=(span[0] - 0.5, span[1] + 0.5), yRange=y_range,
                                   padding=0.04, disableAutoRange=True)

    def _draw_series(self, spec: LineChartSpec) -> None:
        """One curve per city, focus first. setData costs ~0.2 ms a curve, so a city that is
        still drawn with the same values keeps its curve: a peer added or dropped, or another
        focus taken from among the peers, re-sets only the curves that really change (a peer
        whose colour moves along the palette gets its new pen alone)."""
        series_list = spec.series
        while len(self._curves) < len(series_list):
            curve = pg.PlotDataItem(dynamicRangeLimit=None, antialias=self.style.antialias)
            self.plot_item.addItem(curve)
            self._curves.append(curve)
            self._drawn.append(None)
        # Each city's curve from the last drawings (a shown one first), if it shows the same
        # values.
        was = {self._drawn[i].city_id: i for i in reversed(range(len(self._drawn)))
               if self._drawn[i] is not None}
        order: list[int | None] = []
        for series in series_list:
            index = was.pop(series.city_id, None)
            drawn = self._drawn[index] if index is not None else None
            keep = drawn is not None and _same(drawn.years, series.years) and _same(
                drawn.values, series.values)
            order.append(index if keep else None)
        kept = {i for i in order if i is not None}
        free = iter(i for i in range(len(self._curves)) if i not in kept)
        order = [i if i is not None else next(free) for i in order]
        rest = [i for i in free]
        self._curves = [self._curves[i] for i in (*order, *rest)]
        self._drawn = [self._drawn[i] for i in (*order, *rest)]
        peer_index = 0
        for index, (curve, series) in enumerate(zip(self._curves, series_list, strict=False)):
            if series.is_focus:
                color, width, z = FOCUS_COLOR, self.style.focus_width, 10.0
            else:
                color = PEER_COLORS[peer_index % len(PEER_COLORS)]
                # Peers overlap in their order (later on top), as before curves moved.
                width, z = self.style.peer_width, 5.0 + peer_index / 100
                peer_index += 1
            style = (series.is_focus, color.rgba())
            # paper marks every value: a peer's markers change colour with its line
            marked = self.style.peer_symbol_size > 0
            drawn = self._drawn[index]
            same_line = drawn is not None and drawn.city_id == series.city_id and _same(
                drawn.years, series.years) and _same(drawn.values, series.values)
            if same_line and drawn.style == style:
                pass  # already drawn so
            elif same_line and not series.is_focus and not drawn.style[0] and not marked:
                # The same peer line in another colour: the pen alone (PlotDataItem.setPen
                # would rebuild the curve, as setData does).
                pen = pg.mkPen(color, width=width)
                curve.opts["pen"] = pen
                curve.curve.setPen(pen)
            elif series.is_focus:
                # Markers on the focus city only: a marker set costs ~1 ms per curve to
                # rebuild, and ten marked lines are harder to read than one.
                curve.setData(series.years, series.values, pen=pg.mkPen(color, width=width),
                              symbol="o", symbolSize=self.style.focus_symbol_size,
                              symbolBrush=color, symbolPen=pg.mkPen(color),
                              connect=connect_for(series.years))
            elif marked:
                curve.setData(series.years, series.values, pen=pg.mkPen(color, width=width),
                              symbol="o", symbolSize=self.style.peer_symbol_size,
                              symbolBrush=color, symbolPen=pg.mkPen(color),
                              connect=connect_for(series.years))
            else:
                curve.setData(series.years, series.values, pen=pg.mkPen(color, width=width),
                              symbol=None, connect=connect_for(series.years))
            self._drawn[index] = _Drawn(series.city_id, style, series.years, series.values)
            if curve.zValue() != z:
                curve.setZValue(z)
            if not curve.isVisible():
                curve.setVisible(True)
        # Curves not needed now are hidden with their data, so a city that comes back (the
        # focus taken back, a peer re-checked) is shown again without setData.
        for curve in self._curves[len(series_list):]:
            if curve.isVisible():
                curve.setVisible(False)

    def _draw_lone_marks(self, spec: LineChartSpec) -> None:
        """A marker for each peer value and median value that has no neighbouring year.

        The median's marks are larger diamonds drawn first, so a peer whose value is the
        median (the middle of three) still shows its own circle on top.
        """
        xs: list[np.ndarray] = []
        ys: list[np.ndarray] = []
        styles: list[tuple[str, str, int]] = []  # (symbol, colour, size) per point
        band = spec.band
        if band is not None and len(band.years) and not unbroken(band.years):
            lone = lone_points(band.years)
            if lone.any():
                xs.append(band.years[lone])
                ys.append(band.median[lone])
                styles += [("d", MEDIAN_COLOR.name(), 12)] * int(lone.sum())
        peer_index = 0
        for series in spec.series:
            if series.is_focus:
                continue
            color = PEER_COLORS[peer_index % len(PEER_COLORS)].name()
            peer_index += 1
            if unbroken(series.years):
                continue
            lone = lone_points(series.years)
            if lone.any():
                xs.append(series.years[lone])
                ys.append(series.values[lone])
                styles += [("o", color, 7)] * int(lone.sum())
        x = np.concatenate(xs).astype(float) if xs else np.empty(0)
        y = np.concatenate(ys).astype(float) if ys else np.empty(0)
        drawn = self._drawn_lone
        if drawn is None or drawn[2] != styles or not (_same(drawn[0], x) and _same(drawn[1], y)):
            if len(x):
                self.lone_marks.setData(
                    x, y, symbol=[s for s, _, _ in styles], symbolSize=[n for _, _, n in styles],
                    symbolBrush=[pg.mkBrush(c) for _, c, _ in styles],
                    symbolPen=[pg.mkPen(c) for _, c, _ in styles])
            elif drawn is not None and len(drawn[0]):
                self.lone_marks.setData([], [])
            self._drawn_lone = (x, y, styles)
        if self.lone_marks.isVisible() != bool(len(x)):
            self.lone_marks.setVisible(bool(len(x)))


class LineChart(QWidget):
    """Title, plot with legend and series-break marks, hover read-out, source line.

    The chart is drawn as on paper, white in every theme: its colours (focus red, the peer
    palette, the amber series-break marks) are chosen for white, and it matches the charts in
    printed reports and copied images. Its labels therefore keep a dark-on-white palette too.
    The plot itself is drawn by LinePlot, as the report's charts are.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_paper(self)
        self._spec: LineChartSpec | None = None
        self._y_label: str | None = None
        self.caption = ""

        self.title = QLabel()  # not word-wrapped, unlike title_label's
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAccessibleName(self.tr("Chart title"))
        self.plot_widget, self.plot_item = chart_plot(
            ValueAxis("left"), YearAxis("bottom"), self.tr("Indicator over time"))
        # One rectangle to repaint per update, not the union of every changed item's: clipped
        # to a region of dozens of rectangles, the faint background of 2,770 cities took 3 s
        # to draw instead of 0.2 s (pyqtgraph's default is MinimalViewportUpdate).
        self.plot_widget.setViewportUpdateMode(
            QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.legend = HtmlLegend(self.plot_item.vb)
        # a resized plot (a window made smaller, a splitter dragged) has other empty corners
        self.plot_item.vb.sigResized.connect(self._on_view_resized)
        self.lines = LinePlot(self.plot_item, SCREEN)
        lines = self.lines  # its items, by the names tests and exports know them
        self.band_low, self.band_high, self.band_fill = (lines.band_low, lines.band_high,
                                                         lines.band_fill)
        self.median_curve, self.background_curve = lines.median_curve, lines.background_curve
        self.band_lone, self.lone_marks = lines.band_lone, lines.lone_marks
        self.suspect_marks = lines.suspect_marks
        self.hover_line = pg.InfiniteLine(angle=90, movable=False,
                                          pen=pg.mkPen("#999", style=Qt.PenStyle.DotLine))
        self.hover_line.setVisible(False)
        self.plot_item.addItem(self.hover_line, ignoreBounds=True)
        finish_chart(self)
        self.readout.setAccessibleName(self.tr("Values at the pointer"))

    @property
    def spec(self) -> LineChartSpec | None:
        return self._spec

    @property
    def curves(self) -> list[pg.PlotDataItem]:
        """The drawn curves, focus first (for tests and exporters)."""
        return self.lines.curves

    @property
    def _break_lines(self) -> list[pg.InfiniteLine]:
        return self.lines.breaks.shown

    def set_spec(self, spec: LineChartSpec, caption: str = "") -> None:
        """Draw `spec`; `caption` (e.g. a currency conversion) is shown after the title."""
        self._spec = spec
        self.caption = caption
        self.title.setText(f"{spec.title} — {caption}" if caption else spec.title)
        self._fit_axis_title(spec)
        self.lines.draw(spec)
        self.plot_item.getAxis("left").settle_width()
        self.plot_item.layout.activate()  # the axis' new width, before the paint
        self._update_legend(spec)
        self._place_legend(spec)
        span = year_span(spec)
        if spec.is_empty:
            self.hover_line.setVisible(False)
            self.readout.setText(self.tr("No values for the selected cities."))
        elif span:
            self.show_readout(span[1])
        lines = [f"⚠ {b.year}: {b.note}" for b in spec.breaks]
        lines += [f"ⓘ {note}" for note in spec.notes]
        self.notes.setText("\n".join(lines))
        if self.notes.isHidden() == bool(lines):
            self.notes.setVisible(bool(lines))
        self.source.setText(self.tr("Source: {0}").format(spec.source_line)
                            if spec.source_line else "")

    def _update_legend(self, spec: LineChartSpec) -> None:
        entries = []
        for curve, series in zip(self.lines.curves, spec.series, strict=False):
            entries.append(LegendEntry(series.label, curve.opts["pen"].color().name()))
        if spec.band is not None and len(spec.band.years):
            entries.append(LegendEntry(spec.band.label, MEDIAN_COLOR.name(), dashed=True))
        if spec.background is not None and spec.background.values.size:
            entries.append(LegendEntry(self.tr("Other comparable cities ({0})").format(
                len(spec.background.city_ids)), "#aaaaaa"))
        if spec.breaks:  # one key for every dashed rule; each one's year and why are below
            entries.append(LegendEntry(self.tr("series break"), BREAK_COLOR.name(), mark="┆"))
        self.legend.use_entries(entries)  # laid out once placed (_place_legend)

    def _on_view_resized(self, *_: object) -> None:
        if self._spec is not None:
            self._fit_axis_title(self._spec)
            self._place_legend(self._spec)

    def _fit_axis_title(self, spec: LineChartSpec) -> None:
        """The value axis' whole title where the plot is tall enough for it, else its unit
        or basis alone (the chart's title names the indicator): at 1024x700 the title ran
        past the top of the plot, cut after "(亿"."""
        label = self.plot_item.getAxis("left").label
        room = self.plot_item.vb.height() - 6
        whole = QFontMetricsF(label.font()).horizontalAdvance(spec.y_label)
        text = spec.y_label if room <= 0 or whole <= room else spec.short_y_label
        if text != self._y_label:  # each setLabel re-lays out the axis' rich text
            self._y_label = text
            self.plot_item.setLabel("left", text)

    def _place_legend(self, spec: LineChartSpec) -> None:
        """The legend in the emptiest corner of what is now in view (the lines, the band)."""
        lines = [(s.years, s.values) for s in spec.series]
        if spec.band is not None and len(spec.band.years):
            lines += [(spec.band.years, a) for a in (spec.band.q1, spec.band.q3)]
        if not lines:
            self.legend.lay_out()
            return
        arrays = along_lines_of(lines)
        x = np.concatenate([np.asarray(a, dtype=float) for a, _ in arrays])
        y = np.concatenate([np.asarray(b, dtype=float) for _, b in arrays])
        if spec.log_y:
            with np.errstate(divide="ignore", invalid="ignore"):
                y = np.where(y > 0, np.log10(np.where(y > 0, y, 1.0)), np.nan)
        self.legend.place(self.plot_item.vb, x, y)

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
        band = self._spec.band
        if band is not None and len(band.years):
            hits = np.flatnonzero(band.years == year)
            # a year where no peer has a value reads "—", like the gap in the median line
            text = f"{float(band.median[hits[0]]):,.{self._spec.decimals}f}" if len(hits) \
                else "—"
            name = html.escape(self.tr("Peer median"))
            parts.append(f"<span style='color:{MEDIAN_COLOR.name()}'>{name}: {text}</span>")
        suffix = html.escape(self._spec.unit_suffix)
        self.readout.setText("&nbsp;&nbsp;".join(parts) + (f"&nbsp;&nbsp;({suffix})"
                                                          if suffix else ""))


    def data_frame(self) -> pd.DataFrame:
        """What the chart shows, one row per city and year (then the peer median and band)."""
        spec = self._spec
        rows: list[tuple] = []
        if spec is not None:
            for series in spec.series:
                rows += [(series.city_id, series.label, int(y), float(v), "")
                         for y, v in zip(series.years, series.values, strict=True)]
                # suspect values are off the line but never off the data: with their reason
                rows += [(series.city_id, series.label, int(y), float(v), reason)
                         for y, v, reason in zip(series.suspect_years, series.suspect_values,
                                                 series.suspect_reasons, strict=True)]
            band = spec.band
            if band is not None:
                for name, values in ((self.tr("Peer median"), band.median),
                                     (self.tr("Peers, 25th percentile"), band.q1),
                                     (self.tr("Peers, 75th percentile"), band.q3)):
                    rows += [("", name, int(y), float(v), "")
                             for y, v in zip(band.years, values, strict=True)]
        value = spec.y_label if spec else self.tr("Value")
        frame = pd.DataFrame(rows, columns=[self.tr("City id"), self.tr("City"),
                                            self.tr("Year"), value,
                                            self.tr("Suspect value: why")])
        if spec is None:
            return frame
        return with_provenance(frame, {value: spec.decimals}, spec.source_line,
                               [f"{b.year}: {b.note}" for b in spec.breaks] + list(spec.notes))


def pen_width(curve: pg.PlotDataItem) -> float:
    pen: QPen = curve.opts["pen"]
    return pen.widthF()
