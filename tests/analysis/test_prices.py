"""Current or constant prices for the whole view (issue #13 item 2).

Hand-made money: a Chinese city f with 1,000 yuan in 2018 and 1,100 yuan in 2019, a US metro u
with 700 yuan in 2018 (100 US$ at 7.0 yuan per US$) and 1,600 yuan in 2019 (200 US$ at 8.0).
Deflators: China 2018 = 90, 2019 = 100; US 2018 = 95, 2019 = 100. At constant 2019 prices in
yuan: f 2018 = 1,000 x 100/90 = 1,111.1; u 2018 = 100 US$ x 100/95 = 105.26 US$, at 2019's
8.0 = 842.1 yuan (at 2018's rate it would have been 736.8: deflate first, convert at B).
In US$: f 2018 = 1,111.1 / 8.0 = 138.9 US$. f's 2017 value has no deflator: a gap.
"""

from __future__ import annotations

import csv
import math

import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.currency import view_dataset
from desktop.analysis.prices import (
    MissingBaseYearError,
    MissingDeflatorError,
    base_year_of,
    base_years,
    default_base_year,
    parse_prices,
    year_spans,
)
from desktop.analysis.profile_table import selection_table
from desktop.core.dataset import Dataset
from desktop.core.paths import sources_dir

SHENYANG, DETROIT = "cn-210100", "us-19820"

MONEY = [
    ("country-CHN", "exchange_rate", 2018, 7.0), ("country-CHN", "exchange_rate", 2019, 8.0),
    ("country-CHN", "gdp_deflator", 2018, 90.0), ("country-CHN", "gdp_deflator", 2019, 100.0),
    ("country-USA", "gdp_deflator", 2018, 95.0), ("country-USA", "gdp_deflator", 2019, 100.0),
    ("f", "gdp", 2017, 900.0), ("f", "gdp", 2018, 1000.0), ("f", "gdp", 2019, 1100.0),
    ("u", "gdp", 2018, 700.0), ("u", "gdp", 2019, 1600.0),
    ("f", "share", 2018, 40.0),
]


@pytest.fixture(scope="module")
def money() -> Dataset:
    return build_dataset(
        MONEY,
        [city("country-CHN", kind="country"), city("country-USA", kind="country", country="US"),
         city("f"), city("u", kind="us_metro", country="US")],
        [indicator("exchange_rate", "CNY_per_USD", None), indicator("gdp_deflator", "index", None),
         indicator("gdp"), indicator("share", "percent")],
    )


def value(dataset: Dataset, city_id: str, indicator_id: str, year: int) -> float:
    obs = dataset.observations
    hit = obs[(obs["city_id"] == city_id) & (obs["indicator_id"] == indicator_id)
              & (obs["year"] == year)]
    assert len(hit) == 1, (city_id, indicator_id, year)
    return float(hit["value"].iloc[0])


def test_constant_yuan_deflates_in_each_countrys_currency_then_converts_at_b(
    money: Dataset,
) -> None:
    view = view_dataset(money, ["f", "u"], "cny", "constant")
    assert base_year_of(view) == 2019
    assert value(view, "f", "gdp", 2018) == pytest.approx(1000 * 100 / 90)
    assert value(view, "u", "gdp", 2018) == pytest.approx(100 * 100 / 95 * 8.0)
    assert value(view, "f", "gdp", 2019) == pytest.approx(1100.0)  # B's own prices
    assert value(view, "f", "share", 2018) == 40.0  # not money: untouched


def test_constant_dollars_convert_at_the_base_years_rate(money: Dataset) -> None:
    view = view_dataset(money, ["f", "u"], "usd", "constant:2019")
    assert view.indicators["gdp"].unit == "USD"
    assert value(view, "f", "gdp", 2018) == pytest.approx(1000 * 100 / 90 / 8.0)
    assert value(view, "u", "gdp", 2018) == pytest.approx(100 * 100 / 95)


def test_a_year_without_a_deflator_is_a_gap_and_is_listed(money: Dataset) -> None:
    view = view_dataset(money, ["f"], "cny", "constant")
    assert math.isnan(value(view, "f", "gdp", 2017))
    gdp = view.indicators["gdp"]
    assert "No deflator or rate for 2017: those years' values are left out." in gdp.notes_en
    assert "2017年没有平减指数或汇率" in gdp.notes_zh
    # the table shows the gap, never 900 at current prices
    table = selection_table(money, "f", [], ["gdp"], 2017, prices="constant")
    assert table.rows[0][[c.city_id for c in table.columns].index("f")].text == "—"


def test_labels_and_notes_state_the_basis_in_both_languages(money: Dataset) -> None:
    gdp = view_dataset(money, ["f", "u"], "usd", "constant").indicators["gdp"]
    assert gdp.label_en == "Gdp, constant 2019 prices (national GDP deflator)"
    assert gdp.label_zh == "gdp（中文），2019年不变价（国家 GDP 平减指数）"
    assert "At constant 2019 prices (national GDP deflator)" in gdp.notes_en
    assert "按2019年不变价（国家 GDP 平减指数）" in gdp.notes_zh
    assert "base year's annual average rate" in gdp.notes_en  # not "of the same year"


def test_current_prices_are_the_view_of_today(money: Dataset) -> None:
    for choice in ("cny", "usd"):
        assert view_dataset(money, ["f", "u"], choice, "current") is view_dataset(
            money, ["f", "u"], choice)
    assert view_dataset(money, ["f"], "cny", "current") is money


def test_default_base_year_needs_every_selected_countrys_deflator() -> None:
    rows = [("country-CHN", "gdp_deflator", 2019, 100.0), ("country-CHN", "gdp_deflator", 2020,
                                                          101.0),
            ("country-USA", "gdp_deflator", 2019, 100.0), ("f", "gdp", 2019, 1.0)]
    data = build_dataset(
        rows, [city("country-CHN", kind="country"),
               city("country-USA", kind="country", country="US"), city("f"),
               city("u", kind="us_metro", country="US")],
        [indicator("gdp_deflator", "index", None), indicator("gdp")])
    assert default_base_year(data, ["f"], "cny") == 2020
    assert default_base_year(data, ["f", "u"], "cny") == 2019
    without = build_dataset([("f", "gdp", 2019, 1.0)], [city("f")], [indicator("gdp")])
    with pytest.raises(MissingDeflatorError):
        view_dataset(without, ["f"], "cny", "constant")


def test_a_base_year_without_a_deflator_is_refused_not_emptied(money: Dataset) -> None:
    with pytest.raises(MissingBaseYearError) as caught:
        view_dataset(money, ["f", "u"], "cny", "constant:2017")
    assert caught.value.params == {"year": 2017, "countries": "CN, US"}
    assert base_years(money, ["f", "u"], "cny") == [2019, 2018]


@pytest.mark.parametrize("text", ["constant:19", "real", "current:2019", "constant:x"])
def test_a_bad_prices_choice_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_prices(text)


def test_years_lost_are_written_as_spans() -> None:
    assert year_spans([2003, 2001, 2002, 2024]) == [(2001, 2003), (2024, 2024)]


# --- the bundled data, against the raw World Bank file -------------------------------------

def wdi_row(name: str, country: str) -> dict[int, float]:
    """One country's row of a raw World Bank bulk CSV, by year."""
    with (sources_dir() / name).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = next(r for r in rows if r[:2] == ["Country Name", "Country Code"])
    row = next(r for r in rows if len(r) > 1 and r[1] == country)
    return {int(y): float(v) for y, v in zip(header, row, strict=False) if y.isdigit() and v}


CURRENT_LCU = "world_wb_wdi_ny_gdp_mktp_cn_gdp_current_lcu_1960_2023.csv"
CONSTANT_LCU = "world_wb_wdi_ny_gdp_mktp_kn_gdp_constant_lcu_1960_2023.csv"


def test_shenyang_gdp_2010_at_constant_2019_yuan_matches_the_world_bank_deflator(
    bundled: Dataset,
) -> None:
    current, constant = wdi_row(CURRENT_LCU, "CHN"), wdi_row(CONSTANT_LCU, "CHN")
    deflator_2019 = current[2019] / constant[2019]
    deflator_2010 = current[2010] / constant[2010]
    published = value(bundled, SHENYANG, "gdp", 2010)  # 5,017.54 亿元 at 2010 prices
    view = view_dataset(bundled, [SHENYANG, "cn-210200"], "auto", "constant:2019")
    assert value(view, SHENYANG, "gdp", 2010) == pytest.approx(
        published * deflator_2019 / deflator_2010, rel=1e-9)
    assert view.indicators["gdp"].label_en == (
        "GDP, constant 2019 prices (national GDP deflator)")


def test_detroit_gdp_per_person_in_constant_2017_dollars_is_close_to_bea_real(
    bundled: Dataset,
) -> None:
    view = view_dataset(bundled, [SHENYANG, DETROIT], "usd", "constant:2017")
    assert view.indicators["gdp_per_resident"].unit == "USD_per_person"
    for year in (2010, 2015):
        real = (value(bundled, DETROIT, "gdp_real_usd_2017", year)
                / value(bundled, DETROIT, "population_resident", year))
        # national deflator against BEA's metro chained prices: a few per cent at most
        assert value(view, DETROIT, "gdp_per_resident", year) == pytest.approx(real, rel=0.03)
    # BEA's real series is real already: left as published
    assert value(view, DETROIT, "gdp_real_usd_2017", 2010) == value(
        bundled, DETROIT, "gdp_real_usd_2017", 2010)


def test_the_bundled_default_base_year_has_a_deflator_and_a_rate(bundled: Dataset) -> None:
    assert default_base_year(bundled, [SHENYANG], "cny") == 2022  # last exchange rate: 2022
    view = view_dataset(bundled, [SHENYANG, DETROIT], "ppp", "constant")
    assert base_year_of(view) == 2022
    assert not math.isnan(value(view, SHENYANG, "gdp", 2019))


def test_a_constant_price_chart_does_not_claim_each_years_rate(bundled: Dataset) -> None:
    from desktop.analysis.charts import over_time_spec

    view = view_dataset(bundled, [SHENYANG, DETROIT], "usd", "constant:2019")
    spec = over_time_spec(view, SHENYANG, [DETROIT], "gdp")
    assert spec.y_label == "GDP, constant 2019 prices (national GDP deflator) (billion US$)"
    notes = " ".join(spec.notes)
    assert "At constant 2019 prices (national GDP deflator)" in notes
    assert "exchange rate of each year" not in notes
    current = over_time_spec(view_dataset(bundled, [SHENYANG, DETROIT], "usd"), SHENYANG,
                             [DETROIT], "gdp")
    assert "exchange rate of each year" in " ".join(current.notes)  # as before
