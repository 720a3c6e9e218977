"""One reader per source file: each yields observations keyed by the source's own place code.

Readers keep the source's row number (1-based, as a spreadsheet or text editor shows it) so that
every bundled value can be traced back to its line. Numbers are scaled with exact decimals.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from desktop.core.units import to_canonical

#: CSMAR codes the four province-level municipalities with their province code; the census
#: (and the national standard for the city itself) uses the 0100 form.
MUNICIPALITY_CODES = {
    "110000": "110100",
    "120000": "120100",
    "310000": "310100",
    "500000": "500100",
}


@dataclass(frozen=True)
class RawValue:
    place: str  # a catalog city id such as cn-210100, or a place key resolved later
    indicator_id: str
    year: int
    value: float
    source_id: str
    row: int


def cn_city_id(code: str) -> str:
    code = code.strip()
    return f"cn-{MUNICIPALITY_CODES.get(code, code)}"


def _read_text(path: Path, encoding: str) -> str:
    return path.read_bytes().decode(encoding)


def read_csv_rows(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    """All rows as text; CSV fields here never contain line breaks, so row i is line i."""
    return list(csv.reader(io.StringIO(_read_text(path, encoding), newline="")))


CSMAR_GDP_FIELDS = {
    "Gdpct01": ("gdp", 100_000_000),
    "Gdpct02": ("gdp_share_primary", 1),
    "Gdpct03": ("gdp_share_secondary", 1),
    "Gdpct04": ("gdp_share_tertiary", 1),
    "GDP_PerCapita": ("gdp_per_capita", 1),
    "GDPYoY": ("gdp_real_growth", 1),
    "GDP_PrimInd": ("va_primary", 10_000),
    "GDP_SecInd": ("va_secondary", 10_000),
    "GDP_TerInd": ("va_tertiary", 10_000),
}
CSMAR_LABOUR_FIELDS = {
    "Eect01": ("population_registered", 10_000),
    "Eect05": ("employment", 10_000),
    "Eect08": ("employment_share_primary", 1),
    "Eect09": ("employment_share_secondary", 1),
    "Eect10": ("employment_share_tertiary", 1),
    "Eect11": ("employees", 10_000),
    "Eect12": ("wage_bill", 10_000),
    "Eect13": ("average_wage", 1),
}


@dataclass(frozen=True)
class CsmarPlace:
    code: str
    name: str
    province_code: str
    province_name: str


def read_csmar(
    path: Path, source_id: str, fields: dict[str, tuple[str, int]]
) -> tuple[list[RawValue], dict[str, CsmarPlace]]:
    """A CSMAR CRE export: long, quoted, empty string = missing."""
    rows = read_csv_rows(path)
    header = rows[0]
    index = {name: i for i, name in enumerate(header)}
    values: list[RawValue] = []
    places: dict[str, CsmarPlace] = {}
    for line_number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        city_id = cn_city_id(row[index["Ctnm_id"]])
        places.setdefault(
            city_id,
            CsmarPlace(
                code=row[index["Ctnm_id"]].strip(),
                name=row[index["Ctnm_en"]],
                province_code=row[index["Prvcnm_id"]].strip(),
                province_name=row[index["Prvcnm_en"]],
            ),
        )
        year = int(row[index["Sgnyea"]])
        for column, (indicator_id, factor) in fields.items():
            text = row[index[column]].strip()
            if text:
                values.append(
                    RawValue(
                        city_id,
                        indicator_id,
                        year,
                        to_canonical(text, factor),
                        source_id,
                        line_number,
                    )
                )
    return values, places


@dataclass(frozen=True)
class CensusPlace:
    code: str
    name_zh: str
    province_code: str
    province_zh: str


def read_census(path: Path) -> tuple[list[RawValue], dict[str, CensusPlace]]:
    """Census resident population 2010 and 2020 (persons), keyed by city code."""
    rows = read_csv_rows(path)
    index = {name: i for i, name in enumerate(rows[0])}
    values: list[RawValue] = []
    places: dict[str, CensusPlace] = {}
    for line_number, row in enumerate(rows[1:], start=2):
        code = row[index["city_code"]].strip()
        places[code] = CensusPlace(
            code,
            row[index["city"]].strip(),
            row[index["province_code"]].strip(),
            row[index["province"]].strip(),
        )
        for year in (2010, 2020):
            text = row[index[f"popu_{year}"]].strip()
            if text:
                values.append(
                    RawValue(
                        f"cn-{code}",
                        "population_resident",
                        year,
                        to_canonical(text),
                        "census",
                        line_number,
                    )
                )
    return values, places


FDI_COLUMN = "外商实际投资额_全市_万美元"


def read_ccsy_fdi(path: Path) -> tuple[list[RawValue], list[str]]:
    """Utilised FDI (万美元 -> US$) by Chinese city name; returns values keyed by name.

    The place of each RawValue is the Chinese name as written; the builder resolves it.
    Text cells that are not numbers are returned as problems, never read as zero.
    """
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    sheet = workbook.get_sheet_by_name("new").to_python(skip_empty_area=False)
    header = [str(cell) for cell in sheet[0]]
    city_col, year_col, fdi_col = (header.index(n) for n in ("城市", "年份", FDI_COLUMN))
    values: list[RawValue] = []
    problems: list[str] = []
    for row_number, row in enumerate(sheet[1:], start=2):
        cell = row[fdi_col]
        if cell == "" or cell is None:
            continue
        try:
            value = to_canonical(_excel_number_text(cell), 10_000)
        except ValueError:
            problems.append(f"row {row_number}: FDI cell {cell!r} is not a number")
            continue
        values.append(
            RawValue(
                str(row[city_col]).strip(),
                "fdi_utilised",
                int(row[year_col]),
                value,
                "ccsy_panel",
                row_number,
            )
        )
    return values, problems


def _excel_number_text(cell: object) -> str:
    """The shortest decimal text of an Excel number (500678.0 -> '500678')."""
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)


@dataclass(frozen=True)
class MetroPlace:
    cbsa: str
    name: str


BROOKINGS_FIELDS = {"Real GDP": "gdp_real_usd", "Jobs": "jobs"}
US_TOTAL_CBSA = "99999"


def read_brookings(path: Path) -> tuple[list[RawValue], dict[str, MetroPlace]]:
    """Real GDP and jobs for the 100 largest US metros and the US total."""
    rows = read_csv_rows(path, encoding="utf-8")
    index = {name: i for i, name in enumerate(rows[0])}
    values: list[RawValue] = []
    places: dict[str, MetroPlace] = {}
    for line_number, row in enumerate(rows[1:], start=2):
        indicator_id = BROOKINGS_FIELDS.get(row[index["indicator"]])
        cbsa = row[index["cbsa"]].strip()
        if indicator_id is None:
            continue
        if cbsa != US_TOTAL_CBSA and row[index["topmetro"]].strip() != "1":
            continue
        place = "country-USA" if cbsa == US_TOTAL_CBSA else f"us-{cbsa}"
        places.setdefault(place, MetroPlace(cbsa, row[index["cbsa_name"]].strip()))
        text = row[index["value"]].strip()
        if text:
            values.append(
                RawValue(
                    place,
                    indicator_id,
                    int(row[index["year"]]),
                    to_canonical(text),
                    "brookings",
                    line_number,
                )
            )
    return values, places


def read_wdi(
    path: Path, source_id: str, indicator_id: str, countries: dict[str, str]
) -> list[RawValue]:
    """A World Bank bulk CSV (4 metadata lines, years as columns); `countries` maps ISO3 -> id."""
    rows = read_csv_rows(path)
    header_line = next(
        i for i, row in enumerate(rows) if row[:2] == ["Country Name", "Country Code"]
    )
    header = rows[header_line]
    values: list[RawValue] = []
    for line_number, row in enumerate(rows[header_line + 1 :], start=header_line + 2):
        if len(row) < 2 or row[1] not in countries:
            continue
        for column, text in zip(header, row, strict=False):
            if column.strip().isdigit() and text.strip():
                values.append(
                    RawValue(
                        countries[row[1]],
                        indicator_id,
                        int(column),
                        to_canonical(text),
                        source_id,
                        line_number,
                    )
                )
    return values


def gdp_deflator(current: list[RawValue], constant: list[RawValue]) -> list[RawValue]:
    """The implicit GDP deflator, current / constant local-currency GDP x 100, per place and
    year where both are published; traced to the current-price value's row."""
    divisors = {(v.place, v.year): v.value for v in constant}
    return [
        RawValue(v.place, "gdp_deflator", v.year, v.value / divisors[(v.place, v.year)] * 100,
                 v.source_id, v.row)
        for v in current
        if divisors.get((v.place, v.year))
    ]


def read_nbs_provinces(path: Path) -> list[RawValue]:
    """NBS 分省年度数据 export (GBK): metadata lines, '地区,2024年,...', footnotes. 亿元 -> yuan."""
    rows = read_csv_rows(path, encoding="gb18030")
    header_line = next(i for i, row in enumerate(rows) if row and row[0] == "地区")
    header = rows[header_line]
    years = [
        int(h.strip().removesuffix("年")) if h.strip().endswith("年") else None for h in header
    ]
    values: list[RawValue] = []
    for line_number, row in enumerate(rows[header_line + 1 :], start=header_line + 2):
        if not row or row[0].startswith(("注", "数据来源")) or len(row) < len(header):
            continue
        for year, text in zip(years, row, strict=False):
            if year is not None and text.strip():
                values.append(
                    RawValue(
                        row[0].strip(),
                        "gdp",
                        year,
                        to_canonical(text, 100_000_000),
                        "nbs_province",
                        line_number,
                    )
                )
    return values
