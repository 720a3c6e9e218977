"""unit_parsing.py and matching.py: units to canonical codes, names to catalog ids."""

from __future__ import annotations

import pytest

from desktop.importers.matching import clean_name, looks_like_province, match_names
from desktop.importers.unit_parsing import parse_unit, sdmx_unit, split_unit, unit_or_text


@pytest.mark.parametrize(
    ("text", "code", "exponent"),
    [
        ("元", "CNY", 0), ("万元", "CNY", 4), ("亿元", "CNY", 8), ("(亿元)", "CNY", 8),
        ("（万元）", "CNY", 4), ("万人", "persons", 4), ("人", "persons", 0),
        ("%", "percent", 0), ("百分比", "percent", 0), ("‰", "per_mille", 0),
        ("万美元", "USD", 4), ("美元", "USD", 0), ("US$", "USD", 0), ("current US$", "USD", 0),
        ("millions", "", 6), ("thousands", "", 3), ("billions", "", 9),
        ("US$ millions", "USD", 6), ("millions of US$", "USD", 6), ("MIO_EUR", "EUR", 6),
        ("10 000 persons", "persons", 4), ("万吨", "吨", 4), ("万户", "户", 4),
        ("annual %", "percent", 0),
    ],
)
def test_parse_unit(text, code, exponent):
    spec = parse_unit(text)
    assert spec is not None
    assert (spec.code, spec.exponent, spec.known) == (code, exponent, True)


def test_unknown_units_are_kept_as_text_with_factor_one():
    assert parse_unit("µg/m³") is None
    spec = unit_or_text(" µg/m³ ")
    assert (spec.code, spec.exponent, spec.known) == ("µg/m³", 0, False)
    assert unit_or_text("") is None and unit_or_text(None) is None


def test_describe_conversion():
    assert parse_unit("亿元").describe() == "亿元 → CNY (× 100,000,000)"


def test_sdmx_unit_mult_is_a_power_of_ten():
    spec = sdmx_unit("USD", "6")
    assert (spec.code, spec.exponent, spec.source) == ("USD", 6, "USD (UNIT_MULT 6)")
    assert sdmx_unit("SEK", "6").known
    assert not sdmx_unit("XDC", "6").known
    assert sdmx_unit("", "") is None


@pytest.mark.parametrize(
    ("header", "name", "unit", "stripped"),
    [
        ("地区生产总值(亿元)", "地区生产总值", "亿元", True),
        ("GDP (亿元)", "GDP", "亿元", True),
        ("地区生产总值_当年价格_全市_万元", "地区生产总值_当年价格_全市", "万元", True),
        ("年末户籍人口(万人) 全市", "年末户籍人口 全市", "万人", True),
        ("地区生产总值(当年价格) (万元)", "地区生产总值(当年价格)", "万元", True),
        ("绿化覆盖率_市辖区_百分比%", "绿化覆盖率_市辖区", "百分比", True),
        ("GDP (current US$)", "GDP (current US$)", "current US$", False),
        ("Population, total", "Population, total", None, False),
        ("B1GQ_V [USD]", "B1GQ_V [USD]", None, False),
    ],
)
def test_split_unit_from_names(header, name, unit, stripped):
    got_name, spec, got_stripped = split_unit(header)
    assert got_name == name
    assert (spec.source if spec else None) == unit
    assert got_stripped == stripped


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  沈阳市", "沈阳市"),
        ("沈阳市 ", "沈阳市"),
        ("北京\x00市", "北京市"),
        ("上海\x1b[31m市", "上海市"),
        ("\u202e市州广", "市州广"),
        ("深\u200b圳市", "深圳市"),
        ("成都🏙️市", "成都🏙️市"),
        ("广州\u3000市区", "广州 市区"),
        ("Shenyang(city) ", "Shenyang(city)"),
        ("e\u0301", "é"),
    ],
)
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean


def test_match_names_through_aliases_and_keep_new_ones(lookup):
    names = ["  沈阳市", "沈阳", "Shenyang(city) ", "SHENYANG", "沈阳 市", "Atlantis", "",
             "Beijing (city)", "NA"]
    result = match_names(names, lookup)
    for name in names[:5]:
        assert result.resolved[name] == "cn-210100", name
    assert result.resolved["Atlantis"] == "Atlantis"
    assert result.resolved["Beijing (city)"] == "cn-110100"
    assert result.new == ["Atlantis", "NA"]  # 'NA' is a name here, not a missing marker
    assert result.matched["沈阳市"] == "cn-210100"


def test_province_rows_are_recognised(lookup):
    assert looks_like_province("河北省")
    assert looks_like_province("新疆维吾尔自治区")
    assert not looks_like_province("石家庄市")
    assert looks_like_province("Hebei", lookup.get("Hebei"))
