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
        sheet.append(["北京市", "GDP", 2010 + i, dt.date(2020, 1, 1), "亿元"])
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
    assert found["formula_not_calculated"].message.startswith(
        "Formula cell D3 has no calculated value saved")
    assert found["hidden_sheet_skipped"].message == (
        "Hidden sheet 'h1' was not read; choose it explicitly to import hidden data.")
    assert issue_message(found["date_cell"], "zh").startswith("1个设置为日期格式的单元格（D2）")


def test_two_dates_two_formulas_two_hidden_sheets(tmp_path: Path) -> None:
    found = issues(workbook(tmp_path, 2, 2, 2))
    assert found["date_cell"].message == ("2 cells formatted as dates (D2, D3) were read as "
                                          "dates (YYYY-MM-DD), not numbers.")
    assert found["date_cell"].values["count"] == 2
    assert found["formula_not_calculated"].message.startswith(
        "Formula cells D4, D5 have no calculated value saved")
    assert found["hidden_sheet_skipped"].message == (
        "Hidden sheets 'h1', 'h2' were not read; choose them explicitly to import hidden "
        "data.")
    assert issue_message(found["date_cell"], "zh").startswith("2个设置为日期格式的单元格")


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

