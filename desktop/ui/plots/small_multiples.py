"""Small multiples: one small panel per indicator, the focus city against the peer median.

Draws a SmallMultiplesSpec (desktop.analysis.small_multiples). Panels are kept and reused;
the grid is rebuilt only when the number of panels changes. Missing years are gaps, as in
the chart over time: curves join only consecutive years, lone values get a marker.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from desktop.analysis.chart_spec import connect_for, lone_band_segments, lone_points
from desktop.analysis.small_multiples import MultiplePanel, SmallMultiplesSpec
from desktop.ui.plots.chart_data import sensible, with_provenance
from desktop.ui.plots.chart_frame import note_labels, stack_chart, title_label, use_paper
from desktop.ui.plots.chart_style import (
    FOCUS_COLOR,
    MEDIAN_COLOR,
    BreakLines,
    style_plot,
)
from desktop.ui.plots.line_chart import ValueAxis, YearAxis
from desktop.ui.plots.series_layer import BAND_COLOR
from desktop.ui.plots.suspect_marks import show_suspects, suspect_item

COLUMNS = 3
#: A panel never gets shorter than this: below it the grid scrolls.
PANEL_MIN_HEIGHT = 170


class _Cell:
    """One panel's plot and its reusable items."""

    def __init__(self) -> None:
        self.plot = pg.PlotItem(axisItems={"left": ValueAxis("left"),
                                           "bottom": YearAxis("bottom")})
        style_plot(self.plot)
        self.plot.setMouseEnabled(False, False)
        invisible = pg.mkPen(0, 0, 0, 0)
        self.low = pg.PlotDataItem(pen=invisible)
        self.high = pg.PlotDataItem(pen=invisible)
        self.fill = pg.FillBetweenItem(self.low, self.high, brush=pg.mkBrush(BAND_COLOR))
        self.median = pg.PlotDataItem(
            pen=pg.mkPen(MEDIAN_COLOR, width=1.6, style=Qt.PenStyle.DashLine))
        self.focus = pg.PlotDataItem(pen=pg.mkPen(FOCUS_COLOR, width=2.5))
        # values with no neighbouring year: the band as a bar, the lines as markers
        self.band_lone = pg.PlotDataItem(pen=pg.mkPen(BAND_COLOR, width=7,
                                                      cap=Qt.PenCapStyle.FlatCap),
                                         connect="pairs")
        self.median_lone = pg.PlotDataItem(pen=None, symbol="o", symbolSize=5,
                                           symbolBrush=MEDIAN_COLOR, symbolPen=MEDIAN_COLOR)
        self.focus_lone = pg.PlotDataItem(pen=None, symbol="o", symbolSize=6,
                                          symbolBrush=FOCUS_COLOR, symbolPen=FOCUS_COLOR)
        self.suspects = suspect_item(8)  # the focus city's suspect values, greyed
        self.suspects.setVisible(False)
        self.plot.addItem(self.suspects)
        self.breaks = BreakLines(self.plot, width=1.2)
        for item, z in ((self.low, 1), (self.high, 1), (self.fill, 1), (self.band_lone, 1),
                        (self.median, 4), (self.median_lone, 4), (self.focus, 10),
                        (self.focus_lone, 10)):
            item.setZValue(z)
            # The fill never sets the range: its edges do, and with no two neighbouring years
            # (census values) its path is empty, whose bounds would drag the axes to 0.
            self.plot.addItem(item, ignoreBounds=item is self.fill)
        self.panel: MultiplePanel | None = None

    def draw(self, panel: MultiplePanel) -> None:
        self.panel = panel
        self.plot.setTitle(html.escape(panel.title + (f" ({panel.unit_suffix})"
                                                      if panel.unit_suffix else "")),
                           size="9pt", color="#222")
        self.plot.setLogMode(False, panel.log_y)
        self.focus.setData(panel.years, panel.focus, connect=connect_for(panel.years))
        lone = lone_points(panel.years)
        self.focus_lone.setData(panel.years[lone], panel.focus[lone])
        if len(panel.suspect_years) or self.suspects.isVisible():
            show_suspects(self.suspects, [panel.suspect_years], [panel.suspect_values],
                          [panel.suspect_reasons])
        band = panel.band
        if band is not None and len(band.years):
            connect = connect_for(band.years)
            self.low.setData(band.years, band.q1, connect=connect)
            self.high.setData(band.years, band.q3, connect=connect)
            self.median.setData(band.years, band.median, connect=connect)
            lone = lone_points(band.years)
            self.median_lone.setData(band.years[lone], band.median[lone])
            self.band_lone.setData(*lone_band_segments(band))
        else:
            for item in (self.low, self.high, self.median, self.median_lone, self.band_lone):
                item.setData([], [])
        self.breaks.show(panel.breaks)
        self.plot.enableAutoRange()


class SmallMultiples(QWidget):
    """Title line with the legend, a grid of panels, read-out, notes and source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_paper(self)
        self._spec: SmallMultiplesSpec | None = None
        self.caption = ""
        self.title = title_label(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setAccessibleName(self.tr("Chart title"))
        self.plot_widget = pg.GraphicsLayoutWidget()
        self.plot_widget.setBackground("w")
        self.plot_widget.setAccessibleName(self.tr("Small multiples"))
        self.cells: list[_Cell] = []
        self._shown = 0
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        # panels keep a readable height and the grid scrolls (they were squashed to ~15 px)
        self.plot_area = QScrollArea()
        self.plot_area.setWidgetResizable(True)
        self.plot_area.setFrameShape(QFrame.Shape.NoFrame)
        self.plot_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plot_area.setWidget(self.plot_widget)
        self.readout, self.notes, self.source = note_labels()
        stack_chart(self)

    @property
    def spec(self) -> SmallMultiplesSpec | None:
        return self._spec

    @property
    def panel_count(self) -> int:
        return self._shown

    @property
    def layout_item(self) -> pg.GraphicsLayout:
        return self.plot_widget.ci

    def set_spec(self, spec: SmallMultiplesSpec, caption: str = "") -> None:
        self._spec = spec
        self.caption = caption
        focus = html.escape(spec.focus_label)
        median = html.escape(spec.median_label)
        heading = html.escape(self.tr("{0} against its peers").format(spec.focus_label))
        if caption:
            heading += " — " + html.escape(caption)
        title = (
            f"{heading}<br><span style='font-size:small; font-weight:normal'>"
            f"<span style='color:{FOCUS_COLOR.name()}'>━ {focus}</span>&nbsp;&nbsp;"
            f"<span style='color:{MEDIAN_COLOR.name()}'>╌ {median}</span>&nbsp;&nbsp;"
            f"<span style='color:#888'>▇ {html.escape(self.tr('middle half of peers'))}"
            f"</span></span>")
        self.title.setText(title)
        while len(self.cells) < len(spec.panels):
            self.cells.append(_Cell())
        if self._shown != len(spec.panels):
            self.plot_widget.ci.clear()
            for i, cell in enumerate(self.cells[: len(spec.panels)]):
                self.plot_widget.ci.addItem(cell.plot, row=i // COLUMNS, col=i % COLUMNS)
            self._shown = len(spec.panels)
            rows = -(-len(spec.panels) // COLUMNS)
            self.plot_widget.setMinimumHeight(rows * PANEL_MIN_HEIGHT)
        for cell, panel in zip(self.cells, spec.panels, strict=False):
            cell.draw(panel)
        # one line per note, naming every panel it concerns (a break often hits several)
        panels_of: dict[str, list[str]] = {}
        for panel in spec.panels:
            for note in [f"{b.year}: {b.note}" for b in panel.breaks] + list(panel.notes):
                panels_of.setdefault(note, []).append(panel.title)
        notes = [*spec.notes, *(f"{', '.join(titles)} — {note}"
                                for note, titles in panels_of.items())]
        self.notes.setText("\n".join(f"ⓘ {n}" for n in dict.fromkeys(notes)))
        self.notes.setVisible(bool(notes))
        self.source.setText(self.tr("Source: {0}").format(spec.source_line)
                            if spec.source_line else "")
        self.readout.setText("")

    def _on_mouse_moved(self, position: QPointF) -> None:
        for cell in self.cells[: self._shown]:
            if cell.panel is not None and cell.plot.sceneBoundingRect().contains(position):
                year = round(cell.plot.vb.mapSceneToView(position).x())
                self.show_readout(cell.panel, year)
                return

    def show_readout(self, panel: MultiplePanel, year: int) -> None:
        parts = [f"<b>{html.escape(panel.title)}, {year}</b>"]
        spec = self._spec
        if spec is not None:
            # a year without a value reads "—", like a gap in the line
            hits = np.flatnonzero(panel.years == year)
            focus = f"{panel.focus[hits[0]]:,.{panel.decimals}f}" if len(hits) else "—"
            parts.append(f"<span style='color:{FOCUS_COLOR.name()}'>"
                         f"{html.escape(spec.focus_label)}: {focus}</span>")
            band = panel.band
            if band is not None and len(band.years):
                hits = np.flatnonzero(band.years == year)
                median = f"{band.median[hits[0]]:,.{panel.decimals}f}" if len(hits) else "—"
                parts.append(f"{html.escape(spec.median_label)}: {median}")
        self.readout.setText("&nbsp;&nbsp;".join(parts))

    def data_frame(self) -> pd.DataFrame:
        rows = []
        spec = self._spec
        for panel in spec.panels if spec else ():
            band = panel.band
            years = sorted({*map(int, panel.years), *(map(int, band.years) if band else ())})
            for year in years:
                hit = np.flatnonzero(panel.years == year)
                focus = float(panel.focus[hit[0]]) if len(hit) else np.nan
                median = q1 = q3 = np.nan
                if band is not None:
                    bh = np.flatnonzero(band.years == year)
                    if len(bh):
                        k = bh[0]
                        median, q1, q3 = (float(band.median[k]), float(band.q1[k]),
                                          float(band.q3[k]))
                rows.append((panel.indicator_id, panel.title, panel.unit_suffix, year, focus,
                             median, q1, q3))
        columns = [self.tr("Indicator id"), self.tr("Indicator"), self.tr("Unit"),
                   self.tr("Year"), spec.focus_label if spec else self.tr("Focus"),
                   self.tr("Peer median"), self.tr("Peers, 25th percentile"),
                   self.tr("Peers, 75th percentile")]
        frame = pd.DataFrame(rows, columns=columns)
        if spec is None:
            return frame
        # each panel has its own decimals: round its rows, then attach what the chart says
        for panel in spec.panels:
            mine = frame[columns[0]] == panel.indicator_id
            for column in columns[4:]:
                frame.loc[mine, column] = [sensible(float(v), panel.decimals)
                                           for v in frame.loc[mine, column]]
        notes = [*spec.notes, *(f"{panel.title}: {note}" for panel in spec.panels
                                for note in panel.notes)]
        sources = "; ".join(dict.fromkeys(s for s in (spec.source_line,
                                                      *(p.source_line for p in spec.panels)) if s))
        return with_provenance(frame, {}, sources, notes)
