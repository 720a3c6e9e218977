"""Stale values (issue #13): a value older than the comparison year shows its year, is marked,
and its tooltip says so, in the window's fast table and the report's table alike.

Hand-made: f 2016 10; a 2014 7 (nothing later); c 2016 12. Compared in 2016, a's value is
the 2014 one: "7 (2014)", marked other_year, tooltip "2014 value; the comparison year is
2016." first, then its source.
"""

from __future__ import annotations

import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.comparison import build_profile
from desktop.analysis.profile_table import build_profile_table, selection_table
from desktop.core.dataset import Dataset

ROWS = [("f", "v", 2016, 10.0), ("a", "v", 2014, 7.0), ("c", "v", 2016, 12.0)]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(ROWS, [city("f"), city("a"), city("c")], [indicator("v")])


def cells(table) -> dict[str, object]:
    """The city cells of the one row, by city id."""
    return {col.city_id: table.rows[0][i] for i, col in enumerate(table.columns) if col.city_id}


@pytest.mark.parametrize("fast", [False, True])
def test_stale_value_shows_its_year_and_says_why(dataset: Dataset, fast: bool) -> None:
    if fast:
        table = selection_table(dataset, "f", ["a", "c"], ["v"], 2016)
    else:
        table = build_profile_table(dataset, build_profile(dataset, "f", ("a", "c"), ["v"], 2016))
    by_city = cells(table)
    stale, fresh = by_city["a"], by_city["c"]
    assert stale.text == "7 (2014)" and stale.other_year
    assert stale.tooltip.splitlines()[0] == "2014 value; the comparison year is 2016."
    assert "hand.csv" in stale.tooltip  # the source still follows
    assert not fresh.other_year and "comparison year" not in fresh.tooltip


def test_stale_tooltip_in_chinese(dataset: Dataset) -> None:
    table = selection_table(dataset, "f", ["a", "c"], ["v"], 2016, lang="zh")
    assert cells(table)["a"].tooltip.splitlines()[0] == "2014年数值；比较年份为2016年。"


def test_the_same_value_in_another_comparison_year_names_that_year(dataset: Dataset) -> None:
    """Cells are cached per observation: the tooltip must follow the row's year."""
    selection_table(dataset, "f", ["a", "c"], ["v"], 2016)
    later = selection_table(dataset, "f", ["a", "c"], ["v"], 2015)
    assert cells(later)["a"].tooltip.splitlines()[0] == "2014 value; the comparison year is 2015."
