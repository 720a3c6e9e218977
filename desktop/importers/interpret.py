"""Interpretation: RawGrid -> normalised long table + ImportReport. The public entry points.

    plan = detect(grid, options)               # what the table is (importers.detection)
    frame, report = interpret(grid, plan, lookup, progress)
    frame, report = interpret_grid(grid, options, lookup)   # both at once

`frame` has exactly LONG_COLUMNS: city (catalog id when matched, else the cleaned name),
indicator (as in the file, unit taken out), year (int), value (float, canonical units, scaled
exactly), unit (canonical code, or the cleaned source unit when unknown), source_unit (as
written), source_row (1-based), source_column (letter).

Issues: `report.errors` hold cells or rows whose value could NOT be imported (not a number,
non-finite, bad year, formula without value, conflicting duplicate, row without a city);
`report.warnings` hold what was imported but changed or is doubtful, and what was skipped as
expected (missing markers, normalised numbers and years, unknown or mixed units, collapsed
duplicates, flags); purely informative ones (metadata, footnotes, repeated headers, province
rows) carry values['level'] == 'info'. Per-cell issues are capped per code (MAX_CELL_ISSUES)
with one 'more_issues' summary. Only a table that cannot be read as a table at all raises
ImportRejectedError; a header without data is a warning ('no_data_rows').

Series tables (series.py): each row's unit cell and scale cell ('U.S. dollars', 'Billions')
give its exponent; an unreadable scale refuses that row's values ('unreadable_scale'); a series
in units of different kinds becomes one indicator per unit. A value column whose header names
a unit the unit column contradicts is said ('header_unit_differs', the unit column used) or
refused when the units are of different kinds ('unit_conflict').
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers import numbers as num
from desktop.importers.columns import grid_table, parse_columns
from desktop.importers.detection import PROBLEM_TEXT, detect, plan_problems
from desktop.importers.interpret_units import indicators_and_units, unreadable_scales
from desktop.importers.issue_log import MAX_CELL_ISSUES, Issues, source_rows
from desktop.importers.layout import (
    ColumnPlan,
    TablePlan,
    header_year_issues,
)
from desktop.importers.mapping import (
    Coded,
    Records,
    coded,
    factorize,
    first_positions,
)
from desktop.importers.matching import (
    clean_name,
    looks_like_province,
    match_names,
)
from desktop.importers.model import (
    LONG_COLUMNS,
    ImportRejectedError,
    ImportReport,
    Issue,
    Location,
    RawGrid,
    TableOptions,
    column_letter,
    counted,
    plural,
)
from desktop.importers.records import build_records, needed_columns
from desktop.importers.table import (
    TableShape,
    body_rows,
    cell_text,
)

if TYPE_CHECKING:
    from desktop.core.catalog import City, CityLookup

__all__ = [
    "MAX_CELL_ISSUES",
    "ColumnPlan",
    "Issues",
    "Records",
    "TablePlan",
    "detect",
    "detection_notes",
    "interpret",
    "interpret_grid",
    "interpret_stacked",
    "plan_problems",
    "start_report",
]

# --- interpretation ------------------------------------------------------------------------


def start_report(grid: RawGrid, plan: TablePlan) -> tuple[ImportReport, Issues]:
    """The report and issue collector of one grid, with what the reader noticed."""
    report = ImportReport(
        file=grid.file, sheet=grid.sheet, encoding=grid.encoding, delimiter=grid.delimiter,
        layout=plan.layout, header_rows=source_rows(grid, plan.header_rows),
    )
    report.warnings.extend(grid.issues)
    return report, Issues(grid)


def interpret(
    grid: RawGrid,
    plan: TablePlan,
    lookup: CityLookup | None = None,
    progress: Progress = NullProgress(),  # noqa: B008
) -> tuple[pd.DataFrame, ImportReport]:
    """Read the grid as the plan says; values scaled to canonical units, every doubt reported."""
    report, issues = start_report(grid, plan)
    problems = plan_problems(plan)
    if problems and problems != ["empty_table"]:
        code = problems[0]
        message, values = PROBLEM_TEXT[code], {}
        if code == "no_year" and plan.year_candidates:  # titles naming different years
            values["years"] = sorted({year for _, year, _ in plan.year_candidates})
            message += " (the titles name " + ", ".join(
                f"{year} in {text!r}" for _, year, text in plan.year_candidates[:5]) + ")"
        raise ImportRejectedError(Issue(code, message, issues.loc(), values))
    detection_notes(grid, plan, issues)
    if problems:  # empty table: nothing to import, not an error
        return _empty_result(report, issues)

    progress.report(0.05, "rows")
    check_cancelled(progress)
    city_plan = plan.column("city")
    key_column = city_plan.index if city_plan is not None else 0
    shape = TableShape(list(plan.header_rows), plan.first_data_row, plan.end_row,
                       list(plan.footer_rows), list(plan.metadata_rows))
    body = body_rows(grid, shape, key_column)
    report.rows_read = len(body.rows)
    if body.repeated_headers:
        repeated = len(body.repeated_headers)
        issues.add("repeated_header_dropped",
                   f"{counted(repeated, 'repeated header or page-title row')} dropped",
                   issues.loc(body.repeated_headers[0]), info=True, count=repeated,
                   rows=source_rows(grid, body.repeated_headers))
    if body.notes:
        issues.add("note_rows_dropped",
                   f"{counted(len(body.notes), 'note row')} inside the table dropped",
                   issues.loc(body.notes[0]), info=True, count=len(body.notes),
                   rows=source_rows(grid, body.notes))
    if not body.rows:
        return _empty_result(report, issues)

    progress.report(0.15, "mapping")
    check_cancelled(progress)
    table = grid_table(grid, body.rows, needed_columns(plan))
    rec, filled_down = build_records(table, plan)
    if filled_down:
        filled = len(filled_down)
        issues.add("city_filled_down",
                   f"{counted(filled, 'row')} without a city took the city above "
                   f"{plural(filled, 'it', 'them')}",
                   issues.loc(filled_down[0], rec.city_col), count=filled,
                   rows=source_rows(grid, filled_down[:MAX_CELL_ISSUES]))

    def parse(exponents: np.ndarray) -> num.ParsedValues:
        return parse_columns([table.columns[c] for c in rec.vcols], exponents, plan.decimal,
                             flags=plan.layout == "eurostat")

    frame = interpret_stacked(rec, plan, parse, report, issues, lookup, progress)
    return frame, report


def interpret_grid(
    grid: RawGrid,
    options: TableOptions = TableOptions(),  # noqa: B008
    lookup: CityLookup | None = None,
) -> tuple[pd.DataFrame, ImportReport]:
    """detect + interpret in one call."""
    return interpret(grid, detect(grid, options), lookup)


def interpret_stacked(
    rec: Records,
    plan: TablePlan,
    parse: Callable[[np.ndarray], num.ParsedValues],
    report: ImportReport,
    issues: Issues,
    lookup: CityLookup | None = None,
    progress: Progress = NullProgress(),  # noqa: B008
) -> pd.DataFrame:
    """Records -> the long table; issues go to `report` (finished here).

    The one interpretation both import paths share. `parse(exponents)` parses the value cells
    of all records (numbers.parse_values, or the column-wise reader's vectorised equivalent),
    scaling each by 10**exponent."""
    m = rec.m
    progress.report(0.3, "units")
    check_cancelled(progress)
    units = indicators_and_units(rec, plan, issues, report)

    progress.report(0.45, "years")
    check_cancelled(progress)
    years, year_ok, year_values = _years(rec, issues)

    progress.report(0.55, "values")
    check_cancelled(progress)
    table = np.array([s.exponent if s else 0 for s in units.specs], dtype=np.int64)
    exponents = (np.broadcast_to(table[0], (m,)) if len(table) == 1
                 else table[units.codes])
    parsed = parse(exponents)
    status = parsed.status
    unreadable_scales(rec, units, status, issues)
    if units.refused is not None:
        status[units.refused & (status != num.MISSING)] = num.BAD
    _cell_flags(issues.grid, rec, status, issues)

    progress.report(0.75, "cities")
    check_cancelled(progress)
    skipped = _empty_rows(rec, parsed.blank, issues, lookup)
    city = rec.city
    by_code: dict[str, str] = {}
    if rec.city_code is not None and lookup is not None:
        city, by_code = _resolve_city_codes(city, rec.city_code, lookup)
    matches = match_names(city.uniques, lookup)
    if by_code:
        # cities found by code: report them under the names the file used, not their ids
        matches.matched = {k: v for k, v in matches.matched.items() if k != v}
        for name, city_id in by_code.items():
            matches.matched.setdefault(name, city_id)
    if matches.ambiguous:
        firsts = first_positions(city.codes, len(city.uniques))
        for name, candidates in matches.ambiguous.items():
            where = next((rec.row_at(int(firsts[j])) for j, u in enumerate(city.uniques)
                          if u == name), None)
            issues.add("ambiguous_city",
                       f"'{name}' could be {' or '.join(candidates)}; kept as a separate city "
                       "(use the Chinese name or a code column to say which)",
                       issues.loc(where, rec.city_col), name=name, candidates=candidates)
    resolved = np.array([matches.resolved["" if u is None else str(u)] for u in city.uniques],
                        dtype=object)
    keep = status == num.OK
    without_city = resolved == ""
    if without_city.any():
        no_city = without_city[city.codes] & (status != num.MISSING) & ~skipped
        for p in np.flatnonzero(no_city)[: MAX_CELL_ISSUES + 1].tolist():
            issues.add("missing_city", "a value without a city was not imported",
                       issues.loc(rec.row_at(p), rec.city_col), cap=True)
        issues.counts["missing_city"] = int(no_city.sum())
        keep &= ~no_city
    else:
        issues.counts["missing_city"] = 0

    _value_notes(rec, parsed, issues, skipped)

    progress.report(0.85, "validating")
    check_cancelled(progress)
    if not year_ok.all():
        keep &= year_ok
    if skipped.any():
        keep &= ~skipped
    kept = _Selection(keep)
    unit_sources = np.array([s.source if s else "" for s in units.specs], dtype=object)
    unit_names = np.array([s.code if s else "" for s in units.specs], dtype=object)
    letters = np.array([column_letter(c) for c in rec.vcols], dtype=object)
    kept_units = kept.of(units.codes)
    kept_city = kept.of(city.codes)
    kept_indicator = kept.of(units.indicator.codes)
    city_cells, indicator_cells, unit_cells, source_unit_cells, column_cells = _text_columns([
        (resolved, kept_city), (units.names, kept_indicator), (unit_names, kept_units),
        (unit_sources, kept_units),
        (letters, kept.positions // rec.n if rec.k > 1 else np.zeros(kept.count, np.int8))])
    frame = pd.DataFrame({
        "city": city_cells,
        "indicator": indicator_cells,
        "year": kept.of(years),
        "value": kept.of(parsed.values),
        "unit": unit_cells,
        "source_unit": source_unit_cells,
        "source_row": kept.of(rec.source_rows) if rec.k == 1 else
        rec.source_rows[kept.positions % rec.n],
        "source_column": column_cells,
    }, copy=False)
    city_key = _key_codes(resolved)
    indicator_key = units.name_codes
    canonical_key = _key_codes(unit_names)  # 亿元 and 元 are one unit here: CNY
    key_parts = [_keyed(city_key, kept_city), _keyed(indicator_key, kept_indicator),
                 kept.of(years), _keyed(canonical_key, kept_units)]
    bounds = [len(city_key), len(units.names), None, len(unit_names)]
    duplicates, unique = [], None
    if may_repeat(key_parts, bounds):
        from desktop.importers.validate import find_duplicates

        check = find_duplicates(key_parts, frame["value"].to_numpy())
        duplicates, unique = check.duplicates, check.keep
    if duplicates:  # columns taken out once: a file pasted after itself repeats every key
        catalog = {c.id: c for c in matches.cities.values()}
        city_ids, indicator_names, year_numbers, source_numbers = (
            frame[c].to_numpy() for c in ("city", "indicator", "year", "source_row"))
        file_codes = rec.city.codes[kept.positions]
        spelled: dict[int, str] = {}
    for dup in duplicates:
        first = dup.positions[0]
        # the rows' cities as the file wrote them (before codes were resolved), not the ids
        written = [spelled.get(code) or spelled.setdefault(
                       code, clean_name(cell_text(rec.city.uniques[code])))
                   for code in file_codes[dup.positions].tolist()]
        naming = city_naming(written, catalog.get(str(city_ids[first])), lookup)
        dup.city = naming.en
        dup.indicator = str(indicator_names[first])
        dup.year = int(year_numbers[first])
        rows = source_numbers[dup.positions].tolist()
        key = f"{naming.describe()} / {dup.indicator} / {dup.year}"
        if dup.code == "duplicate_collapsed":
            message = (f"{key} appears {counted(len(rows), 'time')} with the same value "
                       f"(rows {', '.join(map(str, rows))}); kept once")
        else:
            message = (f"{key} has different values in rows {', '.join(map(str, rows))}; "
                       f"kept row {rows[0]}, not the others")
        issues.add(dup.code, message, issues.at(rec, int(kept.positions[dup.positions[1]])),
                   cap=True, city=naming.en, city_zh=naming.zh, city_id=naming.city_id,
                   written=naming.written, by_catalog=naming.by_catalog,
                   indicator=dup.indicator, year=dup.year, rows=rows, count=len(rows),
                   values=dup.values, kept_row=rows[0])
    if unique is not None and not unique.all():
        frame = frame[unique].reset_index(drop=True)
        kept = kept.subset(unique)

    if frame.empty:
        issues.add("no_data_rows", "no values to import", issues.loc())
    report.rows_imported = len(frame)
    report.cities = list(dict.fromkeys(resolved[kept.present(city)].tolist()))
    present = set(report.cities)
    report.cities_matched = {name: cid for name, cid in matches.matched.items()
                             if cid in present}
    report.cities_new = [name for name in matches.new if name in present]
    report.indicators = list(dict.fromkeys(
        units.names[kept.present(units.indicator)].tolist()))
    report.years = sorted({int(y) for y in year_values} if kept.everything else
                          {int(y) for y in pd.unique(kept.of(years))})
    _series_note(plan, report, issues)
    issues.finish()
    report.errors.extend(issues.errors)
    report.warnings.extend(issues.warnings)
    progress.report(1.0, "done")
    return frame


@dataclass(frozen=True)
class CityNaming:
    """How a sentence names a city: `en` and `zh` (the same unless they are catalog names),
    the catalog id if matched, the file's spellings not shown as the name, and whether the
    name is the catalog's (the file wrote only an id or a code)."""

    en: str
    zh: str
    city_id: str | None
    written: list[str]
    by_catalog: bool

    def describe(self) -> str:
        """The name for an English sentence: 大连市 (also written 'Dalian'), Dalian (written
        '210200'), or just the name when the file spells it one way."""
        if not self.written:
            return self.en
        spellings = ", ".join(repr(s) for s in self.written)
        return f"{self.en} ({'written' if self.by_catalog else 'also written'} {spellings})"


def city_naming(written: list[str], city: City | None,
                lookup: CityLookup | None) -> CityNaming:
    """Name a city as the file wrote it (its first spelling that names it; the others kept to
    be listed), so the user can find the rows; by the catalog's name in each language where
    the file wrote only the city's id or statistical code, which say nothing to a reader, or
    a name that is not this city's (a row found by its code column)."""
    spellings = list(dict.fromkeys(s for s in written if s))
    if city is None:
        name = spellings[0] if spellings else ""
        return CityNaming(name, name, None, spellings[1:], False)
    name = next((s for s in spellings if _names(s, city, lookup)), None)
    if name is not None:
        return CityNaming(name, name, city.id, [s for s in spellings if s != name], False)
    return CityNaming(city.name("en"), city.name("zh"), city.id, spellings, True)


def _names(text: str, city: City, lookup: CityLookup | None) -> bool:
    """True when `text` is a name of `city`, not its catalog id, a code or another's name."""
    if text == city.id or lookup is None or lookup.by_code(text) is not None:
        return False
    found = lookup.get(text)
    return found is not None and found.id == city.id


class _Selection:
    """The records kept, by mask; positions only made when needed (or some are left out)."""

    def __init__(self, keep: np.ndarray) -> None:
        self.everything = bool(len(keep)) and bool(keep.all())
        self._positions = None if self.everything else np.flatnonzero(keep)
        self.count = len(keep) if self.everything else len(self._positions)

    @property
    def positions(self) -> np.ndarray:
        if self._positions is None:
            self._positions = np.arange(self.count)
        return self._positions

    def subset(self, mask: np.ndarray) -> _Selection:
        """The kept records where `mask` (one entry per kept record) is True."""
        chosen = _Selection(np.zeros(0, dtype=bool))
        chosen._positions = self.positions[mask]
        chosen.everything = False
        chosen.count = len(chosen._positions)
        return chosen

    def of(self, array: np.ndarray) -> np.ndarray:
        return array if self.everything else array[self.positions]

    def present(self, coded: Coded) -> np.ndarray:
        """The codes among the kept records, in order of first appearance (codes are numbered
        so, None last, and every code appears among all records)."""
        count = len(coded.uniques)
        if self.everything and (not count or coded.uniques[-1] is not None):
            return np.arange(count)
        return pd.unique(self.of(coded.codes))


def _text_columns(columns: list[tuple[np.ndarray, np.ndarray]]) -> list[pd.Categorical]:
    """uniques[codes] for each (uniques, codes), as categoricals: the long table repeats a few
    hundred names over hundreds of thousands of rows, and a column of codes costs a fraction
    of a column of strings to build, hold and compare (equal labels share one category)."""
    out = []
    for labels, codes in columns:
        key, distinct = factorize(np.asarray(labels, dtype=object))
        if len(distinct) and distinct[-1] is None:  # (listed last): a missing label
            distinct = distinct[:-1]
            key = np.where(key == len(distinct), -1, key)
        categories = pd.Index([str(u) for u in distinct])
        out.append(pd.Categorical.from_codes(
            _keyed(key, codes), dtype=pd.CategoricalDtype(categories), validate=False))
    return out


def _key_codes(values: np.ndarray) -> np.ndarray:
    """Codes of equal values (first appearance order) for an array of distinct-value labels."""
    codes, _ = factorize(values)
    return codes


def _keyed(key: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """key[codes], skipped when the key is the identity."""
    if len(key) and key[-1] == len(key) - 1:  # first-appearance codes: identity iff all new
        return codes
    return key[codes]


def may_repeat(parts: list[np.ndarray], bounds: list[int | None]) -> bool:
    """False when no key (one value of each part) repeats; True when some may. Parts are
    non-negative codes below their bound (None: find the range); checked by counting when the
    keys span a small range."""
    count = len(parts[0]) if parts else 0
    if count < 2:
        return False
    ranges = []
    span = 1
    for part, bound in zip(parts, bounds, strict=True):
        if bound is None:
            low, high = int(part.min()), int(part.max())
            ranges.append((part, low, high - low + 1))
        else:
            ranges.append((part, 0, max(bound, 1)))
        span *= ranges[-1][2]
        if span > 8 * count + 1_000_000:
            return True
    key = None
    small = span + max(low for _, low, _ in ranges) < 2**31
    for part, low, size in ranges:
        if size == 1 and key is not None:
            continue  # one value: adds nothing to the key
        if key is None:
            key = part.astype(np.int32 if small else np.int64)
        else:
            key *= size
            key += part
        if low:
            key -= low
    if (key[1:] > key[:-1]).all():
        return False  # ascending (a sorted file): no key twice
    seen = np.zeros(span, dtype=bool)
    seen[key] = True
    return int(np.count_nonzero(seen)) < count


# --- steps ---------------------------------------------------------------------------------


def _empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series([], dtype=object) for c in LONG_COLUMNS})
    return frame.astype({"year": np.int64, "value": np.float64, "source_row": np.int64})


def _empty_result(report: ImportReport, issues: Issues):
    issues.add("no_data_rows", "the table has a header but no data rows", issues.loc())
    issues.finish()
    report.errors.extend(issues.errors)
    report.warnings.extend(issues.warnings)
    return _empty_frame(), report


def detection_notes(grid: RawGrid, plan: TablePlan, issues: Issues) -> None:
    """Info issues on what detection left out or changed: titles, footnotes, joined headers,
    normalised year headers."""
    if plan.metadata_rows:
        issues.add("metadata_rows_skipped",
                   f"{counted(len(plan.metadata_rows), 'title/metadata row')} above the header "
                   "skipped", issues.loc(plan.metadata_rows[0]), info=True,
                   count=len(plan.metadata_rows),
                   rows=source_rows(grid, plan.metadata_rows),
                   metadata=[list(m) for m in plan.metadata])
    if plan.footer_rows:
        issues.add("footer_rows_dropped",
                   f"{counted(len(plan.footer_rows), 'footnote row')} below the data dropped",
                   issues.loc(plan.footer_rows[0]), info=True, count=len(plan.footer_rows),
                   rows=source_rows(grid, plan.footer_rows),
                   text=[cell_text(next((c for c in grid.rows[r] if cell_text(c)), ""))
                         for r in plan.footer_rows][:10])
    if len(plan.header_rows) > 1:
        issues.add("header_flattened",
                   f"{counted(len(plan.header_rows), 'header row')} joined into one",
                   issues.loc(plan.header_rows[0]), info=True, count=len(plan.header_rows),
                   headers=[c.header for c in plan.columns])
    _year_notes(plan, issues)
    _value_columns_note(plan, issues)
    normalised = {c.header: int(c.role.split(":", 1)[1]) for c in plan.columns
                  if c.role.startswith("year:") and c.header != c.role.split(":", 1)[1]}
    if normalised:
        first = next(c for c in plan.columns if c.header in normalised)
        row = plan.header_rows[-1] if plan.header_rows else None
        issues.add("year_normalised",
                   "year headers read as years: " + ", ".join(
                       f"{k!r} → {v}" for k, v in list(normalised.items())[:10]),
                   issues.loc(row, first.index), years=normalised)
    for code, message, column, values in header_year_issues(plan):  # '2019E', '2019 Q3'
        issues.add(code, message, issues.loc(plan.header_rows[-1] if plan.header_rows
                                             else None, column), **values)


def _series_note(plan: TablePlan, report: ImportReport, issues: Issues) -> None:
    """A table whose rows are series (a series column with a unit or scale column beside it,
    WEO, BEA): which series were found, each its own indicator, and where units came from."""
    series = plan.column("indicator")
    if series is None or plan.layout not in ("wide_years", "long") or not report.indicators:
        return
    unit, scale = plan.column("unit"), plan.column("unit_mult")
    if (unit is None and scale is None) or (plan.layout == "long" and scale is None):
        return  # a plain long table (indicator, value, unit columns) is no news
    names = report.indicators
    sources = []
    if unit is not None:
        sources.append(f"units from column {unit.letter} ({unit.header})")
    if scale is not None:
        sources.append(f"scale from column {scale.letter} ({scale.header})")
    issues.add("series_found",
               f"{counted(len(names), 'series', 'series')} in column {series.letter} "
               f"({series.header}), each imported as its own indicator, "
               f"{' and '.join(sources)}: " + "; ".join(names[:10])
               + ("; …" if len(names) > 10 else ""),
               issues.loc(None, series.index), info=True, count=len(names),
               series=names[:50], column=series.letter, header=series.header,
               unit_column=unit.letter if unit else "", scale_column=scale.letter if scale else "")


def _value_columns_note(plan: TablePlan, issues: Issues) -> None:
    """'3 value columns: GDP, population, growth': every numeric column that is imported."""
    if plan.layout == "long":
        columns = [c for c in plan.columns if c.role == "value" or c.role.startswith("value:")]
    elif plan.layout == "wide_indicators":
        columns = [c for c in plan.columns if c.role.startswith("indicator:")]
    else:
        return
    if len(columns) < 2:
        return
    names = [c.header or c.letter for c in columns]
    issues.add("value_columns",
               f"{counted(len(columns), 'value column')}, each its own indicator: "
               + ", ".join(names[:20]) + (", …" if len(names) > 20 else ""),
               issues.loc(plan.header_rows[-1] if plan.header_rows else None,
                          columns[0].index),
               info=True, count=len(columns), names=names[:50],
               columns=[c.letter for c in columns][:50])


def _year_notes(plan: TablePlan, issues: Issues) -> None:
    """Where the year of a table without a year column came from, and titles or a sheet name
    that state another year: a guess the user should be able to check and override."""
    if not plan.year_candidates or plan.year_source == "metadata":
        return

    def where(source: str, text: str) -> Location:
        if source == "sheet":
            return issues.loc()
        for row, (key, value) in zip(plan.metadata_rows, plan.metadata, strict=False):
            if text == (f"{key}：{value}" if key else value):
                return issues.loc(row)
        return issues.loc()

    def said(source: str, text: str) -> str:
        return f"the sheet name {text!r}" if source == "sheet" else f"the title {text!r}"

    used = [c for c in plan.year_candidates if c[0] == plan.year_source and c[1] == plan.year]
    others = [c for c in plan.year_candidates if c[1] != plan.year]
    if used and plan.year_source in ("title", "sheet"):
        source, year, text = used[0]
        issues.add(f"year_from_{source}", f"year {year} taken from {said(source, text)}",
                   where(source, text), info=not others, year=year, text=text)
    if others and plan.year is not None:
        source, year, text = others[0]
        # a year that no title or sheet name gave was set by the user (option or plan)
        from_titles = bool(used) and plan.year_source in ("title", "sheet")
        place = "sheet name" if plan.year_source == "sheet" else "title"
        chosen = (f"{plan.year} from the {place} (set the year to use another)" if from_titles
                  else "the year you set")
        issues.add("year_sources_disagree",
                   f"{said(source, text)} says {year}, not {plan.year}; used {chosen}",
                   where(source, text), year=year, used=plan.year, text=text,
                   source=source, used_source=plan.year_source if from_titles else "option")


def _years(rec: Records, issues: Issues) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The year of every record (int64), where it is one, and the year of each code."""
    m = rec.m
    if rec.year is None:
        table = np.asarray(rec.header_years, dtype=np.int64)
        return np.repeat(table, rec.n), np.ones(m, dtype=bool), table
    codes, uniques = rec.year.codes, rec.year.uniques
    parsed = [num.parse_year(u) for u in uniques]
    table = np.array([y if y is not None else -1 for y, _ in parsed], dtype=np.int64)
    years = table[codes] if m else np.zeros(0, np.int64)
    bad = table < 0
    ok = ~bad[codes] if bad.any() else np.ones(m, dtype=bool)
    counts = np.bincount(codes, minlength=len(uniques)) if bad.any() else None
    firsts = None
    normalised = {}
    first_where = issues.loc()
    for k, (u, (y, changed)) in enumerate(zip(uniques, parsed, strict=True)):
        if y is not None and not changed:
            continue
        if firsts is None:
            firsts = first_positions(codes, len(uniques))
        first = int(firsts[k])
        where = issues.loc(rec.row_at(first), rec.year_col_at(first))
        if y is None:
            assert counts is not None
            count = int(counts[k])
            text = cell_text(u)
            if not text:
                message = (f"{counted(count, 'row')} without a year "
                           f"{plural(count, 'was', 'were')} not imported")
            else:
                message = f"{text!r} is not a year; {counted(count, 'row')} not imported"
            issues.add("bad_year", message, where, cap=True, text=text, rows=count,
                       count=count)
        else:
            normalised[cell_text(u)] = y
            if len(normalised) == 1:
                first_where = where
    if normalised:
        issues.add("year_normalised",
                   "years written with suffixes or Chinese numerals were normalised: "
                   + ", ".join(f"{k!r} → {v}" for k, v in list(normalised.items())[:10]),
                   first_where, years=normalised)
        marked, kinds = num.year_notes(normalised)  # estimates, split and fiscal years
        if marked:
            issues.add("year_flagged", marked, first_where, years=normalised, notes=kinds)
    return years, ok, table


def _cell_flags(grid: RawGrid, rec: Records, status: np.ndarray, issues: Issues) -> None:
    if not grid.cell_flags:
        return
    width = max(grid.width, 1) + 1
    keys = rec.grid_row * width + rec.value_col
    flagged = {r * width + c: flag for (r, c), flag in grid.cell_flags.items()}
    hits = np.flatnonzero(np.isin(keys, np.fromiter(flagged, dtype=np.int64)))
    for p in hits.tolist():
        flag = flagged[int(keys[p])]
        where = issues.at(rec, p)
        if flag == "formula_not_calculated":
            status[p] = num.BAD
            issues.add("formula_not_calculated",
                       "formula without a calculated value; open and save the file in Excel",
                       where, cap=True)
        else:
            issues.add(flag, _CELL_FLAGS.get(flag, "this cell was flagged when the file was read")
                       + "; check its value", where, cap=True)


#: What a flagged value cell is (RawGrid.cell_flags), in words: the flag is a code.
_CELL_FLAGS = {
    "formula_cached_unverified": "this formula cell was read from the value Excel last saved, "
                                 "which cannot be checked here",
    "date": "this cell is formatted as a date",
    "error": "this cell holds an Excel error value",
}


def _empty_rows(rec: Records, blank: np.ndarray, issues: Issues,
                lookup: CityLookup | None) -> np.ndarray:
    """Wide tables: rows with a name but no values at all (province rows) are skipped."""
    m = len(blank)
    skipped = np.zeros(m, dtype=bool)
    if not rec.wide or m == 0 or not blank.any():
        return skipped
    all_blank = blank.reshape(rec.k, rec.n).all(axis=0)  # per body row
    if not all_blank.any():
        return skipped
    skipped = np.tile(all_blank, rec.k)
    empty_rows = []
    for b in np.flatnonzero(all_blank).tolist():  # record b: the row's first value cell
        r = int(rec.rows[b])
        name = clean_name(cell_text(rec.city.uniques[rec.city.codes[b]]))
        if not name:
            continue
        city = lookup.get(name) if lookup is not None else None
        if looks_like_province(name, city):
            issues.add("province_row_skipped",
                       f"{name!r} looks like a province heading without values; skipped",
                       issues.loc(r, rec.city_col), cap=True, info=True, name=name)
        else:
            empty_rows.append(r)
    if empty_rows:
        issues.add("empty_row_skipped",
                   f"{counted(len(empty_rows), 'row')} without any value skipped",
                   issues.loc(empty_rows[0]), info=True, count=len(empty_rows),
                   rows=source_rows(issues.grid, empty_rows[:MAX_CELL_ISSUES]))
    return skipped


def _resolve_city_codes(city: Coded, city_code: Coded, lookup: CityLookup
                        ) -> tuple[Coded, dict[str, str]]:
    """Where a row's city code is in the catalog, that city is meant, whatever the name says.

    Returns the cities (by code where known) and the names the file used for the cities found
    by code (name -> catalog id).
    """
    codes = city_code.codes
    found = np.array([(c.id if (c := lookup.by_code(cell_text(u))) else None)
                      for u in city_code.uniques], dtype=object)
    known_code = found != None  # noqa: E711 - elementwise on an object array
    names: dict[str, str] = {}
    if not known_code.any():
        return city, names
    known = known_code[codes]
    cells = city.uniques[city.codes]
    # the first record of each known code, in order of first appearance
    for position in first_positions(codes, len(found))[known_code].tolist():
        # a row named only by its code is reported under the code
        name = (clean_name(cell_text(cells[position]))
                or cell_text(city_code.uniques[codes[position]]))
        names.setdefault(name, str(found[codes[position]]))
    cells[known] = found[codes[known]]
    return coded(cells), names


_MESSAGES = {
    "not_a_number": "{raw!r} is not a number; not imported",
    "non_finite": "{raw!r} is not a finite number; not imported",
    "overflow": "{raw!r} is too large to store after unit conversion; not imported",
    "underflow": "{raw!r} is too small to store (it would become 0); not imported",
    "precision_loss": "{raw!r} has more digits than can be stored; kept as {kept}",
    "number_normalised": "{raw!r} read as {normalised}",
}


def _value_notes(rec: Records, parsed: num.ParsedValues, issues: Issues,
                 skipped: np.ndarray) -> None:
    thousands = []
    for note in parsed.notes:
        p = note.index
        if note.code == "thousands_separator":
            thousands.append(p)
            continue
        template = _MESSAGES.get(note.code, "{raw!r}: " + note.code)
        message = template.format(raw=note.raw, **note.detail)
        raw = note.raw if isinstance(note.raw, str | int | float | bool) else str(note.raw)
        issues.add(note.code, message, issues.at(rec, p), cap=True, text=raw, **note.detail)
    if thousands:
        issues.add("thousands_separator",
                   f"{counted(len(thousands), 'value')} written with thousands separators "
                   f"{plural(len(thousands), 'was', 'were')} read without them",
                   issues.at(rec, thousands[0]), count=len(thousands))
    missing = parsed.status == num.MISSING
    if skipped.any():
        missing &= ~skipped
    count = int(missing.sum())
    if count:
        markers = Counter(parsed.missing_markers)
        markers[""] -= int(((parsed.status == num.MISSING) & skipped).sum())
        markers = Counter({k: v for k, v in markers.items() if v > 0})
        where = np.flatnonzero(missing)
        issues.add("missing_values",
                   f"{counted(count, 'cell')} marked as missing {plural(count, 'was', 'were')} "
                   "not imported (never read as 0)",
                   issues.at(rec, int(where[0])),
                   count=count, markers={(k if k else "(empty)"): v for k, v in
                                         markers.most_common()},
                   rows=source_rows(issues.grid, [rec.row_at(p) for p in where[:20].tolist()]))
    if parsed.flags:
        flagged = np.asarray(parsed.flagged, dtype=np.int64)
        p = int(flagged[np.lexsort((rec.value_col[flagged], rec.grid_row[flagged]))[0]])
        meanings = {f: num.EUROSTAT_FLAGS.get(f, "unknown flag") for f in parsed.flags}
        issues.add("value_flags",
                   "values carry flags: " + ", ".join(
                       f"{f} ({meanings[f]}) × {c:,}" for f, c in parsed.flags.most_common()),
                   issues.at(rec, p), flags=dict(parsed.flags), meanings=meanings)
