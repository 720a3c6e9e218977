"""A window that fits (issue 15 item 4): a chart's notes scroll instead of growing the window
past the screen, and small multiples scroll instead of squashing their panels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui.plots.chart_panel import MULTIPLES
from desktop.ui.plots.line_chart import NOTES_LINES
from desktop.ui.plots.small_multiples import PANEL_MIN_HEIGHT

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

HANGZHOU = "cn-330100"


def _many_notes(window: MainWindow, qtbot) -> None:
    window.peer_picker.sig_peers_changed.emit(
        ("cn-210200", "cn-230100", "cn-220100", HANGZHOU), None)
    window.chart_panel.tabs.setCurrentIndex(MULTIPLES)
    qtbot.wait(50)


def test_notes_scroll_instead_of_growing_the_window(window: MainWindow, qtbot) -> None:
    _many_notes(window, qtbot)
    chart = window.chart_panel.current
    assert chart.notes.text().count("\n") > NOTES_LINES  # more notes than the area shows
    area = chart.notes_area
    assert area.height() <= area.cap()
    assert window.minimumSizeHint().height() <= 1000
    assert window.height() == 1000


def test_small_multiples_keep_readable_panels_and_scroll(window: MainWindow, qtbot) -> None:
    _many_notes(window, qtbot)
    chart = window.chart_panel.current
    heights = [cell.plot.geometry().height() for cell in chart.cells[: chart.panel_count]]
    assert min(heights) >= PANEL_MIN_HEIGHT * 0.8
    assert chart.plot_area.verticalScrollBar().maximum() > 0  # the rest is a scroll away


def test_a_short_note_takes_only_its_own_height(qtbot) -> None:
    from desktop.ui.plots.line_chart import LineChart

    chart = LineChart()
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.show()
    chart.notes.setText("ⓘ one line")
    qtbot.wait(20)
    area = chart.notes_area
    assert 0 < area.height() <= 2 * area.fontMetrics().lineSpacing() + 8


def test_the_plot_keeps_its_size_when_the_notes_get_shorter(window: MainWindow, qtbot) -> None:
    """A selection with fewer notes must not move the plot: a move repaints the whole chart
    and the window beneath it."""
    chart = window.chart
    window.indicator_list.sig_indicator_chosen.emit("gdp")  # four breaks, long notes
    qtbot.wait(20)
    height = chart.plot_widget.height()
    window.indicator_list.sig_indicator_chosen.emit("average_wage")  # fewer notes
    qtbot.wait(20)
    assert chart.plot_widget.height() == height
