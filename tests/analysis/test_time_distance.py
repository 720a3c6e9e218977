"""Time distance: when a city reached another's level, worked by hand."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.time_distance import NoValueError, time_distance, time_lags
from desktop.core.dataset import Dataset

ROWS = [
    ("f", "v", 2000, 10.0), ("f", "v", 2001, 12.0), ("f", "v", 2002, 15.0),
    ("f", "v", 2003, 18.0),
    ("d", "v", 1999, 5.0), ("d", "v", 2000, 14.0), ("d", "v", 2001, 20.0),
    # cost: lower is better
    ("f", "cost", 2000, 9.0), ("f", "cost", 2001, 7.0), ("f", "cost", 2002, 4.0),
    ("d", "cost", 2000, 6.0),
]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(ROWS, [city("f"), city("d")],
                         [indicator("v"), indicator("cost", higher_is_better=False)])


def test_reached_later(dataset: Dataset) -> None:
    # (the hand-made label "V" reads like an acronym, so it keeps its capital)
    # d's 2000 value 14: f has 10, 12, 15 -> first at or above in 2002, 2 years later
    result = time_distance(dataset, "f", "d", "v", 2000)
    assert (result.reached_year, result.lag, result.reached_value) == (2002, 2, 15.0)
    assert result.sentence_en == "F reached D's 2000 V in 2002, 2 years later."
    assert result.sentence_zh == "f市在2002年达到d市2000年的v（中文）水平（晚2年）。"


def test_not_yet(dataset: Dataset) -> None:
    result = time_distance(dataset, "f", "d", "v", 2001)  # 20 > 18
    assert not result.reached and result.lag is None
    assert result.sentence_en == "F has not yet reached D's 2001 V (latest data: 2003)."
    assert "尚未达到" in result.sentence_zh


def test_already_there_in_the_first_year(dataset: Dataset) -> None:
    result = time_distance(dataset, "f", "d", "v", 1999)  # 5 <= f's first value 10 (2000)
    assert result.already_at_start and result.reached_year == 2000
    assert "already past" in result.sentence_en


def test_earlier_and_lower_is_better(dataset: Dataset) -> None:
    # d's 2000 cost 6: f gets down to 4 in 2002
    result = time_distance(dataset, "f", "d", "cost", 2000)
    assert (result.reached_year, result.lag) == (2002, 2)
    assert result.sentence_en.startswith("F got down to D's 2000 cost in 2002")
    # reversed: d's level reached before the target year -> negative lag
    back = time_distance(dataset, "d", "f", "v", 2002)  # f 15 in 2002; d 20 in 2001
    assert (back.reached_year, back.lag) == (2001, -1)
    assert back.sentence_en.endswith("1 year earlier.")


def test_missing_target(dataset: Dataset) -> None:
    with pytest.raises(NoValueError):
        time_distance(dataset, "f", "d", "v", 2003)


def test_lags_for_every_target_year(dataset: Dataset) -> None:
    years, lags = time_lags(dataset, "f", "d", "v")
    # 1999 (5): reached 2000 -> 1; 2000 (14): 2002 -> 2; 2001 (20): never
    assert years.tolist() == [1999, 2000, 2001]
    assert lags[:2].tolist() == [1.0, 2.0] and np.isnan(lags[2])


def test_shenyang_reached_dalians_2008_gdp_per_capita_in_2011(bundled: Dataset) -> None:
    # CRE_Gdpct.csv GDP_PerCapita: Dalian 2008 63198 (line 5544); Shenyang 2010 62357
    # (line 6433), 2011 72647.8472 (line 6828)
    result = time_distance(bundled, "cn-210100", "cn-210200", "gdp_per_capita", 2008)
    assert result.target_value == 63198.0
    assert (result.reached_year, result.reached_value, result.lag) == (2011, 72647.8472, 3)
    assert result.sentence_en == (
        "Shenyang reached Dalian's 2008 GDP per capita in 2011, 3 years later.")
    assert result.notes  # Liaoning's 2016 restatement
