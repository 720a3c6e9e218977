"""The over-time chart's legend: one rich-text item (cheaper to rebuild than pyqtgraph's
LegendItem) that places itself in the corner of the plot hiding the fewest points, tries two
or three columns on a short plot, and stands down when it would still cover the lines."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument

#: The legend's text size (points; the markup says it too), and the gap after each column of
#: a legend in columns (pixels).
_POINT_SIZE, _COLUMN_GAP = 9, 12
_OPEN = "<div style='font-size:9pt'>"
#: By font key: (metrics, plain line height, Chinese line height, document margin).
_LINE_METRICS: dict[str, tuple[QFontMetricsF, float, float, float]] = {}


def _is_wide(text: str) -> bool:
    """Whether `text` has Chinese (or other East Asian) characters, laid out taller."""
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" for ch in text)


@dataclass(frozen=True)
class LegendEntry:
    text: str
    color: str
    dashed: bool = False
    mark: str = ""  # instead of a line sample (e.g. the series-break rule)


class HtmlLegend(pg.TextItem):
    """A legend drawn as one rich-text item pinned to the view box's top-left corner.

    pyqtgraph's LegendItem costs about 3 ms per entry to rebuild (a LabelItem and a sample
    item each, with layout), more than the whole frame budget for ten cities; this is one
    setHtml. It lives in the scene, so PNG and SVG exports include it. `items` mirrors
    LegendItem's (sample, label) pairs, with label.text, for callers and tests.
    """

    def __init__(self, view_box: pg.ViewBox) -> None:
        super().__init__(anchor=(0, 0), fill=pg.mkBrush(255, 255, 255, 225),
                         border=pg.mkPen("#bbb"))
        self.setParentItem(view_box)
        self.setPos(10, 10)
        self.setZValue(100)
        self.entries: tuple[LegendEntry, ...] = ()
        self.columns = 1
        self._stale = False  # entries named (use_entries) but not yet laid out
        self._advances: dict[str, float] = {}  # entry text -> width in the legend's font
        #: (width, height) of the legend by (entries, columns) as laid out once: `place`
        #: tries up to three layouts on every update, each a setHtml (~1 ms) without it
        self._sizes: dict[tuple[tuple[LegendEntry, ...], int], tuple[float, float]] = {}

    def use_entries(self, entries: Sequence[LegendEntry]) -> None:
        """Name these entries, laid out by the next `place` (in the columns it chooses) or
        `lay_out`: laying the rich text out first in one column and again in the chosen
        ones cost a setHtml (~0.7 ms) more per update."""
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
        cells = []
        for entry in entries:
            mark = self._mark(entry)
            cells.append(f"<span style='color:{entry.color}'>{mark}</span>&nbsp;"
                         f"<span style='color:#222'>{html.escape(entry.text)}</span>")
        if columns <= 1:
            body = "<br>".join(cells)
        else:  # row by row, a gap between the columns
            rows = ["".join(f"<td style='padding-right:{_COLUMN_GAP}px'>{cell}</td>"
                            for cell in cells[i:i + columns])
                    for i in range(0, len(cells), columns)]
            body = ("<table cellspacing='0' cellpadding='0'>"
                    + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>")
        self.setHtml(_OPEN + body + "</div>")
        self.setVisible(bool(entries))

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
        """(width, height) of the legend laid out in `columns`, from font metrics: `place`
        weighs up to three layouts on every update, and laying each out as rich text
        (setHtml) cost ~0.7 ms for one column and ~1.4 ms for a table. Widths are the
        entries' advances (mark, space, text) plus the table's 12-pixel column gap; a line's
        height is that of a measured line with or without Chinese (a fallback font makes it
        taller). tests/ui/test_html_legend.py holds it to the laid-out size."""
        key = (self.entries, columns)
        size = self._sizes.get(key)
        if size is None:
            metrics, plain_line, chinese_line, margin = self._metrics()
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
            size = self._sizes[key] = (width + 2 * margin, height + 2 * margin)
        return size

    def _metrics(self) -> tuple[QFontMetricsF, float, float, float]:
        """The legend font's metrics, the height of a line without and with Chinese as the
        rich text lays it out, and the document margin (measured once per font)."""
        font = QFont(self.textItem.font())
        font.setPointSizeF(_POINT_SIZE)
        key = font.key()
        known = _LINE_METRICS.get(key)
        if known is None:
            document = QTextDocument()
            document.setDefaultFont(self.textItem.font())
            heights = []
            for sample in ("━━\u00a0Shenyang", "━━\u00a0沈阳市"):
                document.setHtml(_OPEN + sample + "</div>")
                heights.append(document.size().height() - 2 * document.documentMargin())
            known = _LINE_METRICS[key] = (QFontMetricsF(font), heights[0], heights[1],
                                          document.documentMargin())
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
