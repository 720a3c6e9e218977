"""The over-time chart's legend: one item drawn with QPainter (cheaper to rebuild than
pyqtgraph's LegendItem or a rich-text item) that places itself in the corner of the plot
hiding the fewest points, tries two or three columns on a short plot, and stands down when it
would still cover the lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem, QWidget

#: The legend's text size (points), the gap after each column of a legend in columns
#: (pixels) and the space inside its frame (pixels).
_POINT_SIZE, _COLUMN_GAP, _MARGIN = 9, 12, 4.0
_FILL = QColor(255, 255, 255, 225)
_TEXT = QColor("#222")
#: By font key: (metrics, plain line height, Chinese line height).
_LINE_METRICS: dict[str, tuple[QFontMetricsF, float, float]] = {}


@lru_cache(maxsize=1024)
def _is_wide(text: str) -> bool:
    """Whether `text` has Chinese (or other East Asian) characters, laid out taller
    (remembered: the same names come back on every update)."""
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" for ch in text)


@dataclass(frozen=True)
class LegendEntry:
    text: str
    color: str
    dashed: bool = False
    mark: str = ""  # instead of a line sample (e.g. the series-break rule)


class ChartLegend(pg.GraphicsObject):
    """A legend drawn as one item pinned to a corner of the view box.

    pyqtgraph's LegendItem costs about 3 ms per entry to rebuild (a LabelItem and a sample
    item each, with layout), more than the whole frame budget for ten cities, and a rich-text
    item ~1 ms a layout and its document's paint; this lays out from font metrics and draws
    each entry's mark and name with drawText (whole strings: SVG text stays whole). It lives
    in the scene, so PNG and SVG exports include it. `items` mirrors LegendItem's (sample,
    label) pairs, with label.text, for callers and tests.
    """

    def __init__(self, view_box: pg.ViewBox) -> None:
        super().__init__()
        self._rect = QRectF()
        self.entries: tuple[LegendEntry, ...] = ()
        self.columns = 1
        self._stale = False  # entries named (use_entries) but not yet laid out
        self._advances: dict[str, float] = {}  # entry text -> width in the legend's font
        #: (width, height) of the legend by (entries, columns): `place` weighs up to three
        #: layouts on every update
        self._sizes: dict[tuple[tuple[LegendEntry, ...], int], tuple[float, float]] = {}
        #: per entry: (mark position, mark, its colour, text position, text)
        self._placed: list[tuple[QPointF, str, QColor, QPointF, str]] = []
        self._font = QFont(QApplication.font())
        self._font.setPointSizeF(_POINT_SIZE)
        self.setParentItem(view_box)
        self.setPos(10, 10)
        self.setZValue(100)

    def use_entries(self, entries: Sequence[LegendEntry]) -> None:
        """Name these entries, laid out by the next `place` (in the columns it chooses) or
        `lay_out`: once per update, in the columns chosen."""
        entries = tuple(entries)
        if entries != self.entries:
            self.entries, self._stale = entries, True

    def lay_out(self) -> None:
        """Lay out entries named by `use_entries` and not yet laid out."""
        if self._stale:
            self.set_entries(self.entries, self.columns)

    def set_entries(self, entries: Sequence[LegendEntry], columns: int = 1) -> None:
        entries = tuple(entries)
        if entries == self.entries and columns == self.columns and not self._stale:
            return
        self.entries, self.columns, self._stale = entries, columns, False
        self._lay_out_entries()
        self.setVisible(bool(entries))

    def _lay_out_entries(self) -> None:
        """Where each mark and name goes, row by row in `columns`, from font metrics."""
        metrics, plain_line, chinese_line = self._metrics()
        texts = [f"{self._mark(e)}\u00a0{e.text}" for e in self.entries]
        widths = [self._advance(metrics, t) for t in texts]
        columns = max(min(self.columns, len(texts)), 1)
        lefts = [_MARGIN]
        for j in range(columns - 1):
            widest = max((widths[i] for i in range(j, len(texts), columns)), default=0.0)
            lefts.append(lefts[-1] + widest + _COLUMN_GAP)
        placed = []
        top = _MARGIN
        for start in range(0, len(texts), columns):
            row = range(start, min(start + columns, len(texts)))
            height = chinese_line if any(_is_wide(texts[i]) for i in row) else plain_line
            baseline = top + (height - metrics.height()) / 2 + metrics.ascent()
            for i in row:
                entry = self.entries[i]
                mark = self._mark(entry)
                left = lefts[i - start]
                placed.append((QPointF(left, baseline), mark, QColor(entry.color),
                               QPointF(left + self._advance(metrics, mark + "\u00a0"),
                                       baseline), entry.text))
            top += height
        width, height = self._size(self.columns)
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height) if self.entries else QRectF()
        self._placed = placed
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._rect.isEmpty():
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        border = QPen(QColor("#bbb"))
        border.setCosmetic(True)
        p.setPen(border)
        p.setBrush(_FILL)
        p.drawRect(self._rect)
        p.setFont(self._font)
        for mark_at, mark, color, text_at, text in self._placed:
            p.setPen(color)
            p.drawText(mark_at, mark)
            p.setPen(_TEXT)
            p.drawText(text_at, text)

    @property
    def items(self) -> list[tuple[None, SimpleNamespace]]:
        return [(None, SimpleNamespace(text=e.text)) for e in self.entries]

    def place(self, view_box: pg.ViewBox, x: np.ndarray, y: np.ndarray) -> None:
        """Move to the corner of the plot that hides the fewest of the points (x, y) in view
        coordinates (top-left on a tie): a legend must not sit on the data it names. When
        every corner hides some, the legend tries two and three columns (shorter, for a
        short plot, e.g. at 1024x700) and keeps the layout that hides the fewest. A legend
        that would still cover data over more than 40% of a short plot's height stands down:
        the read-out under the chart names every line in its colour."""
        if not self.entries or not len(x):
            self.lay_out()
            return
        pixel_w, pixel_h = view_box.viewPixelSize()
        if not (pixel_w and pixel_h):
            self.lay_out()
            return
        inside = np.isfinite(x) & np.isfinite(y)
        x, y = x[inside], y[inside]
        best: tuple[int, int, tuple[int, int]] | None = None
        view_range = view_box.viewRange()
        for columns in (1, 2, 3):
            if columns > 1 and columns >= len(self.entries):
                break
            corner, hidden = self._best_corner(view_range, (pixel_w, pixel_h), x, y,
                                               self._size(columns))
            if best is None or hidden < best[0]:
                best = (hidden, columns, corner)
            if hidden == 0:
                break
        assert best is not None
        hidden, columns, corner = best
        self.set_entries(self.entries, columns)
        size, box = self.boundingRect(), view_box.boundingRect()
        self.setVisible(not (hidden and size.height() > 0.4 * box.height()))
        self.setPos(10 if corner[0] == 0 else box.width() - size.width() - 10,
                    10 if corner[1] == 0 else box.height() - size.height() - 10)

    def _size(self, columns: int) -> tuple[float, float]:
        """(width, height) of the legend laid out in `columns`, from font metrics (`place`
        weighs up to three layouts on every update). Widths are the entries' advances
        (mark, space, name) plus a 12-pixel gap after each column of several; a line's
        height is that of a measured line with or without Chinese (a fallback font makes it
        taller). tests/ui/test_chart_legend.py holds the drawn text inside it."""
        key = (self.entries, columns)
        size = self._sizes.get(key)
        if size is None:
            metrics, plain_line, chinese_line = self._metrics()
            texts = [f"{self._mark(e)}\u00a0{e.text}" for e in self.entries]
            widths = [self._advance(metrics, t) for t in texts]
            columns = max(min(columns, len(texts)), 1)
            rows = [range(i, min(i + columns, len(texts))) for i in range(0, len(texts), columns)]
            if columns == 1:
                width = max(widths, default=0.0)
            else:
                width = sum(max((widths[row[j]] for row in rows if j < len(row)), default=0.0)
                            + _COLUMN_GAP for j in range(columns))
            height = sum(chinese_line if any(_is_wide(texts[i]) for i in row) else plain_line
                         for row in rows)
            if len(self._sizes) > 64:
                self._sizes.clear()
            size = self._sizes[key] = (width + 2 * _MARGIN, height + 2 * _MARGIN)
        return size

    def _metrics(self) -> tuple[QFontMetricsF, float, float]:
        """The legend font's metrics and the height of a line without and with Chinese (a
        fallback font makes a line of Chinese taller), measured once per font."""
        key = self._font.key()
        known = _LINE_METRICS.get(key)
        if known is None:
            document = QTextDocument()
            document.setDefaultFont(self._font)
            document.setDocumentMargin(0)
            heights = []
            for sample in ("━━\u00a0Shenyang", "━━\u00a0沈阳市"):
                document.setPlainText(sample)
                heights.append(document.size().height())
            known = _LINE_METRICS[key] = (QFontMetricsF(self._font), *heights)
        return known

    def _advance(self, metrics: QFontMetricsF, text: str) -> float:
        """The width of an entry's text, remembered (the same cities come back)."""
        width = self._advances.get(text)
        if width is None:
            if len(self._advances) > 512:
                self._advances.clear()
            width = self._advances[text] = metrics.horizontalAdvance(text)
        return width

    @staticmethod
    def _mark(entry: LegendEntry) -> str:
        return entry.mark or ("╌╌" if entry.dashed else "━━")

    def _best_corner(self, view_range: list, pixel_size: tuple[float, float], x: np.ndarray,
                     y: np.ndarray, size: tuple[float, float]) -> tuple[tuple[int, int], int]:
        """(corner, how many points the legend hides there) for a legend of `size`, in a
        view box showing `view_range` at `pixel_size` (data units per pixel)."""
        (x0, x1), (y0, y1) = view_range
        pixel_w, pixel_h = pixel_size
        width, height = (size[0] + 10) * pixel_w, (size[1] + 10) * pixel_h
        corners = {  # (pixel position inside the view box, its data rectangle)
            (0, 0): (x0, x0 + width, y1 - height, y1),
            (1, 0): (x1 - width, x1, y1 - height, y1),
            (0, 1): (x0, x0 + width, y0, y0 + height),
            (1, 1): (x1 - width, x1, y0, y0 + height),
        }
        hidden = {corner: int(np.count_nonzero((x >= a) & (x <= b) & (y >= c) & (y <= d)))
                  for corner, (a, b, c, d) in corners.items()}
        best = min(hidden, key=lambda corner: (hidden[corner], corner[1], corner[0]))
        return best, hidden[best]


def along_lines_of(lines: Sequence[tuple[np.ndarray, np.ndarray]], steps: int = 4
                   ) -> list[tuple[np.ndarray, np.ndarray]]:
    """The points of each line (years, values) and `steps - 1` more on each joined segment
    between them (consecutive years, both values known): a legend placed by points alone
    could sit across a line between two of them. Lines that share their years (the cities
    of one chart, the band's edges) are worked out together in one array: one call per
    line cost ~0.1 ms, a tenth of a chart update for ten cities and the band."""
    out: list[tuple[np.ndarray, np.ndarray]] = []
    groups: dict[bytes, tuple[np.ndarray, list[np.ndarray]]] = {}
    for years, values in lines:
        years = np.asarray(years, dtype=float)
        groups.setdefault(years.tobytes(), (years, []))[1].append(
            np.asarray(values, dtype=float))
    for years, rows in groups.values():
        table = np.vstack(rows) if rows else np.empty((0, len(years)))
        if len(years) < 2:
            out.append((np.tile(years, len(rows)), table.ravel()))
            continue
        joined = (np.isfinite(table[:, :-1]) & np.isfinite(table[:, 1:])
                  & (np.diff(years) == 1)[None, :])
        fractions = np.arange(1, steps) / steps
        xs = np.broadcast_to(years[:-1][None, :, None] + fractions[None, None, :],
                             (*joined.shape, steps - 1))[joined]
        ys = (table[:, :-1, None] + np.diff(table, axis=1)[:, :, None]
              * fractions[None, None, :])[joined]
        out.append((np.concatenate([np.tile(years, len(rows)), xs.ravel()]),
                    np.concatenate([table.ravel(), ys.ravel()])))
    return out
