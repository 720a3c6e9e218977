"""The Ranking tab's legend (Shenyang / Peers / Peer median) covers no bar and no value label:
pinned bottom-right it hid bar ends and values in a 1024x700 window. It goes to a free corner
of the plot, or beside the plot when no corner is free, and follows the window's size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from desktop.core.dataset import Dataset
from desktop.session.chart_options import ChartOptions
from desktop.session.chart_specs import RANKING, chart_spec
from desktop.session.selection import Selection
from desktop.ui.plots.ranking_chart import BAR_HEIGHT, RankingChart

from .conftest import NORTH_EAST

pytestmark = pytest.mark.ui


def _ranking(qtbot, dataset: Dataset, size: tuple[int, int], lang: str = "en"
             ) -> RankingChart:
    """GDP 2021, Shenyang and the north-east: four bars of similar length (7,826, 7,250,
    7,103 and 5,352 亿元), the case that left no corner free at 1024x700."""
    chart = RankingChart()
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.show()
    qtbot.waitExposed(chart)
    view = Selection("cn-210100", NORTH_EAST, "gdp")
    chart.set_spec(chart_spec(dataset, view, ChartOptions(year=2021), RANKING, lang).spec)
    qtbot.wait(50)  # the layout settles (the legend's column, the axes) and paints
    return chart


def _drawn(chart: RankingChart) -> list[tuple[str, QRectF]]:
    """Each bar and each value label on screen (scene pixels), measured from the bar item's
    data and the labels as painted."""
    view = chart.plot_item.vb
    opts = chart.bars.opts
    shapes = []
    for y, value in zip(opts["y"], opts["width"], strict=True):
        data = QRectF(min(0.0, value), y - BAR_HEIGHT / 2, abs(value), BAR_HEIGHT)
        shapes.append((f"bar {value:,.2f}", view.mapViewToScene(data).boundingRect()))
    labels = [label for label in chart.value_labels if label.isVisible()]
    labels.append(chart.median_line.label)
    for label in labels:
        shapes.append((f"label {label.toPlainText()!r}", label.sceneBoundingRect()))
    return shapes


@pytest.mark.parametrize("size", [(740, 260), (600, 300), (1300, 520)])
def test_the_legend_covers_no_bar_and_no_label(qtbot, dataset: Dataset, size) -> None:
    chart = _ranking(qtbot, dataset, size)
    legend = chart.legend.sceneBoundingRect()
    assert legend.width() > 40 and legend.height() > 40  # three entries, drawn
    for name, rect in _drawn(chart):
        assert not legend.intersects(rect), f"the legend covers {name} at {size}"
    # nothing cut off: the legend is inside the plot widget, each value label in the plot
    assert QRectF(chart.plot_widget.viewport().rect()).contains(legend), legend
    view = chart.plot_item.vb.sceneBoundingRect()
    for name, rect in _drawn(chart):
        if name.startswith("label"):
            assert rect.right() <= view.right() + 1, f"{name} runs past the plot at {size}"
    labels = [label.text for _sample, label in chart.legend.items]
    assert labels == ["Shenyang", "Peers", "Peer median"]


def test_the_legend_moves_beside_the_plot_and_back(qtbot, dataset: Dataset) -> None:
    chart = _ranking(qtbot, dataset, (740, 260))
    view = chart.plot_item.vb.sceneBoundingRect()
    legend = chart.legend.sceneBoundingRect()
    # no corner free in a small plot: the legend stands right of the plot, not over it
    assert chart.legend_corner is None
    assert legend.left() >= view.right() and not legend.intersects(view)
    chart.resize(1300, 520)
    qtbot.wait(50)
    # a wide plot leaves room right of Harbin's short bar: the legend goes back inside,
    # in the bottom-right corner, and the column beside the plot is gone
    assert chart.legend_corner == (1, 1)
    view = chart.plot_item.vb.sceneBoundingRect()
    assert view.contains(chart.legend.sceneBoundingRect())
    assert chart.legend_column.size().width() == 0


def test_a_chinese_legend_is_placed_as_well(qtbot, dataset: Dataset) -> None:
    chart = _ranking(qtbot, dataset, (740, 260), lang="zh")
    legend = chart.legend.sceneBoundingRect()
    assert [label.text for _s, label in chart.legend.items][::2] == ["沈阳市", "同类中位数"]
    for name, rect in _drawn(chart):
        assert not legend.intersects(rect), name
