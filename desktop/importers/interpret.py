"""Interpretation: RawGrid -> normalised long table + ImportReport. The public entry points.

    plan = detect(grid, options)               # what the table is; shown step by step, overridable
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
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from desktop.core.catalog import CityLookup
from desktop.core.progress import NullProgress, Progress, check_cancelled
from desktop.importers import numbers as num
from desktop.importers.layout import (
    ColumnPlan,
    TablePlan,
    assign_roles,
    detect_layout,
    header_key,
    indicator_role,
    numeric_share,
)
from desktop.importers.mapping import Stacked, eurostat_dims, factorize, stack
from desktop.importers.matching import (
    CityMatches,
    clean_name,
    looks_like_province,
    match_names,
)
from desktop.importers.model import (
    LAYOUTS,
    LONG_COLUMNS,
    ImportRejectedError,
    ImportReport,
    Issue,
    Location,
    RawGrid,
    TableOptions,
    column_letter,
)
from desktop.importers.table import (
    TableShape,
    body_rows,
    cell_text,
    detect_shape,
    flatten_header,
    row_stats,
)
from desktop.importers.unit_parsing import sdmx_unit, split_unit, unit_or_text
from desktop.importers.validate import find_duplicates

__all__ = ["MAX_CELL_ISSUES", "ColumnPlan", "TablePlan", "detect", "interpret", "interpret_grid"]

MAX_CELL_ISSUES = 100
SAMPLE_BODY_ROWS = 200

_ERROR_CODES = {"not_a_number", "non_finite", "overflow", "underflow", "bad_year",
                "formula_not_calculated", "conflicting_duplicate", "missing_city"}

_META_INDICATOR = {"指标", "indicator", "series", "指标名称"}
_META_UNIT = {"单位", "计量单位", "unit", "units"}
_META_CITY = {"地区", "城市", "city", "region", "area"}
_META_YEAR = {"年份", "时间", "年度", "year", "period", "time"}


# --- detection -----------------------------------------------------------------------------


def detect(grid: RawGrid, options: TableOptions = TableOptions()) -> TablePlan:  # noqa: B008
    """Find header rows, data rows, footnotes, layout, column roles and units."""
    shape = detect_shape(grid, options.header_rows, options.first_data_row)
    width = grid.width
    if shape.header_rows:
        header = flatten_header(grid, shape.header_rows)
        names, row_units, unit_rows = header.names, header.units, header.unit_rows
    else:
        names, row_units, unit_rows = [""] * width, {}, []

    metadata = [(key, value) for _, key, value in shape.metadata]
    indicator, unit, city, year = _from_metadata(metadata)
    unit_source = "metadata" if unit else ""
    if options.indicator is not None:
        indicator = options.indicator
    if options.unit is not None:
        unit, unit_source = options.unit, "option"
    if options.year is not None:
        year = options.year
    if options.city is not None:
        city = options.city

    numeric = _numeric_columns(grid, shape, width)
    layout = options.layout or detect_layout(names, numeric)
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    roles = assign_roles(layout, names, numeric) if width else []
    if options.roles:
        for c, name in enumerate(names):
            letter = column_letter(c)
            for key in (letter, name):
                if key in options.roles:
                    roles[c] = options.roles[key]
    scope = _scope_from_titles(metadata)
    if scope:
        roles = [_with_scope(role, scope) for role in roles]
    # a metadata city only stands in when no column names cities
    if "city" in roles and options.city is None:
        city = None

    columns = []
    for c, name in enumerate(names):
        col_unit, source = "", ""
        if c in row_units:
            col_unit, source = row_units[c], "unit_row"
        elif name and not roles[c].startswith("year:"):
            _, spec, _ = split_unit(name)
            if spec is not None:
                col_unit, source = spec.source, "header"
        if roles[c] == "unit":
            source = "unit_column"
        columns.append(ColumnPlan(c, column_letter(c), name, roles[c], col_unit, source,
                                  numeric[c]))
    dims = eurostat_dims(names[0]) if layout == "eurostat" and names else ()
    plan = TablePlan(
        file=grid.file,
        sheet=grid.sheet,
        layout=layout,
        header_rows=tuple(shape.header_rows),
        first_data_row=shape.first_data_row,
        end_row=shape.end,
        footer_rows=tuple(shape.footer_rows),
        metadata_rows=tuple(shape.metadata_rows),
        metadata=tuple(metadata),
        unit_rows=tuple(unit_rows),
        columns=tuple(columns),
        indicator=indicator,
        unit=unit,
        unit_source=unit_source,
        city=city,
        year=year,
        decimal=grid.decimal or ".",
        dims=dims,
    )
    return dataclasses.replace(plan, problems=tuple(plan_problems(plan)))


#: Title words that limit what a yearbook table covers; carried into indicator names so that
#: urban-district figures are never taken for whole-city ones.
_SCOPES = (("市辖区", "市辖区"), ("districts under city", "市辖区"))


def _scope_from_titles(metadata: list[tuple[str, str]]) -> str:
    for key, value in metadata:
        text = f"{key} {value}".casefold()
        for word, scope in _SCOPES:
            if word in text:
                return scope
    return ""


def _with_scope(role: str, scope: str) -> str:
    """'indicator:地区生产总值(当年价格)' -> 'indicator:地区生产总值(当年价格) [市辖区]'."""
    if not role.startswith("indicator:"):
        return role
    name, year = indicator_role(role)
    if scope in name or "全市" in name:
        return role
    return f"indicator:{name} [{scope}]" + (f"@{year}" if year else "")


def _from_metadata(metadata: list[tuple[str, str]]):
    indicator = unit = city = None
    year = None
    for key, value in metadata:
        k = header_key(key)
        if not value:
            continue
        if k in _META_INDICATOR and indicator is None:
            name, spec, stripped = split_unit(value)
            indicator = name if stripped else value
            if spec is not None and unit is None:
                unit = spec.source
        elif k in _META_UNIT:
            unit = value
        elif k in _META_CITY and city is None:
            city = clean_name(value)
        elif k in _META_YEAR:
            y, _ = num.parse_year(value)
            if y is not None:
                year = y
    return indicator, unit, city, year


def _numeric_columns(grid: RawGrid, shape: TableShape, width: int) -> list[bool]:
    sample = []
    for i in range(shape.first_data_row, min(shape.end, len(grid.rows))):
        row = grid.rows[i]
        if row_stats(row, grid.decimal).non_empty:
            sample.append(row)
        if len(sample) >= SAMPLE_BODY_ROWS:
            break
    result = []
    for c in range(width):
        share, present = numeric_share([r[c] if c < len(r) else None for r in sample],
                                       grid.decimal)
        result.append(present > 0 and share >= 0.6)
    return result


def plan_problems(plan: TablePlan) -> list[str]:
    """Codes of what stops interpretation under this plan (empty: fine)."""
    roles = [c.role for c in plan.columns]
    problems = []
    if not plan.columns:
        return ["empty_table"]
    if (plan.layout != "eurostat" and "city" not in roles and "city_code" not in roles
            and not plan.city):
        problems.append("no_city_column")
    if plan.layout in ("long", "sdmx") and "value" not in roles:
        problems.append("no_value_column")
    if plan.layout in ("wide_years", "eurostat") and not any(r.startswith("year:")
                                                              for r in roles):
        problems.append("no_year_columns")
    months = [c.header for c in plan.columns if _MONTH_YEAR_RE.match(c.header or "")]
    if len(months) >= 3:
        problems.insert(0, "monthly_columns")
    indicator_years = [indicator_role(r)[1] for r in roles if r.startswith("indicator:")]
    years_in_headers = bool(indicator_years) and all(y is not None for y in indicator_years)
    if plan.layout in ("long", "sdmx", "wide_indicators") and "year" not in roles and (
        plan.year is None
    ) and not years_in_headers:
        problems.append("no_year")
    if plan.layout == "wide_indicators" and not any(r.startswith("indicator:") for r in roles):
        problems.append("no_indicator_columns")
    return problems


_MONTH_YEAR_RE = re.compile(
    r"^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s\n]+(19|20)\d{2}\s*$"
    r"|^\s*(19|20)\d{2}\s*(-|/|m|年)\s*(0?[1-9]|1[0-2])\s*月?\s*$",
    re.IGNORECASE,
)

_PROBLEM_TEXT = {
    "monthly_columns": "the columns are months (e.g. 'Jan 2020'); City Profiles compares "
                       "annual values, and whether a year is the average, the sum or the "
                       "December value of its months depends on the series — export annual "
                       "figures (e.g. BLS 'annual averages') and import those",
    "empty_table": "the sheet holds no table",
    "no_city_column": "no column names cities; choose the city column",
    "no_value_column": "no column holds the values; choose the value column",
    "no_year_columns": "no column header reads as a year",
    "no_year": "no column holds years and the table does not say which year it is; set the year",
    "no_indicator_columns": "no column holds numbers to import as indicators",
}


# --- interpretation ------------------------------------------------------------------------


class _Issues:
    """Collects issues, capping per-cell ones per code."""

    def __init__(self, grid: RawGrid) -> None:
        self.grid = grid
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []
        self.counts: Counter = Counter()

    def loc(self, row: int | None = None, col: int | None = None) -> Location:
        return Location(
            self.grid.file,
            self.grid.sheet,
            self.grid.row_numbers[row] if row is not None and row >= 0 else None,
            column_letter(col) if col is not None and col >= 0 else "",
        )

    def add(self, code: str, message: str, location: Location, cap: bool = False,
            info: bool = False, **values) -> None:
        self.counts[code] += 1
        if cap and self.counts[code] > MAX_CELL_ISSUES:
            return
        if info:
            values["level"] = "info"
        issue = Issue(code, message, location, values)
        (self.errors if code in _ERROR_CODES else self.warnings).append(issue)

    def finish(self) -> None:
        for code, count in sorted(self.counts.items()):
            if count > MAX_CELL_ISSUES:
                target = self.errors if code in _ERROR_CODES else self.warnings
                target.append(Issue(
                    "more_issues",
                    f"{count - MAX_CELL_ISSUES} more '{code}' issues not listed "
                    f"({count} in all)",
                    Location(self.grid.file, self.grid.sheet),
                    {"issue_code": code, "count": count, "listed": MAX_CELL_ISSUES},
                ))


def _resolve_city_codes(stacked: Stacked, lookup: CityLookup) -> dict[str, str]:
    """Where a row's city code is in the catalog, that city is meant, whatever the name says.

    Returns the names the file used for the cities found by code (name -> catalog id).
    """
    codes, uniques = factorize(stacked.city_code)
    found = np.array([(city.id if (city := lookup.by_code(cell_text(u))) else None)
                      for u in uniques], dtype=object)
    resolved = found[codes] if len(codes) else found[:0]
    known = resolved != None  # noqa: E711 - elementwise on an object array
    names: dict[str, str] = {}
    if known.any():
        city = stacked.city.astype(object)
        for position in np.flatnonzero(known)[np.unique(codes[known], return_index=True)[1]]:
            names.setdefault(clean_name(cell_text(city[position])), str(resolved[position]))
        city[known] = resolved[known]
        stacked.city = city
    return names


def _source_rows(grid: RawGrid, rows: Iterable[int]) -> list[int]:
    return [grid.row_numbers[r] for r in rows if 0 <= r < len(grid.row_numbers)]


def interpret(
    grid: RawGrid,
    plan: TablePlan,
    lookup: CityLookup | None = None,
    progress: Progress = NullProgress(),  # noqa: B008
) -> tuple[pd.DataFrame, ImportReport]:
    """Read the grid as the plan says; values scaled to canonical units, every doubt reported."""
    report = ImportReport(
        file=grid.file, sheet=grid.sheet, encoding=grid.encoding, delimiter=grid.delimiter,
        layout=plan.layout, header_rows=_source_rows(grid, plan.header_rows),
    )
    issues = _Issues(grid)
    report.warnings.extend(grid.issues)
    problems = plan_problems(plan)
    if problems and problems != ["empty_table"]:
        code = problems[0]
        raise ImportRejectedError(Issue(code, _PROBLEM_TEXT[code], issues.loc()))
    _detection_notes(grid, plan, issues)
    if problems:  # empty table: nothing to import, not an error
        return _empty_result(report, issues, grid)

    progress.report(0.05, "rows")
    check_cancelled(progress)
    city_plan = plan.column("city")
    key_column = city_plan.index if city_plan is not None else 0
    shape = TableShape(list(plan.header_rows), plan.first_data_row, plan.end_row,
                       list(plan.footer_rows), list(plan.metadata_rows))
    body = body_rows(grid, shape, key_column)
    report.rows_read = len(body.rows)
    if body.repeated_headers:
        issues.add("repeated_header_dropped",
                   f"{len(body.repeated_headers)} repeated header or page-title rows dropped",
                   issues.loc(body.repeated_headers[0]), info=True,
                   rows=_source_rows(grid, body.repeated_headers))
    if body.notes:
        issues.add("note_rows_dropped", f"{len(body.notes)} note rows inside the table dropped",
                   issues.loc(body.notes[0]), info=True, rows=_source_rows(grid, body.notes))
    if not body.rows:
        return _empty_result(report, issues, grid)

    progress.report(0.15, "mapping")
    check_cancelled(progress)
    stacked = stack(grid, plan, body.rows)
    if stacked.filled_down:
        issues.add("city_filled_down",
                   f"{len(stacked.filled_down)} rows without a city took the city above them",
                   issues.loc(stacked.filled_down[0], stacked.city_col),
                   rows=_source_rows(grid, stacked.filled_down[:MAX_CELL_ISSUES]))
    n = len(stacked.value)

    progress.report(0.3, "units")
    check_cancelled(progress)
    indicator, indicator_codes, indicator_uniques, unit_specs, unit_codes = (
        _indicators_and_units(stacked, plan, issues, report))

    progress.report(0.45, "years")
    check_cancelled(progress)
    years, year_ok = _years(stacked, plan, issues)

    progress.report(0.55, "values")
    check_cancelled(progress)
    exponents = np.fromiter((unit_specs[k].exponent if unit_specs[k] else 0
                             for k in range(len(unit_specs))), dtype=np.int64,
                            count=len(unit_specs))[unit_codes] if n else np.zeros(0, np.int64)
    parsed = num.parse_values(stacked.value, exponents, plan.decimal,
                              flags=plan.layout == "eurostat")
    status = parsed.status
    _cell_flags(grid, stacked, status, issues)

    progress.report(0.75, "cities")
    check_cancelled(progress)
    skipped = _empty_rows(stacked, parsed.blank, issues, lookup)
    by_code: dict[str, str] = {}
    if stacked.city_code is not None and lookup is not None:
        by_code = _resolve_city_codes(stacked, lookup)
    city_codes, city_uniques = factorize(stacked.city)
    matches = match_names(city_uniques, lookup)
    if by_code:
        # cities found by code: report them under the names the file used, not their ids
        matches.matched = {k: v for k, v in matches.matched.items() if k != v}
        for name, city_id in by_code.items():
            matches.matched.setdefault(name, city_id)
    for name, candidates in matches.ambiguous.items():
        where = int(stacked.grid_row[int(np.flatnonzero(
            city_uniques[city_codes] == name)[0])]) if n else None
        issues.add("ambiguous_city",
                   f"'{name}' could be {' or '.join(candidates)}; kept as a separate city "
                   "(use the Chinese name or a code column to say which)",
                   issues.loc(where, stacked.city_col), name=name, candidates=candidates)
    resolved_uniques = np.array(
        [matches.resolved["" if u is None else str(u)] for u in city_uniques], dtype=object)
    city = resolved_uniques[city_codes] if n else np.empty(0, dtype=object)
    no_city = (city == "") & (status != num.MISSING) & ~skipped
    for p in np.flatnonzero(no_city)[: MAX_CELL_ISSUES + 1].tolist():
        issues.add("missing_city", "a value without a city was not imported",
                   issues.loc(int(stacked.grid_row[p]), stacked.city_col), cap=True)
    issues.counts["missing_city"] = int(no_city.sum())

    _value_notes(stacked, parsed, issues, skipped)

    progress.report(0.85, "validating")
    check_cancelled(progress)
    keep = (status == num.OK) & year_ok & ~no_city & ~skipped
    positions = np.flatnonzero(keep)
    unit_sources = np.array([s.source if s else "" for s in unit_specs], dtype=object)
    unit_names = np.array([s.code if s else "" for s in unit_specs], dtype=object)
    frame = pd.DataFrame({
        "city": city[positions],
        "indicator": indicator[positions],
        "year": years[positions].astype(np.int64),
        "value": parsed.values[positions],
        "unit": unit_names[unit_codes[positions]] if n else np.empty(0, object),
        "source_unit": unit_sources[unit_codes[positions]] if n else np.empty(0, object),
        "source_row": np.asarray(grid.row_numbers, dtype=np.int64)[stacked.grid_row[positions]],
        "source_column": _letters(stacked.value_col[positions]),
    })
    city_key, _ = factorize(resolved_uniques)
    indicator_key, _ = factorize(indicator_uniques)
    canonical_key, _ = factorize(unit_names)  # 亿元 and 元 are one unit here: CNY
    key_parts = [city_key[city_codes[positions]], indicator_key[indicator_codes[positions]],
                 years[positions], canonical_key[unit_codes[positions]]]
    check = find_duplicates(key_parts, frame["value"].to_numpy())
    for dup in check.duplicates:
        first = dup.positions[0]
        dup.city = str(frame["city"].iat[first])
        dup.indicator = str(frame["indicator"].iat[first])
        dup.year = int(frame["year"].iat[first])
        rows = [int(frame["source_row"].iat[p]) for p in dup.positions]
        where = stacked.grid_row[positions[dup.positions[1]]]
        col = int(stacked.value_col[positions[dup.positions[1]]])
        if dup.code == "duplicate_collapsed":
            message = (f"{dup.city} / {dup.indicator} / {dup.year} appears {len(rows)} times "
                       f"with the same value (rows {', '.join(map(str, rows))}); kept once")
        else:
            message = (f"{dup.city} / {dup.indicator} / {dup.year} has different values in rows "
                       f"{', '.join(map(str, rows))}; kept row {rows[0]}, not the others")
        issues.add(dup.code, message, issues.loc(int(where), col), cap=True,
                   city=dup.city, indicator=dup.indicator, year=dup.year, rows=rows,
                   values=dup.values, kept_row=rows[0])
    frame = frame[check.keep].reset_index(drop=True)
    frame = frame.loc[:, list(LONG_COLUMNS)]

    if frame.empty:
        issues.add("no_data_rows", "no values to import", issues.loc())
    _fill_report(report, frame, matches)
    issues.finish()
    report.errors.extend(issues.errors)
    report.warnings.extend(issues.warnings)
    progress.report(1.0, "done")
    return frame, report


def interpret_grid(
    grid: RawGrid,
    options: TableOptions = TableOptions(),  # noqa: B008
    lookup: CityLookup | None = None,
) -> tuple[pd.DataFrame, ImportReport]:
    """detect + interpret in one call."""
    return interpret(grid, detect(grid, options), lookup)


# --- steps ---------------------------------------------------------------------------------


def _letters(columns: np.ndarray) -> np.ndarray:
    codes, uniques = pd.factorize(columns)
    letters = np.array([column_letter(int(c)) for c in uniques], dtype=object)
    return letters[codes] if len(columns) else np.empty(0, dtype=object)


def _empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series([], dtype=object) for c in LONG_COLUMNS})
    return frame.astype({"year": np.int64, "value": np.float64, "source_row": np.int64})


def _empty_result(report: ImportReport, issues: _Issues, grid: RawGrid):
    issues.add("no_data_rows", "the table has a header but no data rows", issues.loc())
    issues.finish()
    report.errors.extend(issues.errors)
    report.warnings.extend(issues.warnings)
    return _empty_frame(), report


def _detection_notes(grid: RawGrid, plan: TablePlan, issues: _Issues) -> None:
    if plan.metadata_rows:
        issues.add("metadata_rows_skipped",
                   f"{len(plan.metadata_rows)} title/metadata rows above the header skipped",
                   issues.loc(plan.metadata_rows[0]), info=True,
                   rows=_source_rows(grid, plan.metadata_rows),
                   metadata=[list(m) for m in plan.metadata])
    if plan.footer_rows:
        issues.add("footer_rows_dropped",
                   f"{len(plan.footer_rows)} footnote rows below the data dropped",
                   issues.loc(plan.footer_rows[0]), info=True,
                   rows=_source_rows(grid, plan.footer_rows),
                   text=[cell_text(next((c for c in grid.rows[r] if cell_text(c)), ""))
                         for r in plan.footer_rows][:10])
    if len(plan.header_rows) > 1:
        issues.add("header_flattened",
                   f"{len(plan.header_rows)} header rows joined into one", issues.loc(
                       plan.header_rows[0]), info=True,
                   headers=[c.header for c in plan.columns])
    normalised = {c.header: int(c.role.split(":", 1)[1]) for c in plan.columns
                  if c.role.startswith("year:") and c.header != c.role.split(":", 1)[1]}
    if normalised:
        first = next(c for c in plan.columns if c.header in normalised)
        row = plan.header_rows[-1] if plan.header_rows else None
        issues.add("year_normalised",
                   "year headers read as years: " + ", ".join(
                       f"{k!r} → {v}" for k, v in list(normalised.items())[:10]),
                   issues.loc(row, first.index), years=normalised)


def _indicators_and_units(stacked: Stacked, plan: TablePlan, issues: _Issues,
                          report: ImportReport):
    n = len(stacked.value)
    # indicator names: cleaned once per distinct name; a unit inside the name is taken out
    ind_codes, ind_uniques = factorize(stacked.indicator)
    names, name_units = [], []
    for raw in ind_uniques:
        name = clean_name(cell_text(raw))
        stripped_name, spec, stripped = split_unit(name)
        names.append(stripped_name if stripped else name)
        name_units.append(spec.source if spec else "")
    indicator = np.array(names, dtype=object)[ind_codes] if n else np.empty(0, object)
    name_unit = np.array(name_units, dtype=object)[ind_codes] if n else np.empty(0, object)

    explicit_codes, explicit_uniques = factorize(stacked.unit)
    explicit_text = np.array([cell_text(u) for u in explicit_uniques], dtype=object)
    explicit = explicit_text[explicit_codes] if n else np.empty(0, object)
    unit_text = explicit
    if (explicit_text == "").any():
        for fallback in (name_unit, stacked.header_unit):
            unit_text = np.where(unit_text == "", fallback, unit_text)
        if plan.unit:
            unit_text = np.where(unit_text == "", plan.unit, unit_text)

    if stacked.unit_mult is not None or stacked.currency is not None:
        mult = stacked.unit_mult if stacked.unit_mult is not None else np.full(n, "", object)
        currency = stacked.currency if stacked.currency is not None else np.full(n, "", object)
        key = pd.MultiIndex.from_arrays([unit_text, mult, currency])
        unit_codes, uniques = pd.factorize(key)
        specs = []
        for measure, multiplier, cur in uniques:
            measure = cell_text(measure)
            if measure.upper() == "XDC" and cell_text(cur):
                measure = cell_text(cur)
            specs.append(sdmx_unit(measure, cell_text(multiplier)))
    elif unit_text is explicit:
        unit_codes, uniques = explicit_codes, explicit_text
        specs = [unit_or_text(u) if u else None for u in uniques]
    else:
        unit_codes, uniques = factorize(unit_text)
        specs = [unit_or_text(u) if u else None for u in uniques]
    unit_codes = np.asarray(unit_codes, dtype=np.int64)

    # report units: unknown ones, conversions, and mixed units within an indicator
    first_of = pd.Series(np.arange(n)).groupby(unit_codes).first() if n else pd.Series()
    for k, spec in enumerate(specs):
        if spec is None:
            continue
        p = int(first_of.get(k, 0))
        where = issues.loc(int(stacked.grid_row[p]), int(stacked.value_col[p])) if n else (
            issues.loc())
        if not spec.known:
            issues.add("unknown_unit",
                       f"unit {spec.source!r} is not known; values kept as written",
                       where, unit=spec.source, rows=int((unit_codes == k).sum()))
        if spec.exponent:
            text = spec.describe()
            if text not in report.units_converted:
                report.units_converted.append(text)
    if n:
        name_codes, _ = factorize(np.array(names, dtype=object))
        _mixed_units(name_codes[ind_codes], indicator, unit_codes, specs, stacked, issues)
    return indicator, ind_codes, np.array(names, dtype=object), specs, unit_codes


def _mixed_units(ind_codes: np.ndarray, indicator: np.ndarray, unit_codes: np.ndarray,
                 specs: list, stacked: Stacked, issues: _Issues) -> None:
    width = int(unit_codes.max()) + 1
    pairs = np.unique(ind_codes * width + unit_codes)
    pair_ind, pair_unit = pairs // width, pairs % width
    several = np.unique(pair_ind[np.r_[False, pair_ind[1:] == pair_ind[:-1]]])
    report_mixed_units(issues, pair_ind, pair_unit, several, ind_codes, unit_codes, specs,
                       lambda first: str(indicator[first]), stacked.grid_row, stacked.value_col)


def report_mixed_units(issues: _Issues, pair_ind: np.ndarray, pair_unit: np.ndarray,
                       several: np.ndarray, ind_codes: np.ndarray, unit_codes: np.ndarray,
                       specs: list, name_of: Callable[[int], str], grid_row: np.ndarray,
                       value_col: np.ndarray) -> None:
    """One issue per indicator given in several units: converted ('mixed_units') or not
    convertible ('inconsistent_units'). Shared by the row-wise and the column-wise paths."""
    for code in several.tolist():
        codes = pair_unit[pair_ind == code].tolist()
        mask = ind_codes == code
        first = int(np.argmax(mask))
        name = name_of(first)
        used = [specs[c] for c in codes if specs[c] is not None]
        canon = {s.code for s in used}
        sources = [s.source for s in used][:6] + (["…"] if len(used) > 6 else [])
        rows_by_unit = {}
        for c in codes:
            spec = specs[c]
            rows_by_unit[spec.source if spec else ""] = int((mask & (unit_codes == c)).sum())
        where = issues.loc(int(grid_row[first]), int(value_col[first]))
        if len(canon) == 1 and len(used) == len(codes):
            issues.add("mixed_units",
                       f"{name}: values given in {', '.join(sources)}; all converted to "
                       f"{next(iter(canon)) or 'the same scale'}",
                       where, indicator=name, units=rows_by_unit)
        else:
            issues.add("inconsistent_units",
                       f"{name}: values in different units ({', '.join(sources) or '—'}) that "
                       "cannot be converted into each other; check before comparing",
                       where, indicator=name, units=rows_by_unit)


def _years(stacked: Stacked, plan: TablePlan, issues: _Issues):
    n = len(stacked.value)
    if stacked.year_from_header:
        years = np.asarray(stacked.year, dtype=np.int64) if n else np.zeros(0, np.int64)
        return years, np.ones(n, dtype=bool)
    codes, uniques = factorize(stacked.year)
    parsed = [num.parse_year(u) for u in uniques]
    table = np.array([y if y is not None else -1 for y, _ in parsed], dtype=np.int64)
    years = table[codes] if n else np.zeros(0, np.int64)
    ok = years >= 0
    normalised = {}
    first_where = issues.loc()
    for k, (u, (y, changed)) in enumerate(zip(uniques, parsed, strict=True)):
        first = int(np.argmax(codes == k))
        where = issues.loc(int(stacked.grid_row[first]), int(stacked.year_col[first]))
        if y is None:
            count = int((codes == k).sum())
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


def _cell_flags(grid: RawGrid, stacked: Stacked, status: np.ndarray, issues: _Issues) -> None:
    if not grid.cell_flags:
        return
    width = max(grid.width, 1) + 1
    keys = stacked.grid_row * width + stacked.value_col
    flagged = {r * width + c: flag for (r, c), flag in grid.cell_flags.items()}
    hits = np.flatnonzero(np.isin(keys, np.fromiter(flagged, dtype=np.int64)))
    for p in hits.tolist():
        flag = flagged[int(keys[p])]
        where = issues.loc(int(stacked.grid_row[p]), int(stacked.value_col[p]))
        if flag == "formula_not_calculated":
            status[p] = num.BAD
            issues.add("formula_not_calculated",
                       "formula without a calculated value; open and save the file in Excel",
                       where, cap=True)
        else:
            issues.add(flag, f"cell is marked {flag!r}; check its value", where, cap=True)


def _empty_rows(stacked: Stacked, blank: np.ndarray, issues: _Issues,
                lookup: CityLookup | None) -> np.ndarray:
    """Wide tables: rows with a name but no values at all (province rows) are skipped."""
    n = len(blank)
    skipped = np.zeros(n, dtype=bool)
    if not stacked.wide or n == 0 or not blank.any():
        return skipped
    all_blank = pd.Series(blank).groupby(stacked.grid_row).transform("all").to_numpy()
    if not all_blank.any():
        return skipped
    skipped = all_blank
    grid_rows = np.unique(stacked.grid_row[all_blank])
    first_record = {}
    for p in np.flatnonzero(all_blank).tolist():
        first_record.setdefault(int(stacked.grid_row[p]), p)
    empty_rows = []
    for r in grid_rows.tolist():
        p = first_record[r]
        name = clean_name(cell_text(stacked.city[p]))
        if not name:
            continue
        city = lookup.get(name) if lookup is not None else None
        if looks_like_province(name, city):
            issues.add("province_row_skipped",
                       f"{name!r} looks like a province heading without values; skipped",
                       issues.loc(r, stacked.city_col), cap=True, info=True, name=name)
        else:
            empty_rows.append(r)
    if empty_rows:
        issues.add("empty_row_skipped", f"{len(empty_rows)} rows without any value skipped",
                   issues.loc(empty_rows[0]), info=True,
                   rows=_source_rows(issues.grid, empty_rows[:MAX_CELL_ISSUES]))
    return skipped


_MESSAGES = {
    "not_a_number": "{raw!r} is not a number; not imported",
    "non_finite": "{raw!r} is not a finite number; not imported",
    "overflow": "{raw!r} is too large to store after unit conversion; not imported",
    "underflow": "{raw!r} is too small to store (it would become 0); not imported",
    "precision_loss": "{raw!r} has more digits than can be stored; kept as {stored!r}",
    "number_normalised": "{raw!r} read as {normalised}",
}


def _value_notes(stacked: Stacked, parsed: num.ParsedValues, issues: _Issues,
                 skipped: np.ndarray) -> None:
    thousands = []
    for note in parsed.notes:
        p = note.index
        where = issues.loc(int(stacked.grid_row[p]), int(stacked.value_col[p]))
        if note.code == "thousands_separator":
            thousands.append(p)
            continue
        template = _MESSAGES.get(note.code, "{raw!r}: " + note.code)
        message = template.format(raw=note.raw, **note.detail)
        raw = note.raw if isinstance(note.raw, str | int | float | bool) else str(note.raw)
        issues.add(note.code, message, where, cap=True, text=raw, **note.detail)
    if thousands:
        p = thousands[0]
        issues.add("thousands_separator",
                   f"{len(thousands)} values written with thousands separators were read "
                   "without them", issues.loc(int(stacked.grid_row[p]),
                                              int(stacked.value_col[p])),
                   count=len(thousands))
    missing = (parsed.status == num.MISSING) & ~skipped
    count = int(missing.sum())
    if count:
        markers = Counter(parsed.missing_markers)
        markers[""] -= int(((parsed.status == num.MISSING) & skipped).sum())
        markers = Counter({k: v for k, v in markers.items() if v > 0})
        first = int(np.flatnonzero(missing)[0])
        issues.add("missing_values",
                   f"{count} cells marked as missing were not imported (never read as 0)",
                   issues.loc(int(stacked.grid_row[first]), int(stacked.value_col[first])),
                   count=count, markers={(k if k else "(empty)"): v for k, v in
                                         markers.most_common()},
                   rows=_source_rows(issues.grid, stacked.grid_row[missing][:20].tolist()))
    if parsed.flags:
        flagged = np.asarray(parsed.flagged, dtype=np.int64)
        p = int(flagged[np.lexsort((stacked.value_col[flagged], stacked.grid_row[flagged]))[0]])
        meanings = {f: num.EUROSTAT_FLAGS.get(f, "unknown flag") for f in parsed.flags}
        issues.add("value_flags",
                   "values carry flags: " + ", ".join(
                       f"{f} ({meanings[f]}) × {c}" for f, c in parsed.flags.most_common()),
                   issues.loc(int(stacked.grid_row[p]), int(stacked.value_col[p])),
                   flags=dict(parsed.flags), meanings=meanings)


def _fill_report(report: ImportReport, frame: pd.DataFrame, matches: CityMatches) -> None:
    report.rows_imported = len(frame)
    report.cities = list(dict.fromkeys(frame["city"].tolist()))
    present = set(report.cities)
    report.cities_matched = {name: cid for name, cid in matches.matched.items()
                             if cid in present}
    report.cities_new = [name for name in matches.new if name in present]
    report.indicators = list(dict.fromkeys(frame["indicator"].tolist()))
    report.years = sorted({int(y) for y in frame["year"].unique()})

