"""Honest time (issue #13) as drawn: no line across a missing year, lone values marked.

The hand-made data of tests/analysis/test_honest_time.py: the focus has 2000, 2001, 2003 and
2004 (no 2002); peer b has 2000, 2002 and 2004 only; no peer has 2003. A line across the gap
would pass through (2002, 12): no focus-coloured pixel may be there, while the joined years
2000-2001 show the line at (2000.5, 10.5).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage

from desktop.analysis.chart_spec import line_chart_spec
from desktop.analysis.charts import over_time_spec
from desktop.analysis.small_multiples import small_multiples_spec
from desktop.core.dataset import Dataset
from desktop.core.export import write_csv
from desktop.report.model import ChartBlock
from desktop.report.palette import FOCUS
from desktop.ui.plots.line_chart import FOCUS_COLOR, LineChart
from desktop.ui.plots.series_layer import DrawnLine
from desktop.ui.plots.small_multiples import SmallMultiples
from desktop.ui.report_charts import ChartRenderer

pytestmark = pytest.mark.ui

HANDMADE = Path(__file__).resolve().parents[1] / "analysis"
ROWS = [
    ("f", "v", 2000, 10.0), ("f", "v", 2001, 11.0), ("f", "v", 2003, 13.0),
    ("f", "v", 2004, 14.0),
    ("a", "v", 2000, 5.0), ("a", "v", 2001, 6.0), ("a", "v", 2004, 8.0),
    ("b", "v", 2000, 20.0), ("b", "v", 2002, 22.0), ("b", "v", 2004, 24.0),
    # census-like: 2000 and 2010 only
    ("f", "census", 2000, 800.0), ("f", "census", 2010, 850.0),
    ("a", "census", 2000, 700.0), ("a", "census", 2010, 900.0),
    ("b", "census", 2000, 600.0), ("b", "census", 2010, 950.0),
]


@pytest.fixture(scope="module")
def gappy() -> Dataset:
    sys.path.insert(0, str(HANDMADE))
    try:
        from handmade import build_dataset, city, indicator
    finally:
        sys.path.remove(str(HANDMADE))
    return build_dataset(ROWS, [city("f"), city("a"), city("b")],
                         [indicator("v"), indicator("census")])


def drawn_segments(curve: pg.PlotDataItem | DrawnLine) -> list[list[float]]:
    """The x values of each stretch of line the curve really draws (two points or more)."""
    path = curve.path if isinstance(curve, DrawnLine) else curve.curve.getPath()
    polygons = path.toSubpathPolygons()
    return [[round(p.x(), 6) for p in polygon] for polygon in polygons if polygon.size() > 1]


def xs(item: pg.PlotDataItem) -> list[float]:
    x, _ = item.getData()
    return [] if x is None else x.tolist()


def colour_near(image: QImage, centre: QPointF, color: QColor, radius: int = 3) -> bool:
    """Whether a pixel within `radius` of `centre` (image pixels) is close to `color`."""
    cx, cy = round(centre.x()), round(centre.y())
    for x in range(cx - radius, cx + radius + 1):
        for y in range(cy - radius, cy + radius + 1):
            if 0 <= x < image.width() and 0 <= y < image.height():
                pixel = image.pixelColor(x, y)
                if (abs(pixel.red() - color.red()) + abs(pixel.green() - color.green())
                        + abs(pixel.blue() - color.blue())) < 60:
                    return True
    return False


@pytest.fixture
def chart(shown_line_chart, gappy: Dataset) -> LineChart:
    widget = shown_line_chart(900, 600)
    widget.set_spec(over_time_spec(gappy, "f", ["a", "b"], "v"))
    return widget


def test_window_chart_draws_two_segments_not_one(chart: LineChart) -> None:
    focus, peer_a, peer_b = chart.curves
    assert drawn_segments(focus) == [[2000, 2001], [2003, 2004]]
    assert drawn_segments(peer_a) == [[2000, 2001]]
    assert drawn_segments(peer_b) == []  # every value lone: markers, not lines
    assert drawn_segments(chart.layer.band.median) == [[2000, 2001, 2002]]


def test_lone_values_are_marked(chart: LineChart) -> None:
    marks = chart.layer.lone
    # a's 2004, b's three years, the peer median's 2004 (no peer has 2003)
    assert sorted(zip(marks.x.tolist(), marks.y.tolist(), strict=True)) == [
        (2000, 20), (2002, 22), (2004, 8), (2004, 16), (2004, 24)]
    x, y = chart.layer.band.bars
    assert x.tolist() == [2004, 2004] and y.tolist() == pytest.approx([12, 20])


def test_no_pixel_of_a_line_across_the_missing_year(chart: LineChart) -> None:
    image = chart.plot_widget.grab().toImage()
    view = chart.plot_item.vb

    def pixel(x: float, y: float) -> QPointF:
        scene = view.mapViewToScene(QPointF(x, y))
        return chart.plot_widget.mapFromScene(scene).toPointF()

    assert colour_near(image, pixel(2000.5, 10.5), FOCUS_COLOR)
    assert not colour_near(image, pixel(2002, 12), FOCUS_COLOR)


def test_readout_and_csv_say_nothing_for_the_missing_year(chart: LineChart,
                                                           tmp_path: Path) -> None:
    chart.show_readout(2002)
    text = chart.readout.text()
    assert "F: —" in text and "nan" not in text.lower()
    chart.show_readout(2003)
    assert "Peer median: —" in chart.readout.text()
    frame = chart.data_frame()
    focus_years = frame[frame.iloc[:, 0] == "f"].iloc[:, 2].tolist()
    assert focus_years == [2000, 2001, 2003, 2004]
    path = tmp_path / "chart.csv"
    write_csv(frame, path)
    assert "nan" not in path.read_text(encoding="utf-8-sig").lower()


def test_small_multiples_break_at_the_gap(qtbot, gappy: Dataset, tmp_path: Path) -> None:
    widget = SmallMultiples()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.set_spec(small_multiples_spec(gappy, "f", ["a", "b"], ["v"]))
    cell = widget.cells[0]
    assert drawn_segments(cell.focus) == [[2000, 2001], [2003, 2004]]
    assert drawn_segments(cell.median) == [[2000, 2001, 2002]]
    assert xs(cell.median_lone) == [2004]
    assert xs(cell.focus_lone) == []  # the focus has no lone value here
    widget.show_readout(widget.spec.panels[0], 2002)
    assert "F: —" in widget.readout.text()
    path = tmp_path / "multiples.csv"
    write_csv(widget.data_frame(), path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    row_2002 = next(line for line in lines if ",2002," in line)
    assert row_2002.split(",")[4] == ""  # the focus has no 2002 value: an empty cell
    assert "nan" not in "\n".join(lines).lower()


def test_report_chart_breaks_at_the_gap(qtbot, gappy: Dataset) -> None:
    spec = line_chart_spec(gappy, "f", ["a", "b"], "v")
    block = ChartBlock(chart_id="line-v", kind="line", spec=spec, title="V", unit="",
                       legend=(), notes=(), source="")
    renderer = ChartRenderer()
    try:
        size = QSize(640, 360)
        image = renderer.render_image(block, size, scale=1.0)
        plot = renderer._line
        view = plot.item.vb
        source = plot.widget.mapToScene(plot.widget.viewport().rect()).boundingRect()
        to_image = QRectF(0, 0, size.width(), size.height())

        def pixel(x: float, y: float) -> QPointF:
            scene = view.mapViewToScene(QPointF(x, y))
            return QPointF((scene.x() - source.left()) * to_image.width() / source.width(),
                           (scene.y() - source.top()) * to_image.height() / source.height())

        focus = QColor(FOCUS)
        assert colour_near(image, pixel(2000.5, 10.5), focus)
        assert not colour_near(image, pixel(2002, 12), focus)
        assert np.isfinite(spec.series[0].values).all()
    finally:
        renderer.close()


def test_markers_go_when_the_gaps_go(chart: LineChart, gappy: Dataset) -> None:
    """Peer a over 2000-2001 only: every series is one joined stretch, nothing to mark."""
    chart.set_spec(over_time_spec(gappy, "f", ["a"], "v", year_range=(2000, 2001)))
    assert len(chart.layer.lone) == 0
    assert drawn_segments(chart.curves[0]) == [[2000, 2001]]
    chart.set_spec(over_time_spec(gappy, "f", ["a", "b"], "v"))
    assert len(chart.layer.lone) == 5


def test_census_panel_is_markers_and_keeps_its_range(qtbot, gappy: Dataset) -> None:
    """Values ten years apart: no line, no fill; markers and the band as bars. The empty fill
    must not drag the axes to 0 (it did: the census panel spanned years 0-2020)."""
    widget = SmallMultiples()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_spec(small_multiples_spec(gappy, "f", ["a", "b"], ["census"]))
    cell = widget.cells[0]
    assert drawn_segments(cell.focus) == [] and drawn_segments(cell.median) == []
    assert xs(cell.focus_lone) == xs(cell.median_lone) == [2000, 2010]
    assert xs(cell.band_lone) == [2000, 2000, 2010, 2010]

    def ranged() -> None:  # the view box ranges itself when events run
        (x_low, x_high), (y_low, y_high) = cell.plot.vb.viewRange()
        assert 1990 < x_low < 2000 and 2010 < x_high < 2020
        assert 500 < y_low < 700 and 900 < y_high < 1000

    qtbot.waitUntil(ranged, timeout=2000)


def test_the_same_chart_drawn_again_keeps_its_marks(chart: LineChart, gappy: Dataset) -> None:
    """A redraw with nothing changed (a language switch, an undo) leaves the lone markers
    as they are."""
    marks = chart.layer.lone
    chart.set_spec(over_time_spec(gappy, "f", ["a", "b"], "v"))
    assert chart.layer.lone is marks and len(marks) == 5
