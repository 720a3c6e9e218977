"""Column-wise fast path: big, clean, regular files without a RawGrid of Python rows.

    outcome = try_fast_import(path, recipe, lookup, progress)   # None: not taken, use rows

The row-wise path (readers -> RawGrid -> interpret) builds a Python list per row and pulls
columns back out of them; for a 450k-row file that is most of the time. This path reads the
same file straight into columns (pandas' C parser for text, a vectorised pass over the sheet
XML for .xlsx; see fast_text / fast_excel), keeps text columns as codes + distinct values, and
interprets them with per-distinct-value work only:

    head grid (first ~300 rows, read row-wise)  --detect-->  TablePlan
    whole file  --reader, given the plan-->  ColumnTable (codes / float64 / object columns)
    ColumnTable + plan  --interpret_columns-->  mapping.Records (codes per record)
    Records  --interpret.interpret_stacked-->  long DataFrame + ImportReport

interpret_stacked is the row-wise path's own interpretation (it codes its Stacked records
the same way), so units, years, cities, missing values, duplicates and every issue come from
one piece of code. The result is the SAME as the row-wise path (tests/importers/fast compares
both on every qualifying file): same values (unit scaling exact, see `scale_exact`), same
source rows, same issues in the same order. Anything the fast path does not handle exactly
makes it decline (`Declined`), and the caller falls back to the row-wise path: encodings
other than UTF-8 and GBK/GB18030, quoted line breaks, ragged rows, merged cells, formulas,
dates, multi-row headers, footnotes, fill-down, repeated headers, layouts other than long /
wide_years / wide_indicators, years in indicator headers, roles it does not know (e.g.
unit_mult for a scale column, value:<name> for a long table's further value columns),
cells needing hygiene (control characters, over-long fields), a decimal comma.
Only the cells that are not plain numbers go through the per-cell code
(numbers.parse_values), with their raw text.

Set CITY_PROFILES_FAST_PATH=0 to switch the fast path off. No Qt here.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers import numbers as num
from desktop.importers.mapping import Coded, Records
from desktop.importers.model import (
    ImportReport,
    RawGrid,
    column_letter,
)
from desktop.importers.recipe import Recipe

if TYPE_CHECKING:
    from desktop.core.catalog import CityLookup

#: files smaller than this take the row-wise path (fast enough there; the column-wise path
#: is already ~3x faster at 1 MB)
FAST_MIN_BYTES = 256 * 1024
#: rows read row-wise for detection (header, layout, roles, units) and for the preview
HEAD_ROWS = 300
_MAX_SAFE = 2.0**53
_SIMPLE_ROLES = frozenset({"city", "city_code", "indicator", "year", "value", "unit",
                           "ignore"})
_FAST_LAYOUTS = ("long", "wide_years", "wide_indicators")
#: TablePlan fields this module understands; a plan with any other field set to a
#: non-default value (a feature added later) is left to the row-wise path
_KNOWN_PLAN_FIELDS = frozenset({
    "file", "sheet", "layout", "header_rows", "first_data_row", "end_row", "footer_rows",
    "metadata_rows", "metadata", "unit_rows", "columns", "indicator", "unit", "unit_source",
    "city", "year", "year_source", "year_candidates", "decimal", "dims", "fill_down_city",
    "problems"})


class Declined(Exception):  # noqa: N818 (a decision, not an error)
    """The fast path does not take this file; `str(exc)` says why (for the bench and logs)."""


# --- column-wise table --------------------------------------------------------------------


@dataclass
class Numbers:
    """A column whose every cell read as a number."""

    values: np.ndarray  # float64
    #: positions -> the raw cells as the row-wise reader would hand them over (text for CSV,
    #: float for .xlsx), for the per-cell path
    raw: Callable[[np.ndarray], list]
    #: () -> bool per cell: the cell's text has at most 15 characters, so its decimal value
    #: is the shortest repr of its float (needed for exact scaling); None: the float IS the
    #: cell (.xlsx numbers)
    short: Callable[[], np.ndarray] | None = None
    #: cells known to be empty (missing, blank); NaN elsewhere means: ask `raw`
    empty: np.ndarray | None = None


@dataclass
class Objects:
    """A column with some cells that are not numbers: the raw cells."""

    values: np.ndarray  # object


Column = Coded | Numbers | Objects


@dataclass
class ColumnTable:
    """All data rows (from plan.first_data_row on) of one sheet, column-wise."""

    grid: RawGrid  # the head rows as the row-wise reader reads them (detection, notes, preview)
    n: int  # data rows
    row_numbers: np.ndarray  # int64: 1-based source row of each data row
    columns: dict[int, Column]


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

        source = open_text(path, recipe.read, progress)
    elif kind == KIND_ZIP:
        from desktop.importers.fast_excel import open_xlsx

        source = open_xlsx(path, recipe.read, progress)
    else:
        raise Declined(f"{kind} files")
    check_cancelled(progress)
    progress.report(0.1, "head read")
    plan = detect(source.grid, recipe.table)
    check_plan(plan, source.grid)
    progress.report(0.15, "detected")
    table = source.load(plan, progress)
    check_cancelled(progress)
    progress.report(0.6, "columns read")
    from desktop.importers.run import ScaledProgress

    frame, report = interpret_columns(table, plan, lookup, ScaledProgress(progress, 0.6, 1.0))
    progress.report(1.0, "interpreted")
    return frame, report, source.grid, plan


def check_plan(plan, grid: RawGrid) -> None:
    """Decline plans the fast path does not reproduce exactly."""
    if plan.problems:
        raise Declined("plan has problems")
    if plan.layout not in _FAST_LAYOUTS:
        raise Declined(f"layout {plan.layout}")
    for f in dataclasses.fields(plan):
        if f.name not in _KNOWN_PLAN_FIELDS:
            default = f.default if f.default is not dataclasses.MISSING else (
                f.default_factory() if f.default_factory is not dataclasses.MISSING else None)
            if getattr(plan, f.name) != default:
                raise Declined(f"plan field {f.name}")
    if plan.footer_rows or plan.end_row != len(grid.rows):
        raise Declined("footnotes")
    if len(plan.header_rows) > 1 or plan.unit_rows:
        raise Declined("multi-row header")
    if grid.merged or grid.cell_flags:
        raise Declined("merged or flagged cells")
    if plan.decimal != ".":
        raise Declined("decimal comma")
    for c in plan.columns:
        role = c.role
        if role in _SIMPLE_ROLES:
            continue
        if role.startswith("year:") and plan.layout == "wide_years":
            continue
        if role.startswith("indicator:") and plan.layout == "wide_indicators":
            continue
        raise Declined(f"role {role}")


def value_columns(plan) -> list[int]:
    """Source columns holding values, in plan order (the order records are made in)."""
    if plan.layout == "long":
        return [next(c.index for c in plan.columns if c.role == "value")]
    return [c.index for c in plan.columns
            if c.role.startswith("year:") or c.role.startswith("indicator:")]


def needed_columns(plan) -> list[int]:
    """Columns to read: every role that is used, and the key column body_rows looks at."""
    by_role = _by_role(plan)
    wanted = set(value_columns(plan))
    for role in ("city", "city_code", "indicator", "year", "unit"):
        if role in by_role:
            wanted.add(by_role[role])
    wanted.add(by_role.get("city", 0))
    return sorted(wanted)


def _by_role(plan) -> dict[str, int]:
    by_role: dict[str, int] = {}
    for col in plan.columns:
        by_role.setdefault(col.role, col.index)
    return by_role


# --- exact scaling -------------------------------------------------------------------------

_POW10 = np.array([10.0**k for k in range(23)])


def scale_exact(values: np.ndarray, exponents: np.ndarray | int,
                out: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(values × 10**exponent rounded once, ok) for floats read from short decimal text.

    A decimal D with at most 15 significant digits is the shortest repr of its float v, and
    D = M / 10**d with an integer M < 10**15 (exact in a double). M × 10**(k−d) (or
    M / 10**(d−k)) is then one correctly rounded operation on exact operands, so the result is
    float(Decimal(D).scaleb(k)) — what the row-wise path computes with Decimal. `ok` is False
    where no such M, d exist (more digits); those cells go through the per-cell path.

    The common case (d <= k, the result an integer below 10**15) takes one pass: N =
    rint(v × 10**k) with N / 10**k == v means the decimal N × 10**−k, which has at most 15
    digits, rounds to v, so it is D and N is exact.
    """
    v = np.asarray(values, dtype=np.float64)
    if np.ndim(exponents) == 0:  # one exponent for all: the common case in one pass
        k0 = int(exponents)
        if 0 <= k0 <= 22 and len(v):
            n = np.empty_like(v) if out is None else out
            if _scale_in_blocks(v, _POW10[k0], n):
                return n, n != 0
        exponents = np.full(len(v), k0, dtype=np.int64)
    k = np.asarray(exponents, dtype=np.int64)
    out = np.full(len(v), np.nan)
    ok = np.zeros(len(v), dtype=bool)
    if not len(v):
        return out, ok
    with np.errstate(over="ignore", invalid="ignore"):
        in_table = (k >= 0) & (k <= 22)
        power = _POW10[np.where(in_table, k, 0)]
        n = np.rint(v * power)
        hit = in_table & (np.abs(n) < 1e15) & (n / power == v)
        if hit.all():
            return n, n != 0
        out = np.where(hit, n, np.nan)
        ok = hit
        todo = np.flatnonzero(~hit & np.isfinite(v) & (np.abs(v) < 1e15))
        for d in range(16):
            if not len(todo):
                break
            sub = v[todo]
            m = np.rint(sub * _POW10[d])
            found = (np.abs(m) < 1e15) & (m / _POW10[d] == sub)
            if found.any():
                at = todo[found]
                shift = k[at] - d
                mh = m[found]
                fits = np.abs(shift) <= 22
                up = np.clip(shift, 0, 22)
                down = np.clip(-shift, 0, 22)
                out[at] = np.where(shift >= 0, mh * _POW10[up], mh / _POW10[down])
                ok[at] = fits
                todo = todo[~found]
        ok &= np.isfinite(out) & (out != 0)
    return out, ok


_BLOCK = 1 << 15  # values per block: a block's few arrays stay in the CPU's cache


def _scale_in_blocks(v: np.ndarray, power: float, n: np.ndarray) -> bool:
    """n = rint(v * power); True when every N is below 1e15 and N / power == v (see
    scale_exact). A block at a time: seven passes over cached blocks instead of over
    arrays of the whole column (about half the time for 450k values)."""
    back = np.empty(min(len(v), _BLOCK))
    hit = np.empty(len(back), dtype=bool)
    with np.errstate(over="ignore", invalid="ignore"):
        for lo in range(0, len(v), _BLOCK):
            part, scaled = v[lo: lo + _BLOCK], n[lo: lo + _BLOCK]
            b, h = back[: len(part)], hit[: len(part)]
            np.multiply(part, power, out=scaled)
            np.rint(scaled, out=scaled)
            np.abs(scaled, out=b)
            np.less(b, 1e15, out=h)
            np.divide(scaled, power, out=b)
            h &= b == part
            if not h.all():
                return False
    return True


# --- interpretation ------------------------------------------------------------------------


def _ordered(column: Coded, k: int = 1) -> Coded:
    """Codes renumbered to first appearance, None last, unused values dropped (the order
    mapping.factorize gives the row-wise path), repeated for k value columns."""
    codes, uniques = column.codes, column.uniques
    present = _first_seen(codes, len(uniques))
    values = uniques[present]
    is_none = np.fromiter((u is None for u in values), dtype=bool, count=len(values))
    if is_none.any():
        present = np.concatenate([present[~is_none], present[is_none]])
    if len(present) != len(uniques) or (present != np.arange(len(present))).any():
        remap = np.zeros(len(uniques), dtype=codes.dtype)
        remap[present] = np.arange(len(present))
        codes, uniques = remap[codes], uniques[present]
    return Coded(np.tile(codes, k) if k > 1 else codes, uniques)


def _first_seen(codes: np.ndarray, count: int) -> np.ndarray:
    """The distinct codes (of `count`) in order of first appearance (pandas.unique, made
    cheaper by looking at a prefix, or only at the starts of runs of equal codes)."""
    if len(codes) > 16384:
        head = pd.unique(codes[:4096])
        if len(head) == count or int(codes.max()) - int(codes.min()) + 1 == len(head):
            return head  # the head holds every code there is (or can be)
        starts = np.flatnonzero(codes[1:] != codes[:-1])
        if len(starts) < len(codes) // 4:
            return pd.unique(np.concatenate([codes[:1], codes[starts + 1]]))
    return pd.unique(codes)


def _constant(m: int, value: object) -> Coded:
    uniques = np.empty(1, dtype=object)
    uniques[0] = value
    return Coded(np.zeros(m, dtype=np.int8), uniques)


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
    by_role = _by_role(plan)
    all_rows = _RowNumbers(list(grid.row_numbers[:first]), first, table.row_numbers)
    issue_grid = dataclasses.replace(grid, row_numbers=all_rows)

    # rows the row-wise body_rows would look at closely (blank, header-like, notes): decline
    key_column = by_role.get("city", 0)
    key = _ordered(_coded(table, key_column))
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

    rec = _records(table, plan, by_role, key if "city" in by_role else None)
    report, issues = ip.start_report(issue_grid, plan)
    ip.detection_notes(issue_grid, plan, issues)
    report.rows_read = n

    def parse(exponents: np.ndarray) -> num.ParsedValues:
        return _parse_values(table, rec, exponents, plan.decimal)

    frame = ip.interpret_stacked(rec, plan, parse, report, issues, lookup,
                                 progress or NullProgress())
    return frame, report


def _records(table: ColumnTable, plan, by_role: dict[str, int], city: Coded | None
             ) -> Records:
    """The records mapping.stack + code_records would make of the same rows (`city`: the
    city column, already ordered)."""
    from desktop.importers.layout import indicator_role
    from desktop.importers.mapping import factorize, file_stem

    n, layout = table.n, plan.layout
    vcols = value_columns(plan)
    k = len(vcols)
    m = n * k
    city_col = by_role.get("city", -1)
    if city_col >= 0:
        if city is None:
            city = _ordered(_coded(table, city_col), k)
        elif k > 1:
            city = Coded(np.tile(city.codes, k), city.uniques)
        if plan.fill_down_city and any(u is None or (isinstance(u, str) and not u.strip())
                                       for u in city.uniques):
            raise Declined("blank city cells (fill-down)")
    else:
        city = _constant(m, plan.city or "")

    if layout == "wide_indicators":
        parts = [indicator_role(c.role) for c in plan.columns
                 if c.role.startswith("indicator:")]
        if any(year is not None for _, year in parts):
            raise Declined("years in indicator headers")
        codes, uniques = factorize(np.array([name for name, _ in parts], dtype=object))
        indicator = Coded(np.repeat(codes, n).astype(np.intp), uniques)
    elif "indicator" in by_role:
        indicator = _ordered(_coded(table, by_role["indicator"]), k)
    else:
        indicator = _constant(m, plan.indicator or file_stem(table.grid.file))

    year: Coded | None = None
    header_years = None
    year_col = -1
    if layout == "wide_years":
        role_of = {c.index: c.role for c in plan.columns}
        header_years = [int(role_of[v].split(":", 1)[1]) for v in vcols]
    else:
        year_col = by_role.get("year", -1)
        year = (_ordered(_coded(table, year_col), k) if year_col >= 0
                else _constant(m, plan.year))

    unit = (_ordered(_coded(table, by_role["unit"]), k) if "unit" in by_role
            else _constant(m, ""))
    city_code = (_ordered(_coded(table, by_role["city_code"]), k) if "city_code" in by_role
                 else None)
    unit_of_col = {c.index: c.unit for c in plan.columns}
    first = plan.first_data_row
    return Records(
        rows=range(first, first + n),
        source_rows=table.row_numbers,
        vcols=vcols,
        city=city,
        city_col=city_col,
        indicator=indicator,
        year=year,
        header_years=header_years,
        year_col=year_col,
        unit=unit,
        header_unit=[unit_of_col.get(c, "") for c in vcols],
        wide=layout != "long",
        city_code=city_code,
        unit_col=by_role.get("unit", -1),
    )


def _parse_values(table: ColumnTable, rec: Records, exps: np.ndarray,
                  decimal: str) -> num.ParsedValues:
    """numbers.parse_values over all records: plain numbers vectorised, the rest per cell."""
    m, n = rec.m, rec.n
    values = np.full(m, np.nan)
    status = np.full(m, num.BAD, dtype=np.int8)
    blank = np.zeros(m, dtype=bool)
    result = num.ParsedValues(values, status, blank, [], Counter(), Counter(), {})
    for j, col in enumerate(rec.vcols):
        lo = j * n
        column = table.columns[col]
        e = exps[lo: lo + n]
        if isinstance(column, Numbers):
            v = column.values
            with np.errstate(invalid="ignore"):
                ok = v < _MAX_SAFE  # False for NaN and infinities
                ok &= v > -_MAX_SAFE
            ok &= v != 0
            low, high = (int(e.min()), int(e.max())) if n else (0, 0)
            out = v
            if low != 0 or high != 0:
                out, fine = scale_exact(v, low if low == high else e, values[lo: lo + n])
                if column.short is not None:
                    fine &= column.short()
                if low == high:
                    ok &= fine
                else:
                    scaled = e != 0
                    ok &= fine | ~scaled
                    out = np.where(scaled, out, v)
            if ok.all():
                if not np.may_share_memory(out, values):  # else scaled into place
                    values[lo: lo + n] = out
                status[lo: lo + n] = num.OK
            else:
                values[lo: lo + n] = np.where(ok, out, np.nan)
                status[lo: lo + n] = np.where(ok, num.OK, num.BAD)
            if column.empty is not None and column.empty.any():
                gone = column.empty
                status[lo: lo + n][gone] = num.MISSING
                blank[lo: lo + n] = gone
                result.missing_markers[""] += int(gone.sum())
                ok |= gone
            if not ok.all():
                bad = np.flatnonzero(~ok)
                cells = np.empty(len(bad), dtype=object)
                cells[:] = column.raw(bad)
                _merge(result, num.parse_values(cells, e[bad], decimal), lo + bad)
        elif isinstance(column, Objects):
            _merge(result, num.parse_values(column.values, e, decimal),
                   lo + np.arange(n))
        else:
            cells = column.uniques[column.codes]
            _merge(result, num.parse_values(cells, e, decimal), lo + np.arange(n))
    not_ok = status != num.OK
    if not_ok.any():
        values[not_ok] = np.nan
    return result


def _merge(result: num.ParsedValues, part: num.ParsedValues, at: np.ndarray) -> None:
    result.values[at] = part.values
    result.status[at] = part.status
    result.blank[at] = part.blank
    for note in part.notes:
        note.index = int(at[note.index])
        result.notes.append(note)
    result.missing_markers.update(part.missing_markers)
    if part.flags:
        raise Declined("value flags")
