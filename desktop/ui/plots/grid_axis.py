"""An axis whose grid lines cost a fill, not a stroke.

pyqtgraph draws the grid as the axis' tick lines, semi-transparent and across the whole plot.
Qt's raster engine strokes a translucent one-pixel line pixel by pixel, about twenty times
slower than an opaque one: the 43 grid lines of a 1,200-pixel-wide value axis took ~13 ms
of every chart repaint. A one-pixel rectangle filled with the same colour covers the same
pixels (the line's square cap is half a pixel at each end; only a line at an exact half pixel
may land one row lower) and is blended a span at a time (~0.3 ms for the 43).

This holds only while the painter maps a unit to a device pixel: exports (a PNG at twice the
size, SVG, the report's charts) and high-density screens get pyqtgraph's own lines.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPicture, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

#: Pixels of width a vertical axis keeps before giving them back (_updateWidth).
KEEP_SPACE = 24
_UNSCALED = (QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate)


def _plain(pen: QPen) -> bool:
    """A solid one-pixel pen (what a fill can stand for)."""
    return (pen.isCosmetic() and pen.widthF() <= 1.0 and pen.style() == Qt.PenStyle.SolidLine
            and pen.brush().style() == Qt.BrushStyle.SolidPattern)


def _hairline(p1: QPointF, p2: QPointF) -> QRectF | None:
    """The rectangle a one-pixel horizontal or vertical line covers, else None."""
    x0, x1 = sorted((p1.x(), p2.x()))
    y0, y1 = sorted((p1.y(), p2.y()))
    if y0 == y1:
        return QRectF(x0 - 0.5, y0 - 0.5, x1 - x0 + 1.0, 1.0)
    if x0 == x1:
        return QRectF(x0 - 0.5, y0 - 0.5, 1.0, y1 - y0 + 1.0)
    return None


class FilledGridAxis(pg.AxisItem):
    """pyqtgraph's axis, with its straight hairlines (grid and ticks) drawn as fills on
    screen."""

    #: fill straight hairlines where that gives the same pixels (off: pyqtgraph's lines)
    fill_hairlines = True
    #: whether the cached picture (pyqtgraph's `picture`) was drawn with fills
    _fills = False
    #: the width a vertical axis keeps (_updateWidth)
    _kept_width: float | None = None

    def paint(self, p: QPainter, opt: QStyleOptionGraphicsItem, widget: QWidget) -> None:
        # (the transform held in a name: comparing the type of a temporary crashes PySide6)
        transform = p.deviceTransform()
        fills = self.fill_hairlines and self._exportOpts is False and (
            transform.type() in _UNSCALED)
        if fills != self._fills:
            self._fills = fills
            self.picture = None  # drawn again for this painter
        super().paint(p, opt, widget)

    def _updateWidth(self) -> None:  # pyqtgraph's name
        """As pyqtgraph's, but a vertical axis gives width back only when it needs
        KEEP_SPACE pixels less: flipping between indicators of a similar size (GDP in 亿元,
        population in 万人) moved the plot's left edge by a digit or a taller title, which
        laid the plot out again and redrew the year axis and the legend on every change."""
        super()._updateWidth()
        if self.orientation not in ("left", "right") or self.fixedWidth is not None:
            return
        needed = self.minimumWidth()
        kept = self._kept_width
        if kept is not None and kept - KEEP_SPACE < needed < kept:
            self.setMaximumWidth(kept)
            self.setMinimumWidth(kept)
        else:
            self._kept_width = needed

    def settle_width(self) -> None:
        """Lay out the tick labels of the current range now, as a paint would, and keep the
        picture for it: a vertical axis learns the width of its widest label while
        painting, so a range with wider or narrower labels (another indicator) laid the plot
        out again and painted the chart twice. Measured here, before the paint, the layout
        settles in the same pass; when the width stays, the paint only plays the picture.
        (pyqtgraph 0.14: generateDrawSpecs reports the width, through _updateMaxTextSize,
        and AxisItem.paint draws the specs into `picture` the same way.)"""
        if self.orientation not in ("left", "right") or self.linkedView() is None or (
                not self.isVisible() or not self.style["showValues"]):
            return
        if self.picture is not None:
            return  # drawn for the current range and size (pyqtgraph drops it on a change)
        width = self.minimumWidth()  # (the labels' own width may change within it)
        picture = QPicture()
        painter = QPainter(picture)
        keep = False
        try:
            if self.style["tickFont"]:
                painter.setFont(self.style["tickFont"])
            specs = self.generateDrawSpecs(painter)
            keep = specs is not None and self.minimumWidth() == width
            if keep:
                self.drawPicture(painter, *specs)
        finally:
            painter.end()
        if keep:  # else the axis is laid out anew and draws at its new width
            self.picture = picture

    def drawPicture(self, p: QPainter, axisSpec: tuple, tickSpecs: list,  # noqa: N803
                    textSpecs: list) -> None:  # noqa: N803
        """pyqtgraph 0.14's AxisItem.drawPicture, in the same order (axis line, ticks, text),
        with each straight hairline filled on screen."""
        if not self._fills:
            super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        axis_pen, start, end = axisSpec
        p.setPen(axis_pen)
        p.drawLine(start, end)
        plain: dict[int, bool] = {}  # pyqtgraph shares one pen among a level's ticks
        for pen, p1, p2 in tickSpecs:
            key = id(pen)
            if key not in plain:
                plain[key] = _plain(pen)
            rect = _hairline(p1, p2) if plain[key] else None
            if rect is None:
                p.setPen(pen)
                p.drawLine(p1, p2)
            else:
                p.fillRect(rect, pen.color())
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        p.setPen(self.textPen())
        p.setClipRect(self.boundingRect().toAlignedRect())
        for rect, flags, text in textSpecs:
            p.drawText(rect, int(flags), text)
