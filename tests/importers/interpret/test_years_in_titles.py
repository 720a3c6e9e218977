"""A year stated only in a title row or the sheet name: used when the table has no year
column, said in the report, shown in the plan; a user-given year always wins."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from desktop.core.progress import NullProgress
from desktop.importers.fast_path import Declined, import_columns
from desktop.importers.interpret import detect, interpret, interpret_grid
from desktop.importers.model import ImportRejectedError, TableOptions
from desktop.importers.recipe import Recipe
from desktop.importers.report_text import issue_message
from desktop.importers.run import import_file
from desktop.importers.title_years import year_in_text

from .helpers import codes, grid, value_of

CITIES = [["沈阳市", 5460.01, 829.4, 80.8], ["大连市", 6810.2, 595.2, 79.2],
          ["长春市", 5986.4, 753.8, 58.6]]
HEADER = ["城市", "地区生产总值(亿元)", "常住人口(万人)", "城镇化率(%)"]


def _workbook(path, sheet: str, title: str | None = None):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = sheet
    if title:
        book.active.append([title])
    book.active.append(HEADER)
    for row in CITIES:
        book.active.append(row)
    book.save(path)
    return path


def test_sheet_name_gives_the_year_of_a_yearbook_sheet(tmp_path):
    path = _workbook(tmp_path / "辽宁统计年鉴.xlsx", "2016年主要经济指标")
    outcome = import_file(path, fast=False)
    frame, report = outcome.frame, outcome.report
    assert set(frame["year"]) == {2016} and len(frame) == 9
    assert value_of(frame, "沈阳市", "地区生产总值", 2016) == 546_001_000_000.0
    assert value_of(frame, "大连市", "常住人口", 2016) == 5_952_000.0
    plan = outcome.plans[0]
    assert (plan.year, plan.year_source) == (2016, "sheet")
    note = next(w for w in report.warnings if w.code == "year_from_sheet")
    assert note.message == "year 2016 taken from the sheet name '2016年主要经济指标'"
    assert issue_message(note, "zh") == "年份 2016 取自工作表名称“2016年主要经济指标”"
    try:  # the column-wise engine reads the same sheet the same way
        fast = import_columns(path, Recipe(), None, NullProgress(), min_bytes=0)
    except Declined as exc:
        raise AssertionError(f"the column-wise engine declined: {exc}") from exc
    assert fast[3].year_source == "sheet"
    pd.testing.assert_frame_equal(fast[0], frame)
    assert fast[1].to_json() == report.to_json()


def test_gbk_yearbook_csv_with_the_year_in_its_title(tmp_path):
    text = "沈阳市2016年国民经济主要指标\n" + ",".join(HEADER) + "\n" + "".join(
        ",".join(map(str, row)) + "\n" for row in CITIES)
    path = tmp_path / "主要指标.csv"
    path.write_bytes(text.encode("gbk"))
    outcome = import_file(path, fast=False)
    frame, report = outcome.frame, outcome.report
    assert report.encoding.lower() in ("gbk", "gb18030")
    assert set(frame["year"]) == {2016}
    assert value_of(frame, "长春市", "城镇化率", 2016) == 58.6
    note = next(w for w in report.warnings if w.code == "year_from_title")
    assert note.location.row == 1
    assert note.message == "year 2016 taken from the title '沈阳市2016年国民经济主要指标'"


def test_english_table_title():
    rows = [["Table 3. GDP by city, 2019"], ["City", "GDP (US$ millions)"],
            ["Detroit", "252,613"], ["Pittsburgh", "149,873"]]
    frame, report = interpret_grid(grid(rows, file="t3.csv"))
    assert set(frame["year"]) == {2019}
    assert value_of(frame, "Detroit", "GDP", 2019) == 252_613_000_000.0
    assert "year_from_title" in codes(report.warnings)


def test_title_and_sheet_disagree_title_used_and_both_said():
    rows = [["沈阳市2016年国民经济主要指标"], HEADER, *CITIES]
    g = grid(rows, file="book.xlsx", sheet="2017年")
    plan = detect(g)
    assert (plan.year, plan.year_source) == (2016, "title")
    assert {(s, y) for s, y, _ in plan.year_candidates} == {("title", 2016), ("sheet", 2017)}
    frame, report = interpret(g, plan)
    assert set(frame["year"]) == {2016}
    clash = next(w for w in report.warnings if w.code == "year_sources_disagree")
    assert "the sheet name '2017年' says 2017, not 2016; used 2016 from the title" in (
        clash.message)
    assert "工作表名称“2017年”写的是 2017 年" in issue_message(clash, "zh")
    # the dialog overrides through the plan
    frame, _ = interpret(g, dataclasses.replace(plan, year=2017, year_source="option"))
    assert set(frame["year"]) == {2017}


def test_a_year_the_user_gives_always_wins():
    rows = [["沈阳市2016年国民经济主要指标"], HEADER, *CITIES]
    g = grid(rows, file="book.xlsx", sheet="2016年")
    plan = detect(g, TableOptions(year=2015))
    assert (plan.year, plan.year_source) == (2015, "option")
    frame, report = interpret(g, plan)
    assert set(frame["year"]) == {2015}
    assert "year_from_title" not in codes(report.warnings)
    clash = next(w for w in report.warnings if w.code == "year_sources_disagree")
    assert clash.message == ("the title '沈阳市2016年国民经济主要指标' says 2016, not 2015; "
                             "used the year you set")
    assert issue_message(clash, "zh") == ("标题“沈阳市2016年国民经济主要指标”写的是 2016 年，"
                                          "而不是 2015 年；已使用您设定的年份")


def test_a_year_column_is_not_overridden_by_the_title():
    rows = [["沈阳市2016年国民经济主要指标"], ["城市", "年份", "地区生产总值(亿元)"],
            ["沈阳市", "2015", "7272.3"], ["沈阳市", "2016", "5460.01"]]
    frame, report = interpret_grid(grid(rows, sheet="2016年"))
    assert sorted(frame["year"]) == [2015, 2016]
    assert not {"year_from_title", "year_from_sheet"} & set(codes(report.warnings))


@pytest.mark.parametrize("title", [
    "数据来源：中国城市统计年鉴2017",  # the yearbook of 2017 holds the figures of 2016
    "按2010年不变价格计算",  # a price base, not the year of the figures
    "2015-2019年主要经济指标",  # a range
    "主要经济指标"])
def test_titles_that_do_not_give_the_year_leave_it_to_the_user(title):
    rows = [[title], HEADER, *CITIES]
    with pytest.raises(ImportRejectedError) as caught:
        interpret_grid(grid(rows, sheet="Sheet1"))
    assert caught.value.issue.code == "no_year"


@pytest.mark.parametrize(("text", "year"), [
    ("2016年主要经济指标", 2016), ("沈阳市2016年国民经济主要指标", 2016), ("2016", 2016),
    ("Table 3. GDP by city, 2019", 2019), ("2018年末户籍人口", 2018), ("Sheet1", None),
    ("GDP 2015 vs 2016", None), ("12016", None), ("Table 2.1", None),
    ("常住人口1998万人以上的城市", None), ("2017-12-31", 2017)])
def test_year_in_text(text, year):
    assert year_in_text(text) == year


def test_bilingual_yearbook_sheet_takes_the_sheet_year():
    """A CCSY-style sheet: bilingual two-line headers, a 全市/市辖区 sub-header, no year but
    the sheet name's."""
    rows = [["城    市", "City", "地区生产总值(万元)\nGross Regional Product\n(10 000 yuan)", None],
            [None, None, "全 市\nTotal City", "市辖区\nDistricts under City"],
            ["沈阳市", "Shenyang", 54600100, 48600000],
            ["大连市", "Dalian", 68102000, 45870000]]
    frame, report = interpret_grid(grid(rows, file="ccsy.xlsx", sheet="2016年主要经济指标"))
    assert set(frame["year"]) == {2016} and len(frame) == 4
    assert value_of(frame, "沈阳市", "地区生产总值 全市", 2016) == 546_001_000_000.0
    assert value_of(frame, "大连市", "地区生产总值 市辖区", 2016) == 458_700_000_000.0
    assert "year_from_sheet" in codes(report.warnings)


def test_titles_naming_different_years_are_named_in_the_refusal():
    rows = [["沈阳市2016年国民经济主要指标"], ["（2017年修订）"], HEADER, *CITIES]
    g = grid(rows, sheet="Sheet1")
    plan = detect(g)
    assert plan.year is None
    assert [(s, y) for s, y, _ in plan.year_candidates] == [("title", 2016), ("title", 2017)]
    with pytest.raises(ImportRejectedError) as caught:
        interpret(g, plan)
    assert caught.value.issue.values["years"] == [2016, 2017]
    assert "the titles name 2016 in '沈阳市2016年国民经济主要指标', 2017 in '（2017年修订）'" in (
        caught.value.issue.message)
