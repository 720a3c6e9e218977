"""Column-wise fast path: big, clean, regular files without a RawGrid of Python rows.

    outcome = try_fast_import(path, recipe, lookup, progress)   # None: not taken, use rows

The row-wise path (readers -> RawGrid -> interpret) builds a Python list per row and pulls
columns back out of them; for a 450k-row file that is most of the time. This path reads the
same file straight into columns (pandas' C parser for text, a vectorised pass over the sheet
XML for .xlsx; see fast_text / fast_excel), keeps text columns as codes + distinct values, and
interprets them with per-distinct-value work only:

    head grid (first ~300 rows, read row-wise)  --detect-->  TablePlan
    whole file  --reader, given the plan-->  columns.ColumnTable (codes / float64 / objects)
    ColumnTable + plan  --records.build_records-->  mapping.Records (codes per record)
    Records  --interpret.interpret_stacked-->  long DataFrame + ImportReport

The records builder, the value parser (columns.parse_columns) and the interpretation
(interpret_stacked) are the row-wise path's own: it turns its grid's body rows into a
ColumnTable of Objects columns (columns.grid_table) and goes the same way. So units, years,
cities, missing values, duplicates and every issue come from one piece of code, and the
result is the SAME as the row-wise path (tests/importers/fast compares both on every
qualifying file): same values (unit scaling exact, see `columns.scale_exact`), same source
rows, same issues in the same order.

Which tables the column-wise readers take is what they declare they read
(capabilities.COLUMN_ENGINE: layouts long / wide_years / wide_indicators with plain roles,
one header row, no footnotes, merged cells or decimal comma); each source adds what its head
must hold (`ColumnSource.can_read`). What only the whole file shows (encodings other than
UTF-8 and GBK/GB18030, quoted line breaks, ragged rows, formulas, dates, repeated headers,
cells needing hygiene, a decimal comma below the head) makes the reader decline while it
reads (`Declined`); either way the caller falls back to the row-wise path. Only the cells
that are not plain numbers go through the per-cell code (numbers.parse_values), with their
raw text (columns.parse_columns, the value parser the row-wise path uses too).

Set CITY_PROFILES_FAST_PATH=0 to switch the fast path off. No Qt here.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
import pandas as pd

from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers import numbers as num
from desktop.importers.columns import ColumnTable, parse_columns
from desktop.importers.mapping import Coded, columns_by_role
from desktop.importers.model import (
    ImportReport,
    RawGrid,
    column_letter,
)
from desktop.importers.recipe import Recipe
from desktop.importers.records import build_records, needed_columns, ordered, value_columns

if TYPE_CHECKING:
    from desktop.core.catalog import CityLookup

#: files smaller than this take the row-wise path (fast enough there; the column-wise path
#: is already ~3x faster at 1 MB)
FAST_MIN_BYTES = 256 * 1024
#: rows read row-wise for detection (header, layout, roles, units) and for the preview
HEAD_ROWS = 300


class Declined(Exception):  # noqa: N818 (a decision, not an error)
    """The fast path does not take this file; `str(exc)` says why (for the bench and logs)."""


# --- column-wise table --------------------------------------------------------------------


class _RowNumbers(Sequence):
    """Source row numbers of the whole grid (head rows, then data rows) without a list."""

    def __init__(self, head: list[int], first: int, data: np.ndarray) -> None:
        self._head, self._first, self._data = head, first, data

    def __len__(self) -> int:
        return self._first + len(self._data)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = int(index)
        if index < 0:
            index += len(self)
        if index < self._first:
            return self._head[index]
        return int(self._data[index - self._first])


class ColumnSource(Protocol):
    """A file opened by a column-wise reader: its head rows read row-wise (for detection and
    the preview), and the whole table read column-wise once the plan is known."""

    grid: RawGrid

    def can_read(self, plan) -> str | None:
        """None when the reader reads this table as planned, else why not."""

    def load(self, plan, progress: Progress) -> ColumnTable:
        """All data rows column-wise; raises Declined for what only the whole file shows."""


def head_covers(grid: RawGrid, plan, whole: bool) -> str | None:
    """None when the head grid holds what detection needs of the body (`whole`: the head
    is the whole table), else why not."""
    from desktop.importers.detection import SAMPLE_BODY_ROWS

    head_data = len(grid.rows) - plan.first_data_row
    if head_data <= 0:
        return "no data rows in the head"
    if not whole and head_data <= SAMPLE_BODY_ROWS:
        return "header too far down for the head"
    return None


# --- entry ---------------------------------------------------------------------------------


def enabled() -> bool:
    return os.environ.get("CITY_PROFILES_FAST_PATH", "1") not in ("0", "no", "off", "false")


#: why the last try_fast_import call declined ('' when it was taken), for the bench
last_decision = ""


def try_fast_import(path: Path, recipe: Recipe | None = None, lookup: CityLookup | None = None,
                    progress: Progress | None = None, min_bytes: int | None = None):
    """(frame, report, grid, plan) through the fast path, or None when it declines.

    Raises ImportRejectedError only where the row-wise path would raise the same."""
    global last_decision
    progress = progress or NullProgress()
    recipe = recipe or Recipe()
    try:
        result = import_columns(Path(path), recipe, lookup, progress,
                                FAST_MIN_BYTES if min_bytes is None else min_bytes)
    except Declined as exc:
        last_decision = str(exc) or "declined"
        return None
    last_decision = ""
    return result


def import_columns(path: Path, recipe: Recipe, lookup: CityLookup | None, progress: Progress,
                   min_bytes: int = 0):
    """Like try_fast_import, but raises Declined."""
    from desktop.importers.interpret import detect
    from desktop.importers.sniff import KIND_TEXT, KIND_ZIP, sniff

    if not enabled():
        raise Declined("switched off")
    size = path.stat().st_size if path.exists() else 0
    if size < min_bytes:
        raise Declined("small file")
    if recipe.read.decimal not in (None, "."):
        raise Declined("decimal comma")
    kind = sniff(path).kind
    if kind == KIND_TEXT:
        from desktop.importers.fast_text import open_text

        source: ColumnSource = open_text(path, recipe.read, progress)
    elif kind == KIND_ZIP:
        from desktop.importers.fast_excel import open_xlsx

        source = open_xlsx(path, recipe.read, progress)
    else:
        raise Declined(f"{kind} files")
    check_cancelled(progress)
    progress.report(0.1, "head read")
    plan = detect(source.grid, recipe.table)
    reason = source.can_read(plan)
    if reason:
        raise Declined(reason)
    progress.report(0.15, "detected")
    table = source.load(plan, progress)
    check_cancelled(progress)
    progress.report(0.6, "columns read")
    from desktop.importers.run import ScaledProgress

    frame, report = interpret_columns(table, plan, lookup, ScaledProgress(progress, 0.6, 1.0))
    progress.report(1.0, "interpreted")
    return frame, report, source.grid, plan


# --- interpretation ------------------------------------------------------------------------


def _coded(table: ColumnTable, col: int) -> Coded:
    column = table.columns.get(col)
    if not isinstance(column, Coded):
        raise Declined(f"column {column_letter(col)} is not text")
    return column


def interpret_columns(table: ColumnTable, plan, lookup: CityLookup | None = None,
                      progress: Progress | None = None) -> tuple[pd.DataFrame, ImportReport]:
    """interpret.interpret for a column-wise table: the same frame and report."""
    from desktop.importers import interpret as ip
    from desktop.importers.table import _doubtful_key, cell_text, clean_header

    grid = table.grid
    n = table.n
    first = plan.first_data_row
    if n == 0:
        raise Declined("no data rows")
    by_role = columns_by_role(plan)
    all_rows = _RowNumbers(list(grid.row_numbers[:first]), first, table.row_numbers)
    issue_grid = dataclasses.replace(grid, row_numbers=all_rows)

    # rows the row-wise body_rows would look at closely (blank, header-like, notes): decline
    key_column = by_role.get("city", 0)
    key = ordered(_coded(table, key_column))
    header_first = set()
    for r in plan.header_rows:
        row = grid.rows[r]
        if key_column < len(row):
            header_first |= {clean_header(row[key_column]), cell_text(row[key_column])}
    header_first.discard("")
    titles = {cell_text(c) for r in plan.metadata_rows for c in grid.rows[r]}
    titles.discard("")
    if any(_doubtful_key(u, header_first, titles) for u in key.uniques):
        raise Declined("blank, header-like or note rows in the body")

    if "city" in by_role and plan.fill_down_city and any(
            u is None or (isinstance(u, str) and not u.strip()) for u in key.uniques):
        raise Declined("blank city cells (fill-down)")
    values = value_columns(plan)
    for col in needed_columns(plan):
        if col not in values:
            _coded(table, col)  # the records' text columns: read as text
    rec, _ = build_records(table, plan, {key_column: key})
    report, issues = ip.start_report(issue_grid, plan)
    ip.detection_notes(issue_grid, plan, issues)
    report.rows_read = n

    def parse(exponents: np.ndarray) -> num.ParsedValues:
        return parse_columns([table.columns[c] for c in rec.vcols], exponents, plan.decimal)

    frame = ip.interpret_stacked(rec, plan, parse, report, issues, lookup,
                                 progress or NullProgress())
    return frame, report
