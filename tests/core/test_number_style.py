"""Number styles: 亿元 and 万人 (Chinese units) or bn yuan and million (international units).

Only the display changes — the stored values, and the data they come from, never do — and a
styled dataset is a new value, so nothing leaks from one view (or test) to another.
"""

from __future__ import annotations

import pandas as pd
import pytest

from desktop.core.catalog import City, Indicator, Source
from desktop.core.dataset import Dataset
from desktop.core.units import (
    NUMBER_STYLES,
    DisplayScale,
    chinese_scale,
    international_scale,
    styled_scale,
)

YI_YUAN = DisplayScale(1e8, "亿元", "亿元", 2)
WAN_PERSONS = DisplayScale(1e4, "万人", "万人", 2)
WAN_YUAN = DisplayScale(1e4, "万元", "万元", 2)
SHENYANG_GDP_2016 = 554_644_980_000.0  # CRE_Gdpct line 8457: 5546.4498 亿元
SHENYANG_POPULATION = 7_617_000.0  # 761.70 万人


def test_shenyang_gdp_in_either_style() -> None:
    assert YI_YUAN.format(SHENYANG_GDP_2016) == "5,546.45 亿元"
    billions = international_scale(YI_YUAN)
    assert billions == DisplayScale(1e9, "bn yuan", "十亿元", 3)
    assert billions.format(SHENYANG_GDP_2016) == "554.645 bn yuan"
    assert billions.format(SHENYANG_GDP_2016, "zh") == "554.645 十亿元"


def test_population_in_millions_keeps_every_digit() -> None:
    assert WAN_PERSONS.format(SHENYANG_POPULATION) == "761.70 万人"
    millions = international_scale(WAN_PERSONS)
    assert (millions.factor, millions.suffix("en"), millions.suffix("zh")) == (
        1e6, "million", "百万人")
    assert millions.format(7_617_300.0) == "7.6173 million"  # 761.73 万人: nothing rounded away


def test_wan_yuan_becomes_thousand_yuan() -> None:
    thousands = international_scale(WAN_YUAN)
    assert (thousands.factor, thousands.suffix_en, thousands.suffix_zh) == (
        1e3, "thousand yuan", "千元")
    assert thousands.format(12_345_600.0) == "12,345.60 thousand yuan"


@pytest.mark.parametrize("scale", [
    DisplayScale(1, "yuan", "元", 0),
    DisplayScale(1, "%", "%", 1),
    DisplayScale(1e6, "million US$", "百万美元", 1),
    DisplayScale(1e9, "billion US$", "十亿美元", 1),
    DisplayScale(1e3, "thousand", "千个", 1),
    DisplayScale(1e8, "hundred million", "亿元", 2),  # not a scale the mapping knows
])
def test_scales_without_another_style_are_unchanged(scale: DisplayScale) -> None:
    assert international_scale(scale) is scale
    assert chinese_scale(scale) is scale


@pytest.mark.parametrize("scale", [YI_YUAN, WAN_PERSONS, WAN_YUAN,
                                   DisplayScale(1e8, "亿元", "亿元", 0),
                                   DisplayScale(1e4, "万元", "万元", 0)])
def test_the_styles_map_back_and_forth(scale: DisplayScale) -> None:
    assert chinese_scale(international_scale(scale)) == scale
    assert styled_scale(styled_scale(scale, "international"), "chinese") == scale
    assert styled_scale(scale, "chinese") is scale  # already Chinese


def test_an_unknown_style_is_refused() -> None:
    assert NUMBER_STYLES == ("chinese", "international")
    with pytest.raises(ValueError, match="number style"):
        styled_scale(YI_YUAN, "roman")


@pytest.fixture
def dataset() -> Dataset:
    frame = pd.DataFrame(
        [("cn-210100", "gdp", 2016, SHENYANG_GDP_2016, "csmar", 8457),
         ("cn-210100", "population", 2016, SHENYANG_POPULATION, "csmar", 8718),
         ("cn-210100", "growth", 2016, -2.5, "csmar", 8457)],
        columns=["city_id", "indicator_id", "year", "value", "source_id", "source_row"])
    indicators = (
        Indicator("gdp", "GDP", "地区生产总值", "CNY", "Economy", True, YI_YUAN),
        Indicator("population", "Population", "人口", "persons", "Population", None,
                  WAN_PERSONS),
        Indicator("growth", "Growth", "增长率", "percent", "Economy", True,
                  DisplayScale(1, "%", "%", 1)),
    )
    return Dataset(frame, [City("cn-210100", "Shenyang", "沈阳市")], indicators,
                   [Source("csmar", "gdp.csv", "CSMAR", "City GDP")])


def test_a_styled_dataset_shows_other_units_for_the_same_values(dataset: Dataset) -> None:
    lookup = dataset.lookup  # built before styling: shared, not built again
    styled = dataset.with_number_style("international")
    assert styled is not dataset and styled.number_style == "international"
    assert styled.indicator("gdp").format(SHENYANG_GDP_2016) == "554.645 bn yuan"
    assert styled.indicator("population").format(SHENYANG_POPULATION) == "7.6170 million"
    assert styled.indicator("growth") is dataset.indicator("growth")
    # The values, the table and its indexes are shared, not copied or changed.
    assert styled.observations is dataset.observations
    assert styled.series("cn-210100", "gdp").tolist() == [SHENYANG_GDP_2016]
    assert styled.observation("cn-210100", "gdp", 2016).value == SHENYANG_GDP_2016
    assert styled.lookup is lookup
    # The dataset it came from is untouched: no state leaks between views or tests.
    assert dataset.number_style == "chinese"
    assert dataset.indicator("gdp").format(SHENYANG_GDP_2016) == "5,546.45 亿元"


def test_styling_twice_is_free_and_reversible(dataset: Dataset) -> None:
    assert dataset.with_number_style("chinese") is dataset
    styled = dataset.with_number_style("international")
    assert styled.with_number_style("international") is styled
    back = styled.with_number_style("chinese")
    assert back.number_style == "chinese"
    assert {k: i.display for k, i in back.indicators.items()} == {
        k: i.display for k, i in dataset.indicators.items()}
    with pytest.raises(ValueError):
        dataset.with_number_style("roman")


def test_indicators_added_later_are_styled_too(dataset: Dataset) -> None:
    """A merge builds a new Dataset from a styled one's indicators plus new (Chinese) ones;
    styling the result again brings the newcomers in line and leaves the rest alone."""
    styled = dataset.with_number_style("international")
    wage_bill = Indicator("wage_bill", "Wage bill", "工资总额", "CNY", "Labour", True, YI_YUAN)
    merged = Dataset(styled.observations, styled.cities.values(),
                     [*styled.indicators.values(), wage_bill], styled.sources.values())
    again = merged.with_number_style("international")
    assert again.indicator("wage_bill").display.suffix_en == "bn yuan"
    assert again.indicator("gdp") is merged.indicator("gdp")


def test_the_bundled_catalogue_in_international_units() -> None:
    from desktop.curation.indicators import INDICATORS

    styled = {i.id: i.with_number_style("international").display for i in INDICATORS}
    assert styled["gdp"].suffix_en == styled["wage_bill"].suffix_en == "bn yuan"
    assert styled["population_registered"].suffix_zh == "百万人"
    assert styled["gdp_per_capita"].suffix_en == "yuan"  # per person: unchanged
    assert styled["fdi_utilised"].suffix_en == "million US$"  # already international
