"""Peer finder: distances, contributions and missing values, worked out by hand.

Base example, year 2020, indicators x and y, focus f, candidates a, b, c:
    x: f 0, a 2, b 0, c 2  -> mean 1, population sd 1 -> z: -1, 1, -1, 1
    y: f 0, a 0, b 4, c 4  -> mean 2, population sd 2 -> z: -1, -1, 1, 1
Equal weights (1/2 each): d(a) = sqrt(1/2 * 2^2) = sqrt 2 (all from x), d(b) = sqrt 2 (all
from y), d(c) = sqrt(1/2 * 4 + 1/2 * 4) = 2 (half each).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.peers import (
    PeerQueryError,
    default_indicators,
    find_peers,
    parse_weights,
    scale,
)
from desktop.core.dataset import Dataset
from desktop.core.errors import UnknownCityError, UnknownIndicatorError

BASE = [
    ("f", "x", 2020, 0.0), ("a", "x", 2020, 2.0), ("b", "x", 2020, 0.0), ("c", "x", 2020, 2.0),
    ("f", "y", 2020, 0.0), ("a", "y", 2020, 0.0), ("b", "y", 2020, 4.0), ("c", "y", 2020, 4.0),
    # not candidates: a province and a US metro with values right on the focus city
    ("p", "x", 2020, 0.0), ("p", "y", 2020, 0.0), ("u", "x", 2020, 0.0), ("u", "y", 2020, 0.0),
]
CITIES = [city("f"), city("a"), city("b"), city("c"), city("d"), city("p", kind="province"),
          city("u", kind="us_metro", country="US")]
INDICATORS = [indicator("x"), indicator("y"), indicator("z")]


def _dataset(rows: list[tuple[str, str, int, float]]) -> Dataset:
    return build_dataset(rows, CITIES, INDICATORS)


@pytest.fixture(scope="module")
def base() -> Dataset:
    return _dataset(BASE)


def test_zscore_distances_and_contributions(base: Dataset) -> None:
    result = find_peers(base, "f", ["x", "y"], k=3)
    assert result.year == 2020
    assert [m.city_id for m in result.matches] == ["a", "b", "c"]  # a and b tie: by id
    a, b, c = result.matches
    assert a.distance == pytest.approx(math.sqrt(2))
    assert b.distance == pytest.approx(math.sqrt(2))
    assert c.distance == pytest.approx(2.0)
    assert a.contributions == pytest.approx({"x": 1.0, "y": 0.0})
    assert b.contributions == pytest.approx({"x": 0.0, "y": 1.0})
    assert c.contributions == pytest.approx({"x": 0.5, "y": 0.5})
    assert result.weights == {"x": 0.5, "y": 0.5}
    assert result.missing.pool_size == 4  # a, b, c, d: not p (province), not u (US)


def test_weights_change_the_order(base: Dataset) -> None:
    # weights 3:1 -> 0.75, 0.25: d(a) = sqrt(0.75 * 4) = sqrt 3, d(b) = sqrt(0.25 * 4) = 1,
    # d(c) = sqrt(0.75 * 4 + 0.25 * 4) = 2
    result = find_peers(base, "f", ["x", "y"], {"x": 3, "y": 1}, k=3)
    assert [m.city_id for m in result.matches] == ["b", "a", "c"]
    assert [m.distance for m in result.matches] == pytest.approx([1.0, math.sqrt(3), 2.0])
    assert result.matches[2].contributions == pytest.approx({"x": 0.75, "y": 0.25})


def test_minmax_and_rank_scaling(base: Dataset) -> None:
    # minmax: x -> 0, 1, 0, 1; y -> 0, 0, 1, 1: d(a) = d(b) = sqrt(1/2), d(c) = 1
    result = find_peers(base, "f", ["x", "y"], k=3, scaling="minmax")
    assert [m.distance for m in result.matches] == pytest.approx([math.sqrt(0.5)] * 2 + [1.0])
    # rank: x 0,2,0,2 -> average ranks 1.5, 3.5 -> (r - 1) / 3 = 1/6, 5/6; gap 2/3
    result = find_peers(base, "f", ["x", "y"], k=3, scaling="rank")
    assert result.matches[0].distance == pytest.approx(math.sqrt(0.5 * (2 / 3) ** 2))
    assert result.matches[2].distance == pytest.approx(2 / 3)


def test_scale_by_hand() -> None:
    values = np.array([1.0, np.nan, 3.0, 5.0])
    # mean 3, population sd sqrt(8/3)
    assert scale(values, "zscore")[[0, 2, 3]] == pytest.approx(
        [-2 / math.sqrt(8 / 3), 0.0, 2 / math.sqrt(8 / 3)])
    assert np.isnan(scale(values, "zscore")[1])
    assert scale(values, "minmax")[[0, 2, 3]] == pytest.approx([0.0, 0.5, 1.0])
    assert scale(np.array([2.0, 2.0]), "zscore") == pytest.approx([0.0, 0.0])


# With d: x = 1 (the mean of the others), no y.
#   x: f 0, a 2, b 0, c 2, d 1 -> mean 1, sd sqrt(0.8) -> z = (x - 1) / sqrt(0.8)
#   y as before (d has none): z -1, -1, 1, 1
#   d: only x, |z diff| = 1/sqrt(0.8); renormalised: sqrt(0.5 * 1.25 / 0.5) = sqrt(1.25)
#   a: x diff 2/sqrt(0.8) (squared 5), y 0 -> sqrt(0.5 * 5) = sqrt(2.5)
#   b: x 0, y 2 -> sqrt(2);  c: sqrt(0.5 * 5 + 0.5 * 4) = sqrt(4.5)
WITH_D = [*BASE, ("d", "x", 2020, 1.0)]


def test_renormalise_compares_over_the_indicators_a_city_has() -> None:
    result = find_peers(_dataset(WITH_D), "f", ["x", "y"], k=4)
    assert [m.city_id for m in result.matches] == ["d", "b", "a", "c"]
    assert [m.distance for m in result.matches] == pytest.approx(
        [math.sqrt(1.25), math.sqrt(2), math.sqrt(2.5), math.sqrt(4.5)])
    d = result.matches[0]
    assert d.missing == ("y",)
    assert d.contributions == pytest.approx({"x": 1.0})
    report = result.missing
    assert (report.pool_size, report.compared, report.complete, report.renormalised,
            report.excluded) == (4, 4, 3, 1, 0)
    assert report.missing_by_indicator == {"x": 0, "y": 1}
    assert report.describe().startswith("1 of 4 compared cities lacks some indicators")


def test_missing_notes_agree_with_their_counts() -> None:
    """The note under a peer table reads right for one city, for several and for none:
    '1 of 4 … lacks … its', '2 of 4 … lack … their', never '0 of 4 cities lack'."""
    dataset = _dataset(WITH_D)  # d lacks y
    assert find_peers(dataset, "f", ["x", "y"], k=4).missing.describe() == (
        "1 of 4 compared cities lacks some indicators: its distance is averaged over the "
        "indicators it has; none of the 4 cities excluded: each has at least 50% of the "
        "weight.")
    assert find_peers(dataset, "f", ["x", "y"], k=4, missing="exclude").missing.describe() \
        == "1 of 4 cities excluded: it lacks at least one indicator."
    assert find_peers(dataset, "f", ["x", "y"], k=4, min_coverage=0.6).missing.describe() == (
        "all 3 compared cities have every indicator; 1 of 4 cities excluded: it has less than "
        "60% of the weight.")
    two = _dataset([row for row in WITH_D if row[:2] != ("c", "y")])  # c and d lack y
    assert find_peers(two, "f", ["x", "y"], k=4).missing.describe() == (
        "2 of 4 compared cities lack some indicators: their distance is averaged over the "
        "indicators they have; none of the 4 cities excluded: each has at least 50% of the "
        "weight.")
    assert find_peers(two, "f", ["x", "y"], k=4, missing="exclude").missing.describe() == (
        "2 of 4 cities excluded: they lack at least one indicator.")


def test_exclude_policy_and_min_coverage() -> None:
    dataset = _dataset(WITH_D)
    result = find_peers(dataset, "f", ["x", "y"], k=4, missing="exclude")
    # d is left out, but its x still counts in the scaling
    assert [m.city_id for m in result.matches] == ["b", "a", "c"]
    assert [m.distance for m in result.matches] == pytest.approx(
        [math.sqrt(2), math.sqrt(2.5), math.sqrt(4.5)])
    assert (result.missing.compared, result.missing.excluded) == (3, 1)
    # d carries only half the weight: excluded when at least 60% is required
    strict = find_peers(dataset, "f", ["x", "y"], k=4, min_coverage=0.6)
    assert "d" not in strict.peer_ids and strict.missing.excluded == 1


def test_an_indicator_the_focus_lacks_is_dropped_and_said(base: Dataset) -> None:
    result = find_peers(base, "f", ["x", "y", "z"], k=1)
    assert result.indicators == ("x", "y")
    assert result.missing.focus_missing == ("z",)
    assert "dropped z" in result.missing.describe()


def test_default_year_and_indicators() -> None:
    # 2021: the focus city has x only, so 2020 (both) is the default year
    dataset = _dataset([*BASE, ("f", "x", 2021, 1.0), ("a", "x", 2021, 1.0)])
    # none of the economic-structure defaults here: every indicator the focus city has
    assert default_indicators(dataset, "f") == ("x", "y")
    result = find_peers(dataset, "f")
    assert result.year == 2020 and result.k == 5
    # d has no values at all: excluded, and counted
    assert result.peer_ids == ("a", "b", "c")
    assert result.missing.excluded == 1


def test_bad_queries() -> None:
    dataset = _dataset(BASE)
    with pytest.raises(PeerQueryError):
        find_peers(dataset, "f", ["x"], scaling="euclid")
    with pytest.raises(PeerQueryError):
        find_peers(dataset, "f", ["x"], k=0)
    with pytest.raises(PeerQueryError):
        find_peers(dataset, "f", ["x"], {"x": -1})
    with pytest.raises(PeerQueryError):
        find_peers(dataset, "f", ["x"], {"y": 1})
    with pytest.raises(PeerQueryError):
        find_peers(dataset, "f", ["z"])  # the focus city has no z at all
    with pytest.raises(UnknownCityError):
        find_peers(dataset, "nowhere", ["x"])
    with pytest.raises(UnknownIndicatorError):
        find_peers(dataset, "f", ["nope"])


def test_bad_queries_say_why_by_code_with_english_that_agrees() -> None:
    """A refused query names its problem by code and values (the CLI says it in Chinese from
    them) and keeps an English reason, in which counts agree with their nouns."""
    with pytest.raises(PeerQueryError) as one:
        parse_weights("1", ["a", "b"])
    assert one.value.reason == "1 weight for 2 indicators (a, b)"
    assert one.value.params["why"] == "peer_weights_count"
    assert one.value.params["why_values"] == {"weights_given": 1, "indicators_chosen": 2,
                                              "indicators": "a, b"}
    with pytest.raises(PeerQueryError) as three:
        parse_weights("1,2,3", ["a", "b"])
    assert three.value.reason == "3 weights for 2 indicators (a, b)"
    with pytest.raises(PeerQueryError) as year:
        find_peers(_dataset(BASE), "f", ["x"], year=1990)
    assert year.value.reason == ("F has none of the chosen indicators in 1990 (the data run "
                                 "from 2020 to 2020)")
    assert year.value.params["why_values"]["city_id"] == "f"


def test_parse_weights() -> None:
    assert parse_weights(None, ["a", "b"]) == {"a": 1.0, "b": 1.0}
    assert parse_weights("2,0.5", ["a", "b"]) == {"a": 2.0, "b": 0.5}
    assert parse_weights("b=3", ["a", "b"]) == {"a": 1.0, "b": 3.0}
    for bad in ("1", "a=1,2", "c=1", "x,y", "0,0", "-1,2"):
        with pytest.raises(PeerQueryError):
            parse_weights(bad, ["a", "b"])


# --- the bundled data ---------------------------------------------------------------------

def test_shenyang_peers_come_from_chinese_cities_with_reasons(bundled: Dataset) -> None:
    result = find_peers(bundled, "cn-210100", k=5)
    assert result.indicators == (
        "gdp_per_capita", "population_registered", "gdp_share_secondary",
        "gdp_share_tertiary", "average_wage", "gdp_real_growth")
    assert len(result.matches) == 5
    kinds = {bundled.cities[m.city_id].kind for m in result.matches}
    assert kinds <= {"prefecture_city", "municipality"}
    # 337 prefecture-level cities + 4 municipalities, minus Shenyang
    assert result.missing.pool_size == 340
    for match in result.matches:
        assert sum(match.contributions.values()) == pytest.approx(1.0)
    distances = [m.distance for m in result.matches]
    assert distances == sorted(distances)


def test_us_metro_defaults_to_us_indicators(bundled: Dataset) -> None:
    result = find_peers(bundled, "us-38300", k=3)  # Pittsburgh
    # the structure set limited to what BEA and Brookings give US metros (issue #13)
    assert result.indicators == ("gdp_per_capita", "average_wage", "gdp_real_growth")
    assert all(m.city_id.startswith("us-") for m in result.matches)
