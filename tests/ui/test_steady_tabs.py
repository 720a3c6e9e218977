"""Choosing another indicator redraws the chart, not the chart panel's whole tab widget: a
longer title widens the page's minimum size, which the tab widget passes on to its parent
without laying out and repainting itself (desktop/ui/plots/steady_tabs.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.ui


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_another_indicator_does_not_repaint_the_whole_tab_widget(qtbot, window) -> None:
    tabs = window.chart_panel.tabs
    chart = window.chart_panel.chart
    for indicator in ("gdp", "average_wage", "gdp"):  # the tab's layout as a user has it
        window.indicator_list.sig_indicator_chosen.emit(indicator)
        qtbot.wait(50)
    paints = _Paints()
    tabs.installEventFilter(paints)
    narrow = tabs.currentWidget().parentWidget().minimumSizeHint().width()
    window.indicator_list.sig_indicator_chosen.emit("gdp_share_secondary")  # a longer title
    QApplication.processEvents()
    QApplication.processEvents()
    tabs.removeEventFilter(paints)
    assert "secondary" in chart.title.text().lower()
    assert tabs.currentWidget().parentWidget().minimumSizeHint().width() != narrow
    assert paints.count == 0
