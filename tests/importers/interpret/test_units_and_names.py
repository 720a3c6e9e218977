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


# --- ratios and per-person units -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "exponent"),
    [
        ("元/人", "CNY_per_person", 0), ("万元/人", "CNY_per_person", 4),
        ("yuan per person", "CNY_per_person", 0), ("美元/人", "USD_per_person", 0),
        ("US$ per capita", "USD_per_person", 0), ("元/平方米", "CNY_per_sqm", 0),
        ("(元/㎡)", "CNY_per_sqm", 0), ("人/平方公里", "persons_per_km2", 0),
        ("people per sq. km of land area", "persons_per_km2", 0), ("‰", "per_mille", 0),
    ],
)
def test_ratio_units(text, code, exponent):
    spec = parse_unit(text)
    assert spec is not None and (spec.code, spec.exponent) == (code, exponent)


def test_per_person_from_the_name():
    from desktop.importers.unit_parsing import names_per_person, per_person

    yuan, wan = parse_unit("元"), parse_unit("万元")
    assert per_person(yuan, "人均地区生产总值").code == "CNY_per_person"
    assert per_person(wan, "人均可支配收入").exponent == 4
    assert per_person(parse_unit("US$"), "GDP per capita (current US$)").code == "USD_per_person"
    assert per_person(yuan, "地区生产总值") is None
    assert per_person(parse_unit("万人"), "人均住房面积") is None  # not money: left alone
    assert names_per_person("GDP per-capita") and not names_per_person("capital stock")


def test_per_person_header_is_never_a_money_total():
    """人均地区生产总值(元): 65,851 yuan per person, not 0.00 亿元; said in the report."""
    from desktop.importers.interpret import interpret_grid
    from desktop.importers.model import TableOptions

    from .helpers import grid

    rows = [["城市", "人均地区生产总值(元)", "地区生产总值(亿元)"],
            ["沈阳市", "65851", "5460.0"]]
    frame, report = interpret_grid(grid(rows, file="pc.csv"), TableOptions(year=2016))
    by_name = frame.set_index("indicator")
    assert by_name.loc["人均地区生产总值", "unit"] == "CNY_per_person"
    assert by_name.loc["人均地区生产总值", "value"] == 65851.0
    assert by_name.loc["地区生产总值", "unit"] == "CNY"
    assert by_name.loc["地区生产总值", "value"] == 546_000_000_000.0
    [note] = [w for w in report.warnings if w.code == "per_person_unit"]
    assert note.message == ("人均地区生产总值: unit '元' read as yuan per person, since the name "
                            "says per person (not a money total)")


def test_per_person_with_a_unit_column():
    from desktop.importers.interpret import interpret_grid

    from .helpers import grid

    rows = [["城市", "指标", "年份", "数值", "单位"],
            ["沈阳市", "人均可支配收入", "2016", "3.9", "万元"],
            ["沈阳市", "地区生产总值", "2016", "5460", "亿元"],
            ["大连市", "GDP per capita", "2016", "16000", "US$"]]
    frame, report = interpret_grid(grid(rows, file="long.csv"))
    got = {(i, u): v for i, u, v in zip(frame["indicator"], frame["unit"], frame["value"],
                                        strict=True)}
    assert got == {("人均可支配收入", "CNY_per_person"): 39_000.0,
                   ("地区生产总值", "CNY"): 546_000_000_000.0,
                   ("GDP per capita", "USD_per_person"): 16_000.0}
    # 万元 is reported once, as what it became: no stale '万元 → CNY'
    assert sorted(report.unit_conversions) == [("万元", "CNY_per_person", 4), ("亿元", "CNY", 8)]


def test_per_person_and_year_marks_read_in_chinese():
    from desktop.importers.interpret import interpret_grid
    from desktop.importers.report_text import issue_message

    from .helpers import grid

    rows = [["城市", "指标", "年份", "数值", "单位"],
            ["沈阳市", "人均地区生产总值", "2019E", "65851", "元"]]
    _, report = interpret_grid(grid(rows, file="zh.csv"))
    by_code = {w.code: w for w in report.warnings}
    assert issue_message(by_code["per_person_unit"], "zh") == (
        "人均地区生产总值：单位“元”按元/人读取，因为指标名称表示人均（不是总额）")
    assert issue_message(by_code["year_flagged"], "zh") == (
        "年份带有标记：“2019E” → 2019（估计值）；"
        "估计、预测或初步年份下的数值已导入，但不是最终数据")
