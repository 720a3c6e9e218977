"""The toolbar's Prices box: one choice of current or constant prices for the whole view
(issue #13 item 2): the table's number, the chart's axis and the report follow it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from desktop.analysis.profile_table import ProfileTable

pytestmark = pytest.mark.ui


def choose(box: QComboBox, data: object) -> None:
    """Pick an item as the user does (activated, which the controller listens to)."""
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)
    box.activated.emit(index)


def gdp_cell(table: ProfileTable, key: str, city_id: str | None = None):
    column = next(i for i, c in enumerate(table.columns)
                  if c.key == key and c.city_id == city_id)
    return table.rows[table.indicator_ids.index("gdp")][column]


def test_switching_prices_changes_the_table_value_and_the_axis_label(window) -> None:
    controller, box = window.controller, window.prices_box
    assert [box.itemData(i) for i in range(3)] == ["current", "constant", "constant:2022"]
    assert box.findData("constant:2000") >= 0 and box.findData("constant:1999") < 0
    model, chart = window.profile_view.profile_model, window.chart_panel.chart
    choose(window.year_box, 2010)
    current = gdp_cell(model.table, "city", "cn-210100").sort_value
    assert chart.spec.y_label == "GDP (current prices) (亿元)"
    choose(box, "constant:2019")
    assert controller.state.prices == "constant:2019"
    constant = gdp_cell(model.table, "city", "cn-210100").sort_value
    # 2010 yuan at 2019 prices: China's GDP deflator rose by about 26 % in between
    assert constant == pytest.approx(current * 99.51 / 78.67, rel=1e-3)
    label = "GDP, constant 2019 prices (national GDP deflator)"
    assert gdp_cell(model.table, "indicator").text == label
    assert chart.spec.y_label == f"{label} (亿元)"
    # the chart names the prices: in its title, and on its axis where the plot is tall
    # enough for the whole (else the axis gives the unit alone)
    assert chart.title.text().startswith(label)
    assert chart.plot_item.getAxis("left").labelText in (chart.spec.y_label, "亿元")
    choose(box, "current")
    assert gdp_cell(model.table, "city", "cn-210100").sort_value == current
    assert chart.spec.y_label == "GDP (current prices) (亿元)"


def test_the_prices_box_follows_the_state_and_the_report_starts_from_it(window) -> None:
    controller = window.controller
    controller.set_state(controller.state.with_prices("constant"))
    assert window.prices_box.currentData() == "constant"
    controller.open_report()
    try:
        options = controller.report_dialog.options()
    finally:
        controller.report_dialog.close()
    assert options.prices == "constant"


def test_a_base_year_the_data_cannot_serve_falls_back_to_current_and_says_so(window) -> None:
    controller = window.controller
    controller.set_state(controller.state.with_prices("constant:1950"))
    assert controller.state.prices == "current"
    assert window.prices_box.currentData() == "current"
    assert "1950" in window.statusBar().currentMessage()
