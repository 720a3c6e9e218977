"""Yuan to US dollars at annual average rates, and no mixing without conversion."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.charts import over_time_spec
from desktop.analysis.currency import (
    CurrencyMismatchError,
    MissingRateError,
    check_one_currency,
    cny_to_usd,
    exchange_rates,
    profile_dataset,
)
from desktop.analysis.ranking import ranking_spec
from desktop.core.dataset import Dataset

ROWS = [
    ("country-CHN", "exchange_rate", 2019, 7.0), ("country-CHN", "exchange_rate", 2020, 6.5),
    ("f", "gdp", 2019, 700.0), ("f", "gdp", 2020, 650.0), ("f", "gdp", 2021, 1.0),
    ("u", "gdp_real_usd", 2019, 150.0), ("u", "gdp_real_usd", 2020, 120.0),
]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(
        ROWS,
        [city("country-CHN", kind="country"), city("f"),
         city("u", kind="us_metro", country="US")],
        [indicator("exchange_rate", "CNY_per_USD", None), indicator("gdp"),
         indicator("gdp_real_usd", "USD")],
    )


def test_divide_by_the_rate_of_each_year(dataset: Dataset) -> None:
    converted = cny_to_usd(dataset, [2019, 2020, 2021], [700.0, 650.0, 1.0])
    assert converted.values[:2].tolist() == pytest.approx([100.0, 100.0])  # 700/7, 650/6.5
    assert np.isnan(converted.values[2])
    assert converted.missing_rate_years == (2021,)
    assert "PA.NUS.FCRF" in converted.note_en and "PA.NUS.FCRF" in converted.note("zh")
    assert exchange_rates(dataset).rate(2020) == 6.5


def test_one_axis_refuses_two_currencies(dataset: Dataset) -> None:
    assert check_one_currency(dataset, ["gdp"]) == "CNY"
    assert check_one_currency(dataset, ["exchange_rate"]) is None
    with pytest.raises(CurrencyMismatchError) as caught:
        check_one_currency(dataset, ["gdp", "gdp_real_usd"])
    assert caught.value.code == "currency_mismatch"
    with pytest.raises(CurrencyMismatchError):
        over_time_spec(dataset, "f", ["u"], "gdp", city_indicators={"u": "gdp_real_usd"})
    with pytest.raises(CurrencyMismatchError):
        ranking_spec(dataset, "f", ["u"], "gdp", 2020, city_indicators={"u": "gdp_real_usd"})


def test_converted_chart_says_so(dataset: Dataset) -> None:
    spec = over_time_spec(dataset, "f", ["u"], "gdp", currency="USD",
                          city_indicators={"u": "gdp_real_usd"})
    focus, us = spec.series
    assert focus.years.tolist() == [2019.0, 2020.0]  # 2021 has no rate: not drawn
    assert focus.values.tolist() == pytest.approx([100.0, 100.0])
    assert us.values.tolist() == [150.0, 120.0]  # already dollars
    assert spec.currency == "USD"
    assert any("PA.NUS.FCRF" in n for n in spec.notes)
    assert any("real" in n for n in spec.notes)  # nominal vs real dollars
    assert any("commuting regions" in n for n in spec.notes)
    assert not any("not drawn on one axis" in n for n in spec.notes)


def test_no_rate_series() -> None:
    bare = build_dataset([("f", "gdp", 2019, 1.0)], [city("f")], [indicator("gdp")])
    with pytest.raises(MissingRateError):
        cny_to_usd(bare, [2019], [1.0])


def test_shenyang_2016_gdp_in_dollars(bundled: Dataset) -> None:
    # World Bank API_PA.NUS.FCRF file, China (line 46), 2016: 6.6444778294468 yuan per US$;
    # CRE_Gdpct.csv line 8457: 5546.4498 亿元 = 554,644,980,000 yuan
    rate = exchange_rates(bundled).rate(2016)
    assert rate == pytest.approx(6.6444778294468, rel=1e-12)
    converted = cny_to_usd(bundled, [2016], [554_644_980_000.0])
    assert converted.values[0] == pytest.approx(554_644_980_000.0 / 6.6444778294468)
    assert "World Bank" in converted.source_line
    spec = over_time_spec(bundled, "cn-210100", [], "gdp", currency="USD")
    at = spec.series[0].years.tolist().index(2016.0)
    # display: billion US$
    assert spec.series[0].values[at] == pytest.approx(554_644_980_000.0 / 6.6444778294468 / 1e9)
    assert spec.unit_suffix == "billion US$"
    assert "World Bank" in spec.source_line


def test_a_selection_with_a_us_place_compares_money_in_dollars(dataset: Dataset) -> None:
    assert profile_dataset(dataset, ["f"]) is dataset  # Chinese cities only: yuan as stored
    view = profile_dataset(dataset, ["f", "u"])
    assert view is profile_dataset(dataset, ["u", "f"])  # built once per dataset
    gdp = view.indicator("gdp")
    assert gdp.unit == "USD" and gdp.display.suffix("en") == "billion US$"
    assert "US dollars" in gdp.notes_en and "美元" in gdp.notes_zh
    # 700 yuan at 7.0 and 650 at 6.5 are 100 US$ each; 2021 has no rate: missing, not yuan
    years, values = view.arrays("f", "gdp")
    assert years.tolist() == [2019, 2020, 2021]
    assert values[:2].tolist() == [100.0, 100.0] and np.isnan(values[2])
    # indicators already in dollars, and the rates themselves, are left as they are
    assert view.arrays("u", "gdp_real_usd")[1].tolist() == [150.0, 120.0]
    assert view.indicator("exchange_rate") == dataset.indicator("exchange_rate")
    assert dataset.indicator("gdp").unit == "CNY"  # the dataset itself is unchanged


def test_ppp_basis_puts_shenyang_and_detroit_in_international_dollars(
    bundled: Dataset,
) -> None:
    # WDI PA.NUS.PPP, China 2019: 4.05960941314697 yuan per international $ (file line 46)
    factor = bundled.observation("country-CHN", "ppp_factor", 2019)
    assert factor is not None and round(factor.value, 4) == 4.0596
    view = profile_dataset(bundled, ["cn-210100", "us-19820"], "ppp")
    assert view is not profile_dataset(bundled, ["cn-210100", "us-19820"])  # the US$ view
    gdp = view.indicator("gdp")
    assert gdp.unit == "PPP_USD" and "PA.NUS.PPP" in gdp.notes_en
    # CSMAR line 9396: Shenyang 6,470.2627 亿元 in 2019
    shenyang = view.observation("cn-210100", "gdp", 2019)
    assert shenyang is not None
    assert shenyang.value == pytest.approx(647_026_270_000 / 4.05960941314697, rel=1e-12)
    assert gdp.format(shenyang.value) == "159.38 billion intl $ (PPP)"
    # BEA CAGDP1 line 295: Detroit's 270,219,297 thousand dollars are international dollars
    detroit = view.observation("us-19820", "gdp", 2019)
    assert detroit is not None and detroit.value == pytest.approx(270_219_297_000, rel=1e-12)
    with pytest.raises(ValueError, match="currency basis"):
        profile_dataset(bundled, ["cn-210100", "us-19820"], "eur")
