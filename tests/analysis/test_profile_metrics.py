"""Profile metrics: ranks (selection and pool), percentiles, medians, index, changes, CAGR,
sentences. Every expected number is worked out by hand in the comments."""

from __future__ import annotations

import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.comparison import compare_indicator
from desktop.analysis.panel import panel_for
from desktop.analysis.profile_metrics import (
    cell_provenance,
    indicator_metrics,
    profile_metrics,
)
from desktop.analysis.sentences import friendly_fraction, peer_sentence
from desktop.core.catalog import SeriesBreak
from desktop.core.dataset import Dataset
from desktop.core.errors import UnknownIndicatorError

CITIES = [
    city("f"), city("a"), city("b"), city("c"), city("d"),
    city("m", kind="municipality"),
    city("p", kind="province"),  # context: never ranked among cities
    city("u", kind="us_metro", country="US"),  # another pool
]
ROWS = [
    # out (CNY, higher is better): 2019 all three; 2020 everybody; 2021 only f and b
    ("f", "out", 2019, 55.0), ("a", "out", 2019, 35.0), ("b", "out", 2019, 75.0),
    ("f", "out", 2020, 60.0), ("a", "out", 2020, 40.0), ("b", "out", 2020, 80.0),
    ("c", "out", 2020, 100.0), ("d", "out", 2020, 20.0), ("m", "out", 2020, 60.0),
    ("p", "out", 2020, 1000.0), ("u", "out", 2020, 500.0),
    ("f", "out", 2021, 70.0), ("b", "out", 2021, 90.0),
    # grow: 100 -> 110 -> 121 (10% a year); 2010 = 60.5 (doubling in 10 years)
    ("f", "grow", 2010, 60.5), ("f", "grow", 2018, 100.0), ("f", "grow", 2019, 110.0),
    ("f", "grow", 2020, 121.0), ("a", "grow", 2020, 242.0), ("b", "grow", 2020, 80.0),
    # share (percent): compared in percentage points
    ("f", "share", 2019, 28.0), ("f", "share", 2020, 30.0), ("a", "share", 2020, 20.0),
    ("b", "share", 2020, 25.0),
    # cost: lower is better
    ("f", "cost", 2020, 5.0), ("a", "cost", 2020, 3.0), ("b", "cost", 2020, 8.0),
    ("c", "cost", 2020, 4.0),
    # wage: a has only an earlier year
    ("f", "wage", 2020, 100.0), ("a", "wage", 2018, 50.0), ("b", "wage", 2020, 150.0),
]
BREAK = SeriesBreak(2019, ("f",), ("grow",), "grow restated in 2019")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(
        ROWS, CITIES,
        [indicator("out"), indicator("grow"), indicator("share", "percent"),
         indicator("cost", higher_is_better=False), indicator("wage"), indicator("empty")],
        [BREAK],
    )


def test_default_year_is_the_latest_that_every_selected_city_has(dataset: Dataset) -> None:
    # 2021 has f and b but not a -> 2020
    assert indicator_metrics(dataset, "f", ["a", "b"], "out").year == 2020


def test_the_table_and_its_details_describe_the_same_year(dataset: Dataset) -> None:
    # 'out' in 2021: f 70 and b 90, but not a -> the table's row is 2020 as well (a 40, b 80):
    # an index of 100 must mean the value shown against the median shown.
    table_row = compare_indicator(dataset, "f", ["a", "b"], "out")
    details = indicator_metrics(dataset, "f", ["a", "b"], "out")
    assert table_row.year == details.year == 2020
    assert table_row.focus.value == details.focus.value == 60.0
    assert table_row.peer_median == details.peer_median == 60.0
    assert details.focus.index == pytest.approx(table_row.focus.value / table_row.peer_median
                                                * 100)


def test_ranks_within_the_selection_and_among_the_pool(dataset: Dataset) -> None:
    row = indicator_metrics(dataset, "f", ["a", "b"], "out")
    f, a, b = row.cells
    # selection: b 80 (1), f 60 (2), a 40 (3)
    assert (f.rank, a.rank, b.rank) == (2, 3, 1)
    assert f.selection_count == 3
    # pool = CN prefecture cities + municipality: 100, 80, 60 (f), 60 (m), 40, 20.
    # The province (1000) and the US metro (500) are not in it.
    assert f.pool_count == 6
    assert f.pool_rank == 3  # two values are higher
    # percentile: 2 of the 5 others lower, 1 equal (counts half): (2 + 0.5) / 5 = 50
    assert f.percentile == pytest.approx(50.0)
    assert a.pool_rank == 5 and a.percentile == pytest.approx(20.0)  # 1 of 5 lower
    assert b.pool_rank == 2 and b.percentile == pytest.approx(80.0)


def test_the_pool_never_holds_provinces_or_other_countries(dataset: Dataset) -> None:
    panel = panel_for(dataset)
    assert sorted(panel.pool_ids("f")) == ["a", "b", "c", "d", "f", "m"]
    assert panel.pool_ids("p") == ["p"]
    assert panel.pool_ids("u") == ["u"]


def test_peer_median_gap_and_index(dataset: Dataset) -> None:
    row = indicator_metrics(dataset, "f", ["a", "b"], "out")
    # peers a 40 and b 80: median 60 = f -> gap 0, index 100
    assert row.peer_median == 60.0
    assert row.focus.gap == 0.0
    assert row.focus.index == pytest.approx(100.0)
    assert row.cells[1].index == pytest.approx(40 / 60 * 100)
    assert row.sentence_en == "F's out is about the same as the peer median."


def test_percent_indicators_gap_in_points(dataset: Dataset) -> None:
    row = indicator_metrics(dataset, "f", ["a", "b"], "share")
    # median of 20 and 25 = 22.5; 30 - 22.5 = 7.5 pp
    assert row.peer_median == 22.5
    assert row.gap_unit == "pp"
    assert row.focus.gap == pytest.approx(7.5)
    assert row.sentence_en == "F's share is 7.5 percentage points above the peer median."
    one_year = row.focus.change(1)
    assert one_year is not None
    assert one_year.change == pytest.approx(2.0) and one_year.unit == "pp"  # 28 -> 30
    assert one_year.cagr is None


def test_lower_is_better_flips_ranks(dataset: Dataset) -> None:
    row = indicator_metrics(dataset, "f", ["a", "b"], "cost")
    f, a, b = row.cells
    assert (a.rank, f.rank, b.rank) == (1, 2, 3)
    # pool values 5, 3, 8, 4: lower than 5 are 3 and 4 -> rank 3; percentile follows the
    # value: 2 of 3 others are lower -> 66.7
    assert f.pool_rank == 3 and f.pool_count == 4
    assert f.percentile == pytest.approx(200 / 3)


def test_change_and_cagr_with_a_break_inside_the_window(dataset: Dataset) -> None:
    row = indicator_metrics(dataset, "f", ["a", "b"], "grow", horizons=(1, 2, 5, 10))
    f = row.focus
    assert f.year == 2020
    one, two, five, ten = (f.change(h) for h in (1, 2, 5, 10))
    assert one is not None and two is not None and five is not None and ten is not None
    assert one.change == pytest.approx(10.0)  # 110 -> 121
    assert two.change == pytest.approx(21.0)  # 100 -> 121
    assert two.cagr == pytest.approx(10.0)  # (121/100)^(1/2) - 1
    assert five.change is None and five.start_value is None  # no 2015 value
    assert ten.change == pytest.approx(100.0)  # 60.5 -> 121
    assert ten.cagr == pytest.approx((2 ** 0.1 - 1) * 100)  # 7.177%
    # break in 2019: between 2018 and 2019, so inside 2018-2020 and 2010-2020, not 2019-2020
    assert one.break_years == () and not one.has_break
    assert two.break_years == (2019,) and ten.break_years == (2019,)
    assert row.break_notes == ("grow restated in 2019",)
    # a peer without a 2019 value has no 1-year change
    assert row.cells[1].change(1) is not None
    assert row.cells[1].change(1).change is None  # type: ignore[union-attr]


def test_twice_and_two_thirds_in_words(dataset: Dataset) -> None:
    # grow 2020: peers a 242 and b 80 -> median 161; f 121 / 161 = 0.7516 -> three-quarters
    row = indicator_metrics(dataset, "f", ["a", "b"], "grow")
    assert row.peer_median == 161.0
    assert row.sentence_en == "F's grow is about three-quarters of the peer median."
    assert row.sentence_zh == "f市grow（中文）约为同类城市中位数的四分之三。"


def test_a_cell_from_an_earlier_year_shows_its_year(dataset: Dataset) -> None:
    row = indicator_metrics(dataset, "f", ["a", "b"], "wage")
    # no year has all three; 2020 is the latest f shares with a peer; a shows 2018
    assert row.year == 2020
    a = row.cells[1]
    assert (a.value, a.year, a.other_year) == (50.0, 2018, True)
    assert not row.focus.other_year
    assert row.peer_median == 100.0  # (50 + 150) / 2


def test_an_asked_year_is_used_for_every_indicator(dataset: Dataset) -> None:
    profile = profile_metrics(dataset, "f", ["a", "b"], ["out", "share"], year=2019)
    out = profile.row("out")
    assert out.year == 2019
    assert [c.value for c in out.cells] == [55.0, 35.0, 75.0]
    share = profile.row("share")
    assert share.focus.value == 28.0
    assert share.cells[1].value is None  # a has no share in or before 2019


def test_default_indicators_are_those_the_selection_has(dataset: Dataset) -> None:
    profile = profile_metrics(dataset, "f", ["a", "b"])
    assert [r.indicator_id for r in profile.rows] == ["out", "grow", "share", "cost", "wage"]
    assert profile.notes == ()
    with_us = profile_metrics(dataset, "f", ["u"], ["out"])
    assert any("commuting" in note for note in with_us.notes)


def test_unknown_indicator(dataset: Dataset) -> None:
    with pytest.raises(UnknownIndicatorError):
        indicator_metrics(dataset, "f", ["a"], "nope")


def test_provenance_on_demand(dataset: Dataset) -> None:
    row = indicator_metrics(dataset, "f", ["a", "b"], "out")
    provenance = cell_provenance(dataset, "out", row.focus)
    assert provenance is not None and provenance.source.file == "hand.csv"
    assert row.focus.source_id == "src"


# --- words --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("ratio", "en", "zh"),
    [
        (0.5, "half", "一半"),
        (0.66, "two-thirds of", "三分之二"),
        (0.74, "three-quarters of", "四分之三"),
        (1.5, "one and a half times", "1.5倍"),
        (2.05, "twice", "两倍"),
        (0.33, "a third of", "三分之一"),
    ],
)
def test_friendly_fractions(ratio: float, en: str, zh: str) -> None:
    assert friendly_fraction(ratio, "en") == en
    assert friendly_fraction(ratio, "zh") == zh


@pytest.mark.parametrize("ratio", [0.58, 0.85, 1.2, 1.75, 2.5, 0.0, -1.0])
def test_no_fraction_when_not_close(ratio: float) -> None:
    assert friendly_fraction(ratio) is None


def test_sentences_fall_back_to_percent_and_times() -> None:
    ind = indicator("gdp_per_capita")
    assert peer_sentence("X", ind, 58.0, 100.0) == (
        "X's gdp per capita is about 58% of the peer median.")
    assert peer_sentence("X", ind, 120.0, 100.0) == (
        "X's gdp per capita is about 20% above the peer median.")
    assert peer_sentence("X", ind, 250.0, 100.0) == (
        "X's gdp per capita is about 2.5 times the peer median.")
    assert peer_sentence("X", ind, 66.0, 100.0) == (
        "X's gdp per capita is about two-thirds of the peer median.")
    assert peer_sentence("沈阳市", ind, 66.0, 100.0, "zh") == (
        "沈阳市gdp_per_capita（中文）约为同类城市中位数的三分之二。")
    assert peer_sentence("X", ind, None, 100.0) == ""
    assert "peer median is" in peer_sentence("X", ind, 5.0, -3.0)


# --- the bundled data ---------------------------------------------------------------------

NORTH_EAST = ["cn-210200", "cn-230100", "cn-220100"]  # Dalian, Harbin, Changchun


def test_shenyang_2016_gdp_per_capita_against_its_peers(bundled: Dataset) -> None:
    row = indicator_metrics(bundled, "cn-210100", NORTH_EAST, "gdp_per_capita", 2016)
    # CRE_Gdpct.csv 2016 GDP_PerCapita: Shenyang 66893.2015 (line 8457), Dalian 97469.6
    # (8458), Harbin 45487 (8499), Changchun 79434 (8367) -> median 79434
    assert row.focus.value == 66893.2015
    assert row.peer_median == 79434.0
    assert row.focus.index == pytest.approx(66893.2015 / 79434 * 100)  # 84.2
    assert row.focus.rank == 3
    assert row.sentence_en == "Shenyang's GDP per capita is about 84% of the peer median."
    assert row.sentence_zh.startswith("沈阳市") and "84%" in row.sentence_zh
    # 2015 -> 2016 crosses Liaoning's restatement; 87734 -> 66893.2015
    one = row.focus.change(1)
    assert one is not None and one.break_years == (2016,)
    assert one.change == pytest.approx((66893.2015 / 87734 - 1) * 100)


def test_pool_ranks_only_cities_of_the_same_kind(bundled: Dataset) -> None:
    row = indicator_metrics(bundled, "cn-210100", NORTH_EAST, "gdp", 2016)
    kinds = {"prefecture_city", "municipality"}
    expected = sum(
        1 for c in bundled.cities.values()
        if c.country == "CN" and c.kind in kinds and bundled.observation(c.id, "gdp", 2016)
    )
    assert row.focus.pool_count == expected
    higher = sum(
        1 for c in bundled.cities.values()
        if c.country == "CN" and c.kind in kinds
        and (o := bundled.observation(c.id, "gdp", 2016)) and o.value > 554_644_980_000.0
    )
    assert row.focus.pool_rank == higher + 1


def test_agrees_with_compare_indicator(bundled: Dataset) -> None:
    for indicator_id in ("gdp", "gdp_per_capita", "average_wage", "gdp_share_tertiary",
                         "fdi_utilised"):
        for year in (2016, None):
            old = compare_indicator(bundled, "cn-210100", NORTH_EAST, indicator_id, year)
            new = indicator_metrics(bundled, "cn-210100", NORTH_EAST, indicator_id, year)
            if year is not None:
                assert new.year == old.year
            if new.year == old.year:
                assert new.peer_median == old.peer_median
                assert [c.value for c in new.cells] == [c.value for c in old.cells]
                assert [c.rank for c in new.cells] == [c.rank for c in old.cells]
                assert new.focus.gap == old.focus.gap


def test_another_set_of_peers_keeps_the_focus_citys_own_findings(bundled: Dataset) -> None:
    """The focus city's pool rank, percentile, changes and sources are kept from one set of
    peers to the next while its values are in the same years (profile_metrics._FocusPart):
    every result is the one made from scratch, including when the peers move the year."""
    from desktop.analysis import profile_metrics as module

    indicators = list(bundled.indicators)
    steps = [("cn-210100", ("cn-210200", "cn-230100"), 2016),
             ("cn-210100", ("cn-210200", "cn-230100", "cn-220100"), 2016),  # kept
             ("cn-210100", ("cn-110100",), 2016),  # kept
             ("cn-210100", ("cn-210200",), None),  # the latest shared year
             ("cn-210100", ("cn-110100", "cn-440300"), None),
             ("cn-230100", ("cn-210100",), None),  # another focus
             ("cn-210100", ("cn-210200",), 2012)]
    kept = 0
    for focus, peers, year in steps:
        before = module._LAST_FOCUS[:]
        reused = module.profile_metrics(bundled, focus, peers, indicators, year,
                                        focus_only=True)
        kept += bool(before) and module._LAST_FOCUS[0] is before[0]
        module._LAST_FOCUS.clear()
        fresh = module.profile_metrics(bundled, focus, peers, indicators, year,
                                       focus_only=True)
        assert reused == fresh
        assert [r.sentence("en") for r in reused.rows] == [r.sentence("en") for r in fresh.rows]
        module._LAST_FOCUS[:] = before  # as the sequence left it
        module.profile_metrics(bundled, focus, peers, indicators, year, focus_only=True)
    assert kept >= 2
