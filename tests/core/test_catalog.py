"""Catalog records: matching city names as sources and users write them, and JSON round-trips."""

from __future__ import annotations

import json

import pytest

from desktop.core.catalog import (
    City,
    CityLookup,
    Field,
    Indicator,
    PeerGroup,
    SeriesBreak,
    Source,
    name_key,
)
from desktop.core.units import DisplayScale

SHENYANG = City(
    "cn-210100",
    "Shenyang",
    "沈阳市",
    ("Shenyang(city)", "沈阳"),
    "CN",
    "Liaoning",
    "辽宁省",
    "prefecture_city",
    "210100",
)
DALIAN = City("cn-210200", "Dalian", "大连市", ("Dalian(city)", "大连"), "CN", code="210200")
JILIN_CITY = City("cn-220200", "Jilin", "吉林市", ("吉林",), "CN", "Jilin", "吉林省", code="220200")
JILIN_PROVINCE = City(
    "cn-prov-220000", "Jilin Province", "吉林省", (), "CN", "Jilin", "吉林省", "province", "220000"
)
DETROIT = City(
    "us-19820",
    "Detroit",
    "底特律",
    ("Detroit-Warren-Dearborn, MI",),
    "US",
    "MI",
    kind="us_metro",
    code="19820",
)


@pytest.fixture
def lookup() -> CityLookup:
    return CityLookup([SHENYANG, DALIAN, JILIN_CITY, JILIN_PROVINCE, DETROIT])


# --- name_key ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Shenyang",
        "Shenyang(city)",
        "Shenyang(city) ",  # CSMAR, trailing space included
        "  Shenyang",  # the yearbook indents city names
        "Shenyang (city)",
        "SHENYANG",
        "shenyang",
        "Ｓｈｅｎｙａｎｇ",  # full-width letters
        "Shenyang（city）",  # full-width brackets
        "Shen yang",
    ],
)
def test_name_key_equivalences(written: str) -> None:
    assert name_key(written) == name_key("Shenyang")


def test_name_key_keeps_shi_so_that_both_chinese_forms_are_separate_aliases() -> None:
    assert name_key("沈阳市") != name_key("沈阳")
    assert name_key("  沈阳市 ") == name_key("沈阳市")
    assert name_key("沈阳（市）") == name_key("沈阳")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jilin", "Jilin Province"),
        ("吉林市", "吉林省"),
        ("Shenyang", "Shenyan"),
        ("Dalian", "Shenyang"),
        ("Jilin", "Jilin(province)"),  # only a '(city)' suffix is dropped
    ],
)
def test_name_key_non_equivalences(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


# --- CityLookup ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cn-210100",
        "Shenyang",
        "Shenyang(city) ",
        "Shenyang(city)",
        "  Shenyang",
        "shenyang",
        "沈阳",
        "沈阳市",
        " 沈阳市",
    ],
)
def test_lookup_finds_shenyang_by_any_alias(lookup: CityLookup, text: str) -> None:
    found = lookup.get(text)
    assert found is not None
    assert found.id == "cn-210100"


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Jilin", "cn-220200"),
        ("吉林", "cn-220200"),
        ("吉林市", "cn-220200"),
        ("cn-220200", "cn-220200"),
        ("Jilin Province", "cn-prov-220000"),
        ("jilin province", "cn-prov-220000"),
        ("吉林省", "cn-prov-220000"),
        ("cn-prov-220000", "cn-prov-220000"),
    ],
)
def test_lookup_keeps_jilin_city_and_jilin_province_apart(
    lookup: CityLookup, text: str, expected_id: str
) -> None:
    found = lookup.get(text)
    assert found is not None
    assert found.id == expected_id


@pytest.mark.parametrize("text", ["Tieling", "铁岭市", "", "cn-999999", "Shenyan", "Liaoning"])
def test_lookup_unknown_names_give_none(lookup: CityLookup, text: str) -> None:
    assert lookup.get(text) is None


def test_lookup_finds_us_metro_by_its_full_name(lookup: CityLookup) -> None:
    found = lookup.get("Detroit-Warren-Dearborn, MI")
    assert found is not None
    assert found.id == "us-19820"
    assert lookup.get("底特律") == DETROIT


def test_search_puts_prefix_matches_first(lookup: CityLookup) -> None:
    ids = [c.id for c in lookup.search("Jilin")]
    assert ids[:2] == ["cn-220200", "cn-prov-220000"]
    assert [c.id for c in lookup.search("沈")] == ["cn-210100"]
    assert [c.id for c in lookup.search("yang")] == ["cn-210100"]  # contained, not a prefix
    assert lookup.search("Tieling") == []


def test_city_names_by_language() -> None:
    assert SHENYANG.name() == "Shenyang"
    assert SHENYANG.name("zh") == "沈阳市"
    assert City("x", "Buffalo").name("zh") == "Buffalo"  # no Chinese name: fall back to English
    assert JILIN_PROVINCE.is_context
    assert not JILIN_CITY.is_context
    assert SHENYANG.kind_label("zh") == "地级市"


# --- JSON round-trips ----------------------------------------------------------------------


def _through_json(data: dict[str, object]) -> dict[str, object]:
    return json.loads(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("city", [SHENYANG, JILIN_PROVINCE, DETROIT, City("x", "X")])
def test_city_json_round_trip(city: City) -> None:
    again = City.from_json(_through_json(city.to_json()))
    assert again == city
    assert isinstance(again.aliases, tuple)


def test_indicator_json_round_trip() -> None:
    indicator = Indicator(
        "gdp",
        "GDP (current prices)",
        "地区生产总值（当年价格）",
        "CNY",
        "Economy",
        True,
        DisplayScale(1e8, "亿元", "亿元", 2),
        (Field("csmar_gdp", "Gdpct01", "亿元"), Field("nbs_province", "地区生产总值", "亿元")),
        notes_en="note",
        notes_zh="注",
        definition_en="Gross regional product.",
    )
    again = Indicator.from_json(_through_json(indicator.to_json()))
    assert again == indicator
    assert again.format(554_644_980_000.0) == "5,546.45 亿元"
    assert again.field_for("nbs_province") == Field("nbs_province", "地区生产总值", "亿元")
    assert again.field_for("census") is None
    assert again.label("zh") == "地区生产总值（当年价格）"


def test_indicator_with_unknown_direction_round_trips() -> None:
    indicator = Indicator("share", "Share", "比重", "percent", "Structure", None)
    again = Indicator.from_json(_through_json(indicator.to_json()))
    assert again == indicator
    assert again.higher_is_better is None


def test_series_break_json_round_trip() -> None:
    series_break = SeriesBreak(
        2016,
        ("cn-210100", "cn-210200"),
        ("gdp", "gdp_per_capita"),
        "Shenyang's GDP drops from 7,272 亿元 in 2015 to 5,546 亿元 in 2016.",
        "沈阳市地区生产总值由7,272亿元降至5,546亿元。",
    )
    again = SeriesBreak.from_json(_through_json(series_break.to_json()))
    assert again == series_break
    assert again.applies_to("cn-210200", "gdp")
    assert not again.applies_to("cn-220100", "gdp")
    assert not again.applies_to("cn-210100", "average_wage")


def test_peer_group_json_round_trip() -> None:
    group = PeerGroup("north_east", "North-east", "东北", ("cn-210200", "cn-230100", "cn-220100"))
    again = PeerGroup.from_json(_through_json(group.to_json()))
    assert again == group
    assert again.name("zh") == "东北"


def test_source_json_round_trip() -> None:
    source = Source("ccsy_panel", "panel.xlsx", "CCSY", "Panel", sheet="new", trust="B/C")
    assert Source.from_json(_through_json(source.to_json())) == source


# --- texts in Chinese (optional fields) ----------------------------------------------------


def test_indicator_notes_and_definition_in_chinese_fall_back_to_english() -> None:
    both = Indicator("gdp", "GDP", "地区生产总值", "CNY", "Economy", True,
                     notes_en="note", notes_zh="注", definition_en="Nominal GDP.",
                     definition_zh="现价地区生产总值。")
    assert (both.notes("zh"), both.definition("zh")) == ("注", "现价地区生产总值。")
    assert (both.notes("en"), both.definition("en")) == ("note", "Nominal GDP.")
    english = Indicator("x", "X", "", "CNY", "Test", None, notes_en="note",
                        definition_en="What x is.")
    assert (english.notes("zh"), english.definition("zh")) == ("note", "What x is.")
    assert Indicator.from_json(_through_json(both.to_json())) == both


def test_source_publisher_and_title_in_chinese() -> None:
    source = Source("wdi", "wdi.csv", "World Bank", "GDP (current US$)",
                    publisher_zh="世界银行", title_zh="GDP（现价美元）")
    assert (source.publisher_in("zh"), source.title_in("zh")) == ("世界银行", "GDP（现价美元）")
    assert (source.publisher_in("en"), source.title_in("en")) == ("World Bank",
                                                                   "GDP (current US$)")
    plain = Source("s", "s.csv", "Someone", "Something")
    assert (plain.publisher_in("zh"), plain.title_in("zh")) == ("Someone", "Something")
    assert Source.from_json(_through_json(source.to_json())) == source


def test_catalog_records_without_or_with_newer_fields_load() -> None:
    """A catalog written before the Chinese fields existed loads (they are empty), and one
    written by a newer version with fields this one does not know loads too."""
    old_indicator = {"id": "x", "label_en": "X", "label_zh": "", "unit": "CNY",
                     "category": "Test", "higher_is_better": None, "notes_en": "n",
                     "definition_en": "d"}
    indicator = Indicator.from_json(old_indicator)
    assert (indicator.definition_zh, indicator.definition("zh")) == ("", "d")
    assert Indicator.from_json({**old_indicator, "later_field": 1}) == indicator
    old_source = {"id": "s", "file": "s.csv", "publisher": "P", "title": "T", "notes": ""}
    source = Source.from_json(old_source)
    assert source.publisher_zh == source.title_zh == ""
    assert Source.from_json({**old_source, "later_field": "x"}) == source
