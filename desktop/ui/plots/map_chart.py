"""The Map tab: a MapSpec (desktop.analysis.map_spec) drawn with pyqtgraph, and the same
drawing for the report's locator map. The tab receives its spec from the chart panel
(desktop.session.chart_specs makes it), like every chart tab.

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
- The legend is a pyqtgraph LegendItem in its own column left of the China view (inside
  the view it covered western China in a small window), so PNG/SVG exports carry it and it
  never hides a city; in a short window it takes more columns rather than being cut off.
  A map classed per country shows the countries' classes side by side, a column each under
  its heading (the same colour is the same rank, not the same value).
  The hover read-out names the city, its value and the value's year.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QSizePolicy, QWidget

from desktop.analysis.map_spec import (
    FOCUS,
    NO_DATA,
    PEER,
    SUSPECT,
    MapClass,
    MapPlace,
    MapSpec,
)
from desktop.text.translator import translator
from desktop.ui.plots.chart_frame import note_labels, stack_chart, title_label, use_paper

BORDER = QColor("#ffffff")
POINT_SIZE, MARKED_POINT_SIZE = 6, 11
PANEL_TITLE_SIZE = "9pt"
LEGEND_TEXT_SIZE = "8pt"
LEGEND_MARGIN = 4  # pixels kept free below a legend
#: The per-country legend's layouts, tried in turn until it fits the map's height.
LEGEND_MODES = ("full", "compact", "wide")
LABEL_MARGIN = 12  # pixels kept east of the widest city name on the map
#: The layout's columns: the legend, China, the US metros.
LEGEND_COL, CN_COL, US_COL = range(3)
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
        self.cn_title = self.ci.addLabel("", row=0, col=CN_COL, color="#333")
        self.us_title = self.ci.addLabel("", row=0, col=US_COL, color="#333")
        self.cn_view = self.ci.addViewBox(row=1, col=CN_COL, lockAspect=True, enableMenu=False)
        self.us_view = self.ci.addViewBox(row=1, col=US_COL, lockAspect=True, enableMenu=False)
        self.ci.layout.setColumnStretchFactor(CN_COL, 3)
        self.ci.layout.setColumnStretchFactor(US_COL, 1)
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
        #: the legend's heading (what the classes are), above it in the titles' row
        self.legend_title: pg.LabelItem | None = None
        if legend:
            self.legend_title = self.ci.addLabel("", row=0, col=LEGEND_COL, color="#333")
            self.legend = _legend()
            self.ci.addItem(self.legend, row=1, col=LEGEND_COL)
        self._legend_samples: list[pg.ScatterPlotItem] = []
        self._legend_mode = LEGEND_MODES[0]  # how the per-country legend is laid out
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
        self._fit_views()

    def _fit_views(self) -> None:
        """Both views fitted to their places, China with room east of the coast for the
        names of the marked cities: labels go east of their outline, are as wide in pixels
        at any size, and were cut at the view's edge in a small window."""
        spec = self.spec
        if spec is None:
            return
        extents = dict(spec.extents or {})
        cn = extents.get("cn")
        width = self.cn_view.width()
        labels = [label for label, place in zip(self.labels, self._label_places, strict=False)
                  if place.panel == "cn"]
        if cn and labels and width > 0:
            x0, y0, x1, y1 = cn
            east = max(_anchor_point(p)[0] for p in self._label_places if p.panel == "cn")
            needed = max(label.boundingRect().width() for label in labels) + LABEL_MARGIN
            share = min(needed / width, 0.6)  # the share of the view the names take
            # the range's east end where the widest name still fits: x1 = east + share*(x1-x0)
            x1 = max(x1, (east - share * x0) / (1 - share))
            extents["cn"] = (x0, y0, x1, y1)
        self._fit(self.cn_view, extents.get("cn"))
        self._fit(self.us_view, extents.get("us"))

    def _show_us(self, show: bool) -> None:
        """The US column only when the spec has one (a locator of Chinese cities has none)."""
        if show == self._us_shown:
            return
        if show:
            self.ci.addItem(self.us_title, row=0, col=US_COL)
            self.ci.addItem(self.us_view, row=1, col=US_COL)
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

    def _fit_legends(self) -> None:
        """The legend in as few columns as the canvas's height allows (one in a tall window,
        more in a short one), so no entry is cut off at the bottom."""
        legend, spec = self.legend, self.spec
        if legend is None or spec is None or not legend.items:
            return
        top = self.legend_title.geometry().bottom()
        available = self.viewport().height() - top - 2 * LEGEND_MARGIN

        def fits() -> bool:
            return legend.effectiveSizeHint(Qt.SizeHint.PreferredSize).height() <= available

        if spec.per_country:  # a column per country; the other entries below, or beside
            for mode in LEGEND_MODES:
                if self._legend_mode != mode:
                    self._fill_legend(spec, mode)
                if fits():
                    return
            return
        for columns in range(1, 4):
            if legend.columnCount != columns:
                legend.setColumnCount(columns)
                self._relayout()
            if fits():
                break

    def _relayout(self) -> None:
        """setColumnCount moves the legend to (0, 0): lay the map out again at once."""
        self.legend.updateGeometry()
        self.ci.layout.invalidate()
        self.ci.layout.activate()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        # pyqtgraph resizes once before __init__ is done, and again in close() after its
        # scene deleted the views (a crash to touch them then)
        if getattr(self, "legend", None) is not None and not getattr(self, "closed", False):
            self._fit_legends()
        if getattr(self, "spec", None) is not None and not getattr(self, "closed", False):
            self.ci.layout.activate()  # the views' new sizes, then the ranges for them
            self._fit_views()

    def _draw_legend(self, spec: MapSpec) -> None:
        if self.legend is None:
            return
        self.legend_title.setText(_two_lines(spec.legend_title), size=PANEL_TITLE_SIZE)
        self._fill_legend(spec, LEGEND_MODES[0])
        self._fit_legends()

    def _fill_legend(self, spec: MapSpec, mode: str) -> None:
        """The legend's entries, row by row. Per country: row k holds each country's class
        k, and `mode` says where the other entries go, for ever shorter maps: "full", rows
        below; "compact", no data and suspect only (the focus and peers are named on the
        map beside their red and black outlines); "wide", all of them in a third column."""
        legend = self.legend
        legend.clear()
        self._legend_samples = []
        self._legend_mode = mode

        def sample(brush: str | None, pen: str | None, width: float = 0.8
                   ) -> pg.ScatterPlotItem:
            # a ScatterPlotItem: the legend draws its own symbol options (a PlotDataItem's
            # are read from its scatter, which keeps defaults while it holds no data)
            item = pg.ScatterPlotItem(symbol="s", size=12,
                                      brush=pg.mkBrush(brush) if brush else pg.mkBrush(None),
                                      pen=pg.mkPen(pen, width=width) if pen else pg.mkPen(None))
            self._legend_samples.append(item)
            return item

        def span(cls: MapClass) -> tuple[pg.ScatterPlotItem, str]:
            return (sample(cls.color, "#999999"),
                    f"{cls.lower:,.{spec.decimals}f} – {cls.upper:,.{spec.decimals}f}")

        blank = (None, "")
        others = []
        if any(p.class_index == -2 for p in spec.places):
            others.append((sample(SUSPECT, "#999999"), html.escape(spec.suspect_label)))
        if any(p.value is None for p in spec.places):
            others.append((sample(NO_DATA, "#999999"), html.escape(spec.no_data_label)))
        for role, color, width in (("focus", FOCUS, 2.4), ("peer", PEER, 1.8)):
            place = next((p for p in spec.places if p.role == role), None)
            if place is not None and not (spec.per_country and mode == "compact"):
                peers = translator(spec.lang).list_sep.join(  # 、 between Chinese names
                    p.label for p in spec.places if p.role == role)
                others.append((sample(None, color, width),
                               html.escape(place.label if role == "focus" else peers)))
        groups = spec.class_groups
        if spec.per_country:
            rows = [[(sample(None, None), f"<b>{html.escape(g.title)}</b>") for g in groups]]
            for k in range(max(len(g.classes) for g in groups)):
                rows.append([span(g.classes[k]) if k < len(g.classes) else blank
                             for g in groups])
            if mode == "wide":
                for k, row in enumerate(rows):
                    row.append(others[k] if k < len(others) else blank)
                rows.extend([blank, blank, entry] for entry in others[len(rows):])
            else:  # each on a row of its own, under China's classes: they concern both
                rows.extend([entry, *[blank] * (len(groups) - 1)] for entry in others)
            others = []
            columns = len(rows[0])
            entries = [entry for row in rows for entry in row]
        else:
            columns = 1
            entries = [span(cls) for cls in (groups[0].classes if groups else ())]
        legend.setColumnCount(columns)
        for item, text in [*entries, *others]:
            legend.addItem(item if item is not None else sample(None, None), text)
        self._relayout()

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


def _two_lines(title: str) -> str:
    """A legend heading as HTML, broken before its count ("China: quintiles" over "(329
    places), US$"), so the legend column is half as wide."""
    text = html.escape(title)
    cut = min((i for i in (text.find(" ("), text.find("（")) if i > 0), default=-1)
    return f"{text[:cut].rstrip()}<br>{text[cut:].lstrip()}" if cut > 0 else text


def _legend() -> pg.LegendItem:
    """A legend for a column of the map's layout (not over a view, where it hid cities):
    as large as its entries, centred in its column."""
    legend = pg.LegendItem(labelTextColor="#222", labelTextSize=LEGEND_TEXT_SIZE,
                           brush=pg.mkBrush(255, 255, 255, 225), pen=pg.mkPen("#bbb"),
                           verSpacing=-8)
    legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    # a layout cell scales with the rest in a PNG at 150 or 300 DPI (pyqtgraph's legends
    # ignore transformations, for their place over a zoomable view)
    legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
    return legend


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

    def set_spec(self, spec: MapSpec, caption: str = "") -> None:
        """Draw `spec` (desktop.session.chart_specs makes it; `caption` says the view's
        currency when the map's yuan were converted)."""
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
