"""Index mode's base year defaults to the data (issue 15 item 4): it said "1960 = 100" where the
cities' values start in 1990, and measured every city from its own first year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.analysis.charts import over_time_spec
from desktop.core.dataset import Dataset

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")


def test_the_automatic_base_is_the_first_year_of_the_cities_data(dataset: Dataset) -> None:
    spec = over_time_spec(dataset, "cn-210100", NORTH_EAST, "gdp", mode="indexed")
    assert spec.base_year == min(int(s.years[0]) for s in spec.series) == 1990


def test_the_window_index_starts_on_auto(window: MainWindow, qtbot) -> None:
    panel = window.chart_panel
    panel.mode_box.setCurrentIndex(panel.mode_box.findData("indexed"))
    qtbot.wait(20)
    assert panel.base_year_box.text() == "Auto"
    assert panel.options.base_year is None
    assert "1960" not in window.chart.spec.y_label
