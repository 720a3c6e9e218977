"""The first window as a user sees it: Shenyang beside its north-east peers, table and chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from desktop.ui.main_window import MainWindow
from desktop.ui.models.profile_model import INDICATOR_ROLE

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

pytestmark = pytest.mark.ui


def headers(window: MainWindow) -> list[str]:
    model = window.profile_view.proxy
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def row_texts(window: MainWindow, indicator_id: str) -> list[str]:
    model = window.profile_view.proxy
    for row in range(model.rowCount()):
        if model.index(row, 0).data(INDICATOR_ROLE) == indicator_id:
            return [model.index(row, c).data() for c in range(model.columnCount())]
    raise AssertionError(f"no row for {indicator_id}")


def choose_year(window: MainWindow, year: int) -> None:
    index = window.year_box.findData(year)
    window.year_box.setCurrentIndex(index)
    window.year_box.activated.emit(index)


def test_opens_on_shenyang_beside_the_north_east_group(window: MainWindow) -> None:
    assert headers(window)[3:7] == ["Shenyang", "Dalian", "Harbin", "Changchun"]
    assert headers(window)[7:10] == ["Peer median", "Gap to median", "Rank"]
    assert "Shenyang" in window.focus_box.currentText()
    assert "沈阳市" in window.focus_box.currentText()
    peers = [window.peer_picker.peer_list.item(i).text().split(" · ")[0]
             for i in range(window.peer_picker.peer_list.count())]
    assert peers == ["Dalian", "Harbin", "Changchun"]
    assert window.peer_picker.group_box.currentData() == "north_east"


def test_gdp_row_shows_latest_shared_year_with_units(window: MainWindow) -> None:
    # CRE_Gdpct.csv line 10013: Shenyang 2021 Gdpct01 = 7249.6777 亿元
    texts = row_texts(window, "gdp")
    assert texts[:4] == ["GDP (current prices)", "亿元", "2021", "7,249.68"]


def test_choosing_2016_shows_the_restated_gdp(window: MainWindow) -> None:
    choose_year(window, 2016)
    texts = row_texts(window, "gdp")
    # Line 8457: 5546.4498; peers 2016: Dalian 6810.1998, Harbin 6101.6, Changchun 5986.4165
    assert texts[2:10] == ["2016", "5,546.45", "6,810.20", "6,101.60", "5,986.42", "6,101.60",
                           "−9.1%", "4 of 4"]
    wage = row_texts(window, "average_wage")
    assert wage[3] == "67,444"  # CRE_Eplwagct.csv line 8718, Eect13


def test_chart_draws_the_focus_city_prominently_with_its_real_series(window: MainWindow) -> None:
    chart = window.chart
    assert chart.title.text() == "GDP (current prices)"
    curves = chart.curves
    assert len(curves) == 4
    widths = [line.width for line in curves]
    assert widths[0] > max(widths[1:])
    assert chart.layer.lines[-1] is curves[0]  # drawn last: over every peer
    x, y = curves[0].data()
    assert x[0] == 1990 and 1991 not in x  # Shenyang has no 1991 GDP in the source
    assert y[np.flatnonzero(x == 2016)[0]] == pytest.approx(5546.4498)
    assert y[np.flatnonzero(x == 2015)[0]] == pytest.approx(7272.3051)
    legend_labels = [label.text for _, label in chart.legend.items]
    assert legend_labels[:4] == ["Shenyang", "Dalian", "Harbin", "Changchun"]


def test_series_break_is_marked_on_the_time_axis(window: MainWindow) -> None:
    lines = window.chart._break_lines
    # Liaoning 2016; breaks register: Harbin 1996, census cuts 2019, Changchun 2020
    assert [line.value() for line in lines] == [1995.5, 2015.5, 2018.5, 2019.5]
    assert "7,272" in window.chart.notes.text() and "5,546" in window.chart.notes.text()


def test_hover_read_out_lists_every_city_at_the_pointed_year(window: MainWindow) -> None:
    chart = window.chart
    view_box = chart.plot_item.vb
    (_, _), (y_low, y_high) = view_box.viewRange()
    target = view_box.mapViewToScene(QPointF(2016.2, (y_low + y_high) / 2))
    chart.plot_widget.scene().sigMouseMoved.emit(target)
    text = chart.readout.text()
    assert "<b>2016</b>" in text
    assert "Shenyang: 5,546.45" in text
    assert "Dalian: 6,810.20" in text
    assert chart.hover_line.value() == 2016


def test_choosing_another_group_replaces_the_peers(window: MainWindow) -> None:
    box = window.peer_picker.group_box
    index = box.findData("hot_spots")
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert headers(window)[3:7] == ["Shenyang", "Beijing", "Hangzhou", "Shenzhen"]
    assert [s.label for s in window.chart.spec.series] == [
        "Shenyang", "Beijing", "Hangzhou", "Shenzhen"]


def test_unchecking_a_peer_drops_it_everywhere(window: MainWindow) -> None:
    item = window.peer_picker.peer_list.item(1)  # Harbin
    item.setCheckState(Qt.CheckState.Unchecked)
    assert headers(window)[3:6] == ["Shenyang", "Dalian", "Changchun"]
    assert "Harbin" not in [s.label for s in window.chart.spec.series]
    assert window.peer_picker.group_box.currentData() is None  # now a custom selection


def test_changing_focus_keeps_peers_and_updates_title(window: MainWindow) -> None:
    box = window.focus_box
    index = box.findData("cn-230100")  # Harbin, which is also a peer
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert headers(window)[3:6] == ["Harbin", "Dalian", "Changchun"]
    assert "Harbin" in window.windowTitle()


def _typed(window: MainWindow, text: str) -> list[str]:
    """What the focus box's popup lists after `text` is typed, in order."""
    line = window.focus_box.lineEdit()
    line.clear()
    line.textEdited.emit(text)  # as typing does (setText alone does not emit it)
    line.setText(text)
    model = window.focus_box.completer().model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_focus_search_finds_cities_by_chinese_or_partial_names(window: MainWindow) -> None:
    for text in ("沈阳", "shenyang", "Liaoning"):
        matches = _typed(window, text)
        assert any(m.startswith("Shenyang · 沈阳市") for m in matches), (text, matches[:5])


def test_focus_search_lists_exact_and_prefix_matches_first(window: MainWindow) -> None:
    """'Hangzhou' is Hangzhou, not Changzhou (which contains it); names starting with 'hang'
    come before Shanghai and Changzhou, which only contain it."""
    assert _typed(window, "Hangzhou")[0].startswith("Hangzhou · 杭州市")
    assert any(m.startswith("Changzhou") for m in _typed(window, "Hangzhou"))
    starts = [m.lower().startswith("hang") for m in _typed(window, "hang")]
    assert starts[0] and starts == sorted(starts, reverse=True)
    assert any(m.startswith("Shanghai") for m in _typed(window, "hang"))
    assert _typed(window, "杭州")[0].startswith("Hangzhou")


def test_enter_in_the_focus_box_takes_the_best_match(window: MainWindow) -> None:
    chosen: list[str] = []
    window.focus_box.sig_city_chosen.connect(chosen.append)
    _typed(window, "Hangzhou")
    window.focus_box.lineEdit().returnPressed.emit()
    assert chosen == ["cn-330100"]
    assert "Hangzhou" in window.windowTitle()


def test_choosing_an_indicator_charts_it_and_selects_its_row(window: MainWindow) -> None:
    tree = window.indicator_list
    tree.setCurrentItem(tree._items["average_wage"])
    assert window.chart.title.text() == "Average wage of employees"
    assert window.profile_view.currentIndex().data(INDICATOR_ROLE) == "average_wage"
    assert tree._items["jobs"].isDisabled()  # a US-metro indicator none of these cities has


def test_copy_gives_tab_separated_table(window: MainWindow) -> None:
    text = window.profile_view.table_text()
    first, *rows = text.splitlines()
    assert first.split("\t")[:4] == ["Indicator", "Unit", "Year", "Shenyang"]
    assert any(r.startswith("GDP (current prices)\t亿元\t2021\t7,249.68") for r in rows)


def test_ctrl_c_in_the_table_copies_the_table(window: MainWindow, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("")
    window.activateWindow()
    window.profile_view.setFocus()
    qtbot.keyClick(window.profile_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == window.profile_view.table_text()
    assert QGuiApplication.clipboard().text().startswith("Indicator\tUnit")


def test_profile_model_passes_qt_model_checks(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(window.profile_view.profile_model)


def test_clicking_a_header_sorts_largest_first(window: MainWindow) -> None:
    view = window.profile_view
    view._sort_by(3)  # the Shenyang column
    values = [view.proxy.index(r, 3).data(view.proxy.sortRole())
              for r in range(view.proxy.rowCount())]
    finite = [v for v in values if v != float("-inf")]
    assert finite == sorted(finite, reverse=True)
