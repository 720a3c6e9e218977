"""Detection: what a RawGrid's table is - its shape, layout, column roles, year, city and
scope - as a TablePlan the import dialog shows step by step and the user may override; and what
would stop interpretation under a plan (plan_problems, PROBLEM_TEXT).

Beyond the header words (layout.assign_roles) it reads a table as what it is: a series column
('Subject Descriptor', 'Description') beside a unit or scale column makes each row's series its
own indicator; a long table's further numeric columns become value columns ('value:<name>');
a table without a year column takes the year its title rows or sheet name state
(title_years; `year_source` and `year_candidates` say where, an option always wins).

    plan = detect(grid, options)
"""

from __future__ import annotations

import dataclasses
import re

from desktop.importers import numbers as num
from desktop.importers.layout import (
    ColumnPlan,
    TablePlan,
    assign_roles,
    detect_layout,
    guess_role,
    header_key,
    indicator_role,
    numeric_share,
)
from desktop.importers.mapping import eurostat_dims
from desktop.importers.matching import clean_name
from desktop.importers.model import (
    LAYOUTS,
    RawGrid,
    TableOptions,
    column_letter,
)
from desktop.importers.table import (
    TableShape,
    cell_text,
    detect_shape,
    flatten_header,
)
from desktop.importers.title_years import choose_year, title_year_candidates
from desktop.importers.unit_parsing import split_unit

__all__ = ["PROBLEM_TEXT", "SAMPLE_BODY_ROWS", "detect", "plan_problems"]

SAMPLE_BODY_ROWS = 200

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
    year_source = "metadata" if year is not None else ""
    if options.indicator is not None:
        indicator = options.indicator
    if options.unit is not None:
        unit, unit_source = options.unit, "option"
    if options.year is not None:
        year, year_source = options.year, "option"
    if options.city is not None:
        city = options.city

    numeric = _numeric_columns(grid, shape, width)
    layout = options.layout or detect_layout(names, numeric)
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    roles = assign_roles(layout, names, numeric) if width else []
    if layout in ("long", "wide_years") and "indicator" not in roles:
        series = _series_column(names, roles, numeric)
        if series is not None:
            roles[series] = "indicator"
    if layout == "long" and "value" in roles:
        _further_value_columns(names, roles, numeric)
    if options.roles:
        for c, name in enumerate(names):
            letter = column_letter(c)
            for key in (letter, name):
                if key in options.roles:
                    roles[c] = options.roles[key]
    scope = _scope_from_titles(metadata)
    if scope:
        roles = [_with_scope(role, scope) for role in roles]
    candidates: list[tuple[str, int, str]] = []
    if not _has_year_column(roles):
        titles = [f"{key}：{value}" if key else value for key, value in metadata]
        candidates = title_year_candidates(titles, grid.sheet)
        if year is None:
            year, year_source = choose_year(candidates)
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
        year_source=year_source,
        year_candidates=tuple(candidates),
        decimal=grid.decimal or ".",
        dims=dims,
    )
    return dataclasses.replace(plan, problems=tuple(plan_problems(plan)))


#: Title words that limit what a yearbook table covers; carried into indicator names so that
#: urban-district figures are never taken for whole-city ones.
_SCOPES = (("市辖区", "市辖区"), ("districts under city", "市辖区"))


#: headers of a column that names the series of each row (IMF WEO 'Subject Descriptor',
#: BEA 'Description'), where no column is called indicator or series outright
_SERIES_HEADERS = {"subjectdescriptor", "description", "seriesdescription", "linedescription",
                   "seriestitle", "indicatordescription", "concept", "descriptor",
                   "指标说明", "项目名称", "科目", "科目名称"}


def _series_column(names: list[str], roles: list[str], numeric: list[bool]) -> int | None:
    """The column naming each row's series, when the table has one and no indicator column:
    then each series becomes its own indicator instead of all rows being one."""
    for c, name in enumerate(names):
        if roles[c] == "ignore" and not numeric[c] and header_key(name) in _SERIES_HEADERS:
            return c
    return None


_YEARISH_RE = re.compile(r"(?<!\d)(?:18|19|20|21)\d{2}(?!\d)")


def _further_value_columns(names: list[str], roles: list[str], numeric: list[bool]) -> None:
    """A long table's numeric columns beside its value column ('增速' beside '数值'; GDP and
    population beside 'value') become value columns too, each its own indicator, instead of
    being dropped without a word. Columns whose header names another role (codes, ranks,
    notes) or a year stay as they are."""
    for c, name in enumerate(names):
        if (roles[c] != "ignore" or not numeric[c] or not name or guess_role(name) is not None
                or _YEARISH_RE.search(name)):
            continue  # a year-like header ('2019 Q3') is left for the report to name
        label, _, stripped = split_unit(name)
        roles[c] = f"value:{label if stripped and label else name}"


def _has_year_column(roles: list[str]) -> bool:
    """A year column, year headers, or a year in every indicator header ('popu_2020')."""
    if any(r == "year" or r.startswith("year:") for r in roles):
        return True
    indicator_years = [indicator_role(r)[1] for r in roles if r.startswith("indicator:")]
    return bool(indicator_years) and all(y is not None for y in indicator_years)


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
        if any(cell_text(c) for c in row):  # row_stats(row).non_empty, without the numbers
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

PROBLEM_TEXT = {
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
