"""Tables whose rows are series (IMF WEO, BEA): one indicator per series, each row scaled by
its own unit and scale, exactly; unreadable scales refused by row; both engines agree."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from desktop.core.progress import NullProgress
from desktop.importers.fast_path import Declined, import_columns
from desktop.importers.interpret import detect, interpret
from desktop.importers.recipe import Recipe
from desktop.importers.report_text import issue_message
from desktop.importers.run import import_file
from desktop.importers.series import scale_exponent

from .helpers import codes, grid, value_of

GDP = "Gross domestic product, current prices"
GROWTH = "Gross domestic product, constant prices"
POP = "Population"
WEO_HEADER = ("WEO Country Code,ISO,WEO Subject Code,Country,Subject Descriptor,Subject Notes,"
              "Units,Scale,Country/Series-specific Notes,2015,2016,2017,2018,2019,"
              "Estimates Start After")

#: (country, iso, current-price GDP in US$ billions, real growth in %, population in millions)
WEO = [
    ("China", "CHN", ["11061.573", "11233.314", "12310.409", "13894.907", "2.01"],
     ["7.0", "6.8", "6.9", "6.7", "6.0"], ["1374.62", "1382.71", "1390.08", "1395.38", "2.05"]),
    ("United States", "USA", ["18219.297", "18707.189", "19485.394", "20580.223", "21427.7"],
     ["2.9", "1.6", "2.4", "2.9", "2.3"], ["320.7", "323.1", "325.1", "326.8", "328.2"]),
    ("Germany", "DEU", ["3357.586", "3469.853", "3690.849", "3974.443", "3861.124"],
     ["1.5", "2.2", "2.6", "1.3", "0.6"], ["81.7", "82.3", "82.7", "82.9", "83.1"]),
    ("Japan", "JPN", ["4389.476", "4926.667", "4859.951", "4971.323", "5079.916"],
     ["1.2", "0.5", "2.2", "0.3", "0.7"], ["127.095", "127.042", "126.919", "126.749", "126.6"]),
]


def weo_text(rows=WEO, scale_of=None) -> str:
    lines = [WEO_HEADER]
    for code, (country, iso, gdp, growth, pop) in enumerate(rows, start=924):
        for subject, sub_code, units, scale, values in (
                (GDP, "NGDPD", "U.S. dollars", "Billions", gdp),
                (GROWTH, "NGDP_RPCH", "Percent change", "", growth),
                (POP, "LP", "Persons", "Millions", pop)):
            scale = scale_of(country, subject, scale) if scale_of else scale
            lines.append(f'{code},{iso},{sub_code},{country},"{subject}",notes,{units},'
                         f'{scale},"See notes",{",".join(values)},2018')
    return "\n".join(lines) + "\n"


def both_engines(path: Path, recipe: Recipe | None = None):
    """(row-wise outcome, fast path result or None when it declined)."""
    slow = import_file(path, recipe, fast=False)
    try:
        fast = import_columns(path, recipe or Recipe(), None, NullProgress(), min_bytes=0)
    except Declined:
        fast = None
    if fast is not None:
        pd.testing.assert_frame_equal(fast[0], slow.frame)
        assert fast[1].to_json() == slow.report.to_json()
    return slow, fast


def test_weo_subjects_become_indicators_scaled_exactly(tmp_path):
    path = tmp_path / "WEOApr2020.csv"
    path.write_text(weo_text(), encoding="utf-8")
    outcome, fast = both_engines(path)
    frame, report = outcome.frame, outcome.report
    roles = outcome.plans[0].roles
    assert roles["Subject Descriptor"] == "indicator"
    assert roles["Units"] == "unit" and roles["Scale"] == "unit_mult"
    assert roles["Estimates Start After"] == "ignore"
    assert report.indicators == [GDP, GROWTH, POP]  # not one indicator named after the file
    assert len(frame) == 3 * 4 * 5
    # 'Billions' and 'Millions' shift the decimal exponent: no float multiplication error
    assert value_of(frame, "China", GDP, 2015) == 11_061_573_000_000.0
    assert value_of(frame, "China", GDP, 2019) == 2_010_000_000.0  # 2.01 * 1e9 = 2009999999.9…
    assert value_of(frame, "China", POP, 2019) == 2_050_000.0  # 2.05 * 1e6 = 2049999.9…
    assert value_of(frame, "Japan", POP, 2015) == 127_095_000.0
    assert value_of(frame, "United States", GROWTH, 2016) == 1.6  # 'Percent change': as written
    units = frame.drop_duplicates("indicator").set_index("indicator")["unit"].to_dict()
    assert units[GDP] == "USD" and units[POP] == "persons"
    found = next(w for w in report.warnings if w.code == "series_found")
    assert found.values["series"] == [GDP, GROWTH, POP]
    assert found.location.column == "E"
    assert "3 series in column E (Subject Descriptor)" in found.message
    assert "scale from column H (Scale)" in found.message
    zh = issue_message(found, "zh")
    assert "E 列（Subject Descriptor）中有3个序列" in zh and "数量级取自 H 列" in zh
    assert fast is None  # a scale column: the row-wise engine reads it


def test_weo_row_with_unreadable_scale_is_refused_by_row(tmp_path):
    def scale_of(country, subject, scale):
        return "Zillions" if (country, subject) == ("Germany", POP) else scale

    path = tmp_path / "weo.csv"
    path.write_text(weo_text(scale_of=scale_of), encoding="utf-8")
    outcome = import_file(path, fast=False)
    frame, report = outcome.frame, outcome.report
    refused = [e for e in report.errors if e.code == "unreadable_scale"]
    assert len(refused) == 1
    # header is line 1; Germany's population is the 9th data row
    assert refused[0].location.row == 10 and refused[0].location.column == "H"
    assert refused[0].values["scale"] == "Zillions"
    assert "Zillions" in refused[0].message
    assert frame[(frame["city"] == "Germany") & (frame["indicator"] == POP)].empty
    assert value_of(frame, "Germany", GDP, 2017) == 3_690_849_000_000.0
    assert len(frame) == 3 * 4 * 5 - 5
    assert "unreadable_scale" not in codes(report.warnings)


def test_one_series_in_two_kinds_of_unit_becomes_two_indicators():
    rows = [["Country", "Subject Descriptor", "Units", "Scale", "2018", "2019"],
            ["China", GDP, "U.S. dollars", "Billions", "13894.907", "14140.163"],
            ["China", GDP, "National currency", "Billions", "91928.1", "99086.5"],
            ["Japan", GDP, "U.S. dollars", "Billions", "4971.323", "5079.916"]]
    frame, report = interpret(g := grid(rows, file="weo.csv"), detect(g))
    assert report.indicators == [f"{GDP} [USD]", f"{GDP} [National currency]"]
    assert value_of(frame, "China", f"{GDP} [USD]", 2019) == 14_140_163_000_000.0
    assert value_of(frame, "China", f"{GDP} [National currency]", 2018) == 91_928_100_000_000.0
    assert "inconsistent_units" not in codes(report.warnings)
    split = next(w for w in report.warnings if w.code == "series_split_by_unit")
    assert split.values["count"] == 2


def test_unknown_unit_rows_are_named_and_their_scale_still_applied():
    ppp = "Purchasing power parity; international dollars"
    rows = [["Country", "Subject Descriptor", "Units", "Scale", "2018", "2019"],
            ["China", "GDP, current prices", ppp, "Billions", "25361.7", "27308.9"],
            ["China", "GDP, current prices", "U.S. dollars", "Billions", "13894.907", "2.01"],
            ["Japan", "GDP, current prices", ppp, "Billions", "5415.3", "5450.4"]]
    frame, report = interpret(g := grid(rows, file="weo.csv"), detect(g))
    unknown = next(w for w in report.warnings if w.code == "unknown_unit")
    assert unknown.values["source_rows"] == [2, 4]
    assert unknown.message.endswith("values kept as written (rows 2, 4)")
    # the scale is read even where the unit is not: 25361.7 billion, exactly
    name = f"GDP, current prices [{ppp}]"
    assert value_of(frame, "China", name, 2018) == 25_361_700_000_000.0
    assert value_of(frame, "China", "GDP, current prices [USD]", 2019) == 2_010_000_000.0


BEA = (
    "GeoFIPS,GeoName,Region,TableName,LineCode,IndustryClassification,Description,Unit,"
    "2001,2002,2003\n"
    ' "19820","Detroit-Warren-Dearborn, MI (Metropolitan Statistical Area)", ,CAINC1,1,"...",'
    '"Personal income (thousands of dollars) ","Thousands of dollars",140120531,141073204,'
    "144250.55\n"
    ' "19820","Detroit-Warren-Dearborn, MI (Metropolitan Statistical Area)", ,CAINC1,2,"...",'
    '"Population (persons) 1/","Number of persons",4425110,4435207,4430990\n'
    ' "38300","Pittsburgh, PA (Metropolitan Statistical Area)", ,CAINC1,1,"...",'
    '"Personal income (thousands of dollars) ","Thousands of dollars",75051830,76575110,'
    "78160011\n"
    ' "38300","Pittsburgh, PA (Metropolitan Statistical Area)", ,CAINC1,2,"...",'
    '"Population (persons) 1/","Number of persons",2424780,2418180,2410811\n'
)


def test_bea_description_and_unit_columns_split_the_series(tmp_path):
    path = tmp_path / "CAINC1__ALL_AREAS_2001_2003.csv"
    path.write_text(BEA, encoding="utf-8")
    outcome, _fast = both_engines(path)
    frame, report = outcome.frame, outcome.report
    roles = outcome.plans[0].roles
    assert roles["GeoName"] == "city" and roles["Region"] == "ignore"
    assert roles["Description"] == "indicator" and roles["LineCode"] == "ignore"
    income = "Personal income (thousands of dollars)"
    assert report.indicators == [income, "Population 1/"]
    detroit = "Detroit-Warren-Dearborn, MI (Metropolitan Statistical Area)"
    assert value_of(frame, detroit, income, 2001) == 140_120_531_000.0
    assert value_of(frame, detroit, income, 2003) == 144_250_550.0  # 144250.55 thousand
    assert value_of(frame, detroit, "Population 1/", 2002) == 4_435_207.0
    assert "series_found" in codes(report.warnings)


def test_series_table_without_scale_same_on_both_engines(tmp_path):
    """A clean series table with a units column: the column-wise engine takes it and gives
    exactly the row-wise result, series note and all."""
    lines = ["Country,Subject Descriptor,Units,2017,2018,2019"]
    for country, _iso, gdp, growth, pop in WEO:
        lines.append(f'{country},"{GDP}",U.S. dollars,{",".join(gdp[2:])}')
        lines.append(f'{country},"{GROWTH}",Percent change,{",".join(growth[2:])}')
        lines.append(f'{country},{POP},Persons,{",".join(pop[2:])}')
    path = tmp_path / "weo_units.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcome, fast = both_engines(path)
    assert fast is not None, "the column-wise engine declined a clean series table"
    assert outcome.report.indicators == [GDP, GROWTH, POP]
    assert value_of(outcome.frame, "Germany", GDP, 2018) == 3974.443
    assert value_of(outcome.frame, "Japan", POP, 2019) == 126.6
    assert "series_found" in codes(outcome.report.warnings)


def test_chinese_scale_cells_and_unit_cells():
    rows = [["地区", "指标名称", "单位", "Scale", "2015", "2016"],
            ["沈阳", "地区生产总值", "元", "亿", "7272.3", "5460.01"],
            ["沈阳", "常住人口", "人", "万", "829.1", "829.4"],
            ["沈阳", "城镇化率", "%", "", "80.6", "80.8"]]
    frame, report = interpret(g := grid(rows, file="辽宁.csv"), detect(g))
    assert value_of(frame, "沈阳", "地区生产总值", 2016) == 546_001_000_000.0
    assert value_of(frame, "沈阳", "常住人口", 2015) == 8_291_000.0
    assert value_of(frame, "沈阳", "城镇化率", 2016) == 80.8
    assert set(frame["unit"]) == {"CNY", "persons", "percent"}
    assert not report.errors


@pytest.mark.parametrize(("text", "exponent"), [
    ("Billions", 9), ("Millions", 6), ("Thousands", 3), ("Units", 0), ("", 0),
    ("亿", 8), ("万", 4), ("千", 3), ("6", 6), ("1000", 3), ("Percent change", 0),
    ("Index", 0), ("Zillions", None), ("250", None)])
def test_scale_cells_read_as_powers_of_ten(text, exponent):
    assert scale_exponent(text) == exponent


def test_long_series_table_with_a_scale_column():
    rows = [["Country", "Subject Descriptor", "Units", "Scale", "Year", "Value"],
            ["China", GDP, "U.S. dollars", "Billions", "2019", "2.01"],
            ["China", POP, "Persons", "Millions", "2019", "2.05"],
            ["China", GROWTH, "Percent change", "Units", "2019", "6.0"],
            ["Japan", GDP, "U.S. dollars", "Billions", "2019", "5079.916"]]
    g = grid(rows, file="weo_long.csv")
    plan = detect(g)
    assert plan.layout == "long"
    assert plan.roles["Subject Descriptor"] == "indicator" and plan.roles["Scale"] == "unit_mult"
    frame, report = interpret(g, plan)
    assert report.indicators == [GDP, POP, GROWTH]
    assert value_of(frame, "China", GDP, 2019) == 2_010_000_000.0
    assert value_of(frame, "China", POP, 2019) == 2_050_000.0
    assert value_of(frame, "China", GROWTH, 2019) == 6.0
    assert value_of(frame, "Japan", GDP, 2019) == 5_079_916_000_000.0
    assert "series_found" in codes(report.warnings)
