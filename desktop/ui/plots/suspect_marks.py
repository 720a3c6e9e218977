"""Suspect values on a chart: grey hollow markers, apart from the lines, reason on hover.

A value the breaks register judges suspect is never joined into its city's line (the spec
leaves it out, so the line has a gap there as for a missing year); these markers show it,
greyed as the profile table greys it, with the register's reason as the marker's tooltip.
One ScatterPlotItem per chart, emptied (not removed) when nothing is suspect.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg

#: the profile table's grey for suspect values
SUSPECT_COLOR = "#8a8a8a"


def _tip(x: float, y: float, data: object) -> str:
    """A marker's tooltip: the year, the value and the register's reason."""
    return f"⚠ {round(x)}: {y:,.6g}\n{data}"


def suspect_item(size: int = 10) -> pg.ScatterPlotItem:
    """The item that holds a chart's suspect markers (hoverable: the tooltip is the reason)."""
    item = pg.ScatterPlotItem(size=size, symbol="o", pen=pg.mkPen(SUSPECT_COLOR, width=1.6),
                              brush=pg.mkBrush(0, 0, 0, 0), hoverable=True, tip=_tip)
    item.setZValue(12)
    return item


def show_suspects(item: pg.ScatterPlotItem, years: Sequence[np.ndarray],
                  values: Sequence[np.ndarray], reasons: Sequence[Sequence[str]]) -> None:
    """Put the series' suspect points (each its years, values, reasons) on `item`."""
    x = np.concatenate([np.asarray(y, dtype=float) for y in years]) if years else np.empty(0)
    if not len(x):
        if len(item.data):
            item.setData([], [])
        item.setVisible(False)
        return
    y = np.concatenate([np.asarray(v, dtype=float) for v in values])
    data = [r for group in reasons for r in group]
    item.setData(x=x, y=y, data=data)
    item.setVisible(True)


def suspect_points(item: pg.ScatterPlotItem) -> list[tuple[float, float, str]]:
    """(x, y, reason) of the markers shown (for tests and the chart's read-out)."""
    if not item.isVisible():
        return []
    return [(float(p.pos().x()), float(p.pos().y()), str(p.data())) for p in item.points()]
