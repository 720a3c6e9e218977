"""What keeps a selection change's repaint of the line chart cheap (issue 15 item 6) without
changing what it shows: the grid drawn as fills looks as pyqtgraph's lines do and exports
keep the lines; the plot repaints through one clip rectangle (a region of dozens of
rectangles made the faint background of 2,770 cities take seconds to draw); thousands of
background cities are drawn as their spread; a hover read-out does not repaint the whole tab.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from desktop.analysis.charts import over_time_spec
from desktop.core.dataset import Dataset
from desktop.ui.plots.grid_axis import FilledGridAxis
from desktop.ui.plots.line_chart import LineChart

pytestmark = pytest.mark.ui

NORTH_EAST = ["cn-210200", "cn-230100", "cn-220100"]


@pytest.fixture
def chart(shown_line_chart, dataset: Dataset) -> LineChart:
    widget = shown_line_chart(1237, 517)
    widget.set_spec(over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp"))
    return widget


@pytest.fixture
def lines_and_fills(monkeypatch: pytest.MonkeyPatch):
    """Set whether grid hairlines are filled (restored after the test)."""
    def use(fill: bool) -> None:
        monkeypatch.setattr(FilledGridAxis, "fill_hairlines", fill)
    return use


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4)
    return rows[:, : image.width(), :3].astype(int)


def _plot_image(qtbot, chart: LineChart, fill: bool, use) -> np.ndarray:
    use(fill)
    for name in ("left", "bottom"):
        chart.plot_item.getAxis(name).update()
    qtbot.wait(10)
    return _pixels(chart.plot_widget.grab().toImage())


def test_the_filled_grid_looks_as_the_line_grid(qtbot, chart: LineChart, lines_and_fills
                                                ) -> None:
    lines = _plot_image(qtbot, chart, False, lines_and_fills)
    fills = _plot_image(qtbot, chart, True, lines_and_fills)
    assert chart.plot_item.getAxis("left")._fills  # the fills were drawn
    assert lines.shape == fills.shape
    difference = np.abs(lines - fills).sum(axis=2)
    # the same grid: a line at an exact half pixel may land one row lower, a faint
    # difference on few pixels, and nothing else moves
    assert np.count_nonzero(difference) <= 0.02 * difference.size
    assert difference.max() <= 16
    # the grid is there at all: the plot is not blank between the curves
    assert (fills < 250).any()


def test_exports_keep_pyqtgraph_lines(qtbot, chart: LineChart, lines_and_fills) -> None:
    from desktop.ui.plots.chart_export import render_png, render_svg

    lines_and_fills(True)
    filled_png, filled_svg = render_png(chart), render_svg(chart)
    lines_and_fills(False)
    assert render_png(chart) == filled_png
    assert render_svg(chart) == filled_svg
    # and the screen goes back to fills after an export
    lines_and_fills(True)
    chart.plot_widget.viewport().repaint()
    assert chart.plot_item.getAxis("left")._fills


class _PaintRegions(QObject):
    """The number of rectangles of each paint event a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.counts: list[int] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.counts.append(event.region().rectCount())
        return False


def test_the_plot_repaints_through_one_clip_rectangle(qtbot, dataset: Dataset,
                                                      chart: LineChart) -> None:
    pool = [c for c in dataset.cities if c.startswith("cn-") and c not in NORTH_EAST][:300]
    regions = _PaintRegions(chart.plot_widget.viewport())
    for focus in ("cn-210200", "cn-230100", "cn-210100"):
        peers = [c for c in ["cn-210100", *NORTH_EAST] if c != focus]
        chart.set_spec(over_time_spec(dataset, focus, peers, "gdp", background_ids=pool))
        qtbot.wait(20)
    chart.show_readout(2005)  # the hover line moves
    qtbot.wait(20)
    assert chart.background.isVisible()
    assert regions.counts and set(regions.counts) == {1}


def test_thousands_of_background_cities_are_drawn_as_their_spread(chart: LineChart,
                                                                  dataset: Dataset) -> None:
    """Up to SPREAD_ABOVE faint cities are a line each (antialiased); above, their spread:
    two fills (10th-90th, 25th-75th percentile), said in the legend."""
    from dataclasses import replace

    from desktop.analysis.chart_spec import SPREAD_ABOVE, BackgroundSpec

    spec = over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp")
    years = np.arange(1990, 2022)
    rng = np.random.default_rng(15)
    for count, spread in ((300, False), (SPREAD_ABOVE + 1, True), (40, False)):
        values = rng.lognormal(7.0, 1.0, size=(count, len(years)))
        background = BackgroundSpec(tuple(f"x-{n}" for n in range(count)), years, values)
        chart.set_spec(replace(spec, background=background))
        assert chart.background.isVisible()
        legend = " ".join(label.text for _, label in chart.legend.items)
        if spread:
            assert len(chart.background.spread) == 2 and not len(chart.background.data()[0])
            outer, inner = (band.boundingRect() for band in chart.background.spread)
            assert outer.contains(inner) and outer.height() > inner.height()
            assert f"({count:,}): 10th–90th" in legend
        else:
            assert chart.background.spread == ()
            assert len(chart.background.data()[0]) == values.size
            assert chart.background.antialias
            assert f"Other comparable cities ({count})" in legend


class _Paints(QObject):
    """How many paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_hovering_repaints_the_plot_not_the_whole_tab(qtbot, panel) -> None:
    """Each hover move writes the read-out under the chart; the tab widget around the chart
    (and with it every widget of the page) is not repainted for it."""
    chart = panel.chart
    tabs, plot = _Paints(panel.tabs), _Paints(chart.plot_widget.viewport())
    for year in range(1995, 2021):
        chart.show_readout(year)
        qtbot.wait(1)
    assert tabs.count == 0
    assert plot.count > 0  # the hover line moved
    assert chart.readout.text().startswith("<b>2020</b>")


def test_the_tab_page_still_follows_the_panel_size(qtbot, panel) -> None:
    chart = panel.chart
    for width, height in ((900, 700), (1300, 820)):
        panel.resize(width, height)
        qtbot.wait(20)
        chart.show_readout(2001)
        qtbot.wait(20)
        page = chart.parentWidget()  # the tab widget's stack
        assert page.width() >= panel.tabs.width() - 12
        assert page.height() >= panel.tabs.height() - panel.tabs.tabBar().height() - 12
