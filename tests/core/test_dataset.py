"""Dataset: series, provenance of single values, wide tables and catalog look-ups."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from desktop.core.catalog import City, Field, Indicator, PeerGroup, SeriesBreak, Source
from desktop.core.dataset import Dataset
from desktop.core.errors import UnknownCityError, UnknownGroupError, UnknownIndicatorError
from desktop.core.units import DisplayScale

SOURCES = (
    Source("csmar_gdp", "gdp.csv", "CSMAR", "City GDP"),
    Source("csmar_labour", "labour.csv", "CSMAR", "City labour"),
    Source("panel", "panel.xlsx", "CCSY", "Panel", sheet="new"),
)
INDICATORS = (
    Indicator(
        "gdp",
        "GDP",
        "地区生产总值",
        "CNY",
        "Economy",
        True,
        DisplayScale(1e8, "亿元", "亿元", 2),
        (Field("csmar_gdp", "Gdpct01", "亿元"), Field("panel", "GDP_万元", "万元")),
    ),
    Indicator(
        "average_wage",
        "Average wage",
        "平均工资",
        "CNY_per_person",
        "Labour",
        True,
        fields=(Field("csmar_labour", "Eect13", "元"),),
    ),
)
CITIES = (
    City("cn-210100", "Shenyang", "沈阳市", ("Shenyang(city)", "沈阳")),
    City("cn-210200", "Dalian", "大连市", ("Dalian(city)", "大连")),
    City("cn-220200", "Jilin", "吉林市", ("吉林",)),
)
GROUPS = (PeerGroup("north_east", "North-east", "东北", ("cn-210200", "cn-220200")),)
BREAK = SeriesBreak(2016, ("cn-210100", "cn-210200"), ("gdp",), "Liaoning restatement")

# Rows deliberately out of year order, as a source file may list them.
ROWS = [
    ("cn-210100", "gdp", 2016, 554_644_980_000.0, "csmar_gdp", 8457),
    ("cn-210100", "gdp", 2015, 727_230_510_000.0, "csmar_gdp", 8046),
    ("cn-210100", "gdp", 2004, 190_068_860_000.0, "panel", 1256),
    ("cn-210200", "gdp", 2016, 681_019_980_000.0, "csmar_gdp", 8458),
    ("cn-210200", "gdp", 2014, 765_579_000_000.0, "csmar_gdp", 7700),
    ("cn-210100", "average_wage", 2016, 67_444.0, "csmar_labour", 8718),
    ("cn-220200", "average_wage", 2015, 50_000.0, "csmar_labour", 8400),
    ("cn-220200", "average_wage", 2016, 52_000.0, "csmar_labour", 8800),
]


@pytest.fixture
def dataset() -> Dataset:
    frame = pd.DataFrame(
        ROWS, columns=["city_id", "indicator_id", "year", "value", "source_id", "source_row"]
    )
    return Dataset(frame, CITIES, INDICATORS, SOURCES, GROUPS, [BREAK])


def test_series_is_sorted_by_year(dataset: Dataset) -> None:
    series = dataset.series("cn-210100", "gdp")
    assert list(series.index) == [2004, 2015, 2016]
    assert list(series) == [190_068_860_000.0, 727_230_510_000.0, 554_644_980_000.0]
    assert series.index.name == "year"


def test_missing_series_is_empty_not_an_error(dataset: Dataset) -> None:
    assert dataset.series("cn-220200", "gdp").empty
    assert dataset.series("cn-999999", "gdp").empty
    assert not dataset.has_series("cn-220200", "gdp")
    assert dataset.has_series("cn-220200", "average_wage")


def test_observation_carries_file_row_and_column(dataset: Dataset) -> None:
    observation = dataset.observation("cn-210100", "gdp", 2016)
    assert observation is not None
    assert observation.value == 554_644_980_000.0
    assert observation.year == 2016
    provenance = observation.provenance
    assert provenance is not None
    assert provenance.source.file == "gdp.csv"
    assert provenance.row == 8457
    assert provenance.column == "Gdpct01"
    assert provenance.source_unit == "亿元"
    assert provenance.describe() == "gdp.csv, row 8457, column Gdpct01"


def test_observation_from_a_second_source_uses_that_sources_column(dataset: Dataset) -> None:
    observation = dataset.observation("cn-210100", "gdp", 2004)
    assert observation is not None
    provenance = observation.provenance
    assert provenance is not None
    assert (provenance.source.file, provenance.row, provenance.column) == (
        "panel.xlsx",
        1256,
        "GDP_万元",
    )
    assert provenance.source_unit == "万元"
    assert provenance.describe() == "panel.xlsx, sheet new, row 1256, column GDP_万元"
    assert provenance.to_json()["sheet"] == "new"


def test_observation_missing_year_or_series_is_none(dataset: Dataset) -> None:
    assert dataset.observation("cn-210100", "gdp", 2010) is None
    assert dataset.observation("cn-220200", "gdp", 2016) is None


def test_wide_table_has_nan_where_a_city_has_no_value(dataset: Dataset) -> None:
    wide = dataset.wide("gdp", ["cn-210100", "cn-210200", "cn-220200"])
    assert list(wide.columns) == ["cn-210100", "cn-210200", "cn-220200"]
    assert list(wide.index) == [2004, 2014, 2015, 2016]
    assert wide.loc[2016, "cn-210200"] == 681_019_980_000.0
    assert math.isnan(wide.loc[2014, "cn-210100"])
    assert math.isnan(wide.loc[2004, "cn-210200"])
    assert wide["cn-220200"].isna().all()


def test_values_in_year(dataset: Dataset) -> None:
    values = dataset.values_in_year("average_wage", 2016)
    assert values.to_dict() == {"cn-210100": 67_444.0, "cn-220200": 52_000.0}
    assert dataset.values_in_year("average_wage", 1999).empty


def test_years(dataset: Dataset) -> None:
    assert dataset.years("gdp") == [2004, 2014, 2015, 2016]
    assert dataset.years("average_wage") == [2015, 2016]
    assert dataset.years() == [2004, 2014, 2015, 2016]
    assert dataset.indicators_of("cn-210100") == ["average_wage", "gdp"]


@pytest.mark.parametrize("name", ["cn-210100", "Shenyang", "Shenyang(city) ", "沈阳", "沈阳市"])
def test_city_by_name(dataset: Dataset, name: str) -> None:
    assert dataset.city(name).id == "cn-210100"


def test_unknown_city_raises_its_own_error(dataset: Dataset) -> None:
    with pytest.raises(UnknownCityError) as info:
        dataset.city("Tieling")
    assert info.value.params == {"name": "Tieling"}
    assert isinstance(info.value, KeyError)


def test_unknown_indicator_raises_its_own_error(dataset: Dataset) -> None:
    assert dataset.indicator("gdp").label_zh == "地区生产总值"
    with pytest.raises(UnknownIndicatorError) as info:
        dataset.indicator("fdi")
    assert info.value.params == {"name": "fdi"}


@pytest.mark.parametrize("name", ["north_east", "North-east", "north-east", "东北"])
def test_group_by_id_or_name(dataset: Dataset, name: str) -> None:
    assert dataset.group(name).city_ids == ("cn-210200", "cn-220200")


def test_unknown_group_raises_its_own_error(dataset: Dataset) -> None:
    with pytest.raises(UnknownGroupError):
        dataset.group("hot_spots")


def test_breaks_for(dataset: Dataset) -> None:
    assert dataset.breaks_for("cn-210100", "gdp") == [BREAK]
    assert dataset.breaks_for("cn-220200", "gdp") == []
    assert dataset.breaks_for("cn-210100", "average_wage") == []


def test_observations_need_every_column() -> None:
    frame = pd.DataFrame({"city_id": ["a"], "indicator_id": ["gdp"], "year": [2016]})
    with pytest.raises(ValueError, match="source_row"):
        Dataset(frame, CITIES, INDICATORS, SOURCES)
