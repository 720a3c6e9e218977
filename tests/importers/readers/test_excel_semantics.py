"""Excel cells read as the user sees them: percent formats, years typed as dates (1900 and
1904 systems), hidden rows and columns, a notes sheet before the data, a real .xlsx named
.xls. Each case is a small hand-built workbook (workbooks.py)."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop.importers.model import Issue
from desktop.importers.readers import read_grids
from desktop.importers.report_text import issue_message
from desktop.importers.run import import_file
from tests.importers.readers.workbooks import (
    TABLE,
    rows_xml,
    sheet_xml,
    styles_xml,
    write_workbook,
)

PERCENT = [["city", "indicator", "year", "value", "unit"],
           ["Shenyang", "Growth", 2016, 0.035, "%"], ["Dalian", "Growth", 2016, 0.065, "%"],
           ["Harbin", "GDP", 2016, 0.5, "100m yuan"]]


def issue(issues: list[Issue], code: str) -> Issue:
    found = [i for i in issues if i.code == code]
    assert found, [i.code for i in issues]
    return found[0]


def values(path: Path) -> dict[tuple[str, int], float]:
    frame = import_file(path).frame
    return {(str(c), int(y)): float(v) for c, y, v in
            zip(frame["indicator"], frame["year"], frame["value"], strict=True)}


@pytest.fixture
def percent_book(tmp_path: Path) -> Path:
    styles = {(2, 3): 1, (3, 3): 1, (4, 3): 1}  # D2:D4 formatted 0.00%
    return write_workbook(tmp_path / "percent.xlsx",
                          [("data", sheet_xml(rows_xml(PERCENT, styles=styles)))],
                          styles=styles_xml([(0, None), (10, None)]))


def test_percent_cells_become_percent_where_the_unit_is_percent(percent_book: Path) -> None:
    grid = read_grids(percent_book)[0]
    assert [r[3] for r in grid.rows[1:]] == [3.5, 6.5, 0.5]  # 0.035 shown as 3.5% -> 3.5
    converted = issue(grid.issues, "percent_format_converted")
    assert converted.values["cells"] == ["D2", "D3"] and converted.location.column == "D"
    assert "Column D" in converted.message
    doubtful = issue(grid.issues, "percent_format_not_percent_unit")
    assert doubtful.values["cells"] == ["D4"]  # 50% in 100m yuan: kept, named
    assert "D 列" in issue_message(converted, "zh")


def test_percent_cells_imported_as_percent(percent_book: Path) -> None:
    outcome = import_file(percent_book)
    growth = outcome.frame[outcome.frame["indicator"] == "Growth"]
    assert sorted(growth["value"].round(9)) == [3.5, 6.5]
    assert "percent_format_converted" in {w.code for w in outcome.report.warnings}


def test_percent_header_converts_the_column(tmp_path: Path) -> None:
    rows = [["city", "year", "growth (%)"], ["Shenyang", 2016, 0.072], ["Dalian", 2016, 0.065]]
    path = write_workbook(tmp_path / "header.xlsx", [("data", sheet_xml(rows_xml(
        rows, styles={(2, 2): 1, (3, 2): 1})))], styles=styles_xml([(0, None), (164, "0.0%")]))
    grid = read_grids(path)[0]
    assert [r[2] for r in grid.rows[1:]] == [7.2, 6.5]


def year_book(tmp_path: Path, date1904: bool) -> Path:
    rows = [["city", "indicator", "year", "value"], ["Shenyang", "GDP", 2016, 5460.0],
            ["Dalian", "GDP", 2017, 6810.0]]
    return write_workbook(tmp_path / f"years{int(date1904)}.xlsx", [("data", sheet_xml(
        rows_xml(rows, styles={(2, 2): 1, (3, 2): 1})))],
        styles=styles_xml([(0, None), (14, None)]), date1904=date1904)


@pytest.mark.parametrize("date1904, shown", [(False, "1905-07-08"), (True, "1909-07-09")])
def test_years_typed_into_date_cells_read_as_years(tmp_path: Path, date1904: bool,
                                                   shown: str) -> None:
    """2016 in a date-formatted cell shows as a 1905 (or 1909) date: the year was meant."""
    path = year_book(tmp_path, date1904)
    grid = read_grids(path)[0]
    assert [r[2] for r in grid.rows[1:]] == [2016.0, 2017.0]
    found = issue(grid.issues, "date_read_as_year")
    assert f"C2 ({shown} → 2016)" in found.message
    assert found.values["date1904"] is date1904
    assert ("1904 date system" in found.message) is date1904
    assert import_file(path).report.years == [2016, 2017]


def test_date_typed_year_headers_make_a_wide_table(tmp_path: Path) -> None:
    body = ('<row r="1"><c r="A1" t="inlineStr"><is><t>city</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>indicator</t></is></c>'
            '<c r="C1" s="1"><v>42370</v></c><c r="D1" s="1"><v>42736</v></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>Shenyang</t></is></c>'
            '<c r="B2" t="inlineStr"><is><t>GDP</t></is></c>'
            '<c r="C2"><v>5460</v></c><c r="D2"><v>5865</v></c></row>')
    path = write_workbook(tmp_path / "headers.xlsx", [("data", sheet_xml(body))],
                          styles=styles_xml([(0, None), (164, "yyyy")]))
    assert values(path) == {("GDP", 2016): 5460.0, ("GDP", 2017): 5865.0}
    assert "date_read_as_year" in {w.code for w in import_file(path).report.warnings}


def test_other_dates_stay_dates(tmp_path: Path) -> None:
    rows = [["city", "when", "value"], ["Shenyang", 42430, 1.0]]  # 2016-03-01
    path = write_workbook(tmp_path / "date.xlsx", [("data", sheet_xml(rows_xml(
        rows, styles={(2, 1): 1})))], styles=styles_xml([(0, None), (14, None)]))
    grid = read_grids(path)[0]
    assert grid.rows[1][1] == "2016-03-01" and grid.cell_flags == {(1, 1): "date"}


def hidden_book(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "hidden.xlsx", [("data", sheet_xml(
        rows_xml(TABLE, row_attrs={3: ' hidden="1"'}),
        before='<cols><col min="5" max="5" width="9" hidden="true"/></cols>'))])


@pytest.mark.parametrize("fast", [True, False])
def test_hidden_rows_skipped_and_said(tmp_path: Path, fast: bool) -> None:
    outcome = import_file(hidden_book(tmp_path), fast=fast)
    assert outcome.path_taken == "rows"  # the column-wise reader declines hidden rows
    assert sorted(outcome.frame["value"]) == [5460.0, 6100.0]  # Dalian (row 3) left out
    skipped = issue(outcome.report.warnings, "hidden_rows_skipped")
    assert skipped.values["rows"] == [3] and skipped.location.row == 3
    assert "not imported" in skipped.message
    columns = issue(outcome.report.warnings, "hidden_columns_read")
    assert columns.values["columns"] == ["E"]
    assert "隐藏的第 3 行（共 1 行）未导入" in issue_message(skipped, "zh")


def test_rows_hidden_by_a_filter_are_imported_and_said(tmp_path: Path) -> None:
    """A filter left on in a download hides rows from view, not from the data set."""
    path = write_workbook(tmp_path / "filtered.xlsx", [("data", sheet_xml(
        rows_xml(TABLE, row_attrs={3: ' hidden="1"', 4: ' hidden="1"'}),
        after='<autoFilter ref="A1:E4"/>'))])
    outcome = import_file(path)
    assert sorted(outcome.frame["value"]) == [5460.0, 6100.0, 6810.0]
    note = issue(outcome.report.warnings, "filtered_rows_read")
    assert note.values["rows"] == [3, 4] and "imported" in note.message
    assert "hidden_rows_skipped" not in {w.code for w in outcome.report.warnings}
    assert "筛选隐藏" in issue_message(note, "zh")


def test_notes_sheet_before_the_data_is_skipped_and_said(tmp_path: Path) -> None:
    notes = sheet_xml(rows_xml([["This workbook holds city data."], ["Source: bureau"]]))
    path = write_workbook(tmp_path / "notes.xlsx",
                          [("notes", notes), ("data", sheet_xml(rows_xml(TABLE)))])
    outcome = import_file(path)
    assert outcome.report.rows_imported == 3
    assert [g.sheet for g in outcome.grids] == ["data"]
    note = issue(outcome.report.warnings, "sheet_without_table")
    assert note.values == {"skipped": ["notes"], "used": ["data"], "count": 1}
    assert "“notes”" in issue_message(note, "zh") and "“data”" in issue_message(note, "zh")


def test_real_xlsx_named_xls_is_read_with_a_warning(tmp_path: Path) -> None:
    source = write_workbook(tmp_path / "a.xlsx", [("data", sheet_xml(rows_xml(TABLE)))])
    path = tmp_path / "download.xls"
    shutil.copy(source, path)
    outcome = import_file(path)
    assert outcome.report.rows_imported == 3
    mismatch = issue(outcome.report.warnings, "extension_mismatch")
    assert mismatch.values["content"] == "an .xlsx workbook"


# ---------------------------------------------------------------- .xls (through xlrd)
class _Sheet97:
    """The part of xlrd's Sheet the reader uses (no .xls writer is installed to make one):
    cells as (xlrd type, value, xf index)."""

    def __init__(self, cells: list[list[tuple[int, object, int]]], hidden: set[int]) -> None:
        self.cells = cells
        self.nrows = len(cells)
        self.rowinfo_map = {r: SimpleNamespace(hidden=1) for r in hidden}
        self.merged_cells: list = []

    def row_types(self, r: int) -> list[int]:
        return [kind for kind, _, _ in self.cells[r]]

    def row_values(self, r: int) -> list[object]:
        return [value for _, value, _ in self.cells[r]]

    def cell_xf_index(self, r: int, c: int) -> int:
        return self.cells[r][c][2]


def test_xls_years_percent_and_hidden_rows() -> None:
    import xlrd

    from desktop.core.progress import NullProgress
    from desktop.importers.excel_reader import _Sheet, _xls_grid

    text, number, date = xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE
    cells = [[(text, "city", 0), (text, "year", 0), (text, "growth", 0), (text, "unit", 0)],
             [(text, "Shenyang", 0), (date, 2016.0, 2), (number, 0.035, 1), (text, "%", 0)],
             [(text, "Dalian", 0), (date, 42736.0, 2), (number, 0.065, 1), (text, "%", 0)],
             [(text, "Harbin", 0), (date, 2016.0, 2), (number, 0.07, 1), (text, "%", 0)]]
    book = SimpleNamespace(
        datemode=0, sheet_by_index=lambda i: _Sheet97(cells, hidden={3}),
        xf_list=[SimpleNamespace(format_key=0), SimpleNamespace(format_key=10),
                 SimpleNamespace(format_key=14)],
        format_map={0: SimpleNamespace(format_str="General"),
                    10: SimpleNamespace(format_str="0.00%"),
                    14: SimpleNamespace(format_str="yyyy")})
    grid = _xls_grid(book, _Sheet("data", 0, False), "old.xls", NullProgress())
    assert grid.rows[1:] == [["Shenyang", 2016.0, 3.5, "%"], ["Dalian", 2017.0, 6.5, "%"]]
    assert grid.row_numbers == [1, 2, 3]
    found = {i.code: i for i in grid.issues}
    assert found["date_read_as_year"].values["cells"] == ["B2", "B3"]
    assert found["percent_format_converted"].values["cells"] == ["C2", "C3"]
    assert found["hidden_rows_skipped"].values["rows"] == [4]
