"""Two indicators against each other for one year: labelled points, optional size and trails.

Draws a ScatterSpec (desktop.analysis.scatter) and nothing else. The point items, labels and
trails are pooled and updated with setData.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from desktop.analysis.scatter import ScatterPoint, ScatterSpec
from desktop.ui.plots.chart_data import with_provenance
from desktop.ui.plots.chart_frame import finish_chart, over_plot, start_chart
from desktop.ui.plots.chart_style import FOCUS_COLOR, PEER_COLORS
from desktop.ui.plots.line_chart import BACKGROUND_COLOR, ValueAxis
from desktop.ui.plots.suspect_marks import SUSPECT_COLOR

HOVER_PIXELS = 14.0


class ScatterChart(QWidget):
    """Title, labelled points (focus red, peers coloured), faint pool, trails, read-out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: ScatterSpec | None = None
        start_chart(self, ValueAxis("left"), ValueAxis("bottom"),
                    self.tr("Scatter of two indicators"))
        self.title.setAccessibleName(self.tr("Chart title"))
        self.background = pg.ScatterPlotItem(size=6, pen=pg.mkPen(None),
                                             brush=pg.mkBrush(BACKGROUND_COLOR))
        self.background.setZValue(1)
        self.points = pg.ScatterPlotItem(pxMode=True)
        self.points.setZValue(10)
        self.plot_item.addItem(self.background)
        self.plot_item.addItem(self.points)
        self.trails: list[pg.PlotDataItem] = []
        self.labels: list[pg.TextItem] = []
        self._log = (False, False)
        self._legend_key: tuple = ()
        finish_chart(self, legend_offset=(10, 10))
        self.readout.setAccessibleName(self.tr("Point at the pointer"))

    @property
    def spec(self) -> ScatterSpec | None:
        return self._spec

    def colors(self, spec: ScatterSpec) -> dict[str, QColor]:
        out: dict[str, QColor] = {}
        peer = 0
        for point in spec.points:
            if point.is_focus:
                out[point.city_id] = FOCUS_COLOR
            else:
                out[point.city_id] = PEER_COLORS[peer % len(PEER_COLORS)]
                peer += 1
        return out

    def set_spec(self, spec: ScatterSpec, caption: str = "") -> None:
        self._spec = spec
        self.caption = caption
        self.title.setText(f"{spec.title} — {caption}" if caption else spec.title)
        if (spec.log_x, spec.log_y) != self._log:
            self._log = (spec.log_x, spec.log_y)
            self.plot_item.setLogMode(spec.log_x, spec.log_y)
        self.plot_item.setLabel("bottom", spec.x_label)
        self.plot_item.setLabel("left", spec.y_label)
        colors = self.colors(spec)
        self.points.setData(
            x=self._axis(np.array([p.x for p in spec.points]), spec.log_x),
            y=self._axis(np.array([p.y for p in spec.points]), spec.log_y),
            size=[p.marker_size for p in spec.points],
            # a suspect value (breaks register): a grey hollow point, the reason on hover
            brush=[pg.mkBrush(0, 0, 0, 0) if p.suspect else
                   pg.mkBrush(self._fill(colors[p.city_id])) for p in spec.points],
            pen=[pg.mkPen(SUSPECT_COLOR, width=1.6) if p.suspect else
                 pg.mkPen(colors[p.city_id].darker(120), width=2 if p.is_focus else 1)
                 for p in spec.points],
            data=list(range(len(spec.points))),
        )
        self.background.setData(x=self._axis(spec.background_x, spec.log_x),
                                y=self._axis(spec.background_y, spec.log_y))
        self._draw_labels(spec, colors)
        self._draw_trails(spec, colors)
        self._update_legend(spec)
        self.plot_item.enableAutoRange()
        focus = next((i for i, p in enumerate(spec.points) if p.is_focus), None)
        if focus is not None:
            self.show_point_readout(focus)
        else:
            self.readout.setText(self.tr("No values for the selected cities.")
                                 if spec.is_empty else "")
        notes = list(spec.notes)
        if spec.size_label:
            notes.insert(0, spec.size_label)
        self.notes.setText("\n".join(f"ⓘ {n}" for n in notes))
        self.notes.setVisible(bool(notes))
        self.source.setText(self.tr("Source: {0}").format(spec.source_line)
                            if spec.source_line else "")

    @staticmethod
    def _axis(values: np.ndarray, log: bool) -> np.ndarray:
        """ScatterPlotItem does not follow the plot's log mode: map the values here."""
        values = np.asarray(values, dtype=float)
        if not log:
            return values
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log10(values)

    @staticmethod
    def _fill(color: QColor) -> QColor:
        fill = QColor(color)
        fill.setAlpha(170)
        return fill

    def _draw_labels(self, spec: ScatterSpec, colors: dict[str, QColor]) -> None:
        while len(self.labels) < len(spec.points):
            label = pg.TextItem("", anchor=(0, 1))
            label.setZValue(12)
            self.plot_item.addItem(label, ignoreBounds=True)
            self.labels.append(label)
        for label, point in zip(self.labels, spec.points, strict=False):
            label.setText(point.label, color=colors[point.city_id].darker(115))
            label.setPos(float(self._axis(np.array([point.x]), spec.log_x)[0]),
                         float(self._axis(np.array([point.y]), spec.log_y)[0]))
            label.setVisible(True)
        for label in self.labels[len(spec.points):]:
            label.setVisible(False)

    def _draw_trails(self, spec: ScatterSpec, colors: dict[str, QColor]) -> None:
        while len(self.trails) < len(spec.trails):
            trail = pg.PlotDataItem()
            trail.setZValue(5)
            self.plot_item.addItem(trail)
            self.trails.append(trail)
        for item, trail in zip(self.trails, spec.trails, strict=False):
            color = QColor(colors.get(trail.city_id, QColor("#888")))
            color.setAlpha(140)
            # direction: the dots grow and darken from the oldest year to the newest
            count = len(trail.x)
            sizes = np.linspace(2.5, 7.0, count) if count > 1 else np.full(count, 5.0)
            brushes = []
            for step in np.linspace(0.25, 1.0, count) if count > 1 else [1.0]:
                shade = QColor(color)
                shade.setAlphaF(float(step))
                brushes.append(pg.mkBrush(shade))
            item.setData(self._axis(trail.x, spec.log_x), self._axis(trail.y, spec.log_y),
                         pen=pg.mkPen(color, width=1.5), symbol="o", symbolSize=sizes,
                         symbolBrush=brushes, symbolPen=None)
            item.setVisible(True)
        for item in self.trails[len(spec.trails):]:
            item.setData([], [])
            item.setVisible(False)

    def _update_legend(self, spec: ScatterSpec) -> None:
        focus = next((p.label for p in spec.points if p.is_focus), "")
        key = (focus, any(not p.is_focus for p in spec.points), len(spec.background_x) > 0)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        entries = [(FOCUS_COLOR, focus)] if focus else []
        if key[1]:
            entries.append((PEER_COLORS[0], self.tr("Peers")))
        if key[2]:
            entries.append((BACKGROUND_COLOR, self.tr("Other comparable cities")))
        for color, name in entries:
            self.legend.addItem(pg.ScatterPlotItem(size=9, brush=pg.mkBrush(color),
                                                   pen=pg.mkPen(None)), name)

    def _on_mouse_moved(self, position: QPointF) -> None:
        spec = self._spec
        if spec is None or not over_plot(self, position):
            return
        best, best_distance = None, HOVER_PIXELS
        view_box = self.plot_item.vb
        for i, point in enumerate(spec.points):
            x = float(self._axis(np.array([point.x]), spec.log_x)[0])
            y = float(self._axis(np.array([point.y]), spec.log_y)[0])
            scene = view_box.mapViewToScene(QPointF(x, y))
            distance = (scene - position).manhattanLength()
            if distance < best_distance:
                best, best_distance = i, distance
        if best is not None:
            self.show_point_readout(best)

    def show_point_readout(self, index: int) -> None:
        """The label and both values of the point at `index`."""
        spec = self._spec
        if spec is None:
            return
        point: ScatterPoint = spec.points[index]
        color = FOCUS_COLOR if point.is_focus else QColor("#333")
        x_text = f"{point.x:,.{spec.x_decimals}f} {spec.x_suffix}".strip()
        y_text = f"{point.y:,.{spec.y_decimals}f} {spec.y_suffix}".strip()
        text = (f"<b style='color:{color.name()}'>{html.escape(point.label)}</b> "
                f"({spec.year}): {html.escape(spec.x_label)} = {html.escape(x_text)}; "
                f"{html.escape(spec.y_label)} = {html.escape(y_text)}")
        if point.suspect:
            text += f"<br><span style='color:{SUSPECT_COLOR}'>⚠ {html.escape(point.suspect)}</span>"
        self.readout.setText(text)

    def data_frame(self) -> pd.DataFrame:
        spec = self._spec
        rows = [] if spec is None else [
            (p.city_id, p.label, spec.year, p.x, p.y, p.size_value) for p in spec.points]
        x_label = spec.x_label if spec else "x"
        y_label = spec.y_label if spec else "y"
        frame = pd.DataFrame(rows, columns=[self.tr("City id"), self.tr("City"),
                                            self.tr("Year"), x_label, y_label,
                                            self.tr("Size value")])
        if spec is None:
            return frame
        notes = [spec.size_label, *spec.notes] if spec.size_label else list(spec.notes)
        return with_provenance(frame, {x_label: spec.x_decimals, y_label: spec.y_decimals},
                               spec.source_line, notes)
