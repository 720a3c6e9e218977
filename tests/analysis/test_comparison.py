"""Comparison of a focus city with peers: ranks, peer median, gaps and year fallback.

Every expected number is worked out by hand from the small table below (or, for the last
test, from the CSMAR source lines quoted there).
"""

from __future__ import annotations

import pandas as pd
import pytest

from desktop.analysis.comparison import (
    Cell,
    IndicatorComparison,
    build_profile,
    compare_indicator,
    default_year,
    gap_percent,
    rank_values,
)
from desktop.core.catalog import City, Field, Indicator, SeriesBreak, Source
from desktop.core.dataset import Dataset
from desktop.core.errors import UnknownIndicatorError
from desktop.core.storage import load_bundled

F, P1, P2, P3, P4, P5 = "focus", "p1", "p2", "p3", "p4", "p5"

ROWS = [
    # output: higher is better. 2020 has no ties; 2021 has a tie for second place.
    (F, "output", 2020, 50.0, 10),
    (P1, "output", 2020, 30.0, 11),
    (P2, "output", 2020, 20.0, 12),
    (P3, "output", 2020, 10.0, 13),
    (P4, "output", 2020, 40.0, 14),
    (F, "output", 2021, 20.0, 20),
    (P1, "output", 2021, 30.0, 21),
    (P2, "output", 2021, 20.0, 22),
    (P3, "output", 2021, 10.0, 23),
    # unemployment: lower is better
    (F, "unemployment", 2020, 5.0, 30),
    (P1, "unemployment", 2020, 3.0, 31),
    (P2, "unemployment", 2020, 5.0, 32),
    (P3, "unemployment", 2020, 8.0, 33),
    # wage: gaps in the years; p3 only has a later year; p5 has nothing at all
    (F, "wage", 2018, 90.0, 40),
    (F, "wage", 2019, 95.0, 41),
    (F, "wage", 2020, 100.0, 42),
    (P1, "wage", 2018, 70.0, 43),
    (P1, "wage", 2020, 80.0, 44),
    (P2, "wage", 2018, 90.0, 45),
    (P3, "wage", 2021, 500.0, 46),
    # jobs: the focus city has no value at all
    (P1, "jobs", 2015, 1.0, 50),
    (P2, "jobs", 2017, 2.0, 51),
    # solo: only the focus city
    (F, "solo", 2012, 7.0, 60),
    # debt: negative peer median
    (F, "debt", 2020, -30.0, 70),
    (P1, "debt", 2020, -20.0, 71),
]


def _indicator(indicator_id: str, higher_is_better: bool | None, unit: str = "CNY") -> Indicator:
    return Indicator(
        indicator_id,
        indicator_id.title(),
        indicator_id,
        unit,
        "Test",
        higher_is_better,
        fields=(Field("src", indicator_id.upper(), "元"),),
    )


BREAK = SeriesBreak(2016, (F,), ("output",), "Output restated in 2016")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    frame = pd.DataFrame(
        [(c, i, y, v, "src", r) for c, i, y, v, r in ROWS],
        columns=["city_id", "indicator_id", "year", "value", "source_id", "source_row"],
    )
    return Dataset(
        frame,
        cities=[City(c, c) for c in (F, P1, P2, P3, P4, P5)],
        indicators=[
            _indicator("output", True),
            _indicator("unemployment", False, "percent"),
            _indicator("wage", True),
            _indicator("jobs", True),
            _indicator("solo", True),
            _indicator("debt", None),
            _indicator("empty", True),
        ],
        sources=[Source("src", "test.csv", "Test", "Test data")],
        series_breaks=[BREAK],
    )


# --- rank_values and gap_percent -----------------------------------------------------------


def test_competition_ranking_shares_the_better_rank() -> None:
    assert rank_values({"a": 30.0, "b": 20.0, "c": 20.0, "d": 10.0}, True) == {
        "a": 1,
        "b": 2,
        "c": 2,
        "d": 4,
    }


def test_lower_is_better_flips_the_ranking() -> None:
    assert rank_values({"a": 30.0, "b": 20.0, "c": 20.0, "d": 10.0}, False) == {
        "a": 4,
        "b": 2,
        "c": 2,
        "d": 1,
    }


def test_unknown_direction_ranks_highest_first() -> None:
    assert rank_values({"a": 1.0, "b": 3.0, "c": 2.0}, None) == {"a": 3, "b": 1, "c": 2}


def test_all_tied() -> None:
    assert rank_values({"a": 5.0, "b": 5.0, "c": 5.0}, True) == {"a": 1, "b": 1, "c": 1}
    assert rank_values({}, True) == {}


@pytest.mark.parametrize(
    ("value", "reference", "expected"),
    [
        (50.0, 20.0, 150.0),  # (50 - 20) / 20 * 100
        (10.0, 20.0, -50.0),
        (20.0, 20.0, 0.0),
        (-30.0, -20.0, -50.0),  # (-30 - -20) / |-20| * 100: more negative is below
        (-10.0, -20.0, 50.0),
    ],
)
def test_gap_percent(value: float, reference: float, expected: float) -> None:
    assert gap_percent(value, reference) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "reference"), [(None, 20.0), (50.0, None), (50.0, 0.0), (50.0, float("nan"))]
)
def test_gap_percent_is_none_without_a_usable_reference(
    value: float | None, reference: float | None
) -> None:
    assert gap_percent(value, reference) is None


# --- compare_indicator ---------------------------------------------------------------------


def _by_city(comparison: IndicatorComparison) -> dict[str, Cell]:
    return {cell.city_id: cell for cell in comparison.cells}


def test_ranks_and_odd_peer_median(dataset: Dataset) -> None:
    # 2020 output: focus 50, p1 30, p2 20, p3 10 -> ranks 1, 2, 3, 4
    # peer median of (30, 20, 10) = 20 (it would be 25 if the focus were counted)
    result = compare_indicator(dataset, F, [P1, P2, P3], "output", 2020)
    cells = _by_city(result)
    assert {c: cells[c].rank for c in cells} == {F: 1, P1: 2, P2: 3, P3: 4}
    assert result.peer_median == 20.0
    assert result.focus.gap == pytest.approx(150.0)  # (50 - 20) / 20
    assert cells[P3].gap == pytest.approx(-50.0)  # (10 - 20) / 20
    assert cells[P2].gap == 0.0
    assert result.ranked_count == 4
    assert result.year == 2020
    assert [c.city_id for c in result.peers] == [P1, P2, P3]


def test_even_peer_median(dataset: Dataset) -> None:
    # peers (30, 20, 10, 40) -> sorted 10, 20, 30, 40 -> median (20 + 30) / 2 = 25
    # (with the focus, 10, 20, 30, 40, 50, it would be 30)
    result = compare_indicator(dataset, F, [P1, P2, P3, P4], "output", 2020)
    assert result.peer_median == 25.0
    assert result.focus.gap == pytest.approx(100.0)  # (50 - 25) / 25
    assert result.focus.rank == 1
    assert _by_city(result)[P4].rank == 2


def test_ties_use_competition_ranking(dataset: Dataset) -> None:
    # 2021 output: p1 30, focus 20, p2 20, p3 10 -> 1, 2, 2, 4
    result = compare_indicator(dataset, F, [P1, P2, P3], "output", 2021)
    cells = _by_city(result)
    assert {c: cells[c].rank for c in cells} == {P1: 1, F: 2, P2: 2, P3: 4}
    assert result.peer_median == 20.0  # median of 30, 20, 10
    assert result.focus.gap == 0.0


def test_lower_is_better_ranks_lowest_first(dataset: Dataset) -> None:
    # unemployment 2020: p1 3, focus 5, p2 5, p3 8 -> 1, 2, 2, 4
    result = compare_indicator(dataset, F, [P1, P2, P3], "unemployment", 2020)
    cells = _by_city(result)
    assert {c: cells[c].rank for c in cells} == {P1: 1, F: 2, P2: 2, P3: 4}
    assert result.peer_median == 5.0  # median of 3, 5, 8
    assert result.focus.gap == 0.0


def test_percent_indicators_gap_in_percentage_points(dataset: Dataset) -> None:
    # unemployment is in percent: p3's 8% against the peer median 5% is +3 points, not +60%
    result = compare_indicator(dataset, F, [P1, P2, P3], "unemployment", 2020)
    assert result.gap_unit == "pp"
    assert _by_city(result)[P3].gap == pytest.approx(3.0)
    assert _by_city(result)[P1].gap == pytest.approx(-2.0)
    assert compare_indicator(dataset, F, [P1], "output", 2020).gap_unit == "%"


def test_missing_year_falls_back_to_latest_earlier_value(dataset: Dataset) -> None:
    # wage, asked for 2020: focus 100 (2020), p1 80 (2020), p2 has only 2018 (90),
    # p3 only has 2021 (later than asked: no value), p5 has no wage data at all.
    result = compare_indicator(dataset, F, [P1, P2, P3, P5], "wage", 2020)
    cells = _by_city(result)
    assert (cells[P2].value, cells[P2].year, cells[P2].latest_year) == (90.0, 2018, 2018)
    assert cells[P2].provenance is not None
    assert cells[P2].provenance.row == 45  # the 2018 row, not a 2020 one
    assert (result.focus.value, result.focus.year) == (100.0, 2020)
    assert result.focus.provenance is not None and result.focus.provenance.row == 42
    assert (cells[P3].value, cells[P3].year, cells[P3].latest_year) == (None, None, 2021)
    assert cells[P3].rank is None
    # ranks among focus 100, p2 90, p1 80
    assert (result.focus.rank, cells[P2].rank, cells[P1].rank) == (1, 2, 3)
    # peer median of 80 and 90 only: 85; gap (100 - 85) / 85 * 100
    assert result.peer_median == 85.0
    assert result.focus.gap == pytest.approx(1500.0 / 85.0)
    assert result.ranked_count == 3


def test_peer_without_any_data(dataset: Dataset) -> None:
    result = compare_indicator(dataset, F, [P1, P5], "wage", 2020)
    p5 = _by_city(result)[P5]
    assert (p5.value, p5.year, p5.latest_year, p5.rank, p5.gap, p5.provenance) == (
        None,
        None,
        None,
        None,
        None,
        None,
    )
    assert not p5.has_value
    assert result.peer_median == 80.0  # p1 alone; p5 is not counted
    assert result.ranked_count == 2


def test_focus_without_data(dataset: Dataset) -> None:
    # jobs: p1 has 2015 = 1, p2 has 2017 = 2; default year is the latest peer year, 2017
    result = compare_indicator(dataset, F, [P1, P2], "jobs")
    assert result.year == 2017
    assert result.focus.value is None and result.focus.rank is None
    assert result.focus.gap is None
    cells = _by_city(result)
    assert (cells[P1].value, cells[P1].year) == (1.0, 2015)  # fallback to its latest earlier
    assert (cells[P2].rank, cells[P1].rank) == (1, 2)
    assert result.peer_median == 1.5


def test_negative_peer_median_gap(dataset: Dataset) -> None:
    # debt 2020: focus -30, p1 -20 -> median -20, gap (-30 + 20) / 20 * 100 = -50
    result = compare_indicator(dataset, F, [P1], "debt", 2020)
    assert result.peer_median == -20.0
    assert result.focus.gap == pytest.approx(-50.0)
    assert (result.focus.rank, result.peers[0].rank) == (2, 1)


def test_focus_listed_among_peers_is_not_its_own_peer(dataset: Dataset) -> None:
    result = compare_indicator(dataset, F, [F, P1, P2, P3], "output", 2020)
    assert [c.city_id for c in result.peers] == [P1, P2, P3]
    assert result.peer_median == 20.0


def test_break_notes_are_attached(dataset: Dataset) -> None:
    assert compare_indicator(dataset, F, [P1], "output", 2020).break_notes == (
        "Output restated in 2016",
    )
    assert compare_indicator(dataset, F, [P1], "wage", 2020).break_notes == ()


def test_unknown_indicator(dataset: Dataset) -> None:
    with pytest.raises(UnknownIndicatorError):
        compare_indicator(dataset, F, [P1], "nope", 2020)


# --- default_year --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "peers", "expected"),
    [
        # focus and a peer both have 2021
        ("output", [P1, P2, P3], 2021),
        # focus 2018-2020, p1 2018 and 2020, p3 only 2021: shared latest is 2020, not 2021
        ("wage", [P1, P3], 2020),
        # focus 2018-2020 and p2 only 2018: shared latest 2018
        ("wage", [P2], 2018),
        # no shared year: the focus city's latest, 2020
        ("wage", [P3], 2020),
        # the focus city has nothing: the latest of any peer
        ("jobs", [P1, P2], 2017),
        # peers have nothing: the focus city's latest
        ("solo", [P1, P2], 2012),
        ("empty", [P1, P2], None),
    ],
)
def test_default_year(
    dataset: Dataset, indicator_id: str, peers: list[str], expected: int | None
) -> None:
    assert default_year(dataset, F, peers, indicator_id) == expected


def test_no_year_given_uses_the_default_year(dataset: Dataset) -> None:
    result = compare_indicator(dataset, F, [P2], "wage")
    assert result.year == 2018
    assert (result.focus.value, result.focus.year, result.focus.latest_year) == (90.0, 2018, 2020)


def test_indicator_without_data_gives_empty_cells(dataset: Dataset) -> None:
    result = compare_indicator(dataset, F, [P1], "empty")
    assert result.year is None
    assert result.ranked_count == 0
    assert result.peer_median is None
    assert all(cell.value is None and cell.rank is None for cell in result.cells)


# --- build_profile -------------------------------------------------------------------------


def test_profile_rows_and_peers(dataset: Dataset) -> None:
    profile = build_profile(dataset, F, [P1, P1, F, P2], year=2020)
    assert profile.peer_ids == (P1, P2)  # duplicates and the focus itself removed
    # indicators any of the three has, in catalog order ('jobs' via p1/p2; not 'empty')
    assert [r.indicator_id for r in profile.rows] == [
        "output",
        "unemployment",
        "wage",
        "jobs",
        "solo",
        "debt",
    ]
    assert profile.row("output").peer_median == 25.0  # median of 30 and 20
    assert profile.row("wage").peer_median == 85.0  # 80 (2020) and 90 (2018)
    assert profile.requested_year == 2020


def test_profile_with_chosen_indicators(dataset: Dataset) -> None:
    profile = build_profile(dataset, F, [P1], ["wage", "output"])
    assert [r.indicator_id for r in profile.rows] == ["wage", "output"]
    assert profile.row("output").year == 2021  # default year per indicator
    assert profile.row("wage").year == 2020


# --- the real bundled data -----------------------------------------------------------------


def test_shenyang_against_the_north_east_on_2016_gdp() -> None:
    """CSMAR CRE_Gdpct (cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv), column Gdpct01 (亿元):

    8457: "2016","Shenyang(city)","210100",...,"5546.4498",...
    8458: "2016","Dalian(city)","210200",...,"6810.1998",...
    8499: "2016","Harbin(city)","230100",...,"6101.6000",...
    8367: "2016","Changchun(city)","220100",...,"5986.4200",...
    Peers sorted: 5986.42 < 6101.60 < 6810.1998 -> median Harbin's 6101.6 亿元.
    Ranks: Dalian 1, Harbin 2, Changchun 3, Shenyang 4.
    Gap: (5546.4498 - 6101.6) / 6101.6 * 100 = -555.1502 / 6101.6 * 100 = -9.0984...%.
    """
    dataset = load_bundled()
    dalian, harbin, changchun = "cn-210200", "cn-230100", "cn-220100"
    result = compare_indicator(dataset, "cn-210100", [dalian, harbin, changchun], "gdp", 2016)
    cells = _by_city(result)
    assert {c: cells[c].value for c in cells} == {
        "cn-210100": 554_644_980_000.0,
        dalian: 681_019_980_000.0,
        harbin: 610_160_000_000.0,
        changchun: 598_642_000_000.0,
    }
    assert {c: cells[c].rank for c in cells} == {
        dalian: 1,
        harbin: 2,
        changchun: 3,
        "cn-210100": 4,
    }
    assert result.peer_median == 610_160_000_000.0
    assert result.focus.gap == pytest.approx(-555.1502 / 6101.6 * 100, rel=1e-9)
    assert result.focus.gap == pytest.approx(-9.0984, abs=5e-5)
    assert result.gap_unit == "%"
    assert {c: cells[c].provenance.row for c in cells if cells[c].provenance} == {
        "cn-210100": 8457,
        dalian: 8458,
        harbin: 8499,
        changchun: 8367,
    }
    # Liaoning's restatement first (the catalog's), then the breaks register's for these
    # cities' GDP: the 2019 census cuts, Harbin's 1996 and Changchun's 2020 boundaries
    assert "5,546" in result.break_notes[0]
    assert sum("economic census" in note for note in result.break_notes) == 3
    assert result.ranked_count == 4


def test_harbin_growth_falls_back_to_nothing_before_2016() -> None:
    """CSMAR GDPYoY is empty for Harbin (230100) up to 2017; 2018 is "5.1000" (line 8895).

    Asked for 2016, Harbin has no value then or earlier, but its latest year (2021) is known;
    Shenyang's is "-5.6000" (line 8457), Dalian's "6.5000" (8458), Changchun's "7.7000" (8367).
    """
    dataset = load_bundled()
    result = compare_indicator(
        dataset, "cn-210100", ["cn-210200", "cn-230100", "cn-220100"], "gdp_real_growth", 2016
    )
    cells = _by_city(result)
    harbin = cells["cn-230100"]
    assert (harbin.value, harbin.rank, harbin.latest_year) == (None, None, 2021)
    assert result.peer_median == pytest.approx(7.1)  # (6.5 + 7.7) / 2
    # growth is a percentage: the gap is in points, -5.6 - 7.1 = -12.7 pp
    assert result.gap_unit == "pp"
    assert result.focus.gap == pytest.approx(-12.7)
    assert (result.focus.rank, cells["cn-210200"].rank, cells["cn-220100"].rank) == (3, 2, 1)
