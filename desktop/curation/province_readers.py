"""Readers for the provincial NBS tables (resources/sources/SOURCES.md entries 25-33).

Two layouts: the crawled long tables (`省份编码,省份,年份,<columns>`, UTF-8, one line per
province and year) and NBS's own wide exports (GBK, metadata lines, `地区,2025年,...`, footnotes).
Both give cells keyed by the 6-digit province code with the 1-based line they came from, kept
as exact decimals so that `index − 100` or a share is computed from the published digits. A
cell that is not a number stops the build with file, line and column; an empty cell is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop.curation.errors import CurationError
from desktop.curation.readers import read_csv_rows

CODE, NAME, YEAR = "省份编码", "省份", "年份"
WIDE_PLACE = "地区"
FOOTER_STARTS = ("注", "数据来源")


@dataclass(frozen=True)
class ProvinceCell:
    """One published number: province code, year, column header, value, file line."""

    code: str
    year: int
    column: str
    value: Decimal
    row: int


def _number(text: str, path: Path, line: int, column: str) -> Decimal | None:
    """The cell as an exact decimal; None when empty; a CurationError when not a number."""
    text = text.strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise CurationError(f"{path.name}, line {line}, column {column}: {text!r} is not a number")
    return number


def read_long(path: Path, columns: Iterable[str]) -> tuple[list[ProvinceCell], dict[str, str]]:
    """The chosen columns of a crawled long table, and the province names it uses (name ->
    code), which the wide exports need since they name provinces only."""
    rows = read_csv_rows(path, encoding="utf-8")
    header = [h.strip() for h in rows[0]]
    wanted = list(columns)
    missing = [c for c in (CODE, NAME, YEAR, *wanted) if c not in header]
    if missing:
        raise CurationError(f"{path.name}: no column {', '.join(missing)} in the header")
    index = {name: i for i, name in enumerate(header)}
    cells: list[ProvinceCell] = []
    names: dict[str, str] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(field.strip() for field in row):
            continue
        if len(row) != len(header):
            raise CurationError(
                f"{path.name}, line {line}: {len(row)} fields where the header has {len(header)}"
            )
        code, year_text = row[index[CODE]].strip(), row[index[YEAR]].strip()
        if not (code.isdigit() and len(code) == 6 and year_text.isdigit()):
            raise CurationError(
                f"{path.name}, line {line}: province code {code!r} or year {year_text!r} unreadable"
            )
        names[row[index[NAME]].strip()] = code
        for column in wanted:
            value = _number(row[index[column]], path, line, column)
            if value is not None:
                cells.append(ProvinceCell(code, int(year_text), column, value, line))
    return cells, names


def read_wide(path: Path, codes: Mapping[str, str]) -> list[ProvinceCell]:
    """An NBS 分省年度数据 export (GBK): every year column of every province row. `codes`
    maps the Chinese province names to codes; a name it lacks stops the build rather than
    losing that province silently."""
    rows = read_csv_rows(path, encoding="gb18030")
    header_line = next(
        (i for i, row in enumerate(rows) if row and row[0].strip() == WIDE_PLACE), None
    )
    if header_line is None:
        raise CurationError(f"{path.name}: no header line starting with {WIDE_PLACE!r}")
    header = [h.strip() for h in rows[header_line]]
    years = [
        (i, int(h.removesuffix("年"))) for i, h in enumerate(header)
        if h.endswith("年") and h.removesuffix("年").isdigit()
    ]
    cells: list[ProvinceCell] = []
    for line, row in enumerate(rows[header_line + 1:], start=header_line + 2):
        if row and row[0].strip().startswith(FOOTER_STARTS):
            break  # the footnotes run to the end, some over several lines ('2.由于...')
        if not row or not row[0].strip():
            continue
        name = row[0].strip()
        code = codes.get(name)
        if code is None:
            raise CurationError(f"{path.name}, line {line}: province {name!r} is not known")
        for column, year in years:
            if column >= len(row):
                continue
            value = _number(row[column], path, line, header[column])
            if value is not None:
                cells.append(ProvinceCell(code, year, header[column], value, line))
    return cells
