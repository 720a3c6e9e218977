"""Screen and paper draw a chart with the same code: the report's line chart is the window's
LinePlot in the paper style, the report's bar chart the Ranking tab's RankingPlot."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSize

from desktop.analysis.chart_spec import line_chart_spec
from desktop.core.dataset import Dataset
from desktop.report.build import build_report
from desktop.report.model import ChartBlock, ReportOptions
from desktop.report.palette import series_colors
from desktop.ui.plots.chart_style import PAPER, SCREEN
from desktop.ui.plots.line_chart import LineChart
from desktop.ui.report_charts import ChartRenderer

pytestmark = pytest.mark.ui

SHENYANG = "cn-210100"
NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")  # Dalian, Harbin, Changchun


@pytest.fixture
def renderer(qtbot):
    renderer = ChartRenderer()
    yield renderer
    renderer.close()


def test_report_lines_are_the_windows_lines_in_paper_style(qtbot, dataset: Dataset,
                                                           renderer: ChartRenderer) -> None:
    spec = line_chart_spec(dataset, SHENYANG, NORTH_EAST, "population_registered")
    block = ChartBlock(chart_id="line-pop", kind="line", spec=spec, title="", unit="",
                       legend=(), notes=(), source="", break_label="series break")
    renderer.render_image(block, QSize(640, 360), scale=1.0)
    window = LineChart()
    qtbot.addWidget(window)
    window.set_spec(spec)
    paper, screen = renderer._lines.curves, window.curves
    assert len(paper) == len(screen) == 4
    for on_paper, on_screen in zip(paper, screen, strict=True):
        assert np.array_equal(on_paper.data()[1], on_screen.data()[1], equal_nan=True)
        assert on_paper.color == on_screen.color
    # what paper does differently: thinner lines, every peer value marked, the breaks named
    assert paper[0].width == PAPER.focus_width < SCREEN.focus_width
    assert paper[1].marker_size == PAPER.peer_symbol_size > 0 and screen[1].marker_size == 0
    rules = renderer._lines.breaks.shown
    assert rules and all(rule.label.format == "series break" for rule in rules)
    assert all(getattr(rule, "label", None) is None for rule in window._break_lines)


def test_report_bars_are_the_ranking_with_each_citys_colour(dataset: Dataset,
                                                            renderer: ChartRenderer) -> None:
    options = ReportOptions(SHENYANG, NORTH_EAST, ("gdp",), 2016, chart_types=("bar",),
                            sections=("categories",))
    block = build_report(dataset, options).charts()[0]
    spec = block.spec
    values = [b.value for b in spec.bars]
    assert values == sorted(values, reverse=True)  # best at the top, as on the Ranking tab
    renderer.render_image(block, QSize(640, 220), scale=1.0)
    drawing = renderer._ranking
    assert drawing.name_axis.names == [b.label for b in spec.bars]
    shown = [label.toPlainText().strip() for label in drawing.value_labels
             if label.isVisible()]
    assert shown == [f"{v:,.{spec.decimals}f}" for v in values]
    assert drawing.median_line.isVisible()
    assert drawing.median_line.value() == pytest.approx(spec.peer_median)
    colours = dict(zip((SHENYANG, *NORTH_EAST), series_colors(4), strict=True))
    drawn = [brush.color().name() for brush in drawing.bars.opts["brushes"]]
    assert drawn == [colours[b.city_id] for b in spec.bars]
