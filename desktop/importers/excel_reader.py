"""Excel workbooks to RawGrids: .xlsx/.xlsm through python-calamine, .xls through xlrd.

Values come from calamine (fast, honours the 1904 date system, uses the real used range);
what its values do not show (formulas without a cached value, merged ranges, NaN tokens)
comes from the package scan in zip_safety, which has already refused bombs and DTDs before
calamine sees the file. openpyxl is not used on this path: its merged ranges need a full
(non read-only) load, about 30 s for a 450k-row sheet, and the scan gives the same facts.

Grids keep spreadsheet rows: `row_numbers` are Excel row numbers, fully empty rows are left
out, columns start at A. Empty cells are None; dates become ISO text flagged 'date'.

Cells are read as the user sees them, and the report says so: a date-formatted cell that
stands for a year (1 January, or a year typed into a date column: 1900 and 1904 systems)
becomes that year; a percent-formatted number becomes the percent shown (0.035 -> 3.5) where
the unit says percent, and is named where it does not; hidden rows are skipped and hidden
columns read, both named. zip_safety's caps have refused, before calamine runs, every
workbook that would make it allocate beyond reason (calamine aborts the process then).
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import math
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.core.progress import Progress, check_cancelled
from desktop.importers.calamine_child import Book, CalamineError, open_book
from desktop.importers.model import (
    CellValue,
    Issue,
    Location,
    MergedRange,
    RawGrid,
    ReadOptions,
    SheetInfo,
    column_letter,
    counted,
    plural,
)
from desktop.importers.sniff import reject
from desktop.importers.text_hygiene import clean_text, describe_removed
from desktop.importers.zip_safety import Package, SheetScan, find_bad_shared_string, open_package

DEFAULT_XLS_PASSWORD = "VelvetSweatshop"
MAX_NAMED = 5

_SPECIAL = frozenset({"", math.inf, -math.inf})
_DATE_TYPES = frozenset({dt.date, dt.datetime, dt.time, dt.timedelta})


def _cells(refs: list[str]) -> str:
    shown = ", ".join(refs[:MAX_NAMED])
    return f"{shown} and {len(refs) - MAX_NAMED} more" if len(refs) > MAX_NAMED else shown


def _cells_named(refs: list[str]) -> str:
    """'cell A2' or 'cells A2, A3, A4'."""
    return f"{plural(len(refs), 'cell')} {_cells(refs)}"


def _date_issue(dates: list[str], system: str, location: Location, date1904: bool) -> Issue:
    """Date-formatted cells read as dates (both Excel readers say it the same way)."""
    n = len(dates)
    return Issue(
        "date_cell",
        f"{counted(n, 'cell')} formatted as dates{system} ({_cells(dates)}) "
        f"{plural(n, 'was', 'were')} read as dates (YYYY-MM-DD), not numbers.",
        location, {"cells": dates, "date1904": date1904, "count": n})


def parse_ref(ref: str) -> tuple[int, int]:
    """'E2' -> (1, 4), 0-based (row, column)."""
    letters = ref.rstrip("0123456789")
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch) - 64
    return int(ref[len(letters):]) - 1, column - 1


def _date_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value.isoformat()


def unique_names(names: list[str]) -> list[str]:
    """Duplicate sheet names (Excel forbids them; hand-made files have them) kept apart."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, k = name, 2
        while candidate in seen:
            candidate = f"{name} ({k})"
            k += 1
        seen.add(candidate)
        out.append(candidate)
    return out


@dataclass
class _Sheet:
    name: str  # unique display name
    index: int
    hidden: bool


def select_sheets(sheets: list[_Sheet], options: ReadOptions, file: str) -> list[_Sheet]:
    if options.sheet is not None:
        chosen = [s for s in sheets if s.name == options.sheet]
        if not chosen:
            names = ", ".join(repr(s.name) for s in sheets)
            raise reject("no_such_sheet", f"There is no sheet named {options.sheet!r}; the "
                         f"workbook has {names}.", file, sheet=options.sheet)
        return chosen
    return sheets


def _hidden_issue(file: str, skipped: list[str]) -> Issue:
    names = ", ".join(repr(n) for n in skipped)
    n = len(skipped)
    return Issue("hidden_sheet_skipped",
                 f"Hidden {plural(n, 'sheet')} {names} {plural(n, 'was', 'were')} not read; "
                 f"choose {plural(n, 'it', 'them')} explicitly to import hidden data.",
                 Location(file, skipped[0]), {"sheets": skipped, "count": n})


def _finish(grids: list[RawGrid], candidates: list[tuple[_Sheet, RawGrid]],
            options: ReadOptions, file: str) -> list[RawGrid]:
    """Visible sheets with data; hidden ones only when asked for (or when nothing else has
    data, with a warning)."""
    visible = [g for s, g in candidates if not s.hidden and g.rows]
    hidden = [(s, g) for s, g in candidates if s.hidden and g.rows]
    if options.sheet is not None or options.include_hidden_sheets:
        grids = [g for _, g in candidates if g.rows] or [g for _, g in candidates]
    elif visible:
        grids = visible
        if hidden:
            grids[0].issues.append(_hidden_issue(file, [s.name for s, _ in hidden]))
    elif hidden:
        grids = [g for _, g in hidden]
        for grid in grids:
            grid.issues.append(Issue("hidden_sheet_read",
                                     "Only hidden sheets hold data; this hidden sheet was "
                                     "read.", Location(file, grid.sheet)))
    if not grids:
        raise reject("empty_file", "The workbook has no cells with data.", file)
    return grids


# ------------------------------------------------------------------------------ xlsx
def _calamine_error(exc: Exception, path: Path, file: str, package: Package | None,
                    sheet: str = "", member: str | None = None) -> Exception:
    text = str(exc)
    if package is not None and member and "shared string" in text.lower():
        ref = find_bad_shared_string(path, package, member)
        if ref:
            row, column = parse_ref(ref)
            return reject("damaged_workbook",
                          f"The workbook is damaged: cell {ref} refers to a shared text that "
                          "does not exist.", file, sheet, row + 1, column_letter(column),
                          cell=ref)
    return reject("damaged_workbook", f"The workbook is damaged and cannot be read ({text}).",
                  file, sheet)


def _xlsx_grid(values: list[list[Any]], file: str, sheet: str, package: Package,
               scan: SheetScan | None, progress: Progress) -> RawGrid:
    issues: list[Issue] = []
    flags: dict[tuple[int, int], str] = {}
    formula_cells: dict[tuple[int, int], str | None] = {}
    bad_tokens: dict[tuple[int, int], str] = {}
    if scan is not None:
        for ref, cached in scan.formulas:
            formula_cells[parse_ref(ref)] = cached
        for ref, token in scan.bad_numbers:
            bad_tokens[parse_ref(ref)] = token
    keep_rows = {r for r, _ in formula_cells}
    rows: list[list[CellValue]] = []
    numbers: list[int] = []
    dates: list[str] = []
    out_of_range: list[str] = []
    removed = 0
    removed_at: list[str] = []
    check_dates = package.date_styles
    clean = package.text_needs_cleaning
    # rows hidden by hand are skipped; rows an AutoFilter hides are data out of view, read
    filtered = scan is not None and scan.filtered
    hidden = frozenset(scan.hidden_rows) if scan is not None and not filtered else frozenset()
    skipped: list[int] = []
    as_years: list[tuple[str, str, int]] = []
    for r, row in enumerate(values):
        if not r % 50_000:
            check_cancelled(progress)
        if r + 1 in hidden:
            if any(v != "" for v in row):
                skipped.append(r + 1)
            continue
        if not _SPECIAL.isdisjoint(row):
            if row.count("") == len(row) and r not in keep_rows:
                continue
            for c, v in enumerate(row):
                if v == "":
                    row[c] = None
                elif type(v) is float and math.isinf(v) and (r, c) not in bad_tokens:
                    row[c] = None
                    out_of_range.append(f"{column_letter(c)}{r + 1}")
        if check_dates and not _DATE_TYPES.isdisjoint(map(type, row)):
            for c, v in enumerate(row):
                if type(v) in _DATE_TYPES:
                    year = date_as_year(v, package.date1904)
                    if year is not None:
                        row[c] = float(year)
                        as_years.append((f"{column_letter(c)}{r + 1}", _date_text(v), year))
                        continue
                    row[c] = _date_text(v)
                    flags[(len(rows), c)] = "date"
                    dates.append(f"{column_letter(c)}{r + 1}")
        if clean:
            for c, v in enumerate(row):
                if type(v) is str and not (v.isascii() and v.isprintable()):
                    text, n = clean_text(v.replace("\r\n", "\n").replace("\r", "\n"))
                    row[c] = text
                    if n:
                        removed += n
                        removed_at.append(f"{column_letter(c)}{r + 1}")
        rows.append(row)
        numbers.append(r + 1)
    index_of = {n - 1: i for i, n in enumerate(numbers)}
    not_calculated, unverified = [], []
    for (r, c), cached in sorted(formula_cells.items()):
        i = index_of.get(r)
        if i is None:
            continue
        ref = f"{column_letter(c)}{r + 1}"
        while len(rows[i]) <= c:
            rows[i].append(None)
        if cached is None:
            rows[i][c] = None
            flags[(i, c)] = "formula_not_calculated"
            not_calculated.append(ref)
        else:
            flags[(i, c)] = "formula_cached_unverified"
            unverified.append(ref)
    invalid = []
    for (r, c), token in sorted(bad_tokens.items()):
        i = index_of.get(r)
        if i is not None and c < len(rows[i]):
            rows[i][c] = None
            invalid.append((f"{column_letter(c)}{r + 1}", token))
    if not_calculated:
        r0, c0 = parse_ref(not_calculated[0])
        n = len(not_calculated)
        issues.append(Issue(
            "formula_not_calculated",
            f"Formula {plural(n, 'cell')} {_cells(not_calculated)} {plural(n, 'has', 'have')} "
            f"no calculated value saved (open and save the file in Excel to calculate "
            f"{plural(n, 'it', 'them')}); read as empty.",
            Location(file, sheet, r0 + 1, column_letter(c0)),
            {"cells": not_calculated, "count": n}))
    if unverified:
        r0, c0 = parse_ref(unverified[0])
        n = len(unverified)
        issues.append(Issue(
            "formula_cached_unverified",
            f"{counted(n, 'formula cell')} ({_cells(unverified)}) {plural(n, 'was', 'were')} "
            "read from the value Excel last saved, which cannot be checked here (it may be "
            "stale or come from another file).", Location(file, sheet, r0 + 1, column_letter(c0)),
            {"cells": unverified, "count": n}))
    if invalid:
        r0, c0 = parse_ref(invalid[0][0])
        shown = ", ".join(f"{ref} ({token})" for ref, token in invalid[:MAX_NAMED])
        n = len(invalid)
        issues.append(Issue(
            "invalid_number_token",
            f"Numeric {plural(n, 'cell')} {shown} {plural(n, 'holds', 'hold')} a value that is "
            "not a number; read as empty.",
            Location(file, sheet, r0 + 1, column_letter(c0)),
            {"cells": [ref for ref, _ in invalid], "tokens": [t for _, t in invalid],
             "count": n}))
    if out_of_range:
        r0, c0 = parse_ref(out_of_range[0])
        n = len(out_of_range)
        issues.append(Issue(
            "number_out_of_range",
            f"{plural(n, 'Cell')} {_cells(out_of_range)} {plural(n, 'holds', 'hold')} a number "
            "too large for a spreadsheet (infinite); read as empty.",
            Location(file, sheet, r0 + 1, column_letter(c0)),
            {"cells": out_of_range, "count": n}))
    if dates:
        r0, c0 = parse_ref(dates[0])
        system = " (1904 date system)" if package.date1904 else ""
        issues.append(_date_issue(dates, system, Location(file, sheet, r0 + 1,
                                                          column_letter(c0)),
                                  package.date1904))
    if removed:
        r0, c0 = parse_ref(removed_at[0])
        issues.append(Issue("control_characters_removed",
                            describe_removed(removed, _cells_named(removed_at)),
                            Location(file, sheet, r0 + 1, column_letter(c0)),
                            {"count": removed, "cells": removed_at[:100]}))
    if as_years:
        issues.append(_years_issue(as_years, file, sheet, package.date1904))
    if scan is not None and scan.percent:
        issues.extend(_percent_cells(rows, index_of, numbers, scan.percent, file, sheet))
    if skipped:
        issues.append(_hidden_rows_issue(skipped, file, sheet))
    if filtered and scan.hidden_rows:
        issues.append(_filtered_rows_issue(scan.hidden_rows, file, sheet))
    if scan is not None and scan.hidden_columns:
        letters = [column_letter(c - 1) for c in scan.hidden_columns]
        n = len(letters)
        issues.append(Issue(
            "hidden_columns_read",
            f"Hidden {plural(n, 'column')} {_cells(letters)} {plural(n, 'was', 'were')} "
            "read like the others (hidden in Excel, not here).",
            Location(file, sheet, None, letters[0]), {"columns": letters, "count": n}))
    merged = _merged_ranges(scan.merged if scan else [], numbers,
                            max((len(r) for r in rows), default=0))
    return RawGrid(file=file, rows=rows, row_numbers=numbers, sheet=sheet, merged=merged,
                   cell_flags=flags, issues=issues)


_EPOCH_1900 = dt.date(1899, 12, 30)
_EPOCH_1904 = dt.date(1904, 1, 1)
#: years a statistics table may hold
_YEARS = range(1800, 2201)


def date_as_year(value: Any, date1904: bool) -> int | None:
    """The year a date-formatted cell stands for, when it clearly stands for one: 1 January
    of a year (a year typed into a date column: 2016 -> 2016-01-01 with format 'yyyy'), or a
    serial number that is itself a year (2016 typed into a cell formatted as a date shows
    1905-07-08; 1909-07-09 in the 1904 system). None for other dates and times."""
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            return None
        value = value.date()
    if not isinstance(value, dt.date):
        return None
    if value.month == 1 and value.day == 1 and value.year in _YEARS:
        return value.year
    serial = (value - (_EPOCH_1904 if date1904 else _EPOCH_1900)).days
    return serial if serial in _YEARS else None


def _years_issue(found: list[tuple[str, str, int]], file: str, sheet: str,
                 date1904: bool) -> Issue:
    refs = [ref for ref, _, _ in found]
    n = len(found)
    shown = ", ".join(f"{ref} ({text} → {year})" for ref, text, year in found[:MAX_NAMED])
    more = f" and {n - MAX_NAMED} more" if n > MAX_NAMED else ""
    system = " (1904 date system)" if date1904 else ""
    r0, c0 = parse_ref(refs[0])
    return Issue("date_read_as_year",
                 f"{counted(n, 'cell')} formatted as dates{system} {plural(n, 'was', 'were')} "
                 f"read as years: {shown}{more}.", Location(file, sheet, r0 + 1,
                                                           column_letter(c0)),
                 {"cells": refs, "years": [y for _, _, y in found], "date1904": date1904,
                  "count": n})


def _hidden_rows_issue(skipped: list[int], file: str, sheet: str) -> Issue:
    n = len(skipped)
    shown = ", ".join(map(str, skipped[:MAX_NAMED]))
    more = f" and {n - MAX_NAMED} more" if n > MAX_NAMED else ""
    return Issue("hidden_rows_skipped",
                 f"Hidden {plural(n, 'row')} {shown}{more} {plural(n, 'was', 'were')} not "
                 "imported (hidden rows are skipped, as Excel does not show them; unhide "
                 f"{plural(n, 'it', 'them')} in Excel to import {plural(n, 'it', 'them')}).",
                 Location(file, sheet, skipped[0]), {"rows": skipped, "count": n})


def _filtered_rows_issue(hidden: list[int], file: str, sheet: str) -> Issue:
    n = len(hidden)
    shown = ", ".join(map(str, hidden[:MAX_NAMED]))
    more = f" and {n - MAX_NAMED} more" if n > MAX_NAMED else ""
    return Issue("filtered_rows_read",
                 f"{plural(n, 'Row')} {shown}{more} {plural(n, 'is', 'are')} hidden by a filter "
                 f"in Excel and {plural(n, 'was', 'were')} imported like the others (a filter "
                 "hides rows from view, not from the data).",
                 Location(file, sheet, hidden[0]), {"rows": hidden[:1000], "count": n})


_PERCENT_WORDS = ("%", "％", "percent", "百分", "pct")


def _says_percent(value: CellValue) -> bool:
    return isinstance(value, str) and any(w in value.lower() for w in _PERCENT_WORDS)


def _percent_cells(rows: list[list[CellValue]], index_of: dict[int, int], numbers: list[int],
                   cells: list[tuple[int, int]], file: str, sheet: str) -> list[Issue]:
    """Percent-formatted numbers: Excel stores 3.5% as 0.035. Where the column's header or
    the row's unit says percent, the value becomes 3.5 (the unit's number); elsewhere the
    value is kept and the cells are named, since 0.035 and 3.5 are both doubtful for a unit
    that is not percent."""
    by_column: dict[int, list[int]] = {}
    for r, c in cells:
        i = index_of.get(r)
        if i is not None and c < len(rows[i]) and type(rows[i][c]) in (int, float):
            by_column.setdefault(c, []).append(i)
    issues = []
    for c, at in sorted(by_column.items()):
        first = min(at)
        header = any(_says_percent(rows[i][c]) for i in range(first) if c < len(rows[i]))
        converted, flagged = [], []
        for i in at:
            if header or any(_says_percent(v) for v in rows[i]):
                rows[i][c] = float(Decimal(repr(rows[i][c])).scaleb(2))
                converted.append(i)
            else:
                flagged.append(i)
        letter = column_letter(c)
        for code, group in (("percent_format_converted", converted),
                            ("percent_format_not_percent_unit", flagged)):
            if not group:
                continue
            refs = [f"{letter}{numbers[i]}" for i in group]
            n = len(refs)
            r0, _ = parse_ref(refs[0])
            if code == "percent_format_converted":
                message = (f"Column {letter}: {counted(n, 'cell')} formatted as percent "
                           f"({_cells(refs)}) {plural(n, 'was', 'were')} read as percent "
                           "values (Excel stores 3.5% as 0.035; read as 3.5, unit %).")
            else:
                message = (f"Column {letter}: {counted(n, 'cell')} formatted as percent "
                           f"({_cells(refs)}) but the unit does not say percent; read as "
                           "stored (3.5% as 0.035): check the unit.")
            issues.append(Issue(code, message, Location(file, sheet, r0 + 1, letter),
                                {"column": letter, "cells": refs, "count": n}))
    return issues


def _merged_ranges(refs: list[str] | list[tuple[int, int, int, int]],
                   numbers: list[int], width: int) -> list[MergedRange]:
    """Source ranges (refs like 'A1:B2' or 0-based inclusive tuples) in grid coordinates,
    cut to the rows and columns the grid has; ranges over left-out empty rows shrink."""
    out = []
    for item in refs:
        if isinstance(item, str):
            first, _, last = item.partition(":")
            r0, c0 = parse_ref(first)
            r1, c1 = parse_ref(last or first)
        else:
            r0, c0, r1, c1 = item
        lo = bisect.bisect_left(numbers, r0 + 1)
        hi = bisect.bisect_right(numbers, r1 + 1) - 1
        c1 = min(c1, width - 1)
        if lo <= hi and c0 <= c1:
            out.append(MergedRange(lo, c0, hi, c1))
    return out


def _openpyxl_values(path: Path, index: int) -> list[list[Any]]:
    """One sheet by position through openpyxl (read-only; it parses with defusedxml), in
    calamine's shape: '' for empty cells, rows padded to one width, starting at A1."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Workbook contains no default style" and the like
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[index]
        sheet.reset_dimensions()  # a lying <dimension> would pad every row to it
        values = [["" if v is None else v for v in row]
                  for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    width = max((len(r) for r in values), default=0)
    for row in values:
        row.extend([""] * (width - len(row)))
    return values


def _open_book(path: Path, file: str, package: Package) -> Book:
    try:
        return open_book(path, file)
    except CalamineError as exc:
        raise _calamine_error(exc, path, file, package) from None


def _xlsx_sheets(book: Book) -> list[_Sheet]:
    names = [s.name for s in book.sheets]
    return [_Sheet(name, i, sheet.state != "visible")
            for i, (name, sheet) in enumerate(zip(unique_names(names), book.sheets,
                                                   strict=True))]


def list_xlsx_sheets(path: Path, file: str, progress: Progress) -> list[SheetInfo]:
    package = open_package(path, file, progress)
    book = _open_book(path, file, package)
    out = []
    for sheet in _xlsx_sheets(book):
        rows, columns = book.size(sheet.index) or (None, None)
        out.append(SheetInfo(sheet.name, sheet.index, sheet.hidden, rows, columns))
    return out


def read_xlsx(path: Path, file: str, options: ReadOptions, progress: Progress,
              issues: list[Issue]) -> list[RawGrid]:
    progress.report(0.0, "checking")
    package = open_package(path, file, progress)
    progress.report(0.2, "reading")
    book = _open_book(path, file, package)
    sheets = _xlsx_sheets(book)
    raw_names = [s.name for s in book.sheets]
    entries = package.sheets if len(package.sheets) == len(sheets) else [None] * len(sheets)
    candidates: list[tuple[_Sheet, RawGrid]] = []
    chosen = select_sheets(sheets, options, file)
    for k, sheet in enumerate(chosen):
        check_cancelled(progress)
        member = entries[sheet.index].member if entries[sheet.index] else None
        try:
            if raw_names.index(raw_names[sheet.index]) != sheet.index:
                # calamine looks sheets up by name: a later duplicate would read the first
                values = _openpyxl_values(path, sheet.index)
            else:
                values = book.values(sheet.index)
        except Exception as exc:  # CalamineError, or openpyxl on a damaged sheet
            raise _calamine_error(exc, path, file, package, sheet.name, member) from None
        scan = package.scans.get(member) if member else None
        grid = _xlsx_grid(values, file, sheet.name, package, scan, progress)
        candidates.append((sheet, grid))
        progress.report(0.2 + 0.8 * (k + 1) / len(chosen), "reading")
    grids = _finish([], candidates, options, file)
    grids[0].issues[:0] = issues
    return grids


# ------------------------------------------------------------------------------- xls
def _ole_streams(data: bytes) -> set[str]:
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            return {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
    except Exception:
        return set()


def check_ole(data: bytes, file: str) -> None:
    """Refuse encrypted OOXML and non-workbook compound files (Word, MSI, ...)."""
    streams = _ole_streams(data)
    if {"EncryptionInfo", "EncryptedPackage"} <= streams:
        raise reject("password_protected", "The workbook is password-protected; open it in "
                     "Excel, remove the password and save it, then import it.", file)
    if streams and not ({"Workbook", "Book", "WORKBOOK", "BOOK"} & streams):
        raise reject("not_a_spreadsheet", "This is an Office file but not an Excel workbook.",
                     file)


def _open_xls(data: bytes, file: str, issues: list[Issue]):  # -> xlrd.Book
    import xlrd

    def load(content: bytes):
        log = io.StringIO()
        try:
            return xlrd.open_workbook(file_contents=content, formatting_info=True, logfile=log)
        except NotImplementedError:
            return xlrd.open_workbook(file_contents=content, logfile=log)

    try:
        return load(data)
    except xlrd.XLRDError as exc:
        if "encrypted" not in str(exc).lower():
            raise reject("damaged_workbook", f"The workbook is damaged and cannot be read "
                         f"({exc}).", file) from None
    except Exception as exc:
        raise reject("damaged_workbook", f"The workbook is damaged and cannot be read ({exc}).",
                     file) from None
    decrypted = _decrypt_default(data, file)
    issues.append(Issue("encrypted_default_key_decrypted",
                        "The workbook is encrypted with Excel's built-in default key "
                        "(no password); it was decrypted the way Excel opens it.",
                        Location(file)))
    try:
        return load(decrypted)
    except Exception as exc:
        raise reject("damaged_workbook", f"The workbook is damaged and cannot be read ({exc}).",
                     file) from None


def _decrypt_default(data: bytes, file: str) -> bytes:
    import msoffcrypto

    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=DEFAULT_XLS_PASSWORD)
        out = io.BytesIO()
        office.decrypt(out)
    except Exception:
        raise reject("password_protected", "The workbook is password-protected; open it in "
                     "Excel, remove the password and save it, then import it.", file) from None
    return out.getvalue()


def _xls_sheets(book: Any) -> list[_Sheet]:
    names = unique_names(book.sheet_names())
    return [_Sheet(name, i, book.sheet_by_index(i).visibility != 0)
            for i, name in enumerate(names)]


def list_xls_sheets(data: bytes, file: str) -> list[SheetInfo]:
    check_ole(data, file)
    book = _open_xls(data, file, [])
    return [SheetInfo(s.name, s.index, s.hidden, book.sheet_by_index(s.index).nrows,
                      book.sheet_by_index(s.index).ncols) for s in _xls_sheets(book)]


def _xls_grid(book: Any, sheet: _Sheet, file: str, progress: Progress) -> RawGrid:
    import xlrd

    xs = book.sheet_by_index(sheet.index)
    rows: list[list[CellValue]] = []
    numbers: list[int] = []
    flags: dict[tuple[int, int], str] = {}
    dates: list[str] = []
    errors: list[str] = []
    removed = 0
    removed_at: list[str] = []
    as_years: list[tuple[str, str, int]] = []
    hidden_rows = {r for r, info in getattr(xs, "rowinfo_map", {}).items()
                   if getattr(info, "hidden", 0)}
    skipped: list[int] = []
    percent: list[tuple[int, int]] = []
    percent_xf = _xls_percent_formats(book)
    for r in range(xs.nrows):
        if not r % 10_000:
            check_cancelled(progress)
        if r in hidden_rows:
            if any(t not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) for t in xs.row_types(r)):
                skipped.append(r + 1)
            continue
        types = xs.row_types(r)
        values = xs.row_values(r)
        row: list[CellValue] = []
        for c, (kind, value) in enumerate(zip(types, values, strict=True)):
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                row.append(None)
            elif kind == xlrd.XL_CELL_TEXT:
                text, n = clean_text(value.replace("\r\n", "\n").replace("\r", "\n"))
                if n:
                    removed += n
                    removed_at.append(f"{column_letter(c)}{r + 1}")
                row.append(text if text else None)
            elif kind == xlrd.XL_CELL_NUMBER:
                row.append(value if math.isfinite(value) else None)
                if percent_xf and xs.cell_xf_index(r, c) in percent_xf:
                    percent.append((r, c))
            elif kind == xlrd.XL_CELL_DATE:
                try:
                    when = xlrd.xldate_as_datetime(value, book.datemode)
                except (xlrd.xldate.XLDateError, ValueError, OverflowError):
                    row.append(value)
                    continue
                year = date_as_year(when, book.datemode == 1)
                if year is not None:
                    row.append(float(year))
                    as_years.append((f"{column_letter(c)}{r + 1}", _date_text(when), year))
                    continue
                row.append(_date_text(when))
                flags[(len(rows), c)] = "date"
                dates.append(f"{column_letter(c)}{r + 1}")
            elif kind == xlrd.XL_CELL_BOOLEAN:
                row.append(bool(value))
            else:  # error cell such as #DIV/0!
                row.append(None)
                flags[(len(rows), c)] = "error"
                errors.append(f"{column_letter(c)}{r + 1}")
        if all(v is None for v in row):
            continue
        rows.append(row)
        numbers.append(r + 1)
    issues: list[Issue] = []
    if dates:
        r0, c0 = parse_ref(dates[0])
        system = " (1904 date system)" if book.datemode == 1 else ""
        issues.append(_date_issue(dates, system, Location(file, sheet.name, r0 + 1,
                                                          column_letter(c0)),
                                  book.datemode == 1))
    if errors:
        r0, c0 = parse_ref(errors[0])
        n = len(errors)
        issues.append(Issue(
            "cell_error", f"{plural(n, 'Cell')} {_cells(errors)} {plural(n, 'holds', 'hold')} "
            f"{plural(n, 'an Excel error value', 'Excel error values')} (like #DIV/0!); read "
            "as empty.",
            Location(file, sheet.name, r0 + 1, column_letter(c0)), {"cells": errors, "count": n}))
    if removed:
        r0, c0 = parse_ref(removed_at[0])
        issues.append(Issue("control_characters_removed",
                            describe_removed(removed, _cells_named(removed_at)),
                            Location(file, sheet.name, r0 + 1, column_letter(c0)),
                            {"count": removed, "cells": removed_at[:100]}))
    if as_years:
        issues.append(_years_issue(as_years, file, sheet.name, book.datemode == 1))
    if percent:
        index_of = {n - 1: i for i, n in enumerate(numbers)}
        issues.extend(_percent_cells(rows, index_of, numbers, percent, file, sheet.name))
    if skipped:
        issues.append(_hidden_rows_issue(skipped, file, sheet.name))
    merged = _merged_ranges([(rlo, clo, rhi - 1, chi - 1)
                             for rlo, rhi, clo, chi in getattr(xs, "merged_cells", [])], numbers,
                            max((len(r) for r in rows), default=0))
    return RawGrid(file=file, rows=rows, row_numbers=numbers, sheet=sheet.name, merged=merged,
                   cell_flags=flags, issues=issues)


def _xls_percent_formats(book: Any) -> frozenset[int]:
    """XF indices whose number format shows a percent (needs formatting_info)."""
    formats = getattr(book, "format_map", {})
    found = set()
    for index, xf in enumerate(getattr(book, "xf_list", [])):
        fmt = formats.get(xf.format_key)
        code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", fmt.format_str if fmt else "")
        if "%" in code:
            found.add(index)
    return frozenset(found)


def read_xls(data: bytes, file: str, options: ReadOptions, progress: Progress,
             issues: list[Issue]) -> list[RawGrid]:
    check_ole(data, file)
    issues = list(issues)
    book = _open_xls(data, file, issues)
    sheets = _xls_sheets(book)
    candidates = []
    for sheet in select_sheets(sheets, options, file):
        check_cancelled(progress)
        candidates.append((sheet, _xls_grid(book, sheet, file, progress)))
    grids = _finish([], candidates, options, file)
    grids[0].issues[:0] = issues
    return grids
