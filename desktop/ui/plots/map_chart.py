"""The Map tab: a MapSpec (desktop.analysis.map_spec) drawn with pyqtgraph, and the same
drawing for the report's locator map.

Why this way:
- A few QGraphicsPathItems per colour class hold every city of that class, each filled and
  stroked with the white border (about 20 items, plus one each for the focus and peer
  outlines), built from numpy with pg.arrayToQPath: 369 cities with ~60,000 points draw in
  well under a second, where one item per city would make pan and zoom sluggish. Holes
  (enclaves) come out right with the odd-even rule.
- Two views side by side, China and the US metros, each with locked aspect: the US is half
  a world away, one view holding both would leave both tiny. The US view has points only
  (internal points of each metro; no boundary file is bundled).
- Pens are cosmetic (pixel widths), so borders stay hairlines at any zoom and in exports.
- The legend is a pyqtgraph LegendItem inside the China view, so PNG/SVG exports and the
  report carry it; the hover read-out names the city, its value and the value's year.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QWidget

from desktop.analysis.map_geometry import load_geometry
from desktop.analysis.map_spec import (
    FOCUS,
    NO_DATA,
    PEER,
    SUSPECT,
    MapPlace,
    MapSpec,
    map_spec,
)
from desktop.core.dataset import Dataset
from desktop.text.translator import translator
from desktop.ui.plots.line_chart import note_labels, stack_chart, title_label, use_paper

BORDER = QColor("#ffffff")
POINT_SIZE, MARKED_POINT_SIZE = 6, 11
PANEL_TITLE_SIZE = "9pt"
HOVER_PIXELS = 8  # how near the pointer must be to a US metro's point
# Points per fill item. Qt SVG reads a path of more elements as "Invalid path data; path
# truncated" and drops the rest, so a report's map would lose most cities: a class's rings
# are split over several items, never a ring across two.
CHUNK_POINTS = 4000


def _chunks(rings: Sequence[np.ndarray], limit: int) -> list[list[np.ndarray]]:
    """Consecutive groups of rings with at most `limit` points each (a longer ring alone)."""
    groups: list[list[np.ndarray]] = []
    size = limit
    for ring in rings:
        if size + len(ring) > limit:
            groups.append([])
            size = 0
        groups[-1].append(ring)
        size += len(ring)
    return groups


def ring_path(rings: Sequence[np.ndarray]) -> QPainterPath:
    """One path for many closed rings (each an (n, 2) array), built in one numpy pass."""
    if not rings:
        return QPainterPath()
    closed = [np.vstack((r, r[:1])) for r in rings]
    xy = np.concatenate(closed)
    connect = np.ones(len(xy), dtype=bool)
    ends = np.cumsum([len(r) for r in closed]) - 1
    connect[ends] = False  # never join one ring's last point to the next ring's first
    path = pg.arrayToQPath(xy[:, 0], xy[:, 1], connect=connect)
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def _cosmetic(color: QColor | str, width: float) -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _path_item(pen: QPen | None, brush: QBrush | None, z: float) -> QGraphicsPathItem:
    item = QGraphicsPathItem()
    item.setPen(pen if pen is not None else QPen(Qt.PenStyle.NoPen))
    item.setBrush(brush if brush is not None else QBrush(Qt.BrushStyle.NoBrush))
    item.setZValue(z)
    return item


class MapCanvas(pg.GraphicsLayoutWidget):
    """The two map views with their items, legend and labels; draws a MapSpec. Used by the
    Map tab and, offscreen, by the report renderer (desktop/ui/report_charts.py)."""

    def __init__(self, parent: QWidget | None = None, legend: bool = True) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.cn_title = self.ci.addLabel("", row=0, col=0, color="#333")
        self.us_title = self.ci.addLabel("", row=0, col=1, color="#333")
        self.cn_view = self.ci.addViewBox(row=1, col=0, lockAspect=True, enableMenu=False)
        self.us_view = self.ci.addViewBox(row=1, col=1, lockAspect=True, enableMenu=False)
        self.ci.layout.setColumnStretchFactor(0, 3)
        self.ci.layout.setColumnStretchFactor(1, 1)
        # fill items, a few per colour: each holds at most CHUNK_POINTS points (see there)
        self.fills: list[QGraphicsPathItem] = []
        self.peer_outline = _path_item(_cosmetic(PEER, 1.8), None, 8)
        self.focus_outline = _path_item(_cosmetic(FOCUS, 2.6), None, 9)
        for item in (self.peer_outline, self.focus_outline):
            self.cn_view.addItem(item)
        self.points = pg.ScatterPlotItem(pxMode=True)
        self.points.setZValue(6)
        self.us_view.addItem(self.points)
        self.labels: list[pg.TextItem] = []
        self.legend: pg.LegendItem | None = None
        if legend:
            # bottom left: south of Tibet and Yunnan the China view is empty
            self.legend = pg.LegendItem(offset=(4, -4), labelTextColor="#222",
                                        brush=pg.mkBrush(255, 255, 255, 225),
                                        pen=pg.mkPen("#bbb"), verSpacing=-4)
            self.legend.setParentItem(self.cn_view)
        self._legend_samples: list[pg.ScatterPlotItem] = []
        self.spec: MapSpec | None = None
        self._paths: dict[str, QPainterPath] = {}
        self._us_shown = True
        self._label_places: list[MapPlace] = []
        for view in (self.cn_view, self.us_view):
            view.sigTransformChanged.connect(self._place_labels)

    def draw(self, spec: MapSpec) -> None:
        """Fill, outline and label the places; fit both views to what they hold."""
        self.spec = spec
        self._paths = {}
        self._show_us("us" in spec.panel_titles)
        by_color: dict[str, list[np.ndarray]] = {}
        cn = [p for p in spec.places if p.panel == "cn"]
        for place in cn:
            by_color.setdefault(place.color, []).extend(place.rings)
        chunks = [(color, part) for color, rings in by_color.items()
                  for part in _chunks(rings, CHUNK_POINTS)]
        while len(self.fills) < len(chunks):
            item = _path_item(_cosmetic(BORDER, 0.5), None, 1)  # borders drawn with the fill
            self.cn_view.addItem(item)
            self.fills.append(item)
        for item, (color, part) in zip(self.fills, chunks, strict=False):
            item.setBrush(QBrush(QColor(color)))
            item.setPath(ring_path(part))
            item.setVisible(True)
        for item in self.fills[len(chunks):]:
            item.setPath(QPainterPath())
            item.setVisible(False)
        self.peer_outline.setPath(ring_path([r for p in cn if p.role == "peer"
                                             for r in p.rings]))
        self.focus_outline.setPath(ring_path([r for p in cn if p.role == "focus"
                                              for r in p.rings]))
        self._draw_points(spec)
        self._draw_labels(spec)
        self._draw_legend(spec)
        for title, panel in ((self.cn_title, "cn"), (self.us_title, "us")):
            title.setText(spec.panel_titles.get(panel, ""), size=PANEL_TITLE_SIZE)
        extents = spec.extents or {}
        self._fit(self.cn_view, extents.get("cn"))
        self._fit(self.us_view, extents.get("us"))

    def _show_us(self, show: bool) -> None:
        """The US column only when the spec has one (a locator of Chinese cities has none)."""
        if show == self._us_shown:
            return
        if show:
            self.ci.addItem(self.us_title, row=0, col=1)
            self.ci.addItem(self.us_view, row=1, col=1)
        else:
            self.ci.removeItem(self.us_title)
            self.ci.removeItem(self.us_view)
        self._us_shown = show

    def _draw_points(self, spec: MapSpec) -> None:
        """US metros as one scatter item, given as arrays with shared brush and pen objects
        (a handful of styles for ~200 points: pyqtgraph renders each distinct style once)."""
        us = sorted((p for p in spec.places if p.point is not None),
                    key=lambda p: (p.role != "other", p.role == "focus"))  # marked on top
        brushes: dict[str, QBrush] = {}
        pens = {"focus": pg.mkPen(FOCUS, width=2.2), "peer": pg.mkPen(PEER, width=2.2),
                "other": pg.mkPen("#777777", width=0.6)}
        self.points.setData(
            x=[p.point[0] for p in us], y=[p.point[1] for p in us],
            data=[p.city_id for p in us], symbol="o",
            size=[POINT_SIZE if p.role == "other" else MARKED_POINT_SIZE for p in us],
            brush=[brushes.setdefault(p.color, pg.mkBrush(p.color)) for p in us],
            pen=[pens[p.role] for p in us])

    def _draw_labels(self, spec: MapSpec) -> None:
        """Name the focus and peers beside their outline or point (few: remade each time)."""
        for label in self.labels:
            view = label.getViewBox()
            if view is not None:
                view.removeItem(label)
        self.labels = []
        marked = [p for p in spec.places if p.role != "other"]
        for place in marked:
            # US labels to the left of their point: the rust belt sits at the view's east edge
            label = pg.TextItem(place.label, color=FOCUS if place.role == "focus" else "#111",
                                anchor=(0, 0.5) if place.panel == "cn" else (1, 1),
                                fill=pg.mkBrush(255, 255, 255, 190))
            label.setZValue(20)
            view = self.cn_view if place.panel == "cn" else self.us_view
            view.addItem(label, ignoreBounds=True)
            self.labels.append(label)
        self._label_places = marked
        self._place_labels()

    def _place_labels(self, *_: object) -> None:
        """Each label at its place, then nudged down past any label it would overlap (the
        north-east's four cities sit close together on a small map)."""
        taken: list[QRectF] = []
        pairs = list(zip(self.labels, self._label_places, strict=False))
        pairs.sort(key=lambda pair: -_anchor_point(pair[1])[1])  # north first, pushed south
        for label, place in pairs:
            view = self.cn_view if place.panel == "cn" else self.us_view
            label.setPos(*_anchor_point(place))
            label.updateTransform(force=True)  # TextItem sizes itself lazily, on paint
            rect = label.mapRectToScene(label.boundingRect())
            shift = 0.0
            for other in taken:
                moved = rect.translated(0, shift)
                if moved.intersects(other):
                    shift += other.bottom() - moved.top() + 1
            if shift:
                scene = view.mapViewToScene(QPointF(*_anchor_point(place)))
                label.setPos(view.mapSceneToView(scene + QPointF(0, shift)))
            taken.append(rect.translated(0, shift))

    def _draw_legend(self, spec: MapSpec) -> None:
        legend = self.legend
        if legend is None:
            return
        legend.clear()
        self._legend_samples = []

        def sample(brush: str | None, pen: str | None, width: float = 0.8
                   ) -> pg.ScatterPlotItem:
            # a ScatterPlotItem: the legend draws its own symbol options (a PlotDataItem's
            # are read from its scatter, which keeps defaults while it holds no data)
            item = pg.ScatterPlotItem(symbol="s", size=12,
                                      brush=pg.mkBrush(brush) if brush else pg.mkBrush(None),
                                      pen=pg.mkPen(pen, width=width) if pen else pg.mkPen(None))
            self._legend_samples.append(item)
            return item

        if spec.classes:
            legend.addItem(sample(None, None), spec.legend_title)
        for cls in spec.classes:
            legend.addItem(sample(cls.color, "#999999"),
                           f"{cls.lower:,.{spec.decimals}f} – {cls.upper:,.{spec.decimals}f}")
        if any(p.class_index == -2 for p in spec.places):
            legend.addItem(sample(SUSPECT, "#999999"), spec.suspect_label)
        if any(p.value is None for p in spec.places):
            legend.addItem(sample(NO_DATA, "#999999"), spec.no_data_label)
        for role, color, width in (("focus", FOCUS, 2.4), ("peer", PEER, 1.8)):
            place = next((p for p in spec.places if p.role == role), None)
            if place is not None:
                peers = translator(spec.lang).list_sep.join(  # 、 between Chinese names
                    p.label for p in spec.places if p.role == role)
                legend.addItem(sample(None, color, width),
                               place.label if role == "focus" else peers)

    @staticmethod
    def _fit(view: pg.ViewBox, extent: tuple[float, float, float, float] | None) -> None:
        if extent is None:
            view.setRange(QRectF(-1, -1, 2, 2), padding=0.0)
            return
        x0, y0, x1, y1 = extent
        view.setRange(QRectF(x0, y0, max(x1 - x0, 1.0), max(y1 - y0, 1.0)), padding=0.04)

    # --- hover ----------------------------------------------------------------------------
    def place_at(self, scene_pos: QPointF) -> MapPlace | None:
        """The place under a scene position: a city polygon, or a metro point within a few
        pixels."""
        spec = self.spec
        if spec is None:
            return None
        if self.cn_view.sceneBoundingRect().contains(scene_pos):
            point = self.cn_view.mapSceneToView(scene_pos)
            for place in spec.places:
                if place.panel != "cn":
                    continue
                path = self._paths.get(place.city_id)
                if path is None:
                    path = self._paths[place.city_id] = ring_path(place.rings)
                if path.boundingRect().contains(point) and path.contains(point):
                    return place
            return None
        if self.us_view.sceneBoundingRect().contains(scene_pos):
            point = self.us_view.mapSceneToView(scene_pos)
            pixel = self.us_view.viewPixelSize()
            best, best_distance = None, float(HOVER_PIXELS)
            for place in spec.places:
                if place.point is None:
                    continue
                dx = (place.point[0] - point.x()) / pixel[0]
                dy = (place.point[1] - point.y()) / pixel[1]
                distance = (dx * dx + dy * dy) ** 0.5
                if distance <= best_distance:
                    best, best_distance = place, distance
            return best
        return None


def _anchor_point(place: MapPlace) -> tuple[float, float]:
    """Where a label goes: up and left of a metro's point, or just east of a city's largest
    ring at its middle height, so the label never hides the outline it names."""
    if place.point is not None:
        return place.point[0] - 0.3, place.point[1] + 0.3
    ring = max(place.rings, key=len)
    return float(ring[:, 0].max()) + 0.3, float(ring[:, 1].mean())


class MapChart(QWidget):
    """The Map tab: title, the two map views with legend, read-out, notes, source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_paper(self)
        self.caption = ""
        self.title = title_label(self)
        self.title.setAccessibleName(self.tr("Chart title"))
        self.plot_widget = MapCanvas()
        self.plot_widget.setAccessibleName(self.tr("Map"))
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.readout, self.notes, self.source = note_labels()
        self.readout.setAccessibleName(self.tr("Value at the pointer"))
        stack_chart(self)

    @property
    def layout_item(self) -> pg.GraphicsLayout:
        """What PNG and SVG exports render (desktop/ui/plots/chart_export.py)."""
        return self.plot_widget.ci

    @property
    def spec(self) -> MapSpec | None:
        return self.plot_widget.spec

    def set_selection(self, dataset: Dataset, focus_id: str, peer_ids: Sequence[str],
                      indicator_id: str, year: int | str | None = None, lang: str = "en",
                      include_suspect: bool = False) -> None:
        """Build the map of this selection (bundled geometry) and draw it."""
        spec = map_spec(dataset, load_geometry(), focus_id, peer_ids, indicator_id, year,
                        lang, include_suspect)
        self.set_spec(spec)

    def set_spec(self, spec: MapSpec, caption: str = "") -> None:
        self.caption = caption
        self.title.setText(f"{spec.title} — {caption}" if caption else spec.title)
        self.plot_widget.draw(spec)
        self.notes.setText("\n".join(f"ⓘ {n}" for n in spec.notes))
        self.notes.setVisible(bool(spec.notes))
        self.source.setText(self.tr("Source: {0}").format(spec.source_line)
                            if spec.source_line else "")
        self.readout.setText(self.tr("Point at a city to read its value."))

    def _on_mouse_moved(self, position: QPointF) -> None:
        place = self.plot_widget.place_at(position)
        if place is not None:
            self.show_readout(place)

    def show_readout(self, place: MapPlace) -> None:
        spec = self.plot_widget.spec
        if spec is None:
            return
        text = html.escape(spec.readout(place))
        color = FOCUS if place.role == "focus" else "#222"
        weight = "bold" if place.role != "other" else "normal"
        markup = f"<span style='color:{color}; font-weight:{weight}'>{text}</span>"
        self.readout.setText(markup)  # the words come translated, from the spec

    def data_frame(self) -> pd.DataFrame:
        """What the map shows, one row a place (for View data and CSV/Excel export)."""
        spec = self.plot_widget.spec
        rows = []
        for place in spec.places if spec else ():
            rows.append((place.city_id, place.label, place.year,
                         np.nan if place.value is None else place.value,
                         place.class_index + 1 if place.class_index >= 0 else None,
                         place.suspect))
        unit = f" ({spec.unit_suffix})" if spec and spec.unit_suffix else ""
        return pd.DataFrame(rows, columns=[
            self.tr("City id"), self.tr("City"), self.tr("Year"), self.tr("Value") + unit,
            self.tr("Class"), self.tr("Suspect value")])
