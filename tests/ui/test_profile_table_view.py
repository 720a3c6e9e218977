"""The side-by-side table as a person scrolls and filters it (issue 15 item 4): the Indicator
column stays in view when the detail columns scroll sideways, and the highlighted row is always
the charted indicator (or none)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui.models.profile_model import INDICATOR_ROLE

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def test_the_indicator_column_stays_when_the_table_scrolls_sideways(window: MainWindow,
                                                                     qtbot) -> None:
    view = window.profile_view
    window.resize(1024, 700)
    qtbot.wait(50)
    bar = view.horizontalScrollBar()
    assert bar.maximum() > 0, "the detailed table should be wider than a 1024 px window"
    assert not view.frozen.isVisible()  # nothing to freeze before scrolling
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    frozen = view.frozen
    assert frozen.isVisible()
    assert frozen.geometry().left() <= view.frameWidth()
    assert frozen.width() >= view.columnWidth(0)
    # what the frozen column shows in its first row is the table's first indicator label
    first = frozen.indexAt(frozen.viewport().rect().topLeft() + frozen.rect().topLeft())
    assert first.isValid() and first.column() == 0
    assert first.data() == view.model().index(first.row(), 0).data()
    bar.setValue(0)
    qtbot.wait(20)
    assert not frozen.isVisible()


def test_frozen_column_scrolls_down_with_the_table(window: MainWindow, qtbot) -> None:
    view = window.profile_view
    window.resize(1024, 700)
    qtbot.wait(50)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.wait(20)
    assert view.frozen.verticalScrollBar().value() == view.verticalScrollBar().value()


def test_filtering_keeps_the_highlight_on_the_charted_indicator(window: MainWindow) -> None:
    view = window.profile_view
    assert view.currentIndex().data(INDICATOR_ROLE) == "gdp"  # the charted indicator
    window.table_filter.setText("wage")  # GDP is filtered out
    assert not view.selectionModel().selectedRows()
    assert window.chart.title.text().startswith("GDP")  # the chart did not move either
    window.table_filter.setText("GDP")  # back in view: highlighted again
    assert view.currentIndex().data(INDICATOR_ROLE) == "gdp"
    assert [i.data(INDICATOR_ROLE) for i in view.selectionModel().selectedRows()] == ["gdp"]
