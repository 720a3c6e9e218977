"""The shapes that flow through an import: raw grids in, a long table and a report out.

    file --(readers: sniff, text_reader, excel_reader)--> RawGrid per sheet
         --(interpret: header, layout, numbers, units, mapping, validation)--> long rows + report

Readers know bytes, encodings and containers; they never guess what a column means.
Interpretation knows tables; it never opens files. Both speak in these types and in
1-based row numbers and spreadsheet column letters, so every message can name its cell.
No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import CityProfilesError

#: A cell as a reader hands it over: text, a number, a bool, or None for an empty cell.
CellValue = str | float | int | bool | None


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (spreadsheet column names, also used for CSV fields)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def plural(count: int, one: str, many: str | None = None) -> str:
    """`one` for a count of 1, else `many` (default: `one` + 's'), so English messages agree
    with their numbers: 'row'/'rows', 'was'/'were', 'it'/'them'."""
    if count == 1:
        return one
    return one + "s" if many is None else many


def counted(count: int, one: str, many: str | None = None) -> str:
    """'1 row', '2 rows', '17,613 rows': a count and its noun, for English messages.

    An issue whose message says a count also keeps it as values['count'], so the Chinese
    sentence (report_text.ISSUES) never has to read it back out of the English."""
    return f"{count:,} {plural(count, one, many)}"


@dataclass(frozen=True)
class Location:
    """Where something is: file, sheet (empty for text files), row (1-based), column letter."""

    file: str
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def describe(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "sheet": self.sheet or None, "row": self.row,
                "column": self.column or None}


@dataclass(frozen=True)
class Issue:
    """One thing the user should know about: a code, a location, and the values involved.

    `code` is stable (tests and translations key on it); `message` is a plain English sentence
    for the CLI and logs, built by the module that found the issue. A message that says how
    many (rows, cells, ...) keeps the number as values['count'], for the other language.
    """

    code: str
    message: str
    location: Location
    values: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, **self.location.to_json(),
                "values": self.values}


class ImportRejectedError(CityProfilesError):
    """The file cannot be imported at all. `issue` says why and where, in one line."""

    code = "import_rejected"

    def __init__(self, issue: Issue) -> None:
        super().__init__(code=issue.code, message=issue.message, where=issue.location.describe())
        self.issue = issue

    def __str__(self) -> str:
        return f"{self.issue.location.describe()}: {self.issue.message}"


@dataclass(frozen=True)
class SheetInfo:
    name: str
    index: int
    hidden: bool = False
    rows: int | None = None
    columns: int | None = None


@dataclass(frozen=True)
class MergedRange:
    """A merged block in grid coordinates (0-based, inclusive), as openpyxl reports it."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int


@dataclass
class RawGrid:
    """One sheet (or one text file) as rows of cells, before any interpretation.

    `row_numbers[i]` is the 1-based source row (line for text files) of `rows[i]`, so that
    skipped blank lines never shift the numbers users see. Detection results (encoding,
    delimiter, decimal mark) are recorded so the preview can show and override them.
    """

    file: str
    rows: list[list[CellValue]]
    row_numbers: list[int]
    sheet: str = ""
    encoding: str = ""
    delimiter: str = ""
    decimal: str = "."
    merged: list[MergedRange] = field(default_factory=list)
    #: cells whose value is not a plain value, keyed by (grid row, column): e.g. a formula
    #: without a cached value ('formula_not_calculated') or a date-formatted number ('date')
    cell_flags: dict[tuple[int, int], str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def location(self, row_index: int | None = None, column_index: int | None = None) -> Location:
        return Location(
            self.file,
            self.sheet,
            self.row_numbers[row_index] if row_index is not None else None,
            column_letter(column_index) if column_index is not None else "",
        )

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True)
class ReadOptions:
    """Choices the user can override in the import dialog (None: detect)."""

    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    #: "." or ","; None (or "auto") decides from every value of the file and says why
    decimal: str | None = None
    include_hidden_sheets: bool = False


@dataclass(frozen=True)
class TableOptions:
    """How to read a grid as a table; every field None means 'detect'. The dialog sets these.

    Row and column numbers here are grid indices (0-based), not source row numbers.
    """

    header_rows: tuple[int, ...] | None = None
    first_data_row: int | None = None
    layout: str | None = None  # "long" | "wide_years" | "wide_indicators" | "sdmx" | "eurostat"
    #: header text -> role: "city", "indicator", "year", "value", "unit", "ignore";
    #: for wide-by-indicator tables an indicator column's role is "indicator:<name>", or
    #: "indicator:<name>@<yyyy>" when the header also names the year (popu_2020)
    roles: dict[str, str] | None = None
    indicator: str | None = None  # the indicator when the table holds only one (e.g. NBS '指标：')
    unit: str | None = None  # the unit when no header, column or row gives one
    year: int | None = None  # the year of a table without a year column (a yearbook table)
    city: str | None = None  # the city of a table without a city column


LAYOUTS = ("long", "wide_years", "wide_indicators", "sdmx", "eurostat")

#: Columns of the normalised long table an import produces (values in canonical units).
LONG_COLUMNS = ("city", "indicator", "year", "value", "unit", "source_unit", "source_row",
                "source_column")


@dataclass
class ImportReport:
    """What an import found and did, for the preview, the report dialog and `--json`."""

    file: str
    sheet: str = ""
    encoding: str = ""
    delimiter: str = ""
    layout: str = ""
    header_rows: list[int] = field(default_factory=list)  # source row numbers, 1-based
    rows_read: int = 0
    rows_imported: int = 0
    cities: list[str] = field(default_factory=list)
    cities_matched: dict[str, str] = field(default_factory=dict)  # name in file -> catalog id
    cities_new: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    units_converted: list[str] = field(default_factory=list)  # e.g. "亿元 → CNY (× 100000000)"
    #: the same conversions as (unit as written, canonical code, power of ten), so the report
    #: can name the units in the reader's language instead of by code
    unit_conversions: list[tuple[str, str, int]] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet or None,
            "encoding": self.encoding or None,
            "delimiter": self.delimiter or None,
            "layout": self.layout or None,
            "header_rows": self.header_rows,
            "rows_read": self.rows_read,
            "rows_imported": self.rows_imported,
            "cities": self.cities,
            "cities_matched": self.cities_matched,
            "cities_new": self.cities_new,
            "indicators": self.indicators,
            "years": self.years,
            "units_converted": self.units_converted,
            "warnings": [w.to_json() for w in self.warnings],
            "errors": [e.to_json() for e in self.errors],
        }
