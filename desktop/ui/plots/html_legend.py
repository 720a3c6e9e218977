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
        #: (width, height) of the legend by (entries, columns) as laid out once: `place`
        #: tries up to three layouts on every update, each a setHtml (~1 ms) without it
        self._sizes: dict[tuple[tuple[LegendEntry, ...], int], tuple[float, float]] = {}

    def set_entries(self, entries: Sequence[LegendEntry], columns: int = 1) -> None:
        entries = tuple(entries)
        if entries == self.entries and columns == self.columns:
            return
        self.entries, self.columns = entries, columns
        cells = []
        for entry in entries:
            mark = entry.mark or ("╌╌" if entry.dashed else "━━")
            cells.append(f"<span style='color:{entry.color}'>{mark}</span>&nbsp;"
                         f"<span style='color:#222'>{html.escape(entry.text)}</span>")
        if columns <= 1:
            body = "<br>".join(cells)
        else:  # row by row, a gap between the columns
            rows = ["".join(f"<td style='padding-right:12px'>{cell}</td>"
                            for cell in cells[i:i + columns])
                    for i in range(0, len(cells), columns)]
            body = ("<table cellspacing='0' cellpadding='0'>"
                    + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>")
        self.setHtml("<div style='font-size:9pt'>" + body + "</div>")
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
            return
        pixel_w, pixel_h = view_box.viewPixelSize()
        if not (pixel_w and pixel_h):
            return
        inside = np.isfinite(x) & np.isfinite(y)
        x, y = x[inside], y[inside]
        best: tuple[int, int, tuple[int, int]] | None = None
        for columns in (1, 2, 3):
            if columns > 1 and columns >= len(self.entries):
                break
            corner, hidden = self._best_corner(view_box, x, y, self._size(columns))
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
        """(width, height) of the legend laid out in `columns` (laid out once per entries)."""
        key = (self.entries, columns)
        size = self._sizes.get(key)
        if size is None:
            self.set_entries(self.entries, columns)
            rect = self.boundingRect()
            if len(self._sizes) > 64:
                self._sizes.clear()
            size = self._sizes[key] = (rect.width(), rect.height())
        return size

    def _best_corner(self, view_box: pg.ViewBox, x: np.ndarray, y: np.ndarray,
                     size: tuple[float, float]) -> tuple[tuple[int, int], int]:
        """(corner, how many points the legend hides there) for a legend of `size`."""
        (x0, x1), (y0, y1) = view_box.viewRange()
        pixel_w, pixel_h = view_box.viewPixelSize()
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


def along_lines(years: np.ndarray, values: np.ndarray, steps: int = 4) -> tuple[np.ndarray,
                                                                              np.ndarray]:
    """The points of a line and `steps - 1` more on each joined segment between them: a
    legend placed by points alone could sit across a line between two of them."""
    years, values = np.asarray(years, dtype=float), np.asarray(values, dtype=float)
    if len(years) < 2:
        return years, values
    joined = np.isfinite(values[:-1]) & np.isfinite(values[1:]) & (np.diff(years) == 1)
    fractions = np.arange(1, steps) / steps
    xs = (years[:-1][joined, None] + fractions[None, :]).ravel()
    ys = (values[:-1][joined, None]
          + np.diff(values)[joined, None] * fractions[None, :]).ravel()
    return np.concatenate([years, xs]), np.concatenate([values, ys])
