"""Readers for the columns of the bundled raw files that the first slices left unused: the
census file's age, urban-population and household columns, more CCSY panel columns, the
NBS 70-city house price indices and US venture capital.

Like `readers`, each value keeps the 1-based row of the file it came from, numbers are scaled
with exact decimals, and an empty or 'NA' cell is missing, never zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from desktop.core.units import to_canonical
from desktop.curation.errors import CurationError
from desktop.curation.readers import RawValue, read_csv_rows

CENSUS_YEARS = (2010, 2020)
#: Census columns taken as published: column prefix -> indicator (the year is appended).
CENSUS_DIRECT = {"age_65": "population_share_65plus", "household": "household_size"}
#: Largest gap between urban + rural and the total for which urban / total is trusted:
#: a few boundary-adjusted rows of 2010 differ by up to 41 %, most by a handful of persons.
URBAN_RURAL_TOLERANCE = Decimal("0.001")


@dataclass(frozen=True)
class Skipped:
    """A cell or row left out, with the reason, for the build log."""

    row: int
    text: str


def read_census_extra(path: Path, source_id: str) -> tuple[list[RawValue], list[Skipped]]:
    """65+ share (%), average household size and the urbanisation rate (urban / total x 100,
    computed here) of each prefecture-level unit in 2010 and 2020, keyed `cn-<code>`."""
    rows = read_csv_rows(path)
    index = {name: i for i, name in enumerate(rows[0])}
    values: list[RawValue] = []
    skipped: list[Skipped] = []
    for line, row in enumerate(rows[1:], start=2):
        place = f"cn-{row[index['city_code']].strip()}"
        for year in CENSUS_YEARS:
            for prefix, indicator_id in CENSUS_DIRECT.items():
                text = row[index[f"{prefix}_{year}"]].strip()
                if text:
                    values.append(RawValue(place, indicator_id, year, to_canonical(text),
                                           source_id, line))
            cells = [row[index[f"popu{part}_{year}"]].strip() for part in ("", "_urban", "_rural")]
            if not all(cells):
                continue
            total, urban, rural = (Decimal(c) for c in cells)
            if abs(urban + rural - total) > URBAN_RURAL_TOLERANCE * total:
                skipped.append(Skipped(line, f"{row[index['city']]} {year}: urban {urban} + "
                                       f"rural {rural} differs from total {total} by more than "
                                       "0.1 %, urbanisation rate left out"))
                continue
            values.append(RawValue(place, "urbanisation_rate", year,
                                   float(urban / total * 100), source_id, line))
    return values, skipped


#: CCSY panel columns (whole city, 全市) -> (indicator, factor to base units).
CCSY_COLUMNS = {
    "规模以上工业总产值_全市_万元": ("industrial_output_above_size", 10_000),
    "社会消费品零售额_全市_万元": ("retail_sales", 10_000),
    "医院、卫生院床位数_全市_张": ("hospital_beds", 1),
}
CCSY_SHEET = "new"


def read_ccsy_extra(path: Path, source_id: str) -> tuple[list[RawValue], list[Skipped]]:
    """Industrial output and retail sales (万元 -> yuan) and hospital beds of each city-year
    of the CCSY panel, keyed by the Chinese city name as written (resolved by the builder).
    A text cell that is not a number is reported, never read as zero."""
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(CCSY_SHEET)
    cells = sheet.to_python(skip_empty_area=False)
    header = [str(cell).strip() for cell in cells[0]]
    missing = [c for c in ("城市", "年份", *CCSY_COLUMNS) if c not in header]
    if missing:
        raise CurationError(f"{path.name}, sheet {CCSY_SHEET}: no column {', '.join(missing)}")
    city_col, year_col = header.index("城市"), header.index("年份")
    values: list[RawValue] = []
    skipped: list[Skipped] = []
    for row_number, row in enumerate(cells[1:], start=2):
        name = str(row[city_col]).strip()
        for column, (indicator_id, factor) in CCSY_COLUMNS.items():
            cell = row[header.index(column)]
            if cell is None or cell == "":
                continue
            try:
                value = to_canonical(repr(cell) if isinstance(cell, float) else str(cell), factor)
            except ValueError:
                skipped.append(Skipped(row_number, f"column {column}: {cell!r} is not a number"))
                continue
            values.append(RawValue(name, indicator_id, int(row[year_col]), value, source_id,
                                   row_number))
    return values, skipped


#: The one month whose year-on-year index stands for the year (December on December).
PRICE_MONTH = "12"
PRICE_COLUMN = "同比"


def read_house_price_index(path: Path, source_id: str, indicator_id: str) -> list[RawValue]:
    """December's year-on-year index (same month last year = 100) of each of the 70 cities,
    from the clean 同比 column; keyed by the city name as written, spaces removed ('吉 林')."""
    rows = read_csv_rows(path)
    index = {name: i for i, name in enumerate(rows[0])}
    values: list[RawValue] = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) < len(index):
            continue
        year, _, month = row[index["month"]].partition("-")
        text = row[index[PRICE_COLUMN]].strip()
        if month != PRICE_MONTH or not text:
            continue
        name = re.sub(r"\s+", "", row[index["城市"]])
        values.append(RawValue(name, indicator_id, int(year), to_canonical(text), source_id, line))
    return values


VC_MEASURE = "Capital Invested ($ M)"
VC_ROUND = "Total VC"
#: Pooled three-year periods -> the year a value is stored at (the period's last year).
VC_PERIODS = {"2005-07": 2007, "2010-12": 2012, "2015-17": 2017}


def read_venture_capital(path: Path, source_id: str) -> tuple[list[RawValue], list[Skipped]]:
    """Venture capital invested over each three-year period (US$ M -> US$), all rounds, by
    metro (`us-<cbsa13>`), stored at the period's last year. A metro the file splits into
    several named areas (Philadelphia and Wilmington (DE) share one code) is left out:
    whether the parts add up to the metro is not stated."""
    rows = read_csv_rows(path, encoding="utf-8")
    index = {name: i for i, name in enumerate(rows[0])}
    values: list[RawValue] = []
    names: dict[str, set[str]] = {}
    first_row: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) < len(index):
            continue
        year = VC_PERIODS.get(row[index["period"]].strip())
        if (year is None or row[index["measure"]].strip() != VC_MEASURE
                or row[index["round"]].strip() != VC_ROUND):
            continue
        place = f"us-{row[index['cbsa13']].strip()}"
        names.setdefault(place, set()).add(row[index["MSA"]].strip())
        first_row.setdefault(place, line)
        text = row[index["value"]].strip()
        if text and text != "NA":
            values.append(RawValue(place, "venture_capital", year,
                                   to_canonical(text, 1_000_000), source_id, line))
    split = {place for place, areas in names.items() if len(areas) > 1}
    skipped = [Skipped(first_row[place], f"{place.removeprefix('us-')}: one metro code for "
                       f"{' and '.join(sorted(names[place]))}, left out")
               for place in sorted(split)]
    return [v for v in values if v.place not in split], skipped
