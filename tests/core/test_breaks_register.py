"""The breaks register: every entry checked against the bundled numbers, and loaded into the
Dataset so that its breaks are marked and its suspect values flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.breaks_register import (
    BreaksRegister,
    RegisterEntry,
    load_register,
    merged_breaks,
    parse_register,
    register_path,
)
from desktop.core.dataset import Dataset
from desktop.core.errors import DatasetFileError
from desktop.core.storage import load_bundled

HARBIN, CHANGCHUN, TIANJIN, DALIAN = "cn-230100", "cn-220100", "cn-120100", "cn-210200"
SHENYANG, HANGZHOU, SHENZHEN = "cn-210100", "cn-330100", "cn-440300"

#: Per break entry: (city, indicator, change into the entry's year, in % of the year before)
#: — the numbers issue #13 quotes. A break the data no longer shows fails its test.
BREAK_CHANGES: dict[str, tuple[str, str, float]] = {
    "liaoning-2016-restatement": (SHENYANG, "gdp", -23.7),
    "census-2019-harbin": (HARBIN, "gdp", -16.7),
    "census-2019-changchun": (CHANGCHUN, "gdp", -17.7),
    "census-2019-tianjin": (TIANJIN, "gdp", -25.0),
    "census-2019-dalian": (DALIAN, "gdp", -8.7),
    "employment-scope-shenyang-2000": (SHENYANG, "employment", -67.6),  # 394.5 -> 127.8 万
    "employment-scope-hangzhou-1998": (HANGZHOU, "employment", -74.6),  # 419.8 -> 106.5 万
    "employment-scope-dalian-1998": (DALIAN, "employment", -61.9),
    "boundary-harbin-1996": (HARBIN, "gdp", 62.0),
    "boundary-harbin-1997-population": (HARBIN, "population_registered", 69.3),  # 540 -> 915
    "boundary-changchun-2020": (CHANGCHUN, "population_registered", 13.2),
    "denominator-shenzhen-2002": (SHENZHEN, "gdp_per_capita", -69.5),  # 152,099 -> 46,388
    "population-shenzhen-2002": (SHENZHEN, "population_registered", -63.4),
}
#: Per suspect entry: (city, indicator, year, the suspect value, its ratio to the mean of
#: the neighbouring years' values, at least).
SUSPECTS: dict[str, list[tuple[str, str, int, float, float]]] = {
    "scale-chaoyang-1994": [("cn-211300", "population_registered", 1994, 33_262_000, 9.0)],
    "scale-jiayuguan-1992": [("cn-620200", "population_registered", 1992, 3_004_092, 20.0)],
    "scale-nanyang-1997": [("cn-411300", "gdp_real_growth", 1997, 790.5, 40.0)],
    "fdi-dalian-2008-2010": [(DALIAN, "fdi_utilised", 2008, 581_610_000, 1 / 5),
                             (DALIAN, "fdi_utilised", 2010, 904_950_000, 1 / 5)],
    "fdi-harbin-2007-2009": [(HARBIN, "fdi_utilised", 2007, 65_830_000, 1 / 4),
                             (HARBIN, "fdi_utilised", 2009, 82_870_000, 1 / 4)],
}


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_bundled()


@pytest.fixture(scope="module")
def register() -> BreaksRegister:
    return load_register()


def test_every_entry_has_its_test(register: BreaksRegister) -> None:
    """An entry added to the register without a check of its numbers fails here."""
    ids = {e.id for e in register.entries}
    assert ids == set(BREAK_CHANGES) | set(SUSPECTS) | set(DENOMINATORS) | {
        "vintage-provinces-nbs", "vintage-liaoning-growth-2016"}


@pytest.mark.parametrize("entry_id", sorted(BREAK_CHANGES))
def test_break_entry_matches_the_data_and_is_marked(
        entry_id: str, bundled: Dataset, register: BreaksRegister) -> None:
    entry = register.entry(entry_id)
    city_id, indicator_id, change = BREAK_CHANGES[entry_id]
    year = entry.years[0]
    series = bundled.series(city_id, indicator_id)
    before = series.get(year - 1, series.loc[:year - 1].iloc[-1])  # Shenzhen lacks 2000
    found = (series[year] / before - 1) * 100
    assert found == pytest.approx(change, abs=0.15)
    assert entry.confirmed and entry.is_break
    # marked where the series appears: charts, tables and the report read breaks_for
    assert year in [b.year for b in bundled.breaks_for(city_id, indicator_id)]
    assert entry.sentence_zh and entry.sentence_en


#: Per denominator entry: (city, year, ratio the year before, ratio in the year) of
#: GDP / GDP per capita to the registered population — 1.00 means the per-capita figure
#: divides by the registered (户籍) population.
DENOMINATORS: dict[str, list[tuple[str, int, float, float]]] = {
    "denominator-shenyang-2009": [(SHENYANG, 2009, 0.997, 1.090)],
    "denominator-dalian-2006": [(DALIAN, 2006, 0.997, 1.055)],
    "census-2010-dalian-resident": [(DALIAN, 2010, 1.051, 1.132)],
    "denominator-hangzhou-2007-2016": [(HANGZHOU, 2007, 0.996, 1.160),
                                       (HANGZHOU, 2009, 1.168, 0.996),
                                       (HANGZHOU, 2016, 0.995, 1.237)],
    "denominator-harbin-2015-2019": [(HARBIN, 2015, 1.004, 1.434), (HARBIN, 2019, 1.260, 1.0)],
    "census-2020-resident-population": [(SHENYANG, 2020, 1.101, 1.183),
                                        (DALIAN, 2020, 1.170, 1.234),
                                        (HANGZHOU, 2020, 1.268, 1.449)],
    "denominator-changchun-harbin-2021": [(CHANGCHUN, 2021, 1.002, 1.066),
                                          (HARBIN, 2021, 1.005, 1.054)],
}


@pytest.mark.parametrize("entry_id", sorted(DENOMINATORS))
def test_per_capita_denominator_entry_matches_the_data_and_is_marked(
        entry_id: str, bundled: Dataset, register: BreaksRegister) -> None:
    """GDP / GDP per capita against the registered population moves as the entry says,
    although neither the GDP nor the population series jumps."""
    entry = register.entry(entry_id)
    assert entry.confirmed and entry.is_break and entry.indicator_ids == ("gdp_per_capita",)
    for city_id, year, before, after in DENOMINATORS[entry_id]:
        ratio = (bundled.series(city_id, "gdp") / bundled.series(city_id, "gdp_per_capita")
                 / bundled.series(city_id, "population_registered"))
        assert (ratio[year - 1], ratio[year]) == (pytest.approx(before, abs=0.001),
                                                  pytest.approx(after, abs=0.001))
        assert year in [b.year for b in bundled.breaks_for(city_id, "gdp_per_capita")]


@pytest.mark.parametrize("entry_id", sorted(SUSPECTS))
def test_suspect_entry_matches_the_data_and_is_flagged(entry_id: str, bundled: Dataset) -> None:
    for city_id, indicator_id, year, value, ratio in SUSPECTS[entry_id]:
        series = bundled.series(city_id, indicator_id)
        assert series[year] == pytest.approx(value)
        neighbours = (series[year - 1] + series[year + 1]) / 2
        if ratio >= 1:
            assert series[year] / neighbours >= ratio
        else:
            assert series[year] / neighbours <= ratio
        suspect = bundled.suspect(city_id, indicator_id, year)
        assert suspect is not None and suspect.entry_id == entry_id
        assert suspect.reason("zh") != suspect.reason("en")
        # neighbouring years are not suspect
        assert bundled.suspect(city_id, indicator_id, year - 1) is None


def test_vintage_entry_names_every_province_with_gdp(bundled: Dataset,
                                                     register: BreaksRegister) -> None:
    """Provinces carry NBS's revised GDP, cities the first-published: Liaoning's cities
    summed exceed the province's 2018 GDP by 1,600 亿元 — a vintage, not a break."""
    entry = register.entry("vintage-provinces-nbs")
    provinces = {c.id for c in bundled.cities.values()
                 if c.kind == "province" and bundled.has_series(c.id, "gdp")}
    assert set(entry.city_ids) == provinces
    cities = [c for c in bundled.cities if c.startswith("cn-21")]
    summed = sum(bundled.series(c, "gdp").get(2018, 0.0) for c in cities)
    province = bundled.series("cn-prov-210000", "gdp")[2018]
    assert summed / province == pytest.approx(1.067, abs=0.005)
    assert not entry.is_break  # no dashed line: the series themselves do not jump


def test_register_names_only_known_places_and_indicators(bundled: Dataset,
                                                         register: BreaksRegister) -> None:
    for entry in register.entries:
        assert set(entry.city_ids) <= set(bundled.cities), entry.id
        assert set(entry.indicator_ids) <= set(bundled.indicators), entry.id


def test_liaoning_restatement_is_not_marked_twice(bundled: Dataset) -> None:
    """The catalog carries it already; the register's entry joins it, not a second line."""
    marks = [b for b in bundled.breaks_for(SHENYANG, "gdp") if b.year == 2016]
    assert len(marks) == 1


def test_suspects_survive_a_number_style_change(bundled: Dataset) -> None:
    styled = bundled.with_number_style("international")
    assert styled.suspect(DALIAN, "fdi_utilised", 2008) is not None
    assert len(styled.series_breaks) == len(bundled.series_breaks)


def _entry_json(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": "x", "kind": "boundary_change", "status": "confirmed", "city_ids": ["a"],
        "indicator_ids": ["gdp"], "years": [2000], "evidence": ["1 -> 2"],
        "sentence_en": "A moved.", "sentence_zh": "甲变了。"}
    entry.update(changes)
    return entry


@pytest.mark.parametrize(("changes", "message"), [
    ({"kind": "typo"}, "entry 1 (x): unknown kind 'typo'"),
    ({"status": "maybe"}, "entry 1 (x): unknown status 'maybe'"),
    ({"years": ["2000"]}, "entry 1 (x): 'years' must be a list of years"),
    ({"sentence_zh": ""}, "entry 1 (x): 'sentence_zh' must be a non-empty text"),
    ({"city_ids": []}, "entry 1 (x): 'city_ids' must be a list of texts"),
])
def test_a_hand_edit_mistake_names_the_entry_and_field(changes: dict[str, object],
                                                       message: str) -> None:
    data = {"format_version": 1, "entries": [_entry_json(**changes)]}
    with pytest.raises(DatasetFileError) as caught:
        parse_register(data, "register.json")
    assert caught.value.params["file"] == "register.json"
    assert str(caught.value.params["reason"]).startswith(message)


def test_duplicate_ids_are_refused() -> None:
    data = {"format_version": 1, "entries": [_entry_json(), _entry_json()]}
    with pytest.raises(DatasetFileError, match="entry 2: duplicate id 'x'"):
        parse_register(data)


def test_a_broken_register_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    path.write_text('{"format_version": 1, "entries": [', encoding="utf-8")
    with pytest.raises(DatasetFileError) as caught:
        load_register(path)
    assert caught.value.params["file"] == str(path)


def test_dismissed_entries_mark_nothing() -> None:
    dismissed = RegisterEntry("d", "boundary_change", "dismissed", ("a",), ("gdp",), (2000,),
                              ("1 -> 2",), "No.", "否。")
    suspect = RegisterEntry("s", "suspect_value", "dismissed", ("a",), ("gdp",), (2001,),
                            ("1 -> 2",), "No.", "否。")
    register = BreaksRegister((dismissed, suspect))
    assert merged_breaks((), register) == ()
    assert register.suspect_values() == []


def test_the_bundled_register_is_valid_json_with_a_version() -> None:
    data = json.loads(register_path().read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    assert len(data["entries"]) >= 19
