"""The faint comparable cities behind a line chart are kept as an image while the view stays
(desktop/ui/plots/background_lines.py): a hover repaint no longer strokes thousands of lines,
and the image shows the pixels the lines drawn straight on the plot show."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QImage

from desktop.analysis.chart_spec import SPREAD_ABOVE, BackgroundSpec
from desktop.analysis.charts import over_time_spec
from desktop.core.dataset import Dataset
from desktop.ui.plots.background_lines import BackgroundLines
from desktop.ui.plots.line_chart import LineChart

pytestmark = pytest.mark.ui

NORTH_EAST = ["cn-210200", "cn-230100", "cn-220100"]


@pytest.fixture
def chart(shown_line_chart) -> LineChart:
    return shown_line_chart(1100, 520)


def _with_background(dataset: Dataset, count: int, seed: int = 3):
    spec = over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp")
    years = np.arange(1990, 2022)
    rng = np.random.default_rng(seed)
    values = rng.lognormal(8.5, 0.5, size=(count, len(years))) * np.exp(
        np.cumsum(rng.normal(0.03, 0.08, size=(count, len(years))), axis=1))
    values[rng.random(values.shape) < 0.05] = np.nan  # missing years: gaps
    return replace(spec, background=BackgroundSpec(
        tuple(f"x-{n}" for n in range(count)), years, values))


def _plot_pixels(qtbot, chart: LineChart) -> np.ndarray:
    qtbot.wait(10)
    image = chart.plot_widget.viewport().grab().toImage().convertToFormat(
        QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4)
    return rows[:, : image.width(), :3].astype(int)


@pytest.mark.parametrize("count", [300, SPREAD_ABOVE])
def test_the_image_shows_what_the_lines_drawn_straight_show(
        qtbot, chart: LineChart, dataset: Dataset, monkeypatch: pytest.MonkeyPatch,
        count: int) -> None:
    spec = _with_background(dataset, count)
    chart.set_spec(spec)
    _plot_pixels(qtbot, chart)  # laid out (the notes under the plot) and painted
    drawn = chart.background.images_drawn
    chart.plot_widget.viewport().update()
    kept = _plot_pixels(qtbot, chart)
    assert drawn and chart.background.images_drawn == drawn  # painted from the image kept
    # the same paint, the lines stroked straight on the plot as an export strokes them
    monkeypatch.setattr(BackgroundLines, "_view_now", lambda self: None)
    chart.plot_widget.viewport().update()
    straight = _plot_pixels(qtbot, chart)
    assert chart.background.images_drawn == drawn
    assert kept.shape == straight.shape
    difference = np.abs(kept - straight).max(axis=2)
    # the same lines in the same places: overlapping faint lines composited on a transparent
    # image first round differently by a level or two, and where lines meet a pixel may come
    # out one overlap darker or lighter (0.2-0.4% of the pixels). Lines one pixel off differ
    # on ~40% of the pixels by 11-13 levels on average.
    assert np.count_nonzero(difference > 2) <= 0.01 * difference.size
    assert np.count_nonzero(difference > 40) == 0
    assert difference.mean() < 1.0
    # and the lines are there: many pixels of the plot are grey
    grey = (straight < 245).all(axis=2) & (np.ptp(straight, axis=2) < 8)
    assert grey.sum() > 0.05 * grey.size


def test_a_hover_repaint_draws_the_image_it_has(qtbot, chart: LineChart,
                                                dataset: Dataset) -> None:
    chart.set_spec(_with_background(dataset, SPREAD_ABOVE))
    _plot_pixels(qtbot, chart)
    drawn = chart.background.images_drawn
    for year in (1995, 2000, 2005, 2010):
        chart.show_readout(year)  # the hover line moves: the plot repaints
        _plot_pixels(qtbot, chart)
    assert chart.background.images_drawn == drawn
    # another view (other lines, a resize) draws a new image
    chart.set_spec(_with_background(dataset, SPREAD_ABOVE, seed=4))
    _plot_pixels(qtbot, chart)
    assert chart.background.images_drawn == drawn + 1
    chart.resize(900, 480)
    _plot_pixels(qtbot, chart)
    assert chart.background.images_drawn == drawn + 2


def test_exports_stroke_the_lines(qtbot, chart: LineChart, dataset: Dataset) -> None:
    """A PNG or SVG export strokes the path (vector in SVG), not the screen's image."""
    from desktop.ui.plots.chart_export import render_png, render_svg

    chart.set_spec(over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp"))
    plain_svg = render_svg(chart)
    chart.set_spec(_with_background(dataset, 300))
    _plot_pixels(qtbot, chart)  # on screen: from its image
    drawn = chart.background.images_drawn
    svg, png = render_svg(chart), render_png(chart)
    assert chart.background.images_drawn == drawn
    assert "<image" not in svg and len(svg) > len(plain_svg) + 100_000
    assert png.startswith(b"\x89PNG")


def test_a_value_a_log_axis_cannot_show_breaks_its_line(chart: LineChart,
                                                        dataset: Dataset) -> None:
    """On a log axis a city's zero or negative value is a gap in its faint line, as a
    missing year is: the years on either side are not joined across it."""
    spec = _with_background(dataset, 40)
    values = spec.background.values.copy()
    values[0, :8] = np.arange(1.0, 9.0) * 1000
    values[0, 5] = 0.0  # the first city, its sixth year
    chart.set_spec(replace(spec, log_y=True,
                           background=replace(spec.background, values=values)))
    x, y = chart.background.data()
    joined = chart.background._connect
    first = x[: np.isfinite(values[0]).sum() - 1]  # the first city's points drawn
    year = float(spec.background.years[5])
    assert year not in first.tolist()
    before = first.tolist().index(year - 1)
    assert not joined[before]  # 1994 is not joined to 1996
    assert np.allclose(y[:before + 1], np.log10(values[0, :before + 1][
        np.isfinite(values[0, :before + 1])]))
