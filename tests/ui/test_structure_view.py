"""The Structure tab: location quotients, shift-share and time distance as the analysis says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.analysis.structure import SECTORS, location_quotients, shift_share
from desktop.analysis.time_distance import time_distance
from desktop.core.dataset import Dataset
from desktop.ui.plots.chart_panel import STRUCTURE, ChartPanel
from desktop.ui.plots.structure_view import HIGHLIGHT, StructureView

pytestmark = pytest.mark.ui

FOCUS = "cn-210100"  # Shenyang
PEERS = ("cn-210200", "cn-230100", "cn-220100")  # Dalian, Harbin, Changchun
US_METRO = "us-10420"


def structure_tab(window) -> StructureView:
    panel = window.chart_panel
    panel.tabs.setCurrentIndex(STRUCTURE)
    assert panel.current is panel.structure
    assert panel.tabs.tabText(STRUCTURE) == "Structure"
    return panel.structure


def structure_panel(qtbot, dataset: Dataset, peers: tuple[str, ...], indicator: str,
                    year: int | None, lang: str) -> StructureView:
    """The Structure tab of a chart panel showing Shenyang beside `peers`: the view only
    draws the specs the panel gives it."""
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.tabs.setCurrentIndex(STRUCTURE)
    panel.set_selection(dataset, FOCUS, peers, indicator, year, lang)
    return panel.structure


@pytest.mark.parametrize("basis", ["gdp", "employment"])
def test_lq_table_matches_the_analysis(window, dataset: Dataset, basis: str) -> None:
    view = structure_tab(window)
    view.basis_box.setCurrentIndex(view.basis_box.findData(basis))
    year = view.lq_year
    assert year is not None
    table = view.lq_table
    assert table.isVisibleTo(view) and not view.lq_message.isVisibleTo(view)
    assert table.rowCount() == 1 + len(PEERS)
    assert table.verticalHeaderItem(0).text() == "Shenyang"
    expected = location_quotients(dataset, FOCUS, year, basis)
    for c, sector in enumerate(SECTORS):
        item = table.item(0, c)
        lq = expected.lq(sector)
        assert item.data(Qt.ItemDataRole.UserRole) == pytest.approx(lq)
        assert item.text() == f"{lq:.2f}"
        shaded = item.background().color() == HIGHLIGHT
        assert shaded == (lq > 1)
    # Dalian's row, too
    dalian = location_quotients(dataset, PEERS[0], year, basis)
    assert table.item(1, 2).data(Qt.ItemDataRole.UserRole) == pytest.approx(dalian.lq("tertiary"))
    assert "Reference: all Chinese prefecture-level cities" in view.lq_notes.text()
    if basis == "employment":
        assert "employees on payroll" in view.lq_notes.text()


def test_shift_share_adds_up_to_the_change(window, dataset: Dataset) -> None:
    view = structure_tab(window)
    start, end = view.start_box.value(), view.end_box.value()
    assert end - start == 10
    result = view.shift
    assert result is not None
    expected = shift_share(dataset, FOCUS, start, end)
    total = result.total
    assert total.change == pytest.approx(expected.total.change)
    # the decomposition adds up to the change in the focus city's value added
    assert total.growth_effect + total.mix_effect + total.competitive_effect == pytest.approx(
        total.change)
    table = view.shift_table
    assert table.rowCount() == 4 and table.verticalHeaderItem(3).text() == "Total"
    row = [table.item(3, c).data(Qt.ItemDataRole.UserRole) for c in range(6)]
    assert row[2] == pytest.approx(row[1] - row[0])
    assert row[3] + row[4] + row[5] == pytest.approx(row[2])
    assert table.item(3, 2).text()[0] in "+\u2212"
    # Shenyang's value added includes Liaoning's 2016 restatement: the note says so
    if start < 2016 <= end:
        assert "Series break in 2016" in view.shift_notes.text()
    # new years recompute
    view.start_box.setValue(end - 3)
    assert view.shift.start_year == end - 3
    assert "Series break" not in view.shift_notes.text() or end - 3 < 2016


def test_time_distance_sentence_names_the_peer(window, dataset: Dataset) -> None:
    window.chart_panel.set_selection(dataset, FOCUS, PEERS[:1], "gdp_per_capita", 2008, "en")
    view = structure_tab(window)
    assert view.target_year_box.value() == 2008
    expected = time_distance(dataset, FOCUS, PEERS[0], "gdp_per_capita", 2008)
    assert view.sentences == [expected.sentence_en]
    assert "Dalian" in view.sentences[0] and "Dalian" in view.distance_text.text()
    assert expected.sentence_en == ("Shenyang reached Dalian's 2008 GDP per capita in 2011, "
                                    "3 years later.")


def test_time_distance_in_chinese(qtbot, dataset: Dataset) -> None:
    view = structure_panel(qtbot, dataset, PEERS[:1], "gdp_per_capita", 2008, "zh")
    assert "大连" in view.sentences[0] and "2011" in view.sentences[0]


def test_us_metro_shows_no_sector_data(window, dataset: Dataset) -> None:
    view = structure_tab(window)
    indicator = next(i for i in dataset.indicators_of(US_METRO))
    window.chart_panel.set_selection(dataset, US_METRO, (), indicator, None, "en")
    assert view.lq_message.isVisibleTo(view)
    assert "No sector data" in view.lq_message.text()
    assert not view.lq_table.isVisibleTo(view)
    assert view.shift_message.isVisibleTo(view)
    assert "No sector data" in view.shift_message.text()
    assert view.shift is None


@pytest.mark.parametrize(("style", "lang", "factor", "decimals", "unit"), [
    ("chinese", "en", 1e8, 1, "亿元"),
    ("international", "en", 1e9, 2, "bn yuan"),
    ("international", "zh", 1e9, 2, "十亿元"),
])
def test_shift_share_amounts_follow_the_number_style(qtbot, dataset: Dataset, style: str,
                                                     lang: str, factor: float, decimals: int,
                                                     unit: str) -> None:
    styled = dataset.with_number_style(style)
    assert styled.indicator("va_primary").display.factor == factor
    view = structure_panel(qtbot, styled, PEERS, "gdp", None, lang)
    table, result = view.shift_table, view.shift
    assert result is not None
    # the caption names the scale (the view has no translator here: English words)
    assert f", {unit} (nominal)" in view.shift_caption.text()
    total = result.total
    assert table.item(3, 0).text() == f"{total.start_value / factor:,.{decimals}f}"
    assert table.item(3, 1).text() == f"{total.end_value / factor:,.{decimals}f}"
    change = f"{total.change / factor:+,.{decimals}f}".replace("-", "\u2212")
    assert table.item(3, 2).text() == change
    assert table.item(3, 2).data(Qt.ItemDataRole.UserRole) == pytest.approx(total.change)


def test_chosen_years_survive_a_number_style_switch(window, dataset: Dataset) -> None:
    """Preferences > Numbers rewrites the amounts; the years the user chose stay."""
    view = structure_tab(window)
    view.start_box.setValue(2005)
    view.end_box.setValue(2012)
    view.target_year_box.setValue(2008)
    assert view.shift is not None and view.shift.start_year == 2005
    projects = window.project_controller
    projects.apply_settings({"number_style": "international"})
    try:
        assert (view.start_box.value(), view.end_box.value()) == (2005, 2012)
        assert view.target_year_box.value() == 2008
        assert view.shift is not None and (view.shift.start_year, view.shift.end_year) == (
            2005, 2012)
        assert "Shenyang by sector, 2005–2012, bn yuan" in view.shift_caption.text()
        assert view.distances and view.distances[0].target_year == 2008
    finally:
        projects.apply_settings({"number_style": "chinese"})
    assert (view.start_box.value(), view.end_box.value()) == (2005, 2012)
    assert "2005–2012, 亿元" in view.shift_caption.text()
    assert not projects.dirty  # a preference, not a change to the comparison


def test_a_new_focus_city_gets_its_own_default_years(window, dataset: Dataset) -> None:
    view = structure_tab(window)
    view.start_box.setValue(2005)
    window.chart_panel.set_selection(window.controller.dataset, "cn-210200", (), "gdp")
    assert view.end_box.value() - view.start_box.value() == 10
