"""The lines of a line chart drawn as one item, in one paint.

A chart of ten cities was ~15 pyqtgraph items (a PlotDataItem per city with its curve and
marker set, the band's two edges and their fill, the median, the band's bars, the lone
markers): each change of focus or peers re-set several of them (setData ~0.2-1 ms each with
its bounds, marker atlas and fill path), the scene then asked each for its bounds, and the
repaint visited each. Drawn here from plain arrays in one `paint`, a change costs the paths
it really changes (a city whose values are unchanged keeps its path) and one repaint: the
bench's click-to-pixels median fell by ~6 ms of ~34 (bench/interaction_bench.py).

What is drawn, bottom to top, as the items were stacked: the band's fill between the peers'
quartiles and its bars at years with no neighbour, the dashed peer median, the peers (later
on top), the markers of lone values (the median's diamonds under the peers' circles), then
the focus city's line with a marker on every value. Missing years are gaps (`connect_for`).

Lines keep cosmetic pens (their width in device pixels, as pyqtgraph's curves did); markers
are drawn in device pixels at the painter's scale, scaled by an export's resolution, as
pyqtgraph's ScatterPlotItem draws them.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from desktop.analysis.chart_spec import joined_to_next, lone_points, unbroken

#: The band's fill and its bars at lone years.
BAND_COLOR = QColor(120, 120, 120, 50)
#: Widest thing drawn beyond a point, in device pixels (the median's 12-pixel diamond).
_REACH = 8.0


def _cosmetic(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine,
              cap: Qt.PenCapStyle = Qt.PenCapStyle.SquareCap) -> QPen:
    pen = QPen(QBrush(color), width, style, cap)
    pen.setCosmetic(True)
    return pen


def _shown(years: np.ndarray, values: np.ndarray, log_y: bool) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) as plotted: log10 of the positive values on a log axis (the others dropped,
    which leaves a gap)."""
    x = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    keep = np.isfinite(y)
    if log_y:
        keep &= y > 0
    if not keep.all():
        x, y = x[keep], y[keep]
    if log_y:
        y = np.log10(y)
    return x, y


def log_axis(values: np.ndarray) -> np.ndarray:
    """Values as a log axis plots them: log10 of the positive ones, NaN (not drawn) for the
    rest."""
    values = np.asarray(values, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(values > 0, np.log10(np.where(values > 0, values, 1.0)), np.nan)


def _path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """The line through (x, y), joining a point to the next only when that is the next
    year."""
    if len(x) < 2:
        return QPainterPath()
    return pg.arrayToQPath(x, y, connect="all" if unbroken(x) else joined_to_next(x))


@dataclass(eq=False)
class DrawnLine:
    """One city's line as drawn: its points (as plotted), colour, width and markers."""

    city_id: str
    years: np.ndarray
    values: np.ndarray
    color: QColor
    width: float
    #: a marker on every value (0: only the lone ones, drawn with the lone marks)
    marker_size: int
    is_focus: bool
    log_y: bool
    x: np.ndarray = field(init=False)
    y: np.ndarray = field(init=False)
    path: QPainterPath = field(init=False)

    def __post_init__(self) -> None:
        self.x, self.y = _shown(self.years, self.values, self.log_y)
        self.path = _path(self.x, self.y)

    def same_points(self, years: np.ndarray, values: np.ndarray, log_y: bool) -> bool:
        return log_y == self.log_y and same_values(self.years, years) and same_values(
            self.values, values)

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """(years, values) of the line, in the data's units (not log10 on a log axis)."""
        return (np.asarray(self.years, dtype=float), np.asarray(self.values, dtype=float))


def same_values(a: np.ndarray, b: np.ndarray) -> bool:
    """The same values (NaN equal to NaN)."""
    return a is b or (a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=True)))


@dataclass(frozen=True, eq=False)
class Marks:
    """Markers at (x, y) as plotted, each with its symbol ("o" or "d"), colour and size."""

    x: np.ndarray
    y: np.ndarray
    symbols: tuple[str, ...]
    colors: tuple[QColor, ...]
    sizes: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.x)

    def same_as(self, other: Marks) -> bool:
        """The same markers in the same places (arrays compared by value)."""
        return self is other or (
            (self.symbols, self.colors, self.sizes) == (other.symbols, other.colors, other.sizes)
            and same_values(self.x, other.x) and same_values(self.y, other.y))


NO_MARKS = Marks(np.empty(0), np.empty(0), (), (), ())


@dataclass
class BandDrawing:
    """The peers' inter-quartile band and median as plotted."""

    years: np.ndarray
    q1: np.ndarray
    q3: np.ndarray
    median: DrawnLine
    fill: QPainterPath
    #: (x, y) pairs, q1 then q3, of the bars at years with no neighbour
    bars: tuple[np.ndarray, np.ndarray]


def band_fill(years: np.ndarray, q1: np.ndarray, q3: np.ndarray, log_y: bool) -> QPainterPath:
    """The area between q1 and q3 over each run of consecutive years (both known)."""
    x = np.asarray(years, dtype=float)
    low = np.asarray(q1, dtype=float)
    high = np.asarray(q3, dtype=float)
    keep = np.isfinite(low) & np.isfinite(high)
    if log_y:
        keep &= (low > 0) & (high > 0)
    x, low, high = x[keep], low[keep], high[keep]
    if log_y:
        low, high = np.log10(low), np.log10(high)
    path = QPainterPath()
    joined = joined_to_next(x).tolist()
    start = 0
    xs, lows, highs = x.tolist(), low.tolist(), high.tolist()
    for i in range(len(xs)):
        if i < len(xs) - 1 and joined[i]:
            continue
        if i > start:  # a run of two years or more
            polygon = QPolygonF([QPointF(xs[j], highs[j]) for j in range(start, i + 1)]
                                + [QPointF(xs[j], lows[j]) for j in range(i, start - 1, -1)])
            path.addPolygon(polygon)
            path.closeSubpath()
        start = i + 1
    return path


def _symbol(name: str) -> QPainterPath:
    """pyqtgraph's symbols of size 1: "o" a circle, "d" a diamond."""
    path = QPainterPath()
    if name == "d":
        path.addPolygon(QPolygonF([QPointF(0, -0.5), QPointF(-0.4, 0), QPointF(0, 0.5),
                                   QPointF(0.4, 0)]))
        path.closeSubpath()
    else:
        path.addEllipse(QRectF(-0.5, -0.5, 1, 1))
    return path


_SYMBOLS = {name: _symbol(name) for name in ("o", "d")}


class SeriesLayer(pg.GraphicsObject):
    """Every city's line, the peer band and median and the lone markers of one line chart.

    `set_lines` takes what to draw; a city whose points are unchanged keeps its path.
    `antialias` is the style's (paper smooths, the screen draws sharp lines fast).
    """

    def __init__(self, antialias: bool) -> None:
        super().__init__()
        self.antialias = antialias
        self.lines: list[DrawnLine] = []
        self.band: BandDrawing | None = None
        self.lone: Marks = NO_MARKS
        self._pens: dict[tuple, QPen] = {}
        self._data_rect: QRectF | None = None
        self._has_points = False
        self._bounds: QRectF | None = None

    # --- what to draw ------------------------------------------------------------------
    def line_for(self, city_id: str, years: np.ndarray, values: np.ndarray, color: QColor,
                 width: float, marker_size: int, is_focus: bool, log_y: bool) -> DrawnLine:
        """The drawn line of these points: the current one of `city_id` (its path kept) when
        its points are the same, else a new one."""
        for line in self.lines:
            if line.city_id == city_id and line.same_points(years, values, log_y):
                if (line.color, line.width, line.marker_size, line.is_focus) == (
                        color, width, marker_size, is_focus):
                    return line
                kept = copy.copy(line)  # the same path in another colour or width
                kept.color, kept.width = color, width
                kept.marker_size, kept.is_focus = marker_size, is_focus
                return kept
        return DrawnLine(city_id, years, values, color, width, marker_size, is_focus, log_y)

    def band_for(self, years: np.ndarray, q1: np.ndarray, q3: np.ndarray, median: np.ndarray,
                 median_color: QColor, log_y: bool) -> BandDrawing:
        """The band drawing of these quartiles (the current one when they are the same)."""
        band = self.band
        if band is not None and band.median.log_y == log_y and all(
                same_values(a, b) for a, b in ((band.years, years), (band.q1, q1), (band.q3, q3),
                                         (band.median.values, median))):
            return band
        lone = lone_points(np.asarray(years))
        bar_x = np.repeat(np.asarray(years, dtype=float)[lone], 2)
        bar_y = np.column_stack((np.asarray(q1, dtype=float)[lone],
                                 np.asarray(q3, dtype=float)[lone])).ravel()
        if log_y:
            bar_y = log_axis(bar_y)
        return BandDrawing(years, q1, q3,
                           DrawnLine("", years, median, median_color, 2.0, 0, False, log_y),
                           band_fill(years, q1, q3, log_y), (bar_x, bar_y))

    def set_lines(self, lines: Sequence[DrawnLine], band: BandDrawing | None,
                  lone: Marks) -> None:
        """Draw these (peers in their order, the focus among them) from the next paint."""
        lines = list(lines)
        if (len(lines) == len(self.lines) and all(
                a is b for a, b in zip(lines, self.lines, strict=True))
                and band is self.band and lone.same_as(self.lone)):
            return
        self.prepareGeometryChange()
        self.lines, self.band, self.lone = lines, band, lone
        self._data_rect = self._bounds = None
        self.update()

    # --- bounds ------------------------------------------------------------------------
    def data_rect(self) -> QRectF:
        """The points' extent in plot coordinates."""
        if self._data_rect is None:
            xs = [line.x for line in self.lines if len(line.x)]
            ys = [line.y for line in self.lines if len(line.y)]
            band = self.band
            if band is not None:
                rect = band.fill.boundingRect()
                if not rect.isNull():
                    xs.append(np.array([rect.left(), rect.right()]))
                    ys.append(np.array([rect.top(), rect.bottom()]))
                xs.append(band.median.x)
                ys.append(band.median.y)
                bars = band.bars
                finite = np.isfinite(bars[1])
                xs.append(bars[0][finite])
                ys.append(bars[1][finite])
            if len(self.lone):
                xs.append(self.lone.x)
                ys.append(self.lone.y)
            x = np.concatenate(xs) if xs else np.empty(0)
            y = np.concatenate(ys) if ys else np.empty(0)
            x, y = x[np.isfinite(x)], y[np.isfinite(y)]
            self._has_points = bool(len(x) and len(y))
            if not self._has_points:
                self._data_rect = QRectF()
            else:
                self._data_rect = QRectF(float(x.min()), float(y.min()),
                                         float(x.max() - x.min()), float(y.max() - y.min()))
        return self._data_rect

    def dataBounds(self, ax: int, frac: float = 1.0,
                   orthoRange: tuple | None = None) -> tuple[float, float] | tuple[None, None]:  # noqa: N803
        """pyqtgraph's auto-range asks each item for its extent along an axis."""
        rect = self.data_rect()
        if not self._has_points:
            return None, None
        return (rect.left(), rect.right()) if ax == 0 else (rect.top(), rect.bottom())

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            rect = self.data_rect()
            px, py = self.pixelWidth() or 0.0, self.pixelHeight() or 0.0
            self._bounds = rect.adjusted(-_REACH * px, -_REACH * py, _REACH * px, _REACH * py)
        return self._bounds

    def viewTransformChanged(self) -> None:  # the pixel reach in plot units changed
        self._bounds = None
        self.prepareGeometryChange()

    # --- drawing -----------------------------------------------------------------------
    def _pen(self, color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine,
             cap: Qt.PenCapStyle = Qt.PenCapStyle.SquareCap) -> QPen:
        key = (color.rgba(), width, style, cap)
        pen = self._pens.get(key)
        if pen is None:
            pen = self._pens[key] = _cosmetic(color, width, style, cap)
        return pen

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        export = self._exportOpts
        smooth = export.get("antialias", True) if export is not False else self.antialias
        scale = export.get("resolutionScale", 1.0) if export is not False else 1.0
        p.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        p.setBrush(Qt.BrushStyle.NoBrush)
        band = self.band
        if band is not None:
            if not band.fill.isEmpty():
                p.fillPath(band.fill, BAND_COLOR)
            bar_x, bar_y = band.bars
            if len(bar_x):
                p.setPen(self._pen(BAND_COLOR, 9, cap=Qt.PenCapStyle.FlatCap))
                for i in range(0, len(bar_x) - 1, 2):
                    if np.isfinite(bar_y[i]) and np.isfinite(bar_y[i + 1]):
                        p.drawLine(QPointF(bar_x[i], bar_y[i]), QPointF(bar_x[i + 1], bar_y[i + 1]))
            median = band.median
            p.setPen(self._pen(median.color, median.width, Qt.PenStyle.DashLine))
            p.drawPath(median.path)
        focus = [line for line in self.lines if line.is_focus]
        for line in self.lines:
            if not line.is_focus:
                p.setPen(self._pen(line.color, line.width))
                p.drawPath(line.path)
        peers_marked = [line for line in self.lines if not line.is_focus and line.marker_size]
        if peers_marked:
            self._markers(p, [(line.x, line.y, "o", line.color, line.marker_size)
                              for line in peers_marked], scale)
        if len(self.lone):
            lone = self.lone
            self._markers(p, [(lone.x[i:i + 1], lone.y[i:i + 1], lone.symbols[i],
                               lone.colors[i], lone.sizes[i]) for i in range(len(lone))], scale)
        for line in focus:
            p.setPen(self._pen(line.color, line.width))
            p.drawPath(line.path)
            if line.marker_size:
                self._markers(p, [(line.x, line.y, "o", line.color, line.marker_size)], scale)

    def _markers(self, p: QPainter, sets: list[tuple[np.ndarray, np.ndarray, str, QColor, int]],
                 scale: float) -> None:
        """Each set's markers, sized in device pixels (times an export's resolution)."""
        transform = p.transform()
        m11, m12, m21, m22 = transform.m11(), transform.m12(), transform.m21(), transform.m22()
        dx, dy = transform.dx(), transform.dy()
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for x, y, symbol, color, size in sets:
            p.setPen(self._pen(color, 1.0))
            p.setBrush(color)
            shape, diameter = _SYMBOLS[symbol], size * scale
            px = np.asarray(x, dtype=float) * m11 + np.asarray(y, dtype=float) * m21 + dx
            py = np.asarray(x, dtype=float) * m12 + np.asarray(y, dtype=float) * m22 + dy
            for cx, cy in zip(px.tolist(), py.tolist(), strict=True):
                if cx != cx or cy != cy:
                    continue
                p.translate(cx, cy)
                p.scale(diameter, diameter)
                p.drawPath(shape)
                p.resetTransform()
        p.restore()
