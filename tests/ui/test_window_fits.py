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


def test_a_short_note_takes_only_its_own_height(window: MainWindow, qtbot) -> None:
    chart = window.chart
    area = chart.notes_area
    chart.notes.setText("ⓘ one line")
    chart.source.setText("")
    qtbot.wait(20)
    assert area.height() <= 2 * area.fontMetrics().lineSpacing() + 8
