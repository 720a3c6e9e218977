"""Small workbooks are read by calamine in a child process: a crash there is a refusal that
names the file, and the window (this process) goes on. Big ones are read in-process, after
zip_safety's caps; both ways give the same grids."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.importers import calamine_child
from desktop.importers.model import ImportRejectedError
from desktop.importers.readers import list_sheets, read_grids
from desktop.importers.report_text import issue_message
from tests.importers.readers.workbooks import TABLE, rows_xml, sheet_xml, write_workbook


def two_sheets(tmp_path: Path) -> Path:
    notes = sheet_xml(rows_xml([["notes"]]))
    return write_workbook(tmp_path / "two.xlsx", [("notes", notes),
                                                 ("data", sheet_xml(rows_xml(TABLE)))],
                          states={"notes": "hidden"})


@pytest.mark.parametrize("how", ["SIGABRT", "SIGSEGV", "exit 3"])
def test_a_crashing_reader_is_a_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        how: str) -> None:
    crash = {"SIGABRT": "import os; os.abort()",
             "SIGSEGV": "import ctypes; ctypes.string_at(0)",
             "exit 3": "raise SystemExit(3)"}[how]
    monkeypatch.setattr(calamine_child, "child_command",
                        lambda path: [sys.executable, "-c", crash])
    path = two_sheets(tmp_path)
    with pytest.raises(ImportRejectedError) as info:
        read_grids(path)
    issue = info.value.issue
    assert issue.code == "reader_crashed" and issue.location.file == "two.xlsx"
    assert "separate process" in issue.message and "\n" not in issue.message
    assert (how.split()[0] in issue.message) or "aborted" in issue.message
    assert "崩溃" in issue_message(issue, "zh")


def test_child_and_in_process_read_the_same(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = two_sheets(tmp_path)
    assert calamine_child.use_child(path)
    from_child = read_grids(path)
    sheets_child = list_sheets(path)
    monkeypatch.setattr(calamine_child, "CHILD_MAX_BYTES", 0)
    assert not calamine_child.use_child(path)
    in_process = read_grids(path)
    assert [(g.sheet, g.rows, g.issues) for g in from_child] == \
        [(g.sheet, g.rows, g.issues) for g in in_process]
    assert sheets_child == list_sheets(path)
    assert [(s.name, s.hidden, s.rows) for s in sheets_child] == [("notes", True, 1),
                                                                  ("data", False, 4)]


def test_damage_reported_by_the_child_names_the_cell(tmp_path: Path) -> None:
    body = rows_xml(TABLE) + '<row r="9"><c r="B9" t="s"><v>7</v></c></row>'
    path = write_workbook(tmp_path / "bad.xlsx", [("data", sheet_xml(body))],
                          shared='<sst xmlns="http://schemas.openxmlformats.org/'
                                 'spreadsheetml/2006/main"><si><t>x</t></si></sst>')
    with pytest.raises(ImportRejectedError) as info:
        read_grids(path)
    issue = info.value.issue
    assert issue.code == "damaged_workbook" and issue.location.row == 9
    assert issue.location.column == "B"
