"""The toolbar's year rule and currency apply to the whole view (issue #13, parts 2 and 5)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QComboBox

from desktop.analysis.profile_table import ProfileTable
from desktop.analysis.selection_cube import LATEST_EACH

pytestmark = pytest.mark.ui

US_RUST_BELT = ("us-19820", "us-38300", "us-17460")  # Detroit, Pittsburgh, Cleveland


def choose(box: QComboBox, data: object) -> None:
    """Pick an item as the user does (activated, which the controller listens to)."""
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)
    box.activated.emit(index)


def cell(table: ProfileTable, indicator_id: str, key: str, city_id: str | None = None):
    column = next(i for i, c in enumerate(table.columns)
                  if c.key == key and c.city_id == city_id)
    return table.rows[table.indicator_ids.index(indicator_id)][column]


def test_each_citys_latest_year_is_in_the_box_and_changes_the_table(window) -> None:
    box = window.year_box
    assert box.itemText(1) == "Each city's latest" and box.itemData(1) == LATEST_EACH
    model = window.profile_view.profile_model
    shared = model.table
    choose(box, LATEST_EACH)
    assert window.controller.state.year == LATEST_EACH
    latest = model.table
    assert latest is not shared
    # some row now compares cities' values of different years, and says so
    mixed = [i for i in latest.indicator_ids
             if "different years" in cell(latest, i, "indicator").tooltip]
    assert mixed
    row = latest.rows[latest.indicator_ids.index(mixed[0])]
    assert any(c.other_year for c in row)
    choose(box, None)
    assert not any("different years" in cell(model.table, i, "indicator").tooltip
                   for i in model.table.indicator_ids)


def test_one_currency_for_the_table_and_the_charts(window) -> None:
    controller, box = window.controller, window.currency_box
    assert [box.itemData(i) for i in range(box.count())] == ["auto", "cny", "usd", "ppp"]
    model = window.profile_view.profile_model
    assert cell(model.table, "gdp", "unit").text == "亿元"  # automatic: yuan, Chinese only
    choose(box, "ppp")
    assert controller.state.currency == "ppp"
    assert cell(model.table, "gdp", "unit").text == "billion intl $ (PPP)"
    assert "international $" in window.chart_panel.chart.title.text()
    # the choice stays when the selection mixes countries
    controller.set_state(controller.state.with_peers(US_RUST_BELT))
    assert cell(model.table, "gdp", "unit").text == "billion intl $ (PPP)"
    choose(box, "auto")
    assert cell(model.table, "gdp", "unit").text == "billion US$"
    assert "US$" in window.chart_panel.chart.title.text()
    choose(box, "cny")
    assert cell(model.table, "gdp", "unit").text == "亿元"
    assert box.currentData() == "cny"


def test_the_currency_box_follows_the_state(window) -> None:
    """A project opened with a currency shows it in the box (one source of truth)."""
    controller = window.controller
    controller.set_state(controller.state.with_currency("usd"))
    assert window.currency_box.currentData() == "usd"
    assert cell(window.profile_view.profile_model.table, "gdp", "unit").text == "billion US$"


def test_the_report_dialog_starts_from_the_views_currency(window) -> None:
    from desktop.analysis.currency import CHOICES
    from desktop.report.build import build_report
    from desktop.report.model import CURRENCIES, ReportOptions, TableBlock

    assert CURRENCIES == CHOICES  # the report's light copy of the choices
    controller = window.controller
    choose(window.currency_box, "ppp")
    controller.open_report()
    dialog = controller.report_dialog
    try:
        assert dialog.currency_box.currentData() == "ppp"
        options = dialog.options()
    finally:
        dialog.close()
    assert options.currency == "ppp"
    assert ReportOptions.from_json(options.to_json()).currency == "ppp"
    document = build_report(controller.dataset, replace(options, indicator_ids=("gdp",)))
    cells = [c for b in document.blocks if isinstance(b, TableBlock) for r in b.rows
             for c in r.cells]
    assert any("intl $ (PPP)" in c for c in cells)
    assert not any("亿元" in c for c in cells)
