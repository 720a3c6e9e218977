"""What the columns mean, and so which layout the table has.

Roles (the strings TableOptions.roles uses):
  city, indicator, year, value, unit, unit_mult (SDMX power of ten), flag (observation status),
  currency (SDMX CURRENCY, used when UNIT_MEASURE is 'XDC'), dims (Eurostat packed first column),
  ignore;
  city_code           a column of statistical codes for the cities (210100, CBSA 19820);
  'indicator:<name>'  a wide-by-indicator column holding that indicator;
  'indicator:<name>@<yyyy>'  the same, for the year its header names ('popu_2020');
  'year:<yyyy>'       a wide-by-year column holding that year's values;
  'unit:<yyyy>'       a wide-by-year column holding that year's units (header '2016年 单位');
  'value:<name>'      a long table's further value column ('增速' beside '数值'), imported as
                      its own indicator (detection._further_value_columns, mapping).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from desktop.importers.model import LAYOUTS, column_letter, counted, plural
from desktop.importers.numbers import (
    is_missing_text,
    looks_numeric,
    parse_year,
    year_note,
    year_notes,
)
from desktop.importers.table import cell_text
from desktop.importers.unit_parsing import split_unit

_CITY = {"城市", "地区", "城市名称", "地区名称", "城市名", "地市", "市", "城市地区", "区域", "名称",
         "city", "cityname", "cities", "name", "region", "regionname", "area", "areaname",
         "geo", "location", "place", "metro", "metroarea", "msa", "cbsaname", "countryname",
         "refarea", "ctnmen", "ctnm", "citynameen", "国家", "国家或地区", "国家地区", "geoname"}
_CITY_LOW = {"省份", "省", "省区市", "province", "state", "country", "prefecture", "county"}
_INDICATOR = {"指标", "指标名称", "项目", "变量", "统计指标", "指标名", "indicator",
              "indicatorname",
              "series", "seriesname", "measure", "variable", "item", "subject", "indicators"}
_YEAR = {"年份", "年度", "年", "时间", "统计年度", "year", "yr", "years", "time", "period",
         "timeperiod", "sgnyea", "date", "年份year", "日期", "统计日期"}
_VALUE = {"数值", "值", "数据", "数量", "value", "values", "obsvalue", "amount", "observation",
          "val", "obs"}
_UNIT = {"单位", "计量单位", "度量单位", "unit", "units", "unitmeasure", "unitofmeasure", "uom"}
_UNIT_MULT = {"unitmult", "unitmultiplier", "multiplier", "scale"}
_FLAG = {"obsstatus", "flag", "flags", "status", "标记"}
_CURRENCY = {"currency"}
_IGNORE = {"dataflow", "freq", "frequency", "decimals", "indicatorcode", "seriescode", "coord",
           "geometry", "wkt", "lat", "lon", "latitude", "longitude", "topmetro", "metrosize",
           "rank", "notes", "note", "备注", "注释", "source", "来源", "fips", "geoid",
           "actionlist", "structure", "structureid", "structurename"}
_CITY_CODE = {"citycode", "ctnmid", "cityid", "行政区划代码", "区划代码", "地区代码", "城市代码",
              "cbsa", "cbsacode", "msacode", "adcode"}
#: 'popu_2020', 'age_0_14_2020', 'GDP 2016年' (a separator), or 'GDP2016' (a letter before)
_NAME_YEAR_RE = re.compile(
    r"^(.+?)[\s_\-]+((?:19|20)\d{2})\s*年?$|^(.*?[^\d\s_\-])((?:19|20)\d{2})\s*年?$")
_CODE_SUFFIXES = ("code", "id", "代码", "编码", "编号", "iso", "iso3")
_VALUE_WORDS = {"数值", "值", "value", "values", "数据"}
_UNIT_WORDS = {"单位", "unit", "units"}


def header_key(name: str) -> str:
    return re.sub(r"[\s_\-.·:：/()（）]+", "", name).casefold()


def guess_role(name: str) -> str | None:
    """The role a header names on its own ('城市' -> city), or None when it says nothing."""
    key = header_key(name)
    if not key:
        return None
    for words, role in ((_CITY, "city"), (_CITY_CODE, "city_code"), (_INDICATOR, "indicator"),
                        (_YEAR, "year"),
                        (_VALUE, "value"), (_UNIT, "unit"), (_UNIT_MULT, "unit_mult"),
                        (_FLAG, "flag"), (_CURRENCY, "currency"), (_IGNORE, "ignore")):
        if key in words:
            return role
    if key in _CITY_LOW:
        return "city_low"
    if key.endswith(_CODE_SUFFIXES):
        return "ignore"
    # '数值(亿元)', 'Value (US$ millions)': a role word with its unit beside it
    rest, unit, stripped = split_unit(name)
    if stripped and unit is not None and rest and rest != name:
        role = guess_role(rest)
        if role in ("value", "year"):
            return role
    return None


def year_header(name: str) -> tuple[int | None, str]:
    """'2016' / '2016年' / '2021 ' -> (2016, 'value'); '2016年 单位' -> (2016, 'unit')."""
    year, _ = parse_year(name)
    if year is not None:
        return year, "value"
    parts = name.split()
    if len(parts) >= 2:
        year, _ = parse_year(parts[0])
        rest = header_key(" ".join(parts[1:]))
        if year is not None and rest in _VALUE_WORDS:
            return year, "value"
        if year is not None and rest in _UNIT_WORDS:
            return year, "unit"
    return None, ""


def name_and_year(header: str) -> tuple[str, int | None]:
    """'popu_2020' -> ('popu', 2020); 'GDP 2016年' -> ('GDP', 2016); 'GDP' -> ('GDP', None);
    a year with a mark too: 'GDP 2019E' -> ('GDP', 2019), 'GDP FY2016' -> ('GDP', 2016)
    (the mark is reported from the header, see numbers.year_note)."""
    name, year = _name_and_marked_year(header)
    if year is not None:
        return name, year
    match = _NAME_YEAR_RE.match(header.strip())
    if match is None:
        return header, None
    name = match.group(1) or match.group(3)
    return name.strip(), int(match.group(2) or match.group(4))


def _name_and_marked_year(header: str) -> tuple[str, int | None]:
    text = header.strip()
    for gap in re.finditer(r"[\s_]+", text):
        tail = text[gap.end():]
        if gap.start() and year_note(tail):
            year, _ = parse_year(tail)
            if year is not None:
                return text[:gap.start()].strip(), year
    return header, None


def header_year_note(header: str) -> str:
    """The mark on the year a header names ('2019E' -> 'estimate', 'GDP FY2016' -> 'fiscal'),
    '' when it names a plain year or none."""
    text = header.strip()
    note = year_note(text)
    if note:
        return note
    for gap in re.finditer(r"[\s_]+", text):
        if gap.start() and (note := year_note(text[gap.end():])):
            return note
    return ""


def header_year_issues(plan: TablePlan) -> list[tuple[str, str, int, dict]]:
    """(code, English message, column index, values) for the report, on the header row:
    'year_flagged' for year headers with a mark ('2019E': an estimate, imported but not an
    actual; 'FY2016': a fiscal year; '2016-17': a split year, read as its first year), and
    'year_header_not_read' for year-like headers that were left out ('2019 Q3')."""
    found: list[tuple[str, str, int, dict]] = []
    marked = {c.header: (c.role, c.index) for c in plan.columns
              if c.header and (c.role.startswith(("year:", "indicator:")))
              and header_year_note(c.header)}
    years = {h: (int(r.split(":", 1)[1]) if r.startswith("year:") else indicator_role(r)[1])
             for h, (r, _) in marked.items()}
    years = {h: y for h, y in years.items() if y is not None}
    message, kinds = year_notes_for_headers(years)
    if message:
        first = next(index for h, (_, index) in marked.items() if h in kinds)
        found.append(("year_flagged", message, first,
                      {"years": years, "notes": kinds,
                       "columns": {h: column_letter(marked[h][1]) for h in kinds}}))
    unread = unread_year_headers(plan)
    if unread:
        named = ", ".join(f"column {c.letter} ({c.header!r})" for c in unread[:10])
        found.append(("year_header_not_read",
                      f"{counted(len(unread), 'column')} whose header looks like a year but "
                      f"is not one {plural(len(unread), 'was', 'were')} not imported: {named}",
                      unread[0].index,
                      {"count": len(unread), "headers": {c.letter: c.header for c in unread}}))
    return found


def year_notes_for_headers(years: dict[str, int]) -> tuple[str, dict[str, str]]:
    """numbers.year_notes for header texts ('GDP 2019E' carries the mark of '2019E')."""
    kinds = {h: note for h in years if (note := header_year_note(h))}
    if not kinds:
        return "", {}
    message, _ = year_notes({h: years[h] for h in kinds}, kinds, "year headers")
    return message, kinds


_YEARISH_RE = re.compile(r"(?<!\d)(?:18|19|20|21)\d{2}(?!\d)")


def unread_year_headers(plan: TablePlan) -> list[ColumnPlan]:
    """Columns left out ('ignore') whose header looks like a year ('2019 Q3', '2016-2020'):
    the report names each, so no year column is dropped without a word."""
    return [c for c in plan.columns if c.role == "ignore" and c.header
            and _YEARISH_RE.search(c.header) and guess_role(c.header) is None]


def indicator_role(role: str) -> tuple[str, int | None]:
    """'indicator:popu@2020' -> ('popu', 2020); 'indicator:GDP' -> ('GDP', None)."""
    body = role.split(":", 1)[1]
    name, at, year = body.rpartition("@")
    if at and year.isdigit() and len(year) == 4:
        return name, int(year)
    return body, None


def numeric_share(cells: Sequence[object], decimal: str = ".") -> tuple[float, int]:
    """Share of non-missing cells that read as numbers, and how many cells were non-missing."""
    present = 0
    numeric = 0
    for cell in cells:
        text = cell_text(cell)
        if not text or is_missing_text(text):
            continue
        present += 1
        if looks_numeric(cell, decimal):
            numeric += 1
    return (numeric / present if present else 0.0), present


def is_eurostat_header(name: str) -> bool:
    return "\\" in name and ("," in name or "time" in name.casefold())


def detect_layout(names: Sequence[str], numeric: Sequence[bool]) -> str:
    keys = {header_key(n) for n in names}
    if "obsvalue" in keys and "timeperiod" in keys:
        return "sdmx"
    if names and is_eurostat_header(names[0]):
        return "eurostat"
    roles = [guess_role(n) for n in names]
    years = [year_header(n)[0] for n in names]
    year_columns = sum(1 for y, r in zip(years, roles, strict=True) if y is not None and not r)
    if year_columns >= 2 or (year_columns == 1 and "year" not in roles):
        return "wide_years"
    if "value" in roles:
        return "long"
    if "year" in roles:
        return "wide_indicators"
    if year_columns:
        return "wide_years"
    # no year column, no value column: one row per city, indicators as columns (year given)
    return "wide_indicators" if any(numeric) else "long"


def assign_roles(layout: str, names: Sequence[str], numeric: Sequence[bool]) -> list[str]:
    """A role for every column under the given layout."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    guesses = [guess_role(n) for n in names]
    roles = ["ignore"] * len(names)
    if layout == "eurostat":
        roles[0] = "dims"
        for c, name in enumerate(names[1:], start=1):
            year, _ = year_header(name)
            roles[c] = f"year:{year}" if year is not None else "ignore"
        return roles
    if layout == "sdmx":
        by_key = {"refarea": "city", "timeperiod": "year", "obsvalue": "value",
                  "unitmeasure": "unit", "unitmult": "unit_mult", "obsstatus": "flag",
                  "currency": "currency"}
        for c, name in enumerate(names):
            roles[c] = by_key.get(header_key(name), "ignore")
        for wanted in ("measure", "indicator", "series", "subject", "transaction"):
            hit = next((c for c, n in enumerate(names) if header_key(n) == wanted), None)
            if hit is not None:
                roles[hit] = "indicator"
                break
        return roles

    single = {"city": None, "city_code": None, "indicator": None, "year": None, "value": None,
              "unit": None, "unit_mult": None}
    for c, guess in enumerate(guesses):
        if guess in single and single[guess] is None:
            single[guess] = c
            roles[c] = guess
        elif guess in ("flag", "currency"):
            roles[c] = guess
    if single["city"] is None:
        low = next((c for c, g in enumerate(guesses) if g == "city_low"), None)
        if low is not None:
            roles[low] = "city"
            single["city"] = low
    if single["city"] is None:
        # first text column that no other role claimed
        for c, name in enumerate(names):
            if (roles[c] == "ignore" and guesses[c] is None and not numeric[c] and name
                    and year_header(name)[0] is None):
                roles[c] = "city"
                break

    if layout == "wide_years":
        for c, name in enumerate(names):
            if guesses[c] is not None:
                continue
            year, sub = year_header(name)
            if year is not None:
                roles[c] = f"year:{year}" if sub == "value" else f"unit:{year}"
        if single["year"] is not None:
            roles[single["year"]] = "ignore"
        if single["value"] is not None:
            roles[single["value"]] = "ignore"
    elif layout == "wide_indicators":
        if single["value"] is not None:
            roles[single["value"]] = "ignore"
        for c, name in enumerate(names):
            if roles[c] == "ignore" and guesses[c] is None and numeric[c]:
                base, year = name_and_year(name or "")
                indicator, _, _ = split_unit(base)
                label = indicator or base
                roles[c] = f"indicator:{label}@{year}" if year else f"indicator:{label}"
    elif layout == "long" and single["value"] is None:
        candidates = [c for c, name in enumerate(names)
                      if roles[c] == "ignore" and guesses[c] is None and numeric[c]]
        if len(candidates) == 1:
            roles[candidates[0]] = "value"
    return roles


# --- the plan ------------------------------------------------------------------------------

UNIT_SOURCES = ("header", "unit_row", "unit_column", "indicator_name", "metadata", "option",
                "sdmx", "eurostat", "")


#: TablePlan field metadata: capabilities.needs names what this field asks of a reader (a
#: field without it is a need of its own whenever it is set; see capabilities.py)
NAMED = MappingProxyType({"reader_needs": "named"})


@dataclass(frozen=True)
class ColumnPlan:
    """One column: its flattened header, its role, and the unit its header or unit row gives."""

    index: int
    letter: str
    header: str
    role: str
    unit: str = ""  # unit text for this column's values, when the header/unit row gives one
    unit_source: str = ""  # one of UNIT_SOURCES
    numeric: bool = False  # most sampled data cells read as numbers


@dataclass(frozen=True)
class TablePlan:
    """Everything detection decided, for the import dialog to show and override.

    Row numbers are grid indices (0-based); `source_rows` converts them for display.
    Override through TableOptions (detect(grid, options)) or `dataclasses.replace(plan, ...)`
    for the fields TableOptions does not have yet (`city`, `year`).
    """

    file: str = field(metadata=NAMED)
    sheet: str = field(metadata=NAMED)
    layout: str = field(metadata=NAMED)
    header_rows: tuple[int, ...] = field(metadata=NAMED)
    first_data_row: int = field(metadata=NAMED)
    #: exclusive: the first footer row, or the number of rows
    end_row: int = field(metadata=NAMED)
    footer_rows: tuple[int, ...] = field(metadata=NAMED)
    #: titles and 'key：value' lines above the header
    metadata_rows: tuple[int, ...] = field(metadata=NAMED)
    #: (key, value); key '' for a title line
    metadata: tuple[tuple[str, str], ...] = field(metadata=NAMED)
    #: header rows that hold units, not names
    unit_rows: tuple[int, ...] = field(metadata=NAMED)
    columns: tuple[ColumnPlan, ...] = field(metadata=NAMED)
    #: the one indicator of the table (NBS '指标：…', option)
    indicator: str | None = field(default=None, metadata=NAMED)
    #: the unit for values nothing else gives a unit to
    unit: str | None = field(default=None, metadata=NAMED)
    #: where `unit` came from: 'metadata' | 'option' | ''
    unit_source: str = field(default="", metadata=NAMED)
    #: the one city of the table (NBS '地区：广州市')
    city: str | None = field(default=None, metadata=NAMED)
    #: the one year of a table without a year column
    year: int | None = field(default=None, metadata=NAMED)
    #: where `year` came from: 'option' (the user), 'metadata' ('年份：2016'), 'title' (a
    #: title row: '沈阳市2016年国民经济主要指标'), 'sheet' (the sheet name), '' (nowhere)
    year_source: str = field(default="", metadata=NAMED)
    #: every year the titles and the sheet name state: (source, year, text as written), so
    #: the dialog can show them when they disagree
    year_candidates: tuple[tuple[str, int, str], ...] = field(default=(), metadata=NAMED)
    decimal: str = field(default=".", metadata=NAMED)
    #: Eurostat: names packed in the first column ('unit', 'geo')
    dims: tuple[str, ...] = field(default=(), metadata=NAMED)
    #: blank city cells under a city take that city (with a warning)
    fill_down_city: bool = field(default=True, metadata=NAMED)
    #: codes of what stops interpretation (no_city_column, ...)
    problems: tuple[str, ...] = field(default=(), metadata=NAMED)

    @property
    def roles(self) -> dict[str, str]:
        """Header text -> role (as TableOptions.roles takes them; letters where no header)."""
        return {(c.header or c.letter): c.role for c in self.columns}

    @property
    def year_columns(self) -> dict[str, int]:
        return {(c.header or c.letter): int(c.role.split(":", 1)[1])
                for c in self.columns if c.role.startswith("year:")}

    @property
    def unit_sources(self) -> dict[str, tuple[str, str]]:
        """Header -> (unit text, where it came from), for columns that carry a unit."""
        return {(c.header or c.letter): (c.unit, c.unit_source)
                for c in self.columns if c.unit}

    def column(self, role: str) -> ColumnPlan | None:
        return next((c for c in self.columns if c.role == role), None)
