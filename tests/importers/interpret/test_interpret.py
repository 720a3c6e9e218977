"""interpret(): grids to the long table and the report, expected values worked out by hand."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from desktop.core.progress import CancelledError
from desktop.importers.interpret import detect, interpret, interpret_grid
from desktop.importers.model import LONG_COLUMNS, ImportRejectedError, MergedRange, TableOptions

from .helpers import codes, grid, value_of
from .test_detect import LONG_HEADER, YEARBOOK


def test_long_table_values_units_and_provenance(lookup):
    rows = [LONG_HEADER,
            ["北京市", "地区生产总值", "2016", "1000.0", "亿元"],
            ["  沈阳市 ", "地区生产总值", "2016", "5306.4242", "亿元"],
            ["Shenyang(city)", "常住人口", "2016年", "829.4", "万人"],
            ["Atlantis", "城镇化率", "2016", "61.5", "%"]]
    frame, report = interpret_grid(grid(rows, file="long.csv"), lookup=lookup)
    assert tuple(frame.columns) == LONG_COLUMNS
    assert frame["year"].dtype == np.int64 and frame["value"].dtype == np.float64
    first = frame.iloc[0].to_dict()
    assert first == {"city": "cn-110100", "indicator": "地区生产总值", "year": 2016,
                     "value": 100000000000.0, "unit": "CNY", "source_unit": "亿元",
                     "source_row": 2, "source_column": "D"}
    assert value_of(frame, "cn-210100", "地区生产总值", 2016) == 530642420000.0
    assert value_of(frame, "cn-210100", "常住人口", 2016) == 8294000.0
    assert value_of(frame, "Atlantis", "城镇化率", 2016) == 61.5
    assert report.rows_read == 4 and report.rows_imported == 4
    assert report.layout == "long" and report.header_rows == [1]
    assert report.cities == ["cn-110100", "cn-210100", "Atlantis"]
    assert report.cities_matched == {"北京市": "cn-110100", "沈阳市": "cn-210100",
                                     "Shenyang(city)": "cn-210100"}
    assert report.cities_new == ["Atlantis"]
    assert report.indicators == ["地区生产总值", "常住人口", "城镇化率"]
    assert report.years == [2016]
    assert report.units_converted == ["亿元 → CNY (× 100,000,000)",
                                      "万人 → persons (× 10,000)"]
    assert codes(report.warnings) == ["year_normalised"]
    assert report.errors == []


def test_without_lookup_every_city_is_new():
    rows = [LONG_HEADER, ["北京市", "GDP", "2016", "1", "亿元"]]
    frame, report = interpret_grid(grid(rows))
    assert frame["city"].tolist() == ["北京市"]
    assert report.cities_new == ["北京市"] and report.cities_matched == {}


def test_bad_cells_are_named_by_row_and_column():
    rows = [LONG_HEADER,
            ["", "GDP", "2015", "1400", "亿元"],
            ["北京市", "GDP", "2016", "约1200", "亿元"],
            ["北京市", "GDP", "2017", "..", "亿元"],
            ["北京市", "GDP", "2018", "1200", "亿元"],
            ["北京市", "GDP", "n/a", "1300", "亿元"],
            ["", "GDP", "2019", "1500", "亿元"]]
    table = grid(rows, file="bad.csv", row_numbers=[1, 2, 3, 4, 6, 7, 8])
    frame, report = interpret_grid(table)
    assert frame["year"].tolist() == [2018, 2019]
    by_code = {issue.code: issue for issue in report.errors}
    assert by_code["not_a_number"].location.describe() == "bad.csv, row 3, column D"
    assert by_code["not_a_number"].values["text"] == "约1200"
    assert by_code["bad_year"].location.describe() == "bad.csv, row 7, column C"
    missing = next(w for w in report.warnings if w.code == "missing_values")
    assert missing.values["count"] == 1 and missing.values["markers"] == {"..": 1}
    # no city above the first row to fill from; the last row takes 北京市 from above, and says so
    assert by_code["missing_city"].location.describe() == "bad.csv, row 2, column A"
    filled = next(w for w in report.warnings if w.code == "city_filled_down")
    assert filled.values["rows"] == [8]
    plan = dataclasses.replace(detect(table), fill_down_city=False)
    frame, report = interpret(table, plan)
    assert frame["year"].tolist() == [2018]
    assert next(e for e in report.errors if e.code == "missing_city").location.row == 2


def test_wide_by_year_descending_with_suffixes_and_metadata_indicator(lookup):
    rows = [["指标：地区生产总值(亿元)"], ["地区", "2021 ", "2020年度", "2016年"],
            ["辽宁省", "27584.1", "25115.0", "20832.0"], ["北京市", "40269.6", "..", "25669.1"],
            ["数据来源：国家统计局"]]
    frame, report = interpret_grid(grid(rows, file="nbs.csv"), lookup=lookup)
    assert value_of(frame, "cn-prov-210000", "地区生产总值", 2016) == 2083200000000.0
    assert value_of(frame, "cn-110100", "地区生产总值", 2021) == 4026960000000.0
    assert len(frame) == 5
    assert report.years == [2016, 2020, 2021]
    normalised = next(w for w in report.warnings if w.code == "year_normalised")
    assert normalised.values["years"] == {"2020年度": 2020, "2016年": 2016}
    assert {"metadata_rows_skipped", "footer_rows_dropped", "missing_values"} <= set(
        codes(report.warnings))


def test_yearbook_table_needs_a_year_then_imports(lookup):
    table = grid(YEARBOOK, file="2-1.xls", sheet="1-7")
    plan = detect(table)
    with pytest.raises(ImportRejectedError) as rejected:
        interpret(table, plan, lookup)
    assert rejected.value.issue.code == "no_year"
    frame, report = interpret(table, dataclasses.replace(plan, year=2017), lookup)
    assert value_of(frame, "cn-210100", "年末户籍人口 全市", 2017) == 7370000.0
    assert value_of(frame, "cn-210100", "年末户籍人口 市辖区", 2017) == 5910000.0
    assert value_of(frame, "cn-210100", "年末总户数 全市", 2017) == 2720000.0
    hits = frame[frame["city"] == "cn-210100"]
    assert set(hits["unit"]) == {"persons", "户"}
    assert set(hits["source_row"]) == {13}
    assert report.cities_new == ["石家庄市"]
    skipped = [w for w in report.warnings if w.code == "province_row_skipped"]
    assert [w.values["name"] for w in skipped] == ["河北省", "辽宁省"]
    assert all(w.values["level"] == "info" for w in skipped)
    repeated = next(w for w in report.warnings if w.code == "repeated_header_dropped")
    assert repeated.values["rows"] == [9, 10, 11]
    assert len(frame) == 12  # 3 cities x 4 columns; province rows add nothing


MERGED = [
    ["城市", "指标", "2016年", None, "2017年", None],
    [None, None, "数值", "单位", "数值", "单位"],
    ["北京市", "地区生产总值", 1000.0, "亿元", 1055.5, "亿元"],
    [None, "常住人口", 1321.25, "万人", 1376.75, "万人"],
    ["上海市", "地区生产总值", 2234.5, "亿元", 2290.0, "亿元"],
    [None, "常住人口", 2555.75, "万人", 2611.25, "万人"],
]


@pytest.mark.parametrize("with_merges", [True, False])
def test_merged_two_row_header_and_cities_merged_down(lookup, with_merges):
    merges = [MergedRange(0, 0, 1, 0), MergedRange(0, 1, 1, 1), MergedRange(0, 2, 0, 3),
              MergedRange(0, 4, 0, 5), MergedRange(2, 0, 3, 0), MergedRange(4, 0, 5, 0)]
    table = grid(MERGED, file="merged.xlsx", merged=merges if with_merges else None)
    plan = detect(table)
    assert plan.roles == {"城市": "city", "指标": "indicator", "2016年 数值": "year:2016",
                          "2016年 单位": "unit:2016", "2017年 数值": "year:2017",
                          "2017年 单位": "unit:2017"}
    frame, report = interpret(table, plan, lookup)
    assert len(frame) == 8
    assert value_of(frame, "cn-110100", "地区生产总值", 2016) == 100000000000.0
    assert value_of(frame, "cn-110100", "常住人口", 2017) == 13767500.0
    assert value_of(frame, "cn-310100", "常住人口", 2016) == 25557500.0
    assert ("city_filled_down" in codes(report.warnings)) is not with_merges


def test_sdmx_unit_mult_currency_and_namibia_code(lookup):
    header = ["DATAFLOW", "REF_AREA", "MEASURE", "UNIT_MEASURE", "FREQ", "TIME_PERIOD",
              "OBS_VALUE", "OBS_STATUS", "UNIT_MULT", "DECIMALS", "CURRENCY"]
    rows = [header,
            ["DF", "CHN", "B1GQ_V", "USD", "A", "2016", "11233136.52", "A", "6", "0", ""],
            ["DF", "NA", "B1GQ_V", "USD", "A", "2016", "12.5", "A", "9", "0", ""],
            ["DF", "CHN", "B1GQ_V", "XDC", "A", "2016", "74639.51", "A", "9", "0", "CNY"]]
    frame, report = interpret_grid(grid(rows, file="oecd.csv"), lookup=lookup)
    assert value_of(frame, "country-CHN", "B1GQ_V [USD]", 2016) == 11233136520000.0
    assert value_of(frame, "NA", "B1GQ_V [USD]", 2016) == 12500000000.0  # a name, not missing
    assert value_of(frame, "country-CHN", "B1GQ_V [XDC]", 2016) == 74639510000000.0
    assert frame.set_index("city")["unit"].to_dict() == {"country-CHN": "CNY", "NA": "USD"} or (
        sorted(frame["unit"]) == ["CNY", "USD", "USD"])
    assert "USD (UNIT_MULT 6) → USD (× 1,000,000)" in report.units_converted
    assert report.cities_new == ["NA"]


def test_eurostat_flags_missing_and_packed_dimensions():
    rows = [["unit,geo\\time", "2021 ", "2020 ", "2019 "],
            ["EUR_HAB,AL", ": ", "4700 p", "4800 "],
            ["MIO_EUR,DE3", "163828.13 e", "156034.81 e", ": c"]]
    frame, report = interpret_grid(grid(rows, file="nama_10r_3gdp.tsv"))
    assert value_of(frame, "AL", "nama_10r_3gdp [EUR_HAB]", 2020) == 4700.0
    assert value_of(frame, "DE3", "nama_10r_3gdp [MIO_EUR]", 2020) == 156034810000.0
    assert len(frame) == 4
    flags = next(w for w in report.warnings if w.code == "value_flags")
    assert flags.values["flags"] == {"p": 1, "e": 2, "c": 1}
    assert flags.location.row == 2 and flags.location.column == "C"
    missing = next(w for w in report.warnings if w.code == "missing_values")
    assert missing.values["count"] == 2
    assert "unknown_unit" in codes(report.warnings)  # EUR_HAB is kept as written


def test_world_bank_layout(lookup):
    rows = [["Data Source", "World Development Indicators", ""], ["Last Updated Date",
            "2024-06-28", ""],
            ["Country Name", "Country Code", "Indicator Name", "Indicator Code", "2016", "2017",
             ""],
            ["China", "CHN", "GDP growth (annual %)", "NY.GDP.MKTP.KD.ZG", "6.84876220495761",
             "6.94720079064122", ""],
            ["Namibia", "NAM", "GDP growth (annual %)", "NY.GDP.MKTP.KD.ZG", "", "", ""],
            ["World", "WLD", "GDP growth (annual %)", "NY.GDP.MKTP.KD.ZG", "2.8", "", ""]]
    frame, report = interpret_grid(grid(rows, file="API.csv", row_numbers=[1, 3, 5, 6, 7, 8]),
                                   lookup=lookup)
    assert value_of(frame, "country-CHN", "GDP growth (annual %)", 2016) == 6.84876220495761
    assert set(frame["unit"]) == {"percent"}
    assert len(frame) == 3
    assert report.cities_new == ["World"]
    empty = next(w for w in report.warnings if w.code == "empty_row_skipped")
    assert empty.values["rows"] == [7]


def test_mixed_units_within_an_indicator_are_converted_and_reported(lookup):
    rows = [LONG_HEADER, ["北京市", "地区生产总值", "2016", "1000.0", "亿元"],
            ["上海市", "地区生产总值", "2016", "22345000.0", "万元"],
            ["广州市", "常住人口", "2016", "37902500", "人"],
            ["北京市", "常住人口", "2016", "1321.25", "万人"],
            ["北京市", "空气质量", "2016", "35", "µg/m³"]]
    frame, report = interpret_grid(grid(rows), lookup=lookup)
    assert value_of(frame, "cn-310100", "地区生产总值", 2016) == 223450000000.0
    assert value_of(frame, "cn-440100", "常住人口", 2016) == 37902500.0
    mixed = {w.values["indicator"]: w.values["units"] for w in report.warnings
             if w.code == "mixed_units"}
    assert mixed == {"地区生产总值": {"亿元": 1, "万元": 1}, "常住人口": {"人": 1, "万人": 1}}
    assert value_of(frame, "cn-110100", "空气质量", 2016) == 35.0
    assert frame["unit"].iloc[-1] == "µg/m³"
    assert "unknown_unit" in codes(report.warnings)


def test_duplicates_exact_collapsed_conflicting_kept_first_and_listed():
    rows = [LONG_HEADER, ["北京市", "GDP", "2016", "1000.0", "亿元"],
            ["上海市", "GDP", "2018", "2666.75", "亿元"],
            ["北京市", "GDP", "2016", "1100.0", "亿元"],
            ["上海市", "GDP", "2018", "2666.75", "亿元"],
            ["上海市", "GDP", "2018", "266675000000", "元"]]  # same value in other units
    frame, report = interpret_grid(grid(rows, file="dup.csv"))
    assert len(frame) == 2
    assert value_of(frame, "北京市", "GDP", 2016) == 100000000000.0
    conflict = next(e for e in report.errors if e.code == "conflicting_duplicate")
    assert conflict.values["rows"] == [2, 4] and conflict.values["kept_row"] == 2
    assert conflict.values["values"] == [100000000000.0, 110000000000.0]
    assert conflict.location.describe() == "dup.csv, row 4, column D"
    collapsed = next(w for w in report.warnings if w.code == "duplicate_collapsed")
    assert collapsed.values["rows"] == [3, 5, 6]


def test_header_only_is_a_warning_not_a_crash():
    frame, report = interpret_grid(grid([LONG_HEADER]))
    assert frame.empty and tuple(frame.columns) == LONG_COLUMNS
    assert codes(report.warnings) == ["no_data_rows"]
    assert report.errors == [] and report.rows_imported == 0


def test_empty_grid():
    frame, report = interpret_grid(grid([]))
    assert frame.empty and codes(report.warnings) == ["no_data_rows"]


def test_unreadable_plan_is_rejected_with_a_located_issue():
    table = grid([["年份", "数值"], ["2016", "1"]], file="x.csv")
    with pytest.raises(ImportRejectedError) as rejected:
        interpret_grid(table)
    assert rejected.value.issue.code == "no_city_column"
    assert str(rejected.value).startswith("x.csv: ")
    plan = dataclasses.replace(detect(table), city="沈阳市", indicator="GDP")
    frame, _ = interpret(table, plan)
    assert frame[["city", "indicator", "year", "value"]].values.tolist() == [
        ["沈阳市", "GDP", 2016, 1.0]]


def test_formula_cells_without_value_are_errors():
    rows = [LONG_HEADER, ["北京市", "GDP", "2016", None, "亿元"], ["北京市", "GDP", "2017", 42.0,
                                                                "亿元"]]
    table = grid(rows, file="f.xlsx", sheet="数据",
                 cell_flags={(1, 3): "formula_not_calculated"})
    frame, report = interpret_grid(table)
    assert frame["year"].tolist() == [2017]
    error = next(e for e in report.errors if e.code == "formula_not_calculated")
    assert error.location.describe() == "f.xlsx, sheet '数据', row 2, column D"


def test_options_roles_and_unit_apply():
    rows = [["name", "yr", "amount"], ["沈阳", "2016", "5546.4498"]]
    options = TableOptions(roles={"name": "city", "yr": "year", "amount": "value"},
                           indicator="GDP", unit="亿元", layout="long")
    frame, _ = interpret_grid(grid(rows), options)
    assert frame[["city", "indicator", "year", "value", "unit", "source_unit"]].values.tolist() == [
        ["沈阳", "GDP", 2016, 554644980000.0, "CNY", "亿元"]]


def test_cancel_between_phases():
    class Cancelled:
        def report(self, fraction, message=""):
            self.last = message

        def cancelled(self):
            return True

    table = grid([LONG_HEADER, ["北京市", "GDP", "2016", "1", "亿元"]])
    with pytest.raises(CancelledError):
        interpret(table, detect(table), None, Cancelled())


def test_progress_reaches_the_end():
    seen = []

    class Recorder:
        def report(self, fraction, message=""):
            seen.append(fraction)

        def cancelled(self):
            return False

    table = grid([LONG_HEADER, ["北京市", "GDP", "2016", "1", "亿元"]])
    interpret(table, detect(table), None, Recorder())
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_per_cell_issues_are_capped():
    rows = [LONG_HEADER] + [["北京市", "GDP", str(1900 + i), "n.v.", "亿元"] for i in range(150)]
    _, report = interpret_grid(grid(rows))
    assert codes(report.errors).count("not_a_number") == 100
    more = next(e for e in report.errors if e.code == "more_issues")
    assert more.values == {"issue_code": "not_a_number", "count": 150, "listed": 100}


def test_control_characters_in_names_are_stripped(lookup):
    rows = [LONG_HEADER, ["北京\x00市", "GDP", "2016", "1", "亿元"],
            ["\u202e深圳市", "GDP", "2016", "2", "亿元"]]
    frame, _ = interpret_grid(grid(rows), lookup=lookup)
    assert frame["city"].tolist() == ["cn-110100", "cn-440300"]


def test_a_row_named_by_its_code_is_not_filled_down_and_stops_the_fill():
    """A blank name with a statistical code is that code's city (not the name above); a row
    with neither after it has no city, rather than the previous row's name."""
    from desktop.core.catalog import City, CityLookup

    lookup = CityLookup([City("cn-210100", "Shenyang", "沈阳市", (), "CN", code="210100"),
                         City("cn-210200", "Dalian", "大连市", (), "CN", code="210200")])
    rows = [["city", "city_code", "year", "gdp"], ["Shenyang", "210100", "2016", "5460"],
            ["", "210200", "2016", "6810"], ["", "", "2017", "5500"]]
    frame, report = interpret_grid(grid(rows, file="coded.csv"), lookup=lookup)
    assert value_of(frame, "cn-210200", "gdp", 2016) == 6810.0
    assert value_of(frame, "cn-210100", "gdp", 2016) == 5460.0
    assert len(frame) == 2
    assert "city_filled_down" not in codes(report.warnings)
    assert next(e for e in report.errors if e.code == "missing_city").location.row == 4
    assert report.cities_matched.get("210200") == "cn-210200"
