"""Dataset's series look-ups give the same answers whatever order the table's rows are in.

A saved table is in series order and is used as its own index; any other order (an import,
a derived view, a hand-edited CSV) is sorted first. Both must find every series, in year
order, with the first of duplicated rows first, and the right row behind each value."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop.core.catalog import Indicator, Source
from desktop.core.dataset import OBSERVATION_COLUMNS, Dataset

CITIES = ("cn-210100", "cn-210200", "us-19820")
INDICATORS = ("gdp", "population", "wage")


def _table(seed: int) -> pd.DataFrame:
    """Every city x indicator over a few years, some years missing, sorted as storage saves."""
    rng = np.random.default_rng(seed)
    rows = [(city, indicator, year, float(rng.normal(100, 10)), "s", 2 + n)
            for n, (city, indicator, year) in enumerate(
                (c, i, y) for c in CITIES for i in INDICATORS for y in range(2010, 2016)
                if rng.random() > 0.2)]
    frame = pd.DataFrame(rows, columns=list(OBSERVATION_COLUMNS))
    for column in ("city_id", "indicator_id", "source_id"):
        frame[column] = frame[column].astype("category")
    return frame


def _expected(frame: pd.DataFrame, city: str, indicator: str) -> list[tuple[int, float, int]]:
    """(year, value, source row) of one series in year order, duplicates in table order."""
    rows = frame[(frame["city_id"] == city) & (frame["indicator_id"] == indicator)]
    rows = rows.sort_values("year", kind="stable")
    return list(zip(rows["year"].astype(int), rows["value"], rows["source_row"], strict=True))


def _found(dataset: Dataset, city: str, indicator: str) -> list[tuple[int, float, int]]:
    years, values = dataset.arrays(city, indicator)
    out = []
    for year, value in zip(years.tolist(), values.tolist(), strict=True):
        observation = dataset.observation(city, indicator, year)
        assert observation is not None
        out.append((year, value, observation.provenance.row))
    return out


def _dataset(frame: pd.DataFrame) -> Dataset:
    indicators = [Indicator(i, i, i, "CNY", "Economy", True) for i in INDICATORS]
    return Dataset(frame, [], indicators, [Source("s", "s.csv", "P", "T")])


@pytest.mark.parametrize("arrangement", [
    "as saved", "shuffled", "years reversed", "a series split in two", "a duplicated year",
    "rows without an indicator"])
def test_every_series_is_found_in_year_order(arrangement: str) -> None:
    frame = _table(seed=len(arrangement))
    if arrangement == "shuffled":
        frame = frame.sample(frac=1.0, random_state=3).reset_index(drop=True)
    elif arrangement == "years reversed":
        frame = frame.iloc[::-1].reset_index(drop=True)
    elif arrangement == "a series split in two":  # its last row moved to the end
        first = frame.index[(frame["city_id"] == "cn-210100") & (frame["indicator_id"] == "gdp")]
        frame = pd.concat([frame.drop(first[-1]), frame.loc[[first[-1]]]], ignore_index=True)
    elif arrangement == "a duplicated year":  # a second source's 2012 right after the first
        at = int(frame.index[(frame["city_id"] == "cn-210200") & (frame["year"] == 2012)][0])
        copy = frame.loc[[at]].assign(value=-1.0, source_row=999)
        frame = pd.concat([frame.loc[:at], copy, frame.loc[at + 1:]], ignore_index=True)
    elif arrangement == "rows without an indicator":  # in the middle of the table
        frame.loc[[10, 11, 30], "indicator_id"] = np.nan
    dataset = _dataset(frame)
    for city in CITIES:
        for indicator in INDICATORS:
            expected = _expected(frame, city, indicator)
            years = [year for year, _, _ in expected]
            assert dataset.series(city, indicator).index.tolist() == years
            found = _found(dataset, city, indicator)
            # observation() gives the first row of a year, as the table lists them
            firsts = {year: (year, value, row) for year, value, row in reversed(expected)}
            assert found == [(y, v, firsts[y][2]) for y, v, _ in expected]
            assert [v for _, v, _ in found] == [v for _, v, _ in expected]
    for city in CITIES:
        assert dataset.indicators_of(city) == sorted(
            {i for c, i in zip(frame["city_id"], frame["indicator_id"], strict=True)
             if c == city and isinstance(i, str)})


def test_a_table_of_one_row_and_an_empty_one() -> None:
    one = _table(seed=1).iloc[:1]
    dataset = _dataset(one)
    city, indicator = str(one["city_id"].iloc[0]), str(one["indicator_id"].iloc[0])
    assert dataset.series(city, indicator).tolist() == [one["value"].iloc[0]]
    empty = _dataset(one.iloc[:0])
    assert empty.series(city, indicator).empty
    assert not empty.has_series(city, indicator)
