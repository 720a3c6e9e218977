"""The comparable cities behind a line chart: a faint line each, kept as an image while the
view stays; above SPREAD_ABOVE cities (desktop.analysis.chart_spec) their spread instead.

Hundreds of faint lines (300 Chinese cities x 40 years: ~12,000 segments; 2,770 in a
generated pool: ~110,000) are the costliest thing a line chart draws, and pyqtgraph's curve
stroked them all again on every repaint of the plot: each hover move of the read-out line
(~17 ms for 2,770 cities). On screen they are drawn into an image of the plot's size once
for a view and that image is drawn while the view stays; a new range, size or set of lines
draws it anew. The path is kept while the lines stay (~14 ms to build for 2,770 cities).

Exports and the report (a painter without a widget, or pyqtgraph's export mode) stroke the
path itself, as a curve does (vector in SVG). Pen, antialiasing and placement are the same
either way: the image drawn over the plot shows the pixels the lines drawn straight on it
show, but for rounding where faint lines overlap (tests/ui/test_background_lines.py).

(Drawing the image on a worker thread while the window built its table gained nothing:
PySide6 holds the GIL through QPainter.drawPath, so the main thread waited as long.)

The spread is two fills, the cities' 10th-90th percentile and, over it, their 25th-75th, in
a blue-grey apart from the peers' grey band, broken where too few cities have a value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget


@dataclass(frozen=True)
class _View:
    """Where the lines land: item-to-device transform, the plot's device rectangle (whole
    pixels) and the device pixel ratio. Two paints of the same view give the same pixels."""

    transform: tuple[float, ...]
    origin: tuple[int, int]
    size: tuple[int, int]
    ratio: float

    def matches(self, other: _View) -> bool:
        return (self.origin == other.origin and self.size == other.size
                and self.ratio == other.ratio
                and all(math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
                        for a, b in zip(self.transform, other.transform, strict=True)))


def _as_tuple(t: QTransform) -> tuple[float, ...]:
    return (t.m11(), t.m12(), t.m13(), t.m21(), t.m22(), t.m23(), t.m31(), t.m32(), t.m33())


def lines_path(x: np.ndarray, y: np.ndarray, connect: np.ndarray) -> QPainterPath:
    """The path of all lines (`connect[i]`: join point i to point i + 1)."""
    if not len(x):
        return QPainterPath()
    return pg.arrayToQPath(x, y, connect=connect, finiteCheck=False)


def draw_image(path: QPainterPath, pen: QPen, antialias: bool, view: _View) -> QImage:
    """The lines as the view shows them, on a transparent image of the plot's size."""
    width, height = view.size
    image = QImage(max(1, round(width * view.ratio)), max(1, round(height * view.ratio)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(view.ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        # Clipped to the image, as the view clips the plot: without a clip Qt's cosmetic
        # stroker walks every line to its end far outside the image (~170 ms, not ~19 ms,
        # when the view shows a narrow band of the values)
        painter.setClipRect(QRectF(0, 0, width, height))
        shift = QTransform.fromTranslate(-view.origin[0], -view.origin[1])
        painter.setTransform(QTransform(*view.transform) * shift)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    finally:
        painter.end()
    return image


#: The spread's fill (each band over the wider one: the middle half is darker).
SPREAD_COLOR = QColor(90, 118, 165, 40)


class BackgroundLines(pg.GraphicsObject):
    """Many faint lines as one item, kept as an image of the view on screen, or the fills of
    their spread."""

    def __init__(self, color: QColor) -> None:
        super().__init__()
        #: the spread's bands, widest first, as plotted (empty: lines are drawn)
        self.spread: tuple[QPainterPath, ...] = ()
        self.pen = QPen(color)
        self.pen.setWidthF(1.0)
        self.pen.setCosmetic(True)
        self.antialias = True  # on screen; exports antialias every item
        self._x = self._y = self._connect = np.empty(0)
        self._version = 0
        self._bounds = QRectF()
        self._path: tuple[int, QPainterPath] | None = None  # (version, path in data units)
        self._image: tuple[int, _View, QImage] | None = None
        #: images drawn (a repaint of the same view draws the one it has)
        self.images_drawn = 0

    # --- what to draw ------------------------------------------------------------------
    def set_lines(self, x: np.ndarray, y: np.ndarray, connect: np.ndarray) -> None:
        """Points as plotted (finite) and whether each joins the next."""
        self.prepareGeometryChange()
        self.spread = ()
        self._x, self._y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self._connect = np.asarray(connect, dtype=bool)
        self._version += 1
        self._bounds = QRectF(float(self._x.min()), float(self._y.min()),
                              float(np.ptp(self._x)), float(np.ptp(self._y))) \
            if len(self._x) else QRectF()
        self._image = None
        self.update()

    def set_spread(self, bands: tuple[QPainterPath, ...]) -> None:
        """Fills (in plot units, widest first) instead of lines."""
        self.clear()
        self.prepareGeometryChange()
        self.spread = bands
        bounds = QRectF()
        for band in bands:
            bounds = bounds.united(band.boundingRect())
        self._bounds = bounds
        self.update()

    def clear(self) -> None:
        self.set_lines(np.empty(0), np.empty(0), np.empty(0, dtype=bool))

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """The points drawn (x, y as plotted)."""
        return self._x, self._y

    # --- geometry (pyqtgraph asks) -------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def dataBounds(self, ax: int, frac: float = 1.0,
                   orthoRange: tuple | None = None) -> tuple[float, float] | tuple[None, None]:  # noqa: N803
        if self._bounds.isNull():
            return None, None
        rect = self._bounds
        return (rect.left(), rect.right()) if ax == 0 else (rect.top(), rect.bottom())

    # --- the view's image -----------------------------------------------------------------
    def _view_now(self) -> _View | None:
        """The view the next paint will have (None: not on screen)."""
        box, widget = self.getViewBox(), self.getViewWidget()
        if box is None or widget is None or not self.isVisible():
            return None
        box.updateMatrix()  # a range just set is applied at the paint otherwise
        to_device = widget.viewportTransform()
        transform = self.deviceTransform(to_device)
        if transform is None or transform.determinant() == 0:
            return None
        rect = to_device.mapRect(box.sceneBoundingRect())
        left, top = math.floor(rect.left()), math.floor(rect.top())
        size = (math.ceil(rect.right()) - left, math.ceil(rect.bottom()) - top)
        if size[0] <= 0 or size[1] <= 0:
            return None
        return _View(_as_tuple(transform), (left, top), size,
                     widget.viewport().devicePixelRatioF())

    def _image_for(self, view: _View) -> QImage:
        """The lines' image for `view`: the one kept, or drawn now."""
        version = self._version
        kept = self._image
        if kept is not None and kept[0] == version and kept[1].matches(view):
            return kept[2]
        self.images_drawn += 1
        image = draw_image(self._lines(), self.pen, self.antialias, view)
        self._image = (version, view, image)
        return image

    def _lines(self) -> QPainterPath:
        kept = self._path
        if kept is None or kept[0] != self._version:
            kept = self._path = (self._version, lines_path(self._x, self._y, self._connect))
        return kept[1]

    # --- painting --------------------------------------------------------------------------
    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.spread:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for band in self.spread:
                p.fillPath(band, SPREAD_COLOR)
            return
        if not len(self._x):
            return
        export = self._exportOpts
        view = self._view_now() if widget is not None and export is False else None
        if view is None or not view.matches(_View(_as_tuple(p.transform()), view.origin,
                                                  view.size, view.ratio)):
            # an export (vector in SVG, antialiased as every exported item), or a painter
            # that is not the view's
            smooth = export.get("antialias", True) if export is not False else self.antialias
            p.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
            p.setPen(self.pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(self._lines())
            return
        image = self._image_for(view)
        p.save()
        p.resetTransform()
        p.drawImage(QPoint(*view.origin), image)
        p.restore()
