"""The year boxes' automatic range (issue 15 item 4): the years the charted cities have data
for, not the whole dataset's; a year the user set wins (no Qt)."""

from __future__ import annotations

import pandas as pd

from desktop.core.dataset import Dataset
from desktop.session.chart_options import ChartOptions, data_span

from .sessions import dataset


def _with_rows(data: Dataset, rows: list[tuple[str, int, float]]) -> Dataset:
    extra = pd.DataFrame([(c, "gdp", y, v, "src", 99) for c, y, v in rows],
                         columns=["city_id", "indicator_id", "year", "value", "source_id",
                                  "source_row"])
    return data.derived(pd.concat([data.observations, extra], ignore_index=True),
                        data.indicators.values())


def test_span_is_the_selections_years_with_values() -> None:
    # Harbin alone has 1995 and 2015: Shenyang and Dalian's span stays 2010-2011
    data = _with_rows(dataset(), [("harbin", 1995, 50.0), ("harbin", 2015, 160.0)])
    assert data_span(data, ["shenyang", "dalian"], "gdp") == (2010, 2011)
    assert data_span(data, ["shenyang", "harbin"], "gdp") == (1995, 2015)


def test_no_values_no_span() -> None:
    data = _with_rows(dataset(), [("harbin", 2012, float("nan"))])
    assert data_span(data, ["nowhere"], "gdp") is None
    assert data_span(data, ["shenyang"], "no_such_indicator") is None


def test_a_year_the_user_set_wins_over_the_span() -> None:
    assert ChartOptions().shown_range((1995, 2015)) == (1995, 2015)
    assert ChartOptions(start=2000).shown_range((1995, 2015)) == (2000, 2015)
    assert ChartOptions(end=2010).shown_range((1995, 2015)) == (1995, 2010)
