"""The view's year rule "each city's latest year" and its one currency choice (issue #13).

Year rule, hand-made: f 2016 10, 2018 20; a 2016 7, 2017 9; c 2016 12, 2019 30.
Latest shared: 2016 for all (f 10, a 7, c 12; peer median 9.5).
Each city's latest: f 20 (2018), a 9 (2017), c 30 (2019); the row's year is 2019, the
peer median (9 + 30) / 2 = 19.5, f ranks 2 of 3 and its gap is +2.6 %.

Currency, hand-made: 700 yuan in 2019 at 7.0 yuan per US$ is 100 US$, at a PPP factor of
3.5 it is 200 international $.
"""

from __future__ import annotations

import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.comparison import build_profile
from desktop.analysis.currency import CHOICES, view_currency, view_dataset
from desktop.analysis.profile_table import build_profile_table, selection_table
from desktop.analysis.selection_cube import LATEST_EACH
from desktop.core.dataset import Dataset

ROWS = [("f", "v", 2016, 10.0), ("f", "v", 2018, 20.0), ("a", "v", 2016, 7.0),
        ("a", "v", 2017, 9.0), ("c", "v", 2016, 12.0), ("c", "v", 2019, 30.0)]


@pytest.fixture(scope="module")
def years() -> Dataset:
    return build_dataset(ROWS, [city("f"), city("a"), city("c")], [indicator("v")])


def by_key(table) -> dict[str, object]:
    """The one row's cells by city id or column key."""
    return {col.city_id or col.key: table.rows[0][i] for i, col in enumerate(table.columns)}


@pytest.mark.parametrize("fast", [False, True])
def test_each_citys_latest_year_shows_every_latest_value(years: Dataset, fast: bool) -> None:
    if fast:
        table = selection_table(years, "f", ["a", "c"], ["v"], LATEST_EACH)
    else:
        table = build_profile_table(years, build_profile(years, "f", ("a", "c"), ["v"],
                                                         LATEST_EACH))
    row = by_key(table)
    assert row["year"].text == "2019"
    assert row["f"].text == "20 (2018)" and row["f"].other_year
    assert row["a"].text == "9 (2017)" and row["a"].other_year
    assert row["c"].text == "30" and not row["c"].other_year
    assert row["peer_median"].sort_value == 19.5
    assert row["rank"].text == "2 of 3"
    assert row["gap"].sort_value == pytest.approx((20 - 19.5) / 19.5 * 100)
    # the row says that its median and ranks compare values of different years
    assert ("values are from 2017 to 2019, so the peer median and ranks compare values of "
            "different years") in row["indicator"].tooltip


def test_latest_shared_is_unchanged_and_says_nothing_of_mixed_years(years: Dataset) -> None:
    row = by_key(selection_table(years, "f", ["a", "c"], ["v"]))
    assert (row["year"].text, row["f"].text, row["a"].text, row["c"].text) == (
        "2016", "10", "7", "12")
    assert row["peer_median"].sort_value == 9.5
    assert "different years" not in row["indicator"].tooltip


def test_each_citys_latest_year_in_chinese_and_with_detail(years: Dataset) -> None:
    table = selection_table(years, "f", ["a", "c"], ["v"], LATEST_EACH, lang="zh",
                            detail=True)
    row = by_key(table)
    assert "2017年至2019年" in row["indicator"].tooltip
    # the detail columns describe the values shown: 20 against the median 19.5
    assert row["index"].text == "103"


def test_one_year_for_all_is_not_called_mixed() -> None:
    same = build_dataset([("f", "v", 2018, 1.0), ("a", "v", 2018, 2.0)],
                         [city("f"), city("a")], [indicator("v")])
    row = by_key(selection_table(same, "f", ["a"], ["v"], LATEST_EACH))
    assert row["f"].text == "1" and not row["f"].other_year
    assert "different years" not in row["indicator"].tooltip


MONEY = [
    ("country-CHN", "exchange_rate", 2019, 7.0), ("country-CHN", "ppp_factor", 2019, 3.5),
    ("f", "gdp", 2019, 700.0), ("g", "gdp", 2019, 1400.0), ("u", "gdp", 2019, 2100.0),
]


@pytest.fixture(scope="module")
def money() -> Dataset:
    return build_dataset(
        MONEY,
        [city("country-CHN", kind="country"), city("f"), city("g"),
         city("u", kind="us_metro", country="US")],
        [indicator("exchange_rate", "CNY_per_USD", None),
         indicator("ppp_factor", "CNY_per_USD", None), indicator("gdp")],
    )


def test_automatic_currency_is_yuan_for_chinese_places_and_dollars_when_mixed(
    money: Dataset,
) -> None:
    assert view_currency(money, ["f", "g"]) == "cny"
    assert view_currency(money, ["f", "u"]) == "usd"
    assert view_dataset(money, ["f", "g"]) is money
    assert view_dataset(money, ["f", "u"]).observation("f", "gdp", 2019).value == 100.0


@pytest.mark.parametrize(("choice", "unit", "f_value", "u_value"), [
    ("cny", "CNY", 700.0, 2100.0),  # US money stays in yuan at the annual rate
    ("usd", "USD", 100.0, 300.0),
    ("ppp", "PPP_USD", 200.0, 300.0),  # an international $ is a US$ in the US
])
def test_a_chosen_currency_applies_to_every_selection(
    money: Dataset, choice: str, unit: str, f_value: float, u_value: float,
) -> None:
    for places in (["f", "g"], ["f", "u"]):
        assert view_currency(money, places, choice) == choice
        view = view_dataset(money, places, choice)
        assert view.indicator("gdp").unit == unit
        assert view.observation("f", "gdp", 2019).value == pytest.approx(f_value)
    assert view.observation("u", "gdp", 2019).value == pytest.approx(u_value)


def test_the_table_unit_column_says_the_chosen_currency(money: Dataset) -> None:
    units = {c: by_key(selection_table(money, "f", ["g"], ["gdp"], currency=c))["unit"].text
             for c in CHOICES}
    assert units == {"auto": "yuan (CNY)", "cny": "yuan (CNY)", "usd": "billion US$",
                     "ppp": "billion intl $ (PPP)"}
    row = by_key(selection_table(money, "f", ["g"], ["gdp"], currency="ppp"))
    assert row["f"].sort_value == pytest.approx(200.0)
    assert by_key(selection_table(money, "f", ["g"], ["gdp"]))["f"].sort_value == 700.0


def test_an_unknown_choice_is_refused(money: Dataset) -> None:
    assert CHOICES == ("auto", "cny", "usd", "ppp")
    with pytest.raises(ValueError, match="currency choice"):
        view_currency(money, ["f"], "eur")
