"""Workbooks that used to abort the process (python-calamine allocating hundreds of GB) are
refused with a reason or read correctly, in a child interpreter: an abort fails the test
instead of killing pytest. Each workbook is a 2 KB hand-built package (workbooks.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from desktop.core.progress import NullProgress
from desktop.importers.model import ImportRejectedError
from desktop.importers.readers import read_grids
from desktop.importers.zip_safety import open_package
from tests.importers.readers.workbooks import (
    MAIN,
    TABLE,
    plain,
    rows_xml,
    sheet_xml,
    write_workbook,
)

REPO = Path(__file__).resolve().parents[3]

CHILD = r"""
import json, sys, time
from pathlib import Path
from desktop.importers import calamine_child, zip_safety
from desktop.importers.model import ImportRejectedError
from desktop.importers.readers import list_sheets
from desktop.importers.run import import_file
path = Path(sys.argv[1])
if sys.argv[2] == "caps":  # the caps alone, calamine in this process as for big files
    calamine_child.CHILD_MAX_BYTES = 0
else:  # no caps: calamine meets the workbook, in its child process
    zip_safety._check_sizes = zip_safety._check_shared = lambda *args: None
start = time.perf_counter()
try:
    sheets = [s.name for s in list_sheets(path)]
    outcome = import_file(path)
    out = {"rows": outcome.report.rows_imported, "sheets": sheets,
           "codes": [w.code for w in outcome.report.warnings]}
except ImportRejectedError as exc:
    out = {"code": exc.issue.code, "message": exc.issue.message,
           "sheet": exc.issue.location.sheet}
out["seconds"] = time.perf_counter() - start
print(json.dumps(out))
"""


def in_child(path: Path, mode: str = "caps") -> dict:
    """Import `path` in a fresh interpreter; a crash (exit 134, SIGABRT) fails here."""
    result = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], cwd=REPO,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, (result.returncode, result.stderr[-1500:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def shared_strings(unique: int) -> str:
    return (f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="{unique}" '
            f'uniqueCount="{unique}"><si><t>x</t></si></sst>')


def with_shared(path: Path, unique: int) -> Path:
    body = rows_xml(TABLE) + '<row r="9"><c r="A9" t="s"><v>0</v></c></row>'
    return write_workbook(path, [("data", sheet_xml(body))], shared=shared_strings(unique))


HOSTILE = {
    # a stray value in Excel's last cell: calamine would allocate 16,384 x 1,048,576 cells
    "value_in_xfd1048576": (lambda p: plain(p, '<row r="1048576"><c r="XFD1048576">'
                                               '<v>1</v></c></row>'), "sheet_too_large"),
    # calamine reserves room for the declared count of shared texts
    "shared_strings_2_31": (lambda p: with_shared(p, 2**31), "shared_strings_declared"),
    "row_beyond_grid": (lambda p: plain(p, '<row r="999999999"><c><v>1</v></c></row>'),
                        "cell_outside_grid"),
    "cell_beyond_grid": (lambda p: plain(p, '<row r="5"><c r="A999999999"><v>1</v></c></row>'),
                         "cell_outside_grid"),
    "column_beyond_grid": (lambda p: plain(p, '<row r="5"><c r="XFE5"><v>1</v></c></row>'),
                           "cell_outside_grid"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_workbook_is_refused_not_fatal(tmp_path: Path, name: str) -> None:
    make, code = HOSTILE[name]
    path = make(tmp_path / f"{name}.xlsx")
    assert path.stat().st_size < 4096
    found = in_child(path)
    assert found.get("code") == code, found
    assert found["seconds"] < 5
    assert "\n" not in found["message"] and found["message"].endswith(".")


@pytest.mark.parametrize("name", ["value_in_xfd1048576", "shared_strings_2_31",
                                  "cell_beyond_grid"])
def test_without_the_caps_the_crash_stays_in_the_child(tmp_path: Path, name: str) -> None:
    """The second line of defence: calamine does abort on these, in its own process."""
    path = HOSTILE[name][0](tmp_path / f"{name}.xlsx")
    found = in_child(path, "nocaps")
    assert found.get("code") == "reader_crashed", found
    assert "aborted" in found["message"] or "SIGABRT" in found["message"]


def test_stray_value_is_named_with_advice(tmp_path: Path) -> None:
    path = HOSTILE["value_in_xfd1048576"][0](tmp_path / "stray.xlsx")
    with pytest.raises(ImportRejectedError) as info:
        read_grids(path)
    issue = info.value.issue
    assert issue.location.sheet == "data"
    assert "A1 to XFD1048576" in issue.message and "Ctrl+End" in issue.message


@pytest.mark.parametrize("extra, dimension", [
    ("", "A1:XFD1048576"),  # a lying <dimension>: the real used range is read
    ('<row r="1048576"><c r="XFD1048576" s="0"/></row>', None),  # empty styled far cell
    ('<row r="7"><c r="XFD7"></c></row>', None),  # an empty cell pair far right
    ('<row r="1048576" hidden="1"/>', None),  # an empty row at the end of the grid
])
def test_lying_extent_reads_the_real_table(tmp_path: Path, extra: str,
                                           dimension: str | None) -> None:
    path = plain(tmp_path / "corner.xlsx", extra, dimension)
    scan = open_package(path, path.name, NullProgress()).scans["xl/worksheets/sheet1.xml"]
    assert scan.cells == 20 and scan.dimension == (dimension or "")  # the truth, the claim
    found = in_child(path)
    assert found.get("rows") == 3, found
    grids = read_grids(path)
    assert len(grids[0].rows) == 4 and grids[0].width == 5


def test_honest_shared_string_counts_pass(tmp_path: Path) -> None:
    """Writers count references in `count` (bigger than the table): not a lie."""
    path = tmp_path / "honest.xlsx"
    sst = (f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="5000000" uniqueCount="1">'
           '<si><t>x</t></si></sst>')
    body = rows_xml(TABLE) + '<row r="9"><c r="A9" t="s"><v>0</v></c></row>'
    write_workbook(path, [("data", sheet_xml(body))], shared=sst)
    grids = read_grids(path)
    assert grids[0].rows[-1][0] == "x"


def test_far_corner_corpus_case_is_fast(corpus: Path) -> None:
    found = in_child(corpus / "styled_cell_far_corner.xlsx")
    assert found.get("rows") == 3 and found["seconds"] < 3, found


# ------------------------------------------------------------------ the scan itself
def spaced_sheet(rows: int, formulas: int) -> str:
    """Legal XML whitespace in every end tag (`</c >`), a few `<f >` formulas."""
    out = ['<row r="1" ><c r="A1" t="inlineStr" ><is ><t >h</t ></is ></c ></row >']
    for r in range(2, rows + 2):
        formula = '<f >1+1</f >' if r - 2 < formulas else ""
        out.append(f'<row r="{r}" ><c r="A{r}" t="inlineStr" ><is ><t >C{r}</t ></is ></c >'
                   f'<c r="B{r}" >{formula}<v >{r}</v ></c ></row >')
    return sheet_xml("".join(out))


def test_spaced_end_tags_scan_in_linear_time(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "spaced.xlsx", [("data", spaced_sheet(8000, 3))])
    start = time.perf_counter()
    package = open_package(path, path.name, NullProgress())
    seconds = time.perf_counter() - start
    scan = package.scans["xl/worksheets/sheet1.xml"]
    assert [ref for ref, _ in scan.formulas] == ["B2", "B3", "B4"]
    assert scan.formulas[0][1] == "2"  # the cached value
    assert scan.last_row == 8001
    assert seconds < 0.5, seconds  # was over 300 s with the regex scan


def test_formulas_found_whatever_the_spelling(tmp_path: Path) -> None:
    x = 'xmlns:x="' + MAIN + '"'
    sheet = (f"<?xml version='1.0'?><x:worksheet {x}><x:sheetData>"
             "<x:row r='1'><x:c t='n' r='A1'><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>"
             "<x:row r='2'><x:c s=\"0\" r = \"B2\"><x:f\n/><x:v>3</x:v ></x:c ></x:row>"
             "</x:sheetData><x:mergeCells><x:mergeCell ref='A1:B1'/></x:mergeCells>"
             "</x:worksheet>")
    path = write_workbook(tmp_path / "prefixed.xlsx", [("data", sheet)])
    scan = open_package(path, path.name, NullProgress()).scans["xl/worksheets/sheet1.xml"]
    assert scan.formulas == [("A1", "2"), ("B2", "3")]
    assert scan.merged == ["A1:B1"] and scan.prefix == b"x"


def test_sheet_parts_not_named_xml_are_scanned(tmp_path: Path) -> None:
    evil = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
            + sheet_xml(rows_xml(TABLE)).split("?>", 1)[1])
    path = write_workbook(tmp_path / "renamed.xlsx", [("data", evil)],
                          member_names=["worksheets/sheet1.bin"])
    with pytest.raises(ImportRejectedError) as info:
        read_grids(path)
    assert info.value.issue.code == "xml_entities_forbidden"
    path = write_workbook(tmp_path / "formula.xlsx", [("data", sheet_xml(
        '<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><v>1</v></c></row>'))],
        member_names=["worksheets/data"])
    scan = open_package(path, path.name, NullProgress()).scans["xl/worksheets/data"]
    assert scan.formulas == [("A1", None)]


def test_big_sheet_extent_is_measured_exactly(tmp_path: Path) -> None:
    """The numpy measure (plain pieces) and the tokenizer agree on a sheet with both."""
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="C{r}"><v>1</v></c></row>'
                   for r in range(3, 60_000))
    tail = '<row r="60000"><c r="AB60000"><f>1</f><v>1</v></c></row>'
    path = write_workbook(tmp_path / "big.xlsx", [("data", sheet_xml(rows + tail))])
    with zipfile.ZipFile(path) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size > 2 << 20  # several pieces
    scan = open_package(path, path.name, NullProgress()).scans["xl/worksheets/sheet1.xml"]
    assert (scan.first_row, scan.last_row, scan.first_column, scan.last_column) == \
        (3, 60000, 1, 28)
    assert scan.formulas == [("AB60000", "1")]
