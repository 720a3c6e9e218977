"""How the window takes a new selection (issue 4 item 6): the table is updated in place when its
size stays, columns are fitted from the table's strings, hidden chart tabs are drawn when shown,
unchanged curves and peer lists are left alone. What is shown stays what the full redraw shows.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from desktop.analysis.ranking import ranking_spec
from desktop.analysis.scatter import scatter_spec
from desktop.core.dataset import Dataset
from desktop.ui.main_window import MainWindow
from desktop.ui.models.profile_model import INDICATOR_ROLE
from desktop.ui.plots.chart_panel import MULTIPLES, OVER_TIME, RANKING, SCATTER, STRUCTURE

pytestmark = pytest.mark.ui

NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")


def set_state(window: MainWindow, **change: object) -> None:
    controller = window.controller
    state = controller.state
    if "focus" in change:
        state = state.with_focus(change["focus"])
    if "peers" in change:
        state = state.with_peers(tuple(change["peers"]))
    if "year" in change:
        state = state.with_year(change["year"])
    if "indicator" in change:
        state = state.with_indicator(change["indicator"])
    controller.set_state(state)


def texts(window: MainWindow) -> list[list[str]]:
    model = window.profile_view.proxy
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_same_size_table_is_updated_in_place(window: MainWindow, qtbot) -> None:
    model = window.profile_view.profile_model
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda *args: changes.append(args))
    before = texts(window)
    set_state(window, year=2016)
    assert not resets and changes  # dataChanged, no reset
    after = texts(window)
    assert after != before
    # every row of the columns that changed, and only those: the indicator and unit
    # columns stay as they were and are not repainted
    reported = set()
    for top_left, bottom_right, *_ in changes:
        assert (top_left.row(), bottom_right.row()) == (0, model.rowCount() - 1)
        reported |= set(range(top_left.column(), bottom_right.column() + 1))
    differ = {c for c in range(model.columnCount())
              if [row[c] for row in before] != [row[c] for row in after]}
    assert differ <= reported
    assert {0, 1}.isdisjoint(reported)
    gdp = next(row for row in after if row[0] == "GDP (current prices)")
    assert gdp[2:4] == ["2016", "5,546.45"]


def test_a_new_year_makes_the_rows_shown(window: MainWindow, qtbot) -> None:
    """A table of the same shape (another year) is drawn without making the rows out of
    view; the ones drawn show what the table says, and sorting makes them all."""
    window.resize(1200, 640)
    set_state(window, year=2016)
    qtbot.wait(10)  # painted
    view = window.profile_view
    rows = view.profile_model.table.rows
    made = sum(r is not None for r in rows._made)
    assert 0 < made < len(rows) and not rows.complete
    shown = view.proxy.index(0, 3).data()
    assert shown == rows[view.proxy.mapToSource(view.proxy.index(0, 3)).row()][3].text
    view._sort_by(view.profile_model.table.focus_column)
    assert rows.complete


def test_an_update_writes_the_sentences_of_the_rows_shown(window: MainWindow, qtbot) -> None:
    """A row's plain-language sentence is written when the view first shows or sorts it,
    not for every row on each change (in place or not)."""
    from desktop.analysis import profile_table
    from desktop.analysis.profile_table import SentenceCell

    profile_table._VALUE_CELLS.clear()  # cells other tests' windows read

    def written() -> tuple[int, int]:
        cells = [c for row in window.profile_view.profile_model.table.rows for c in row
                 if isinstance(c, SentenceCell)]
        return sum(c._written for c in cells), len(cells)

    window.resize(1200, 640)  # a third of the rows in view
    for change in ({"year": 2016}, {"peers": NORTH_EAST[:2]}, {"focus": "cn-230100"}):
        set_state(window, **change)
        qtbot.wait(10)  # painted
        done, count = written()
        assert 0 < done < count
    view = window.profile_view
    view._sort_by(view.profile_model.table.column_index("sentence"))  # sorting reads them all
    assert written()[0] == written()[1]
    rows = texts(window)
    sentences = [r[-1] for r in rows if r[-1] != "—"]
    assert sentences == sorted(sentences, reverse=True) or sentences == sorted(sentences)


def test_tooltips_follow_an_in_place_update(window: MainWindow) -> None:
    """Columns whose drawn cells stay are not repainted, but their tooltips (the indicator's
    sentence against the peer median) are the new year's."""
    proxy = window.profile_view.proxy
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data(INDICATOR_ROLE) == "gdp")

    def sentence() -> str:
        return proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole).split("\n")[0]

    before = sentence()
    set_state(window, year=2016)
    assert sentence() != before
    assert "91%" in sentence()


def test_in_place_update_keeps_the_sort_and_the_selected_indicator(window: MainWindow) -> None:
    view = window.profile_view
    focus = view.profile_model.table.focus_column
    view._sort_by(focus)  # descending by the focus city's value
    set_state(window, indicator="average_wage")
    selected = view.currentIndex().data(INDICATOR_ROLE)
    assert selected == "average_wage"
    set_state(window, year=2016)
    assert view.horizontalHeader().sortIndicatorSection() == focus
    assert view.currentIndex().data(INDICATOR_ROLE) == "average_wage"
    assert view.selectionModel().isRowSelected(view.currentIndex().row())
    # still sorted by the focus column, largest first, on the new year's values
    proxy = view.proxy
    keys = [proxy.index(r, focus).data(Qt.ItemDataRole.UserRole + 1)
            for r in range(proxy.rowCount())]
    assert keys == sorted(keys, reverse=True)


def test_another_number_of_peers_resets_and_keeps_the_sorted_column(
        window: MainWindow) -> None:
    model = window.profile_view.profile_model
    view = window.profile_view
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    reference = texts(window)
    rank = model.table.column_index("rank")
    view._sort_by(rank)  # sorted by the focus city's rank, best first
    set_state(window, peers=NORTH_EAST[:2])
    assert resets
    assert view.proxy.columnCount() == model.columnCount() == len(reference[0]) - 1
    assert [c.city_id for c in model.table.columns if c.city_id] == [
        "cn-210100", "cn-210200", "cn-230100"]
    heads = [view.proxy.headerData(c, Qt.Orientation.Horizontal)
             for c in range(view.proxy.columnCount())]
    assert heads[3:7] == ["Shenyang", "Dalian", "Harbin", "Peer median"]
    # still sorted by the rank, now one column to the left
    assert view.horizontalHeader().sortIndicatorSection() == rank - 1
    assert view.proxy.sortColumn() == rank - 1
    set_state(window, peers=NORTH_EAST)
    assert view.proxy.sortColumn() == rank
    assert sorted(texts(window)) == sorted(reference)  # the same table again
    view._sort_by(rank)  # the rank column, clicked again: now ascending
    assert view.proxy.sortOrder() == Qt.SortOrder.AscendingOrder
    assert view.horizontalHeader().sortIndicatorSection() == rank
    view._sort_by(model.table.column_index("city", None) + 2)  # by Harbin's values
    set_state(window, peers=(NORTH_EAST[0], NORTH_EAST[2]))  # Harbin dropped: unsorted
    assert view.proxy.sortColumn() == -1
    assert not view.horizontalHeader().isSortIndicatorShown()


def test_columns_fit_as_qt_would_fit_them(window: MainWindow) -> None:
    view = window.profile_view
    header = view.horizontalHeader()
    # (the last ones meet columns fitted before: a city's values under other peers, and
    # Shenyang's 2016 values as a peer's column, then in the focus city's bold type)
    for state in ({}, {"year": 2016}, {"focus": "cn-230100"},
                  {"peers": ("cn-210100", "cn-210200")}, {"focus": "cn-210100"},
                  {"peers": NORTH_EAST[:2]}, {"year": None}):
        set_state(window, **state)
        view.fit_columns()
        ours = [header.sectionSize(c) for c in range(header.count())]
        view.resizeColumnsToContents()
        theirs = [header.sectionSize(c) for c in range(header.count())]
        keys = [c.key for c in view.profile_model.table.columns]
        assert [w for w, k in zip(ours, keys, strict=True) if k != "sentence"] == [
            w for w, k in zip(theirs, keys, strict=True) if k != "sentence"]


def test_year_change_leaves_the_over_time_chart_alone(window: MainWindow,
                                                      dataset: Dataset) -> None:
    panel = window.chart_panel
    assert panel.tabs.currentIndex() == OVER_TIME
    spec = window.chart.spec
    set_state(window, year=2016)
    assert window.chart.spec is spec  # nothing on it depends on the comparison year
    panel.tabs.setCurrentIndex(RANKING)  # the ranking, drawn when shown, has the new year
    assert panel.ranking.spec.year == 2016
    expected = ranking_spec(dataset, "cn-210100", NORTH_EAST, "gdp", 2016)
    assert [b.label for b in panel.ranking.spec.bars] == [b.label for b in expected.bars]


def test_latest_shared_in_the_toolbar_brings_the_charts_back_to_the_latest_year(
        window: MainWindow, dataset: Dataset) -> None:
    panel = window.chart_panel
    panel.tabs.setCurrentIndex(RANKING)
    latest = panel.ranking.spec.year
    toolbar = window.year_box
    toolbar.activated.emit(toolbar.findData(2016))  # as when chosen in the list
    assert window.controller.state.year == 2016 and panel.ranking.spec.year == 2016
    toolbar.activated.emit(0)  # "Latest shared"
    assert window.controller.state.year is None
    assert panel.ranking.spec.year == latest == 2021
    assert panel.year_box.currentIndex() == 0  # the chart panel's box says so too
    panel.tabs.setCurrentIndex(SCATTER)
    assert panel.scatter.spec.year == scatter_spec(
        dataset, "cn-210100", NORTH_EAST, "gdp_per_capita", "gdp_real_growth").year


def test_hidden_tabs_are_current_when_shown(window: MainWindow) -> None:
    panel = window.chart_panel
    panel.tabs.setCurrentIndex(MULTIPLES)
    panel.tabs.setCurrentIndex(OVER_TIME)
    multiples = panel.multiples.spec
    set_state(window, focus="cn-230100")
    set_state(window, indicator="average_wage")
    assert panel.multiples.spec is multiples  # hidden: not redrawn on each change
    assert window.chart.spec.series[0].city_id == "cn-230100"
    panel.tabs.setCurrentIndex(MULTIPLES)
    assert panel.multiples.spec is not multiples
    assert panel.multiples.spec.panels[0].indicator_id == "average_wage"
    assert panel.multiples.spec.focus_id == "cn-230100"
    panel.tabs.setCurrentIndex(STRUCTURE)
    assert panel.structure.spec.focus_id == "cn-230100"


def test_unchanged_lines_keep_their_paths(window: MainWindow) -> None:
    """A peer added at the end: the four cities already drawn keep their paths (built once
    per change of values), the new one is drawn after them."""
    chart = window.chart
    kept = [line.path for line in chart.curves]
    set_state(window, peers=(*NORTH_EAST, "cn-110100"))  # one peer added at the end
    assert all(line.path is path for line, path in zip(chart.curves, kept, strict=False))
    labels = [s.label for s in chart.spec.series]
    assert labels == ["Shenyang", "Dalian", "Harbin", "Changchun", "Beijing"]
    for line, series in zip(chart.curves, chart.spec.series, strict=True):
        x, _ = line.data()
        assert list(x) == list(series.years)
    assert len(chart.layer.lines) == 5


def test_peer_list_is_not_rebuilt_when_the_peers_stay(window: MainWindow) -> None:
    picker = window.peer_picker
    first = picker.peer_list.item(0)
    set_state(window, indicator="average_wage")
    set_state(window, year=2016)
    assert picker.peer_list.item(0) is first
    set_state(window, peers=NORTH_EAST[1:])
    assert [picker.peer_list.item(i).data(Qt.ItemDataRole.UserRole + 10)
            for i in range(picker.peer_list.count())] == list(NORTH_EAST[1:])


def test_another_focus_from_among_the_peers_moves_their_lines(window: MainWindow) -> None:
    from desktop.ui.plots.line_chart import FOCUS_COLOR, PEER_COLORS

    chart = window.chart
    paths = {s.city_id: line.path for s, line in zip(chart.spec.series, chart.curves,
                                                     strict=True)}
    set_state(window, focus="cn-230100")  # Harbin, one of the peers
    assert [s.city_id for s in chart.spec.series] == ["cn-230100", "cn-210200", "cn-220100"]
    # the same values keep their paths, whatever their new colour and role
    assert [line.path for line in chart.curves] == [
        paths["cn-230100"], paths["cn-210200"], paths["cn-220100"]]
    colors = [line.color.name() for line in chart.curves]
    assert colors == [FOCUS_COLOR.name(), PEER_COLORS[0].name(), PEER_COLORS[1].name()]
    assert [label.text for _, label in chart.legend.items][:3] == ["Harbin", "Dalian",
                                                                   "Changchun"]
    # drawn bottom to top: the peers in their order, the focus city last, over them
    assert [line.city_id for line in chart.layer.lines] == ["cn-210200", "cn-220100",
                                                            "cn-230100"]
    for line, series in zip(chart.curves, chart.spec.series, strict=True):
        x, y = line.data()
        assert list(x) == list(series.years)
        assert list(y) == pytest.approx(list(series.values), nan_ok=True)
    assert chart.curves[0].marker_size > 0 and chart.curves[1].marker_size == 0
    assert chart.curves[0].width > chart.curves[1].width
    set_state(window, peers=("cn-220100",))  # Dalian dropped: no longer drawn
    assert [line.city_id for line in chart.layer.lines] == ["cn-220100", "cn-230100"]
    set_state(window, peers=("cn-220100", "cn-210200"))  # and back, after Changchun
    assert chart.curves[2].city_id == "cn-210200"
    assert chart.curves[2].color.name() == PEER_COLORS[1].name()
    set_state(window, peers=("cn-210100", "cn-220100"))  # Shenyang back, now as a peer
    assert chart.curves[1].city_id == "cn-210100" and chart.curves[1].marker_size == 0
    assert chart.curves[1].width == 2.0


def test_band_is_kept_when_the_peers_stay(window: MainWindow) -> None:
    chart = window.chart
    before = chart.layer.band
    set_state(window, focus="cn-110100")  # Beijing, not a peer: the same three peers
    assert chart.layer.band is before  # its fill path not built again
    _, median = before.median.data()
    assert list(median) == list(chart.spec.band.median)
    set_state(window, peers=NORTH_EAST[:2])
    assert chart.layer.band is not before
    _, median = chart.layer.band.median.data()
    assert list(median) == list(chart.spec.band.median)
    band = chart.spec.band  # the fill between the quartiles
    bounds = chart.layer.band.fill.boundingRect()
    assert bounds.top() == pytest.approx(float(np.nanmin(band.q1)))
    assert bounds.bottom() == pytest.approx(float(np.nanmax(band.q3)))
    assert bounds.left() == band.years[0] and bounds.right() == band.years[-1]


def test_model_stays_consistent_through_changes(window: MainWindow, qtmodeltester) -> None:
    model = window.profile_view.profile_model
    qtmodeltester.check(model)  # and watches the changes below
    for change in ({"year": 2016}, {"peers": NORTH_EAST[:1]}, {"focus": "cn-210200"},
                   {"peers": (*NORTH_EAST, "cn-110100")}, {"year": None},
                   {"peers": ("us-35620",)}):
        set_state(window, **change)
        qtmodeltester.check(model)
        assert window.profile_view.proxy.columnCount() == model.columnCount()


def test_the_table_skips_text_shaping_and_still_follows_the_window_font(
        window: MainWindow) -> None:
    """The table's text is drawn unshaped (a sixth of its repaint), which changes nothing
    else: the font still follows the window's, and every value column fits its widest text
    measured in that font."""
    view = window.profile_view
    assert view.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    larger = QFont(window.font())
    larger.setPointSizeF(larger.pointSizeF() + 3)
    window.setFont(larger)
    assert view.font().pointSizeF() == larger.pointSizeF()
    assert view.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    set_state(window, year=2016)  # same shape: widths kept
    set_state(window, peers=NORTH_EAST[:2])  # another shape: fitted again
    metrics = QFontMetrics(view.font())
    proxy = view.proxy
    for column in range(proxy.columnCount()):  # the values (labels may be elided)
        if view.profile_model.table.columns[column].key in ("indicator", "unit", "sentence"):
            continue
        widest = max(metrics.horizontalAdvance(proxy.index(r, column).data())
                     for r in range(proxy.rowCount()))
        assert widest <= view.columnWidth(column)


def test_more_peers_add_no_items_to_the_chart(window: MainWindow) -> None:
    """Every city's line, the band and the lone markers are one item drawn in one paint:
    a chart of ten cities is as many scene items as one of four (each item costs the
    scene's bounds bookkeeping and a paint call on every change)."""
    chart = window.chart
    before = len(chart.plot_widget.scene().items())
    set_state(window, peers=(*NORTH_EAST, "cn-110100", "cn-330100", "cn-440300"))
    assert len(chart.curves) == 7
    assert len(chart.plot_widget.scene().items()) == before


def test_a_column_met_again_in_bold_is_fitted_in_bold(window: MainWindow) -> None:
    """Column widths are remembered by the column's texts and type: the same long values
    shown as a peer's column and then as the focus city's (bold) column fit each time."""
    from dataclasses import replace

    from desktop.analysis.profile_table import TableCell

    view = window.profile_view
    header = view.horizontalHeader()
    table = view.profile_model.table
    focus, peer = table.focus_column, table.focus_column + 1
    long_values = [TableCell(f"{n:,}888,888,888.88", float(n)) for n in range(len(table.rows))]

    def with_column(column: int):
        rows = tuple((*row[:column], cell, *row[column + 1:])
                     for row, cell in zip(table.rows, long_values, strict=True))
        return replace(table, rows=rows)

    for column in (peer, focus, peer):
        model = view.profile_model
        model.set_table(with_column(column), list(model._headers), list(model._header_tips))
        view.fit_columns()
        ours = header.sectionSize(column)
        view.resizeColumnsToContents()
        assert ours == header.sectionSize(column)
