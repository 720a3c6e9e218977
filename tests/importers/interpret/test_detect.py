"""detect(): header rows, metadata, footnotes, layouts and roles on hand-made grids."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.importers.interpret import detect
from desktop.importers.model import LAYOUTS, MergedRange, TableOptions
from desktop.importers.table import clean_header

from .helpers import grid

LONG_HEADER = ["城市", "指标", "年份", "数值", "单位"]


def test_plain_long_table():
    plan = detect(grid([LONG_HEADER, ["北京市", "地区生产总值", "2016", "1000.0", "亿元"]]))
    assert plan.layout == "long"
    assert plan.header_rows == (0,)
    assert plan.first_data_row == 1
    assert plan.roles == {"城市": "city", "指标": "indicator", "年份": "year", "数值": "value",
                          "单位": "unit"}
    assert plan.problems == ()
    assert dataclasses.is_dataclass(plan) and plan.__dataclass_params__.frozen


def test_nbs_metadata_lines_and_footnotes():
    rows = [
        ["数据库：分省年度数据", "", ""],
        ["指标：地区生产总值(亿元)", "", ""],
        ["时间：最近20年", "", ""],
        ["地区", "2024年", "2023年"],
        ["北京市", "49670.2", "47353.7"],
        ["辽宁省", "32540.8", "31389.8"],
        ["注：按照我国国民经济核算数据修订制度……", "", ""],
        ["数据来源：国家统计局", "", ""],
    ]
    plan = detect(grid(rows))
    assert plan.metadata_rows == (0, 1, 2)
    assert plan.metadata[1] == ("指标", "地区生产总值(亿元)")
    assert (plan.indicator, plan.unit, plan.unit_source) == ("地区生产总值", "亿元", "metadata")
    assert plan.header_rows == (3,)
    assert plan.footer_rows == (6, 7)
    assert plan.end_row == 6
    assert plan.layout == "wide_years"
    assert plan.year_columns == {"2024年": 2024, "2023年": 2023}
    assert plan.roles["地区"] == "city"


def test_metadata_city_for_a_table_of_one_city():
    rows = [["数据库：年度数据"], ["地区：广州市"], ["时间：最近5年"],
            ["指标", "2020年", "2019年"], ["地区生产总值(亿元)", "3691.0", "3635.5"]]
    plan = detect(grid(rows))
    assert plan.city == "广州市"
    assert plan.roles == {"指标": "indicator", "2020年": "year:2020", "2019年": "year:2019"}
    assert plan.problems == ()


def test_world_bank_preamble_and_trailing_empty_column():
    rows = [
        ["Data Source", "World Development Indicators", ""],
        ["Last Updated Date", "2024-06-28", ""],
        ["Country Name", "Country Code", "Indicator Name", "Indicator Code", "2016", "2017", ""],
        ["China", "CHN", "GDP growth (annual %)", "NY.GDP.MKTP.KD.ZG", "6.8", "6.9", ""],
    ]
    plan = detect(grid(rows))
    assert plan.header_rows == (2,)
    assert plan.metadata == (("Data Source", "World Development Indicators"),
                             ("Last Updated Date", "2024-06-28"))
    assert plan.layout == "wide_years"
    assert [c.role for c in plan.columns] == ["city", "ignore", "indicator", "ignore",
                                               "year:2016", "year:2017", "ignore"]


@pytest.mark.parametrize(
    ("headers", "years"),
    [
        (["2016", "2017", "2018"], [2016, 2017, 2018]),
        (["2018年", "2017年", "2016年"], [2018, 2017, 2016]),
        (["2021 ", "2020 ", "2019 "], [2021, 2020, 2019]),
        (["2020年度", "2019年度", "2018年度"], [2020, 2019, 2018]),
    ],
)
def test_wide_by_year_headers(headers, years):
    plan = detect(grid([["城市", "指标", *headers], ["沈阳市", "GDP", "1", "2", "3"]]))
    assert plan.layout == "wide_years"
    assert list(plan.year_columns.values()) == years


def test_wide_by_indicator_with_units_in_headers():
    rows = [["城市", "年份", "GDP (亿元)", "地区生产总值_当年价格_全市_万元", "Ctnm_id"],
            ["沈阳市", "2016", "5546.45", "55464498", "210100"]]
    plan = detect(grid(rows))
    assert plan.layout == "wide_indicators"
    roles = plan.roles
    assert roles["GDP (亿元)"] == "indicator:GDP"
    assert roles["地区生产总值_当年价格_全市_万元"] == "indicator:地区生产总值_当年价格_全市"
    assert roles["Ctnm_id"] == "city_code"  # codes identify cities; never an indicator
    assert plan.unit_sources["GDP (亿元)"] == ("亿元", "header")


def test_sdmx_and_eurostat_layouts():
    sdmx = ["DATAFLOW", "REF_AREA", "MEASURE", "UNIT_MEASURE", "FREQ", "TIME_PERIOD",
            "OBS_VALUE", "OBS_STATUS", "UNIT_MULT", "DECIMALS", "CURRENCY"]
    plan = detect(grid([sdmx, ["X", "CHN", "B1GQ_V", "USD", "A", "2016", "1", "A", "6", "0", ""]]))
    assert plan.layout == "sdmx"
    assert plan.roles["REF_AREA"] == "city" and plan.roles["UNIT_MULT"] == "unit_mult"
    assert plan.roles["MEASURE"] == "indicator" and plan.roles["DATAFLOW"] == "ignore"
    euro = detect(grid([["unit,geo\\time", "2021 ", "2020 "], ["EUR_HAB,AL", ": ", "4700 p"]]))
    assert euro.layout == "eurostat"
    assert euro.dims == ("unit", "geo")
    assert euro.roles == {"unit,geo\\time": "dims", "2021": "year:2021", "2020": "year:2020"}


def test_header_cell_line_breaks_and_bilingual_lines():
    assert clean_header("地区生产总值(当年价格)\r\n(万元)\r\nGross Regional Product\r\n"
                        "(Current Prices)\r\n(10 000 yuan)") == "地区生产总值(当年价格) (万元)"
    assert clean_header("全 市\r\nTotal City") == "全市"
    assert clean_header("城    市") == "城市"
    assert clean_header("Jan\n2020") == "Jan 2020"
    assert clean_header("\ufeff城市") == "城市"


YEARBOOK = [
    ["2-1  人口及户数", "", "", "", "", ""],
    ["Population and Number of Households", "", "", "", "", ""],
    ["城    市", "City", "年末户籍人口(万人)\r\nHousehold Registered\r\n(10 000 persons)", "",
     "年末总户数(万户)\r\nNumber of Households", ""],
    ["", "", "全 市\r\nTotal City", "市辖区\r\nDistricts\r\nunder City", "全 市\r\nTotal City",
     "市辖区\r\nDistricts"],
    ["北京市", "Beijing", "1359", "1359", "543", "543"],
    ["河北省", "Hebei", "", "", "", ""],
    ["  石家庄市", "  Shijiazhuang", "973", "417", "282", "119"],
    ["", "", "", "", "", ""],
    ["2-1  续表 1  continued 1", "", "", "", "", ""],
    ["城    市", "City", "年末户籍人口(万人)\r\nHousehold Registered\r\n(10 000 persons)", "",
     "年末总户数(万户)\r\nNumber of Households", ""],
    ["", "", "全 市\r\nTotal City", "市辖区\r\nDistricts\r\nunder City", "全 市\r\nTotal City",
     "市辖区\r\nDistricts"],
    ["辽宁省", "Liaoning", "", "", "", ""],
    ["  沈阳市", "  Shenyang", "737", "591", "272", "222"],
]
YEARBOOK_HEADERS = ["城市", "City", "年末户籍人口(万人) 全市", "年末户籍人口(万人) 市辖区",
                    "年末总户数(万户) 全市", "年末总户数(万户) 市辖区"]


@pytest.mark.parametrize("merged", [False, True])
def test_two_row_merged_yearbook_header(merged):
    ranges = [MergedRange(2, 2, 2, 3), MergedRange(2, 4, 2, 5), MergedRange(2, 0, 3, 0),
              MergedRange(2, 1, 3, 1)] if merged else []
    plan = detect(grid(YEARBOOK, file="2-1.xls", merged=ranges))
    assert plan.header_rows == (2, 3)
    assert plan.metadata_rows == (0, 1)
    assert [c.header for c in plan.columns] == YEARBOOK_HEADERS
    assert plan.layout == "wide_indicators"
    assert plan.roles["城市"] == "city" and plan.roles["City"] == "ignore"
    assert plan.roles["年末户籍人口(万人) 全市"] == "indicator:年末户籍人口 全市"
    assert plan.problems == ("no_year",)  # the yearbook does not say the year in the table


def test_unit_row_under_the_header():
    rows = [["城市", "年份", "地区生产总值", "常住人口"], ["", "", "亿元", "万人"],
            ["沈阳市", "2016", "5546.45", "829.4"]]
    plan = detect(grid(rows))
    assert plan.header_rows == (0, 1)
    assert plan.unit_rows == (1,)
    assert plan.unit_sources == {"地区生产总值": ("亿元", "unit_row"),
                                 "常住人口": ("万人", "unit_row")}


def test_options_override_everything():
    rows = [["a", "b", "c", "d"], ["x", "2016", "1", "亿元"], ["y", "2017", "2", "亿元"]]
    options = TableOptions(header_rows=(0,), first_data_row=2, layout="long",
                           roles={"a": "city", "B": "year", "c": "value", "d": "unit"},
                           indicator="GDP", unit="万元")
    plan = detect(grid(rows), options)
    assert plan.first_data_row == 2
    assert plan.layout == "long"
    assert plan.roles == {"a": "city", "b": "year", "c": "value", "d": "unit"}
    assert (plan.indicator, plan.unit, plan.unit_source) == ("GDP", "万元", "option")
    with pytest.raises(ValueError, match="layout"):
        detect(grid(rows), TableOptions(layout="diagonal"))
    assert "diagonal" not in LAYOUTS


def test_table_without_a_header_row():
    plan = detect(grid([["沈阳市", "2016", "5546.45"], ["大连市", "2016", "6810.2"]]))
    assert plan.header_rows == ()
    assert plan.first_data_row == 0


def test_problems_are_listed_not_raised():
    plan = detect(grid([["年份", "数值"], ["2016", "1"]]))
    assert plan.problems == ("no_city_column",)


# --- year headers written with a mark ------------------------------------------------------

MARKED_HEADERS = ["FY2016", "2017-18", "2019E", "2020r", "2021*", "2022p"]


def test_marked_year_headers_are_year_columns():
    """Not dropped, not taken for indicators: each is its year (a split year its first)."""
    plan = detect(grid([["城市", "指标", *MARKED_HEADERS], ["沈阳市", "GDP", *"123456"]]))
    assert plan.layout == "wide_years"
    assert plan.year_columns == {"FY2016": 2016, "2017-18": 2017, "2019E": 2019, "2020r": 2020,
                                 "2021*": 2021, "2022p": 2022}


def test_marked_year_headers_are_flagged_in_the_report():
    from desktop.importers.interpret import interpret_grid

    rows = [["城市", "指标", *MARKED_HEADERS, "2018 (revised)", "2023年末"],
            ["沈阳市", "GDP", "1", "2", "3", "4", "5", "6", "7", "8"]]
    frame, report = interpret_grid(grid(rows, file="marked.csv"))
    assert sorted(frame["year"].tolist()) == [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]
    assert frame.loc[frame["value"] == 3.0, "year"].item() == 2019  # '2019E': imported
    [flagged] = [w for w in report.warnings if w.code == "year_flagged"]
    assert flagged.values["notes"] == {
        "FY2016": "fiscal", "2017-18": "split", "2019E": "estimate", "2020r": "revised",
        "2021*": "marked", "2022p": "provisional", "2018 (revised)": "revised",
        "2023年末": "year_end"}
    assert flagged.values["columns"]["2019E"] == "E"
    assert flagged.message.startswith("year headers written with a mark: '2019E' → 2019 "
                                      "(estimate); '2022p' → 2022 (provisional)")
    assert "not final figures" in flagged.message
    assert (flagged.location.row, flagged.location.column) == (1, "C")


def test_year_like_header_that_is_not_read_is_named():
    from desktop.importers.interpret import interpret_grid

    rows = [["城市", "指标", "2016", "2017", "2019 Q3"], ["沈阳市", "GDP", "1", "2", "3"]]
    frame, report = interpret_grid(grid(rows, file="q.csv"))
    assert sorted(frame["year"].tolist()) == [2016, 2017]
    [issue] = [w for w in report.warnings if w.code == "year_header_not_read"]
    assert issue.message == ("1 column whose header looks like a year but is not one was "
                             "not imported: column E ('2019 Q3')")
    assert issue.location.column == "E"


def test_marked_year_cells_in_a_long_table_are_flagged():
    from desktop.importers.interpret import interpret_grid

    rows = [["城市", "指标", "年份", "数值"], ["沈阳市", "GDP", "FY2016", "1"],
            ["沈阳市", "GDP", "2019F", "2"], ["沈阳市", "GDP", "2017", "3"]]
    frame, report = interpret_grid(grid(rows, file="cells.csv"))
    assert dict(zip(frame["year"], frame["value"], strict=True)) == {2016: 1.0, 2019: 2.0,
                                                                      2017: 3.0}
    [flagged] = [w for w in report.warnings if w.code == "year_flagged"]
    assert flagged.values["notes"] == {"FY2016": "fiscal", "2019F": "forecast"}
    assert "'2019F' → 2019 (forecast)" in flagged.message


@pytest.mark.parametrize(
    ("header", "expected"),
    [("GDP 2019E", ("GDP", 2019)), ("GDP FY2016", ("GDP", 2016)),
     ("popu_2016-17", ("popu", 2016)), ("人均 GDP 2018 (revised)", ("人均 GDP", 2018)),
     ("popu_2020", ("popu", 2020)), ("GDP", ("GDP", None))],
)
def test_name_and_marked_year(header, expected):
    from desktop.importers.layout import header_year_note, name_and_year

    assert name_and_year(header) == expected
    assert bool(header_year_note(header)) == (header not in ("popu_2020", "GDP"))
