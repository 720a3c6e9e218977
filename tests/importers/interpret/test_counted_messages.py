"""Counted import messages: the English noun agrees with its number ('1 row', '2 rows'), and
the Chinese sentence takes the count from the issue's values, never from the English one.

Expected sentences are written out by hand from the rows below.
"""

from __future__ import annotations

import dataclasses

import pytest

from desktop.importers.interpret import interpret_grid
from desktop.importers.model import ImportReport, Issue, counted, plural
from desktop.importers.report_text import issue_message

from .helpers import grid

LONG = ["city", "indicator", "year", "value", "unit"]


def messages(report: ImportReport, lang: str = "en") -> dict[str, list[str]]:
    """Each issue code's sentences as the report prints them."""
    said: dict[str, list[str]] = {}
    for issue in report.errors + report.warnings:
        said.setdefault(issue.code, []).append(issue_message(issue, lang))
    return said


def all_issues(report: ImportReport) -> list[Issue]:
    return report.errors + report.warnings


def test_counted_words() -> None:
    assert counted(1, "row") == "1 row" and counted(0, "row") == "0 rows"
    assert counted(17613, "cell") == "17,613 cells"
    assert plural(1, "was", "were") == "was" and plural(2, "was", "were") == "were"


def test_one_of_each_table_note_is_said_in_the_singular() -> None:
    rows = [["指标：地区生产总值(亿元)"], ["地区", "2020", "2021"], ["北京市", "1", "2"],
            ["天津市", "", ""], ["注：含郊县"], ["地区", "2020", "2021"], ["上海市", "3", "4"],
            ["数据来源：国家统计局"]]
    _, report = interpret_grid(grid(rows, file="one.csv"))
    said = messages(report)
    assert said["metadata_rows_skipped"] == ["1 title/metadata row above the header skipped"]
    assert said["footer_rows_dropped"] == ["1 footnote row below the data dropped"]
    assert said["repeated_header_dropped"] == ["1 repeated header or page-title row dropped"]
    assert said["note_rows_dropped"] == ["1 note row inside the table dropped"]
    assert said["empty_row_skipped"] == ["1 row without any value skipped"]
    zh = messages(report, "zh")
    assert zh["empty_row_skipped"] == ["跳过了1个没有任何数值的行"]
    assert zh["metadata_rows_skipped"] == ["跳过了表头上方的1个标题或说明行"]


def test_two_of_each_table_note_is_said_in_the_plural() -> None:
    rows = [["指标：地区生产总值(亿元)"], ["单位：亿元"], ["地区", "2020", "2021"],
            ["北京市", "1", "2"], ["天津市", "", ""], ["河北市", "", ""], ["地区", "2020", "2021"],
            ["上海市", "3", "4"], ["地区", "2020", "2021"], ["广州市", "5", "6"],
            ["数据来源：国家统计局"], ["注：2021年为初步数"]]
    _, report = interpret_grid(grid(rows, file="two.csv"))
    said = messages(report)
    assert said["metadata_rows_skipped"] == ["2 title/metadata rows above the header skipped"]
    assert said["footer_rows_dropped"] == ["2 footnote rows below the data dropped"]
    assert said["repeated_header_dropped"] == ["2 repeated header or page-title rows dropped"]
    assert said["empty_row_skipped"] == ["2 rows without any value skipped"]
    assert messages(report, "zh")["repeated_header_dropped"] == ["删除了2个重复的表头或页标题行"]


@pytest.mark.parametrize("n", [1, 2])
def test_value_problems_agree_with_their_count(n: int) -> None:
    rows = [LONG, ["北京市", "GDP", "2010", "1", "亿元"]]
    rows += [["", "GDP", str(2011 + i), "2", "亿元"] for i in range(n)]  # city from above
    rows += [["北京市", "GDP", "20x6", "3", "亿元"] for _ in range(n)]  # not a year
    rows += [["北京市", "GDP", "", "4", "亿元"] for _ in range(n)]  # no year
    rows += [["北京市", "GDP", str(2020 + i), "1,234", "亿元"] for i in range(n)]
    rows += [["北京市", "GDP", str(2030 + i), "..", "亿元"] for i in range(n)]
    _, report = interpret_grid(grid(rows, file="n.csv"))
    en, zh = messages(report), messages(report, "zh")
    if n == 1:
        assert en["city_filled_down"] == ["1 row without a city took the city above it"]
        assert en["bad_year"] == ["'20x6' is not a year; 1 row not imported",
                                  "1 row without a year was not imported"]
        assert en["thousands_separator"] == [
            "1 value written with thousands separators was read without them"]
        assert en["missing_values"] == [
            "1 cell marked as missing was not imported (never read as 0)"]
    else:
        assert en["city_filled_down"] == ["2 rows without a city took the city above them"]
        assert en["bad_year"] == ["'20x6' is not a year; 2 rows not imported",
                                  "2 rows without a year were not imported"]
        assert en["thousands_separator"] == [
            "2 values written with thousands separators were read without them"]
        assert en["missing_values"] == [
            "2 cells marked as missing were not imported (never read as 0)"]
    assert zh["city_filled_down"] == [f"{n}行没有城市，沿用上一行的城市"]
    assert zh["bad_year"] == [f"“20x6”不是年份；{n}行未导入", f"{n}行没有年份，未导入"]
    assert zh["thousands_separator"] == [f"{n}个数值带有千位分隔符，已去掉分隔符读取"]
    assert zh["missing_values"] == [f"{n}个标记为缺失的单元格未导入（不会当作 0）：“..”"]


def test_a_count_beyond_the_rows_kept_is_said_in_full() -> None:
    """An issue keeps the first 100 rows it names; both languages still say all 150."""
    rows = [LONG, ["北京市", "GDP", "1900", "1", "亿元"]]
    rows += [["", "GDP", str(1901 + i), "2", "亿元"] for i in range(150)]
    _, report = interpret_grid(grid(rows, file="long.csv"))
    filled = next(w for w in report.warnings if w.code == "city_filled_down")
    assert len(filled.values["rows"]) == 100 and filled.values["count"] == 150
    assert filled.message == "150 rows without a city took the city above them"
    assert issue_message(filled, "zh") == "150行没有城市，沿用上一行的城市"


def test_one_more_issue_not_listed() -> None:
    rows = [LONG] + [["北京市", "GDP", str(1900 + i), "n.v.", "亿元"] for i in range(101)]
    _, report = interpret_grid(grid(rows))
    more = next(e for e in report.errors if e.code == "more_issues")
    assert more.message == "1 more 'not_a_number' issue not listed (101 in all)"
    assert issue_message(more, "zh") == "另有1条“不是数字”问题未列出（共101条）"


def test_chinese_sentences_do_not_read_the_english_ones() -> None:
    """Every issue whose English sentence starts with a count keeps that count in its values,
    and its Chinese sentence stays the same whatever the English says."""
    rows = [["指标：地区生产总值(亿元)"], ["地区", "年份", "数值"], ["北京市", "2020", "1,234"],
            ["", "2021", ".."], ["北京市", "20x6", "5"], ["北京市", "", "6"],
            ["地区", "年份", "数值"], ["天津市", "2020", "7"], ["数据来源：国家统计局"]]
    _, report = interpret_grid(grid(rows, file="f.csv"))
    counted_issues = [i for i in all_issues(report) if i.message[:1].isdigit()]
    assert {i.code for i in counted_issues} >= {
        "metadata_rows_skipped", "footer_rows_dropped", "repeated_header_dropped",
        "city_filled_down", "bad_year", "thousands_separator", "missing_values"}
    for issue in counted_issues:
        assert int(issue.message.split()[0].replace(",", "")) == issue.values["count"], issue
    for issue in all_issues(report):
        reworded = dataclasses.replace(issue, message="(reworded)")
        assert issue_message(reworded, "zh") == issue_message(issue, "zh") != "(reworded)"
