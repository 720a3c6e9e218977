"""A big only sheet is inflated once: the column-wise reader makes zip_safety's checks on its
own stream (open_package(defer_sheets=True)). Whatever it cannot take sends the file to the
row-wise reader, which scans the whole package before calamine sees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.importers import fast_path, zip_safety
from desktop.importers.model import ImportRejectedError
from desktop.importers.run import import_file
from tests.importers.readers.workbooks import (
    TABLE,
    rows_xml,
    sheet_xml,
    styles_xml,
    write_workbook,
)


@pytest.fixture(autouse=True)
def defer_every_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small test sheets take the path of big ones."""
    monkeypatch.setattr(zip_safety, "DEFER_MIN_BYTES", 0)


def book(tmp_path: Path, body: str, before: str = "", after: str = "",
         styles: str | None = None) -> Path:
    return write_workbook(tmp_path / "book.xlsx",
                          [("data", sheet_xml(body, before=before, after=after))],
                          styles=styles)


def fast(path: Path):
    return fast_path.try_fast_import(path, min_bytes=0)


def test_clean_sheet_is_read_once_by_the_fast_path(tmp_path: Path) -> None:
    path = book(tmp_path, rows_xml(TABLE))
    package = zip_safety.open_package(path, path.name, fast_path.NullProgress(),
                                      defer_sheets=True)
    assert package.deferred == {"xl/worksheets/sheet1.xml"} and not package.scans
    taken = fast(path)
    assert taken is not None, fast_path.last_decision
    assert sorted(taken[0]["value"]) == [5460.0, 6100.0, 6810.0]


@pytest.mark.parametrize("body, before, after, styled, why", [
    (rows_xml(TABLE, row_attrs={3: ' hidden="1"'}), "", "", False, "hidden"),
    (rows_xml(TABLE), '<cols><col min="2" max="2" hidden="1"/></cols>', "", False, "hidden"),
    (rows_xml(TABLE) + '<row r="5"><c r="D5"><f>1+1</f><v>2</v></c></row>', "", "", False,
     "unexpected cell content"),
    (rows_xml(TABLE), "", '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>',
     False, "merged"),
    (rows_xml(TABLE, styles={(2, 3): 1}), "", "", True, "percent"),
    (rows_xml([*TABLE, ["Tie\u202eling", "GDP", 2016, 1.0, "100m yuan"]]), "", "", False,
     "clean-up"),
])
def test_what_the_fast_path_cannot_take_goes_to_the_row_path(
        tmp_path: Path, body: str, before: str, after: str, styled: bool, why: str) -> None:
    styles = styles_xml([(0, None), (10, None)]) if styled else None
    path = book(tmp_path, body, before, after, styles)
    assert fast(path) is None
    assert why in fast_path.last_decision
    assert import_file(path).path_taken == "rows"


def test_entities_in_a_deferred_sheet_are_still_refused(tmp_path: Path) -> None:
    sheet = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "x">]>'
             + sheet_xml(rows_xml(TABLE)).split("?>", 1)[1])
    path = write_workbook(tmp_path / "dtd.xlsx", [("data", sheet)])
    with pytest.raises(ImportRejectedError) as info:
        import_file(path)
    assert info.value.issue.code == "xml_entities_forbidden"


def test_column_widths_do_not_turn_the_fast_path_away(tmp_path: Path) -> None:
    path = book(tmp_path, rows_xml(TABLE), '<cols><col min="1" max="5" width="14" '
                                           'customWidth="1"/></cols>')
    assert fast(path) is not None, fast_path.last_decision
