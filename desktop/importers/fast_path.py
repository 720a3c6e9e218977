"""Column-wise fast path: big, clean, regular files without a RawGrid of Python rows.

    outcome = try_fast_import(path, recipe, lookup, progress)   # None: not taken, use rows

The row-wise path (readers -> RawGrid -> interpret) builds a Python list per row and pulls
columns back out of them; for a 450k-row file that is most of the time. This path reads the
same file straight into columns (pandas' C parser for text, a vectorised pass over the sheet
XML for .xlsx; see fast_text / fast_excel), keeps text columns as codes + distinct values, and
interprets them with per-distinct-value work only:

    head grid (first ~500 rows, read row-wise)  --detect-->  TablePlan
    whole file  --reader, given the plan-->  ColumnTable (codes / float64 / object columns)
    ColumnTable + plan  --interpret_columns-->  long DataFrame + ImportReport

The result is the SAME as the row-wise path (tests/importers/fast compares both on every
qualifying file): same values (unit scaling exact, see `scale_exact`), same source rows, same
issues in the same order. Anything the fast path does not handle exactly makes it decline
(`Declined`), and the caller falls back to the row-wise path: encodings other than UTF-8,
quoted line breaks, ragged or trailing-delimiter rows, merged cells, formulas, dates,
multi-row headers, footnotes, fill-down, repeated headers, layouts other than long /
wide_years / wide_indicators, roles it does not know (e.g. city_code), cells needing
hygiene (control characters, over-long fields). Only the cells that are not plain
numbers go through the per-cell code (numbers.parse_values), with their raw text.

Set CITY_PROFILES_FAST_PATH=0 to switch the fast path off. No Qt here.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from desktop.core.catalog import CityLookup
from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers import numbers as num
from desktop.importers.model import (
    ImportReport,
    RawGrid,
    column_letter,
)
from desktop.importers.recipe import Recipe

#: files smaller than this take the row-wise path (fast enough there; the column-wise path
#: is already ~3x faster at 1 MB)
FAST_MIN_BYTES = 256 * 1024
#: rows read row-wise for detection (header, layout, roles, units) and for the preview
HEAD_ROWS = 300
_MAX_SAFE = 2.0**53
_SIMPLE_ROLES = frozenset({"city", "indicator", "year", "value", "unit", "ignore"})
_FAST_LAYOUTS = ("long", "wide_years", "wide_indicators")
#: TablePlan fields this module understands; a plan with any other field set to a
#: non-default value (a feature added later) is left to the row-wise path
_KNOWN_PLAN_FIELDS = frozenset({
    "file", "sheet", "layout", "header_rows", "first_data_row", "end_row", "footer_rows",
    "metadata_rows", "metadata", "unit_rows", "columns", "indicator", "unit", "unit_source",
    "city", "year", "decimal", "dims", "fill_down_city", "problems"})


class Declined(Exception):  # noqa: N818 (a decision, not an error)
    """The fast path does not take this file; `str(exc)` says why (for the bench and logs)."""


# --- column-wise table --------------------------------------------------------------------


@dataclass
class Coded:
    """A column as codes into its distinct raw cells (as the row-wise reader hands them)."""

    codes: np.ndarray  # intp, one per data row
    uniques: np.ndarray  # object


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
    frame, report = interpret_columns(table, plan, lookup)
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
    for role in ("city", "indicator", "year", "unit"):
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


def scale_exact(values: np.ndarray, exponents: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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


# --- interpretation ------------------------------------------------------------------------


def _ordered(codes: np.ndarray, uniques: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes renumbered to first appearance, None last, unused values dropped — the order
    mapping.factorize gives the row-wise path."""
    present = _first_seen(codes)
    values = uniques[present]
    is_none = np.fromiter((u is None for u in values), dtype=bool, count=len(values))
    if is_none.any():
        present = np.concatenate([present[~is_none], present[is_none]])
    remap = np.zeros(len(uniques), dtype=np.intp)
    remap[present] = np.arange(len(present))
    return remap[codes], uniques[present]


def _first_seen(codes: np.ndarray) -> np.ndarray:
    """The distinct codes in order of first appearance (pandas.unique, made cheaper by
    looking at a prefix, or only at the starts of runs of equal codes)."""
    if len(codes) > 4096:
        count = int(np.count_nonzero(np.bincount(codes)))
        head = pd.unique(codes[:1024])
        if len(head) == count:
            return head
        starts = np.flatnonzero(codes[1:] != codes[:-1])
        if len(starts) < len(codes) // 4:
            return pd.unique(np.concatenate([codes[:1], codes[starts + 1]]))
    return pd.unique(codes)


def _firsts(codes: np.ndarray, count: int) -> np.ndarray:
    """First position of each code, for codes numbered in order of first appearance."""
    if not len(codes):
        return np.zeros(count, dtype=np.intp)
    seen = np.maximum.accumulate(codes)
    new = np.r_[True, seen[1:] > seen[:-1]]
    return np.flatnonzero(new)[:count]


def _factorize_list(values: list) -> tuple[np.ndarray, list]:
    index: dict = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.intp,
                        count=len(values))
    return codes, list(index)


class _Records:
    """The candidate value cells: m = n × k records, value column by value column."""

    def __init__(self, n: int, first: int, vcols: list[int]) -> None:
        self.n, self.first, self.vcols, self.k = n, first, vcols, len(vcols)
        self.m = n * self.k
        self.grid_row = np.tile(np.arange(first, first + n, dtype=np.int64), self.k)
        self.value_col = np.repeat(np.asarray(vcols, dtype=np.int64), n)
        self.wide = False
        self.city: object = None
        self.city_col = -1

    def tile(self, codes: np.ndarray) -> np.ndarray:
        return codes if self.k == 1 else np.tile(codes, self.k)

    def per_column(self) -> np.ndarray:
        return np.repeat(np.arange(self.k, dtype=np.intp), self.n)


class _CityCells:
    """stacked.city for interpret._empty_rows: the raw city cell of a record, on demand."""

    def __init__(self, codes: np.ndarray, uniques: np.ndarray) -> None:
        self.codes, self.uniques = codes, uniques

    def __getitem__(self, p: int) -> object:
        return self.uniques[self.codes[p]]


def _coded(table: ColumnTable, col: int) -> Coded:
    column = table.columns.get(col)
    if not isinstance(column, Coded):
        raise Declined(f"column {column_letter(col)} is not text")
    return column


def _constant(n: int, value: object) -> tuple[np.ndarray, np.ndarray]:
    uniques = np.empty(1, dtype=object)
    uniques[0] = value
    return np.zeros(n, dtype=np.intp), uniques


def interpret_columns(table: ColumnTable, plan, lookup: CityLookup | None = None
                      ) -> tuple[pd.DataFrame, ImportReport]:
    """interpret.interpret for a column-wise table: the same frame and report."""
    try:
        from desktop.importers import interpret as ip
        from desktop.importers.table import _doubtful_key, cell_text, clean_header
    except ImportError as exc:  # the row-wise module changed: let it do the work
        raise Declined(f"interpret helpers unavailable ({exc})") from None
    from desktop.importers.mapping import file_stem
    from desktop.importers.matching import clean_name, match_names
    from desktop.importers.unit_parsing import split_unit, unit_or_text
    from desktop.importers.validate import DuplicateCheck, find_duplicates

    grid = table.grid
    n = table.n
    first = plan.first_data_row
    if n == 0:
        raise Declined("no data rows")
    by_role = _by_role(plan)
    all_rows = _RowNumbers(list(grid.row_numbers[:first]), first, table.row_numbers)
    issue_grid = RawGrid(file=grid.file, rows=grid.rows, row_numbers=all_rows,  # type: ignore[arg-type]
                         sheet=grid.sheet)

    # rows the row-wise body_rows would look at closely (blank, header-like, notes): decline
    key_column = by_role.get("city", 0)
    key = _coded(table, key_column)
    header_first = set()
    for r in plan.header_rows:
        row = grid.rows[r]
        if key_column < len(row):
            header_first |= {clean_header(row[key_column]), cell_text(row[key_column])}
    header_first.discard("")
    titles = {cell_text(c) for r in plan.metadata_rows for c in grid.rows[r]}
    titles.discard("")
    if any(_doubtful_key(u, header_first, titles) for u in key.uniques[_first_seen(key.codes)]):
        raise Declined("blank, header-like or note rows in the body")

    report = ImportReport(
        file=grid.file, sheet=grid.sheet, encoding=grid.encoding, delimiter=grid.delimiter,
        layout=plan.layout, header_rows=ip._source_rows(issue_grid, plan.header_rows),
    )
    issues = ip._Issues(issue_grid)
    report.warnings.extend(grid.issues)
    ip._detection_notes(issue_grid, plan, issues)
    report.rows_read = n

    vcols = value_columns(plan)
    rec = _Records(n, first, vcols)
    m = rec.m
    layout = plan.layout
    rec.wide = layout != "long"

    # city
    city_col = by_role.get("city", -1)
    rec.city_col = city_col
    if city_col >= 0:
        city = _coded(table, city_col)
        c_codes, c_uniques = _ordered(rec.tile(city.codes), city.uniques)
        if plan.fill_down_city and any(u is None or (isinstance(u, str) and not u.strip())
                                       for u in c_uniques):
            raise Declined("blank city cells (fill-down)")
    else:
        c_codes, c_uniques = _constant(m, plan.city or "")
    rec.city = _CityCells(c_codes, c_uniques)

    # indicator (raw names)
    if layout == "wide_indicators":
        names_raw = np.array([c.role.split(":", 1)[1] for c in plan.columns
                              if c.role.startswith("indicator:")], dtype=object)
        i_codes, i_uniques = _ordered(rec.per_column(), names_raw)
    elif "indicator" in by_role:
        ind = _coded(table, by_role["indicator"])
        i_codes, i_uniques = _ordered(rec.tile(ind.codes), ind.uniques)
    else:
        i_codes, i_uniques = _constant(m, plan.indicator or file_stem(grid.file))

    # unit cells and header units
    if "unit" in by_role:
        unit = _coded(table, by_role["unit"])
        e_codes, e_uniques = _ordered(rec.tile(unit.codes), unit.uniques)
    else:
        e_codes, e_uniques = _constant(m, "")
    unit_of_col = {c.index: c.unit for c in plan.columns}
    header_units = [unit_of_col.get(c, "") for c in vcols]

    # --- indicators and units (interpret._indicators_and_units) ---
    names, name_units = [], []
    for raw in i_uniques:
        name = clean_name(cell_text(raw))
        stripped_name, spec, stripped = split_unit(name)
        names.append(stripped_name if stripped else name)
        name_units.append(spec.source if spec else "")
    names_arr = np.array(names, dtype=object)
    explicit_text = [cell_text(u) for u in e_uniques]
    if "" in explicit_text:
        n_ind = len(i_uniques)
        combo = (e_codes.astype(np.int64) * n_ind + i_codes) * rec.k + rec.per_column()
        combo_codes, combo_keys = pd.factorize(combo)
        texts = []
        for key_value in combo_keys.tolist():
            rest, vc = divmod(key_value, rec.k)
            e, i = divmod(rest, n_ind)
            text = explicit_text[e]
            if text == "":
                text = name_units[i] or header_units[vc] or ""
                if not text and plan.unit:
                    text = plan.unit
            texts.append(text)
        text_codes, unit_uniques = _factorize_list(texts)
        unit_codes = text_codes[combo_codes]
    else:
        unit_codes, unit_uniques = e_codes, explicit_text
    specs = [unit_or_text(u) if u else None for u in unit_uniques]
    unit_firsts = _firsts(unit_codes, len(specs))
    unit_counts = np.bincount(unit_codes, minlength=len(specs))

    def where(p: int, col: int | None = None):
        return issues.loc(int(rec.grid_row[p]), int(rec.value_col[p]) if col is None else col)

    for k, spec in enumerate(specs):
        if spec is None:
            continue
        p = int(unit_firsts[k])
        if not spec.known:
            issues.add("unknown_unit",
                       f"unit {spec.source!r} is not known; values kept as written",
                       where(p), unit=spec.source, rows=int(unit_counts[k]))
        if spec.exponent:
            text = spec.describe()
            if text not in report.units_converted:
                report.units_converted.append(text)
    name_codes, _ = _factorize_list(names)
    if len(specs) > 1:
        _mixed_units(name_codes[i_codes], names_arr, i_codes, unit_codes, specs, rec, issues)

    # --- years (interpret._years) ---
    if layout == "wide_years":
        role_of = {c.index: c.role for c in plan.columns}
        year_values = np.array([int(role_of[v].split(":", 1)[1]) for v in vcols],
                               dtype=np.int64)
        years = year_values[rec.per_column()]
        year_ok = np.ones(m, dtype=bool)
    else:
        year_col = by_role.get("year", -1)
        if year_col >= 0:
            yc = _coded(table, year_col)
            y_codes, y_uniques = _ordered(rec.tile(yc.codes), yc.uniques)
        else:
            y_codes, y_uniques = _constant(m, plan.year)
        years, year_ok = _years(y_codes, y_uniques, year_col, rec, issues, ip, cell_text)

    # --- values ---
    exps_table = np.array([s.exponent if s else 0 for s in specs], dtype=np.int64)
    exps = exps_table[unit_codes]
    parsed = _parse_values(table, rec, exps, plan.decimal)
    status = parsed.status

    # --- cities ---
    skipped = np.zeros(m, dtype=bool)
    if rec.wide and parsed.blank.any():
        skipped = ip._empty_rows(rec, parsed.blank, issues, lookup)
    matches = match_names(c_uniques, lookup)
    resolved = np.array([matches.resolved["" if u is None else str(u)] for u in c_uniques],
                        dtype=object)
    no_city = (resolved == "")[c_codes] & (status != num.MISSING) & ~skipped
    if no_city.any():
        for p in np.flatnonzero(no_city)[: ip.MAX_CELL_ISSUES + 1].tolist():
            issues.add("missing_city", "a value without a city was not imported",
                       issues.loc(int(rec.grid_row[p]), rec.city_col), cap=True)
    issues.counts["missing_city"] = int(no_city.sum())

    ip._value_notes(rec, parsed, issues, skipped)

    # --- the long table ---
    keep = (status == num.OK) & year_ok & ~no_city & ~skipped
    positions = np.flatnonzero(keep)
    unit_sources = np.array([s.source if s else "" for s in specs], dtype=object)
    unit_names = np.array([s.code if s else "" for s in specs], dtype=object)
    letters = np.array([column_letter(c) for c in vcols], dtype=object)
    kept_units = unit_codes[positions]
    frame = pd.DataFrame({
        "city": _text_column(resolved, c_codes[positions]),
        "indicator": _text_column(names_arr, i_codes[positions]),
        "year": years[positions].astype(np.int64),
        "value": parsed.values[positions],
        "unit": _text_column(unit_names, kept_units),
        "source_unit": _text_column(unit_sources, kept_units),
        "source_row": table.row_numbers[positions % n] if rec.k > 1 else
        table.row_numbers[positions],
        "source_column": _text_column(letters, positions // n if rec.k > 1 else
                                      np.zeros(len(positions), dtype=np.intp)),
    }, copy=False)
    city_key, _ = _factorize_list(resolved.tolist())
    indicator_key = name_codes
    canonical_key, _ = _factorize_list(unit_names.tolist())
    key_parts = [city_key[c_codes[positions]], indicator_key[i_codes[positions]],
                 years[positions], canonical_key[kept_units]]
    if _may_repeat(key_parts):
        check = find_duplicates(key_parts, frame["value"].to_numpy())
    else:
        check = DuplicateCheck(np.ones(len(positions), dtype=bool))
    for dup in check.duplicates:
        first_p = dup.positions[0]
        dup.city = str(frame["city"].iat[first_p])
        dup.indicator = str(frame["indicator"].iat[first_p])
        dup.year = int(frame["year"].iat[first_p])
        rows = [int(frame["source_row"].iat[p]) for p in dup.positions]
        at = positions[dup.positions[1]]
        if dup.code == "duplicate_collapsed":
            message = (f"{dup.city} / {dup.indicator} / {dup.year} appears {len(rows)} times "
                       f"with the same value (rows {', '.join(map(str, rows))}); kept once")
        else:
            message = (f"{dup.city} / {dup.indicator} / {dup.year} has different values in rows "
                       f"{', '.join(map(str, rows))}; kept row {rows[0]}, not the others")
        issues.add(dup.code, message, issues.loc(int(rec.grid_row[at]), int(rec.value_col[at])),
                   cap=True, city=dup.city, indicator=dup.indicator, year=dup.year, rows=rows,
                   values=dup.values, kept_row=rows[0])
    if not check.keep.all():
        frame = frame[check.keep].reset_index(drop=True)
        positions = positions[check.keep]

    if frame.empty:
        issues.add("no_data_rows", "no values to import", issues.loc())
    report.rows_imported = len(frame)
    kept_city = pd.unique(c_codes[positions])
    report.cities = list(dict.fromkeys(resolved[kept_city].tolist()))
    present = set(report.cities)
    report.cities_matched = {name: cid for name, cid in matches.matched.items()
                             if cid in present}
    report.cities_new = [name for name in matches.new if name in present]
    report.indicators = list(dict.fromkeys(names_arr[pd.unique(i_codes[positions])].tolist()))
    report.years = sorted(int(y) for y in pd.unique(years[positions]))
    issues.finish()
    report.errors.extend(issues.errors)
    report.warnings.extend(issues.warnings)
    return frame, report


_STRING_DTYPE: list = []


def _text_column(uniques: np.ndarray, codes: np.ndarray):
    """uniques[codes] as the column DataFrame would make of an object array of str (pandas 3:
    its string dtype), without checking every cell again."""
    if not _STRING_DTYPE:
        _STRING_DTYPE.append(pd.DataFrame({"a": np.array(["x"], dtype=object)})["a"].dtype)
    dtype = _STRING_DTYPE[0]
    if dtype == np.dtype(object) or not all(isinstance(u, str) for u in uniques):
        return uniques[codes]
    return pd.array(list(uniques), dtype=dtype).take(codes)


def _may_repeat(parts: list[np.ndarray]) -> bool:
    """False when no key repeats (checked by counting when the key range is small)."""
    count = len(parts[0]) if parts else 0
    if count < 2:
        return False
    key = np.zeros(count, dtype=np.int64)
    span = 1
    for part in parts:
        part = np.asarray(part, dtype=np.int64)
        low, high = int(part.min()), int(part.max())
        span *= high - low + 1
        if span > 8 * count + 1_000_000:
            return True
        key = key * (high - low + 1) + (part - low)
    return bool((np.bincount(key, minlength=span) > 1).any())


def _mixed_units(ind2: np.ndarray, names_arr: np.ndarray, i_codes: np.ndarray,
                 unit_codes: np.ndarray, specs: list, rec: _Records, issues) -> None:
    """interpret._mixed_units, counting per (indicator, unit) pair instead of per record."""
    from desktop.importers.interpret import report_mixed_units

    if not len(unit_codes):
        return
    width = int(unit_codes.max()) + 1
    pair_key = ind2.astype(np.int64) * width + unit_codes
    pairs = np.sort(pd.unique(pair_key))
    pair_ind, pair_unit = pairs // width, pairs % width
    several = np.unique(pair_ind[np.r_[False, pair_ind[1:] == pair_ind[:-1]]])
    report_mixed_units(issues, pair_ind, pair_unit, several, ind2, unit_codes, specs,
                       lambda first: str(names_arr[i_codes[first]]), rec.grid_row,
                       rec.value_col)


def _years(codes: np.ndarray, uniques: np.ndarray, year_col: int, rec: _Records, issues, ip,
           cell_text) -> tuple[np.ndarray, np.ndarray]:
    """interpret._years over distinct year cells."""
    parsed = [num.parse_year(u) for u in uniques]
    table = np.array([y if y is not None else -1 for y, _ in parsed], dtype=np.int64)
    years = table[codes]
    ok = years >= 0
    firsts = _firsts(codes, len(uniques))
    counts = np.bincount(codes, minlength=len(uniques))
    normalised = {}
    first_where = issues.loc()
    for k, (u, (y, changed)) in enumerate(zip(uniques, parsed, strict=True)):
        first = int(firsts[k])
        where = issues.loc(int(rec.grid_row[first]), year_col)
        if y is None:
            count = int(counts[k])
            text = cell_text(u)
            if not text:
                message = f"{count} rows without a year were not imported"
            else:
                message = f"{text!r} is not a year; {count} rows not imported"
            issues.add("bad_year", message, where, cap=True, text=text, rows=count)
        elif changed:
            normalised[cell_text(u)] = y
            if len(normalised) == 1:
                first_where = where
    if normalised:
        issues.add("year_normalised",
                   "years written with suffixes or Chinese numerals were normalised: "
                   + ", ".join(f"{k!r} → {v}" for k, v in list(normalised.items())[:10]),
                   first_where, years=normalised)
    return years, ok


def _parse_values(table: ColumnTable, rec: _Records, exps: np.ndarray,
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
                ok = np.isfinite(v) & (v != 0) & (np.abs(v) < _MAX_SAFE)
            out = v
            scaled = e != 0
            if scaled.any():
                out, fine = scale_exact(v, e)
                if column.short is not None:
                    fine &= column.short()
                ok &= np.where(scaled, fine, True)
                out = np.where(scaled, out, v)
            values[lo: lo + n] = np.where(ok, out + 0.0, np.nan)
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
    values[status != num.OK] = np.nan
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
