"""The chart legend weighs its layouts from font metrics: the size it reckons for one, two
or three columns is the box it draws, and every name it draws lies inside that box, in
English and Chinese (a wrong size puts the legend on the lines it names, cuts a name, or
hides the legend when it would fit)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from desktop.ui.plots.chart_legend import ChartLegend, LegendEntry, along_lines_of

pytestmark = pytest.mark.ui

ENGLISH = ["Shenyang", "Dalian", "Harbin", "Changchun", "Peer median (interquartile range)"]
CHINESE = ["沈阳市", "大连市", "哈尔滨市", "长春市", "同类城市中位数",
           "Other comparable cities (280)"]


def _ink(image: QImage) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of the dark pixels (the names, #222), else None."""
    pixels = np.array([[image.pixelColor(x, y).lightness() for x in range(image.width())]
                       for y in range(image.height())])
    ys, xs = np.nonzero(pixels < 110)
    if not len(xs):
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


@pytest.mark.parametrize("names", [ENGLISH, CHINESE, ["Detroit"]])
@pytest.mark.parametrize("columns", [1, 2, 3])
def test_reckoned_size_is_the_drawn_box_and_holds_every_name(qtbot, names: list[str],
                                                             columns: int) -> None:
    view_box = pg.ViewBox()  # the legend's parent, kept alive for the test
    scene = QGraphicsScene()
    scene.addItem(view_box)
    view_box.setGeometry(QRectF(0, 0, 800, 400))  # (it clips what it holds)
    legend = ChartLegend(view_box)
    entries = [LegendEntry(name, "#1f77b4", dashed=i == 4) for i, name in enumerate(names)]
    entries.append(LegendEntry("series break", "#888888", mark="┆"))
    legend.set_entries(entries)
    width, height = legend._size(columns)
    legend.set_entries(entries, columns)
    box = legend.boundingRect()
    assert (box.width(), box.height()) == (width, height)
    # drawn alone at the origin, on white, with room around it
    legend.setPos(0, 0)
    image = QImage(round(width + 40), round(height + 40), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    source = legend.mapRectToScene(box).adjusted(-20, -20, 20, 20)  # the box and around it
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source,
                 Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    ink = _ink(image)
    assert ink is not None
    left, top, right, bottom = (ink[0] - 20, ink[1] - 20, ink[2] - 20, ink[3] - 20)
    assert left > 0 and top > 0 and right < width - 1 and bottom < height - 1
    assert width - right < 12 + 4 + 8  # no more than a column gap and margins to spare


def test_points_along_lines_follow_each_joined_segment() -> None:
    """Each line's points and three more on every segment between consecutive known years,
    for lines sharing years or not; a gap (NaN or a missing year) is not crossed."""
    years = np.array([2000, 2001, 2002, 2003, 2005], dtype=float)
    first = np.array([1.0, 2.0, np.nan, 4.0, 6.0])
    second = np.array([10.0, 10.0, 12.0, 8.0, 8.0])
    other_years = np.array([2001, 2002], dtype=float)
    third = np.array([5.0, 7.0])
    out = along_lines_of([(years, first), (years, second), (other_years, third)])
    points = sorted((float(x), float(y)) for xs, ys in out for x, y in zip(xs, ys, strict=True)
                    if np.isfinite(y))
    expected = [(float(x), float(y)) for line_years, values in
                ((years, first), (years, second), (other_years, third))
                for x, y in zip(line_years, values, strict=True) if np.isfinite(y)]
    for line_years, values in ((years, first), (years, second), (other_years, third)):
        for i in range(len(line_years) - 1):
            if line_years[i + 1] - line_years[i] == 1 and np.isfinite(values[i:i + 2]).all():
                expected += [(line_years[i] + f, values[i] + (values[i + 1] - values[i]) * f)
                             for f in (0.25, 0.5, 0.75)]
    expected = sorted((float(x), float(y)) for x, y in expected)
    assert np.allclose(np.array(points), np.array(expected))
    assert (2002.5, 3.0) not in points  # the NaN in 2002 breaks the first line
    assert not any(2003 < x < 2005 for x, _ in points)  # 2004 is missing
