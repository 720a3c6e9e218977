"""An indicator over time: the focus city drawn prominently, peers beside it, with a hover read-out.

The widget draws a LineChartSpec and nothing else: it never reaches into the dataset.
The cities' lines, the peer median and its inter-quartile band are one item drawn in one
paint (desktop/ui/plots/series_layer.py; a city whose values are unchanged keeps its path);
the faint background of comparable cities is one item however many cities, kept as an image
while the view stays (desktop/ui/plots/background_lines.py);
the series-break lines are made once and updated. The legend is rebuilt only when its
entries change.

Missing years are gaps: each line joins a point to the next only when that is the next year
(`connect_for`), and a value with no neighbouring year gets a marker (`lone_points`), since
a line draws nothing for it. The band and median break the same way.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QGraphicsView,
    QLabel,
    QWidget,
)

from desktop.analysis.chart_spec import (
    SPREAD_LEVELS,
    LineChartSpec,
    lone_points,
    readout,
    unbroken,
    year_span,
)
from desktop.ui.plots.background_lines import SPREAD_COLOR, BackgroundLines
from desktop.ui.plots.chart_data import with_provenance
from desktop.ui.plots.chart_frame import (
    finish_chart,
    use_paper,
)
from desktop.ui.plots.chart_legend import ChartLegend, LegendEntry, along_lines_of
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
from desktop.ui.plots.series_layer import (
    NO_MARKS,
    DrawnLine,
    Marks,
    SeriesLayer,
    band_fill,
    log_axis,
    same_values,
)
from desktop.ui.plots.suspect_marks import show_suspects, suspect_item

BACKGROUND_COLOR = QColor(150, 150, 150, 70)
#: The spread's legend mark: its middle half's fill over white, as drawn
SPREAD_LEGEND_COLOR = QColor(
    *(round(255 - (255 - c) * (1 - (1 - SPREAD_COLOR.alphaF()) ** 2))
      for c in SPREAD_COLOR.getRgb()[:3])).name()


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
    differ. The cities' lines, the peer band and median and the lone markers are one
    SeriesLayer (one item, one paint); the faint comparable cities one BackgroundLines;
    suspect values and series breaks their own items.
    """

    def __init__(self, plot_item: pg.PlotItem, style: ChartStyle = SCREEN) -> None:
        self.plot_item = plot_item
        self.style = style
        self._drawn_background: tuple | None = None
        self._log_y = False
        self.spec: LineChartSpec | None = None
        self._in_spec_order: list[DrawnLine] = []
        self.layer = SeriesLayer(style.antialias)
        self.layer.setZValue(4)
        plot_item.addItem(self.layer)
        # every comparable city, faint (kept as an image while the view stays), or their
        # spread above SPREAD_ABOVE cities
        self.background = BackgroundLines(BACKGROUND_COLOR)
        self.background.setZValue(1)
        self.background.setVisible(False)
        plot_item.addItem(self.background)
        # suspect values (breaks register): grey hollow markers apart from the lines
        self.suspect_marks = suspect_item()
        self.suspect_marks.setVisible(False)
        plot_item.addItem(self.suspect_marks)
        self.breaks = BreakLines(plot_item, style)

    @property
    def curves(self) -> list[DrawnLine]:
        """The drawn cities' lines, in the spec's order (focus first)."""
        return self._in_spec_order

    def draw(self, spec: LineChartSpec, break_label: str = "") -> None:
        """Draw `spec` (the series-break rules say `break_label` where the style labels
        them) and set both axes' ranges."""
        self.spec = spec
        if spec.log_y != self._log_y:
            self._log_y = spec.log_y
            self.plot_item.setLogMode(False, spec.log_y)
        self._draw_background(spec)
        lines = self._lines(spec)
        band = spec.band
        drawn_band = self.layer.band_for(band.years, band.q1, band.q3, band.median,
                                         MEDIAN_COLOR, spec.log_y) \
            if band is not None and len(band.years) else None
        self._in_spec_order = lines
        # peers in their order (later on top), the focus city last, over every peer
        stacked = [line for line in lines if not line.is_focus] + [
            line for line in lines if line.is_focus]
        self.layer.set_lines(stacked, drawn_band, self._lone_marks(spec))
        if self.suspect_marks.isVisible() or any(len(s.suspect_years) for s in spec.series):
            shown = [s for s in spec.series if len(s.suspect_years)]
            show_suspects(self.suspect_marks, [s.suspect_years for s in shown],
                          [s.suspect_values for s in shown], [s.suspect_reasons for s in shown])
        self.breaks.show(spec.breaks, break_label)
        self.set_ranges(spec)

    def _lines(self, spec: LineChartSpec) -> list[DrawnLine]:
        """Each city's line in the spec's order: the focus city in its colour and width with
        a marker on every value, the peers along the palette (on paper marked too)."""
        out = []
        peer_index = 0
        style = self.style
        for series in spec.series:
            if series.is_focus:
                color, width, marks = FOCUS_COLOR, style.focus_width, style.focus_symbol_size
            else:
                color = PEER_COLORS[peer_index % len(PEER_COLORS)]
                width, marks = style.peer_width, style.peer_symbol_size
                peer_index += 1
            out.append(self.layer.line_for(series.city_id, series.years, series.values, color,
                                           width, marks, series.is_focus, spec.log_y))
        return out

    def _draw_background(self, spec: LineChartSpec) -> None:
        """Every comparable city as ONE item (not one per city), its lines remade only when
        its values change."""
        background = spec.background
        if background is None or not background.values.size:
            if self.background.isVisible() or self._drawn_background is not None:
                self.background.clear()
                self.background.setVisible(False)
            self._drawn_background = None
            return
        key = (background.years, background.values, spec.log_y)
        drawn = self._drawn_background
        if drawn is None or drawn[2] != spec.log_y or not (
                same_values(drawn[0], key[0]) and same_values(drawn[1], key[1])):
            if background.as_spread:  # thousands: their spread (chart_spec.SPREAD_ABOVE)
                low, mid_low, mid_high, high = background.percentiles(SPREAD_LEVELS)
                years = background.years
                self.background.set_spread((band_fill(years, low, high, spec.log_y),
                                            band_fill(years, mid_low, mid_high, spec.log_y)))
            else:
                if spec.log_y:  # a value a log axis cannot show is a gap, as a missing one
                    background = replace(background, values=log_axis(background.values))
                x, y, connect = background.flat()
                keep = np.isfinite(y)
                self.background.set_lines(x[keep], y[keep], connect[keep])
            self._drawn_background = key
        self.background.setVisible(True)

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

    @staticmethod
    def _lone_marks(spec: LineChartSpec) -> Marks:
        """A marker for each peer value and median value that has no neighbouring year.

        The median's marks are larger diamonds drawn first, so a peer whose value is the
        median (the middle of three) still shows its own circle on top. (The focus city's
        line has a marker on every value already.)
        """
        xs: list[np.ndarray] = []
        ys: list[np.ndarray] = []
        symbols: list[str] = []
        colors: list[QColor] = []
        sizes: list[int] = []
        band = spec.band
        if band is not None and len(band.years) and not unbroken(band.years):
            lone = lone_points(band.years)
            if lone.any():
                xs.append(band.years[lone])
                ys.append(band.median[lone])
                count = int(lone.sum())
                symbols += ["d"] * count
                colors += [MEDIAN_COLOR] * count
                sizes += [12] * count
        peer_index = 0
        for series in spec.series:
            if series.is_focus:
                continue
            color = PEER_COLORS[peer_index % len(PEER_COLORS)]
            peer_index += 1
            if unbroken(series.years):
                continue
            lone = lone_points(series.years)
            if lone.any():
                xs.append(series.years[lone])
                ys.append(series.values[lone])
                count = int(lone.sum())
                symbols += ["o"] * count
                colors += [color] * count
                sizes += [7] * count
        if not xs:
            return NO_MARKS
        x = np.concatenate(xs).astype(float)
        y = np.concatenate(ys).astype(float)
        if spec.log_y:
            y = log_axis(y)
        return Marks(x, y, tuple(symbols), tuple(colors), tuple(sizes))


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
        self.legend = ChartLegend(self.plot_item.vb)
        # a resized plot (a window made smaller, a splitter dragged) has other empty corners
        self.plot_item.vb.sigResized.connect(self._on_view_resized)
        self.lines = LinePlot(self.plot_item, SCREEN)
        # its items, by the names tests and exports know them
        self.layer, self.background = self.lines.layer, self.lines.background
        self.suspect_marks = self.lines.suspect_marks
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
    def curves(self) -> list[DrawnLine]:
        """The drawn cities' lines, focus first (for tests and exporters)."""
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
            entries.append(LegendEntry(series.label, curve.color.name()))
        if spec.band is not None and len(spec.band.years):
            entries.append(LegendEntry(spec.band.label, MEDIAN_COLOR.name(), dashed=True))
        background = spec.background
        if background is not None and background.values.size and background.as_spread:
            entries.append(LegendEntry(self.tr(
                "Other comparable cities ({0}): 10th–90th and, darker, 25th–75th percentile"
            ).format(f"{len(background.city_ids):,}"), SPREAD_LEGEND_COLOR, mark="██"))
        elif background is not None and background.values.size:
            entries.append(LegendEntry(self.tr("Other comparable cities ({0})").format(
                len(background.city_ids)), "#aaaaaa"))
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
            y = log_axis(y)
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
