"""What the readers say about cells, lines, fields and sheets agrees with how many there are,
in English ('1 cell ... was', '2 cells ... were') and in Chinese (from the issue's count)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.importers.model import Issue
from desktop.importers.readers import read_grids
from desktop.importers.report_text import issue_message


def workbook(tmp_path: Path, dates: int, formulas: int, hidden: int) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(["city", "indicator", "year", "value", "unit"])
    for i in range(dates):
        sheet.append(["北京市", "GDP", 2010 + i, dt.date(2020, 3, 1), "亿元"])  # not a year
    for i in range(formulas):
        sheet.append(["上海市", "GDP", 2010 + i, "=1+1", "亿元"])  # saved without a value
    for i in range(hidden):
        other = book.create_sheet(f"h{i + 1}")
        other.append(["x", 1])
        other.sheet_state = "hidden"
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def issues(path: Path) -> dict[str, Issue]:
    return {issue.code: issue for grid in read_grids(path) for issue in grid.issues}


def test_one_date_one_formula_one_hidden_sheet(tmp_path: Path) -> None:
    found = issues(workbook(tmp_path, 1, 1, 1))
    assert found["date_cell"].message == ("1 cell formatted as dates (D2) was read as dates "
                                          "(YYYY-MM-DD), not numbers.")
    assert found["formula_not_calculated"].message == (
        "Formula cell D3 has no calculated value saved (open and save the file in Excel to "
        "calculate it); read as empty.")
    assert found["hidden_sheet_skipped"].message == (
        "Hidden sheet 'h1' was not read; choose it explicitly to import hidden data.")
    assert issue_message(found["date_cell"], "zh").startswith("1个设置为日期格式的单元格（D2）")
    assert issue_message(found["hidden_sheet_skipped"], "zh").endswith("请明确选择该工作表。")


def test_two_dates_two_formulas_two_hidden_sheets(tmp_path: Path) -> None:
    found = issues(workbook(tmp_path, 2, 2, 2))
    assert found["date_cell"].message == ("2 cells formatted as dates (D2, D3) were read as "
                                          "dates (YYYY-MM-DD), not numbers.")
    assert found["date_cell"].values["count"] == 2
    assert found["formula_not_calculated"].message == (
        "Formula cells D4, D5 have no calculated value saved (open and save the file in Excel "
        "to calculate them); read as empty.")
    assert found["hidden_sheet_skipped"].message == (
        "Hidden sheets 'h1', 'h2' were not read; choose them explicitly to import hidden "
        "data.")
    assert issue_message(found["date_cell"], "zh").startswith("2个设置为日期格式的单元格")
    assert issue_message(found["hidden_sheet_skipped"], "zh") == (
        "隐藏工作表“h1”、“h2”未读取；如需导入隐藏数据，请明确选择这些工作表。")


@pytest.mark.parametrize(("cells", "named"), [(1, "cell A2"), (2, "cells A2, A3")])
def test_control_characters_name_their_cells_in_the_singular_or_plural(
        tmp_path: Path, cells: int, named: str) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["city", "indicator", "year", "value"])
    for name in ["\u202e北京市", "\u202e上海市"][:cells]:  # a right-to-left override
        sheet.append([name, "GDP", 2020, 1])
    path = tmp_path / "names.xlsx"
    book.save(path)
    removed = issues(path)["control_characters_removed"]
    assert removed.message == (f"Removed {cells} invisible control or text-direction "
                               f"character{'s' if cells > 1 else ''} ({named}); names are "
                               "compared without them.")


@pytest.mark.parametrize(("rows", "said"), [
    (1, "A stray carriage return inside a field was removed on line 2; it was not treated "
        "as a line break."),
    (2, "2 stray carriage returns inside fields were removed on lines 2, 3; they were not "
        "treated as line breaks."),
])
def test_stray_carriage_returns_are_counted(tmp_path: Path, rows: int, said: str) -> None:
    lines = ["city,value", "北京\r市,1", "上海\r市,2", "广州市,3"]
    path = tmp_path / "cr.csv"
    path.write_bytes(("\n".join(lines[:1 + rows] + lines[3:]) + "\n").encode("utf-8"))
    stray = issues(path)["bare_cr_in_field"]
    assert stray.message == said
    assert issue_message(stray, "zh") == (
        f"第 {'2' if rows == 1 else '2、3'} 行字段内的多余回车符已删除；未当作换行。")


@pytest.mark.parametrize(("name", "content", "chinese"), [
    ("notes.txt", b"CANARY-7f3a9c\n",
     "这个文本文件没有列（没有逗号、制表符、分号或 | 分隔符），不是表格。"),
    ("cities.csv", b"%PDF-1.7\n...", "这是 PDF 文档，不是电子表格或 CSV 文件。"),
    ("README.md", b"# cities\n", ".md 文件是文档，不是表格；请导入 CSV、TSV 或 Excel 文件。"),
])
def test_a_refused_file_says_why_in_chinese_as_in_english(tmp_path: Path, name: str,
                                                         content: bytes, chinese: str) -> None:
    """Not the catch-all 'import a .txt file' for a .txt file that has no columns."""
    from desktop.importers.model import ImportRejectedError

    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRejectedError) as refused:
        read_grids(path)
    assert refused.value.issue.code == "unsupported_type"
    assert issue_message(refused.value.issue, "zh") == chinese


@pytest.mark.parametrize("n", [1, 2])
def test_long_fields_cut(tmp_path: Path, n: int) -> None:
    lines = ["city,value"] + [f"北京市,{'9' * 20_000}" for _ in range(n)] + ["上海市,1"]
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cut = issues(path)["field_truncated"]
    first = (f"{n} field{'s' if n > 1 else ''} longer than 10,000 characters "
             f"{'were' if n > 1 else 'was'} cut to 10,000 characters: ")
    assert cut.message.startswith(first) and cut.values["count"] == n
    assert issue_message(cut, "zh").startswith(f"{n}个字段超过长度上限，已截断")

