"""The over-time chart keeps its parts readable (issue 15 item 4): the peer band survives a log
axis, the legend sits where it hides no data, and series breaks have one key in the legend
instead of labels printed over each other."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from desktop.analysis.charts import over_time_spec
from desktop.core.dataset import Dataset
from desktop.ui.plots.line_chart import LineChart

NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")


@pytest.fixture
def chart(shown_line_chart) -> LineChart:
    return shown_line_chart(900, 600)


def test_the_peer_band_is_drawn_on_a_log_axis(chart: LineChart, dataset: Dataset,
                                              qtbot) -> None:
    for log in (False, True, False, True):  # switching back and forth as a user does
        chart.set_spec(over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp", log_y=log))
        qtbot.wait(10)
    fill = chart.layer.band.fill.boundingRect()
    low, high = chart.plot_item.vb.viewRange()[1]
    assert low <= fill.top() and fill.bottom() <= high + 0.01  # log10 units, in view
    assert fill.height() > 0.5  # the band spans a real range of log10(亿元)


def _hidden(chart: LineChart) -> list[tuple[str, int]]:
    view = chart.plot_item.vb
    legend = chart.legend.mapRectToItem(view, chart.legend.boundingRect())
    return [(s.label, int(year)) for s in chart.spec.series
            for year, value in zip(s.years, s.values, strict=True)
            if np.isfinite(value) and legend.contains(view.mapFromView(QPointF(year, value)))]


@pytest.mark.parametrize("indicator", ["gdp", "gdp_share_secondary", "population_registered"])
def test_the_legend_hides_no_data_when_a_corner_is_free(chart: LineChart, dataset: Dataset,
                                                        qtbot, indicator: str) -> None:
    chart.set_spec(over_time_spec(dataset, "cn-210100", NORTH_EAST, indicator))
    qtbot.wait(10)
    assert _hidden(chart) == []


def test_a_falling_series_pushes_the_legend_out_of_the_top_left(chart: LineChart,
                                                                dataset: Dataset, qtbot) -> None:
    """The secondary-industry share falls from ~50% (top left) to ~33%: the old fixed
    top-left legend sat on it."""
    chart.set_spec(over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp_share_secondary"))
    qtbot.wait(10)
    chart.legend.setPos(10, 10)
    assert _hidden(chart), "the top-left corner should hold data in this chart"
    chart._place_legend(chart.spec)
    assert (chart.legend.pos().x(), chart.legend.pos().y()) != (10, 10)
    assert _hidden(chart) == []


def test_series_breaks_have_one_key_in_the_legend(chart: LineChart, dataset: Dataset) -> None:
    chart.set_spec(over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp"))
    assert len(chart._break_lines) == 4
    keys = [entry for entry in chart.legend.entries if entry.mark]
    assert [k.text for k in keys] == ["series break"]
    assert all(getattr(line, "label", None) is None for line in chart._break_lines)


def test_a_short_plot_keeps_no_legend_over_its_lines(chart: LineChart, dataset: Dataset,
                                                      qtbot) -> None:
    """At 1024x700 the chart is ~140 px tall: a six-line legend would cover the lines in every
    corner, so it stands down (the read-out names each line in its colour) and comes back
    when the window grows again."""
    chart.set_spec(over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp"))
    chart.resize(700, 330)
    qtbot.waitUntil(lambda: chart.plot_item.vb.boundingRect().height() < 200, timeout=3000)
    qtbot.wait(20)
    assert not chart.legend.isVisible() or _hidden(chart) == []
    assert "Shenyang" in chart.readout.text() and "Dalian" in chart.readout.text()
    chart.resize(900, 600)
    qtbot.waitUntil(lambda: chart.legend.isVisible(), timeout=3000)
    assert _hidden(chart) == []


def test_a_legend_met_again_is_placed_as_when_first_drawn(chart: LineChart, dataset: Dataset,
                                                          qtbot, monkeypatch) -> None:
    """The legend's trial layouts (one, two, three columns) are weighed from measured sizes:
    going back to a selection lays its entries out once, in the chosen columns, and puts
    it where it was, as it was."""
    many = ("cn-210200", "cn-230100", "cn-220100", "cn-110100", "cn-120100", "cn-130100",
            "cn-140100", "cn-130200")
    specs = [over_time_spec(dataset, "cn-210100", peers, "gdp_share_secondary")
             for peers in (NORTH_EAST, many)]
    placed = []
    for spec in specs:
        chart.set_spec(spec)
        qtbot.wait(10)
        # (its corner, columns and size; the plot may be shorter now, under taller notes)
        placed.append((chart.legend.pos().x(), chart.legend.columns,
                       chart.legend.boundingRect()))
    assert placed[0][2] != placed[1][2]  # the longer legend was measured, not reused
    assert placed[1][1] > 1  # (it tried more columns: no corner was free in one)
    chart.set_spec(specs[0])
    assert (chart.legend.pos().x(), chart.legend.columns,
            chart.legend.boundingRect()) == placed[0]
    original = type(chart.legend)._lay_out_entries
    layouts = []
    monkeypatch.setattr(type(chart.legend), "_lay_out_entries",
                        lambda self: layouts.append(self.columns) or original(self))
    chart.set_spec(specs[1])
    assert layouts == [placed[1][1]]  # once, in the chosen columns: no trials
    assert (chart.legend.pos().x(), chart.legend.columns,
            chart.legend.boundingRect()) == placed[1]


def test_a_short_plot_titles_its_value_axis_with_the_unit_alone(chart: LineChart,
                                                                dataset: Dataset,
                                                                qtbot) -> None:
    """At 1024x700 the plot is ~150 px tall: "GDP (current prices) (亿元)" ran past its top
    and was cut after "(亿". The axis then says the unit; a tall plot keeps the whole."""
    spec = over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp")
    chart.set_spec(spec)
    qtbot.wait(10)
    title = chart.plot_item.getAxis("left").labelText
    assert title == spec.y_label and "(" in title
    chart.resize(900, 330)
    qtbot.waitUntil(lambda: chart.plot_item.getAxis("left").labelText != spec.y_label)
    assert chart.plot_item.getAxis("left").labelText == spec.short_y_label != ""
    chart.resize(900, 600)
    qtbot.waitUntil(lambda: chart.plot_item.getAxis("left").labelText == spec.y_label)
