"""Readers for the US metro files (Census PEP, BEA regional tables, Brookings wages).

Each returns cells keyed by catalog place id (`us-<CBSA>`) with the 1-based line number of the
source file, so that values derived from them (shares, growth, conversions) keep a row to
trace back to. Suppressed BEA cells (`(D)`, `(NA)`, `(L)`...) are skipped, never read as zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from desktop.core.units import to_canonical
from desktop.curation.errors import CurationError
from desktop.curation.readers import RawValue, read_csv_rows


@dataclass(frozen=True)
class BeaCell:
    """One number of a BEA regional table: metro, line code, year, value, file line."""

    place: str
    line: int
    year: int
    value: float
    row: int


def _cbsa_of(geo_fips: str) -> str:
    """' "19820"' (BEA's quoted code with a leading space) -> '19820'."""
    return geo_fips.strip().strip('"').strip()


def read_bea(path: Path, lines: set[int]) -> list[BeaCell]:
    """The chosen line codes of a BEA CAxxx MSA file (wide, years as columns, 4 footer lines).

    Values are as published (thousands of dollars stay thousands: the caller scales them);
    suppressed, unavailable or partial ('E') cells are left out.
    """
    rows = read_csv_rows(path, encoding="utf-8")
    header = rows[0]
    index = {name: i for i, name in enumerate(header)}
    year_columns = [(i, int(name)) for i, name in enumerate(header) if name.strip().isdigit()]
    cells: list[BeaCell] = []
    for line_number, row in enumerate(rows[1:], start=2):
        if len(row) < len(header):  # the footer lines ("Note: ...", title, dates)
            continue
        line_text = row[index["LineCode"]].strip()
        if not line_text.isdigit() or int(line_text) not in lines:
            continue
        place = f"us-{_cbsa_of(row[index['GeoFIPS']])}"
        for column, year in year_columns:
            text = row[column].strip()
            if not text or _bea_flagged(text):
                continue
            try:
                value = to_canonical(text)
            except ValueError:
                raise CurationError(
                    f"{path.name}, line {line_number}, column {year}: {text!r} is not a number"
                ) from None
            cells.append(BeaCell(place, int(line_text), year, value, line_number))
    return cells


def _bea_flagged(text: str) -> bool:
    """BEA's markers instead of a full value: '(D)' suppressed, '(NA)', '(L)' and the like,
    and '496 E', a number that is only 'the major portion of the true estimate'."""
    return text.startswith("(") or text.endswith(" E")


def read_pep(path: Path, source_id: str) -> list[RawValue]:
    """Resident population (1 July estimates) of metropolitan CBSAs: the CBSA total rows
    (MDIV and STCOU empty), every POPESTIMATEyyyy column. The file is Latin-1."""
    rows = read_csv_rows(path, encoding="latin-1")
    header = rows[0]
    index = {name: i for i, name in enumerate(header)}
    years = [(i, int(name.removeprefix("POPESTIMATE"))) for i, name in enumerate(header)
             if name.startswith("POPESTIMATE")]
    values: list[RawValue] = []
    for line_number, row in enumerate(rows[1:], start=2):
        if len(row) < len(header) or row[index["MDIV"]].strip() or row[index["STCOU"]].strip():
            continue
        if row[index["LSAD"]].strip() != "Metropolitan Statistical Area":
            continue
        place = f"us-{row[index['CBSA']].strip()}"
        for column, year in years:
            text = row[column].strip()
            if text:
                values.append(RawValue(place, "population_resident", year, to_canonical(text),
                                       source_id, line_number))
    return values


#: Brookings indicators kept, on the shared indicator ids (money in US$ of the year).
BROOKINGS_PROSPERITY_FIELDS = {
    "Average Annual Wage": "average_wage",
    "Output per Person": "gdp_per_capita",
}
#: The one year in which Brookings' money values are current dollars whatever their
#: (unstated) base: the file appears to give earlier years in 2019 dollars, so only this
#: year is kept.
BROOKINGS_CURRENT_YEAR = 2019


def read_brookings_prosperity(path: Path) -> list[RawValue]:
    """Average annual wage and output per person (US$) of metros in 2019 (Brookings)."""
    rows = read_csv_rows(path, encoding="utf-8")
    index = {name: i for i, name in enumerate(rows[0])}
    values: list[RawValue] = []
    for line_number, row in enumerate(rows[1:], start=2):
        if len(row) < len(index):
            continue
        indicator_id = BROOKINGS_PROSPERITY_FIELDS.get(row[index["indicator"]].strip())
        if indicator_id is None or int(row[index["year"]]) != BROOKINGS_CURRENT_YEAR:
            continue
        text = row[index["value"]].strip()
        if text:
            values.append(RawValue(f"us-{row[index['cbsa_code']].strip()}", indicator_id,
                                   BROOKINGS_CURRENT_YEAR, to_canonical(text),
                                   "brookings_prosperity", line_number))
    return values


#: ACS 2019 1-year: bachelor's degree and graduate or professional degree, percent of the
#: population aged 25 and over (table S1501); median household income (B19013).
ACS_BACHELOR_PARTS = ("S1501_C02_012E", "S1501_C02_013E")
ACS_MEDIAN_INCOME = "B19013_001E"
ACS_YEAR = 2019


def read_acs(path: Path) -> list[RawValue]:
    """Bachelor's-or-higher share of adults 25+ (%) and median household income (US$) of
    each CBSA in the ACS 2019 pull; 'NA' (or an empty cell) is missing, and a share needs
    both parts."""
    rows = read_csv_rows(path, encoding="utf-8")
    index = {name: i for i, name in enumerate(rows[0])}
    values: list[RawValue] = []
    for line_number, row in enumerate(rows[1:], start=2):
        if len(row) < len(index):
            continue
        place = f"us-{row[index['cbsa_code']].strip()}"
        parts = [row[index[c]].strip() for c in ACS_BACHELOR_PARTS]
        if all(p and p != "NA" for p in parts):
            share = float(sum(Decimal(p) for p in parts))  # exact: 19.2 + 13.2 = 32.4
            values.append(RawValue(place, "education_bachelor_plus", ACS_YEAR, share, "acs_2019",
                                   line_number))
        income = row[index[ACS_MEDIAN_INCOME]].strip()
        if income and income != "NA":
            values.append(RawValue(place, "median_household_income", ACS_YEAR,
                                   to_canonical(income), "acs_2019", line_number))
    return values


def read_uspto(path: Path) -> list[RawValue]:
    """Utility patents granted by year, metro areas only ('ID Code' 1 + CBSA, 2009 codes)."""
    rows = read_csv_rows(path, encoding="utf-8")
    header = rows[0]
    index = {name: i for i, name in enumerate(header)}
    years = [(i, int(name)) for i, name in enumerate(header) if name.strip().isdigit()]
    values: list[RawValue] = []
    for line_number, row in enumerate(rows[1:], start=2):
        if len(row) < len(header) or row[index["GeoType"]] != "Metropolitan Statistical Area":
            continue
        code = row[index["ID Code"]].strip()
        place = f"us-{code[1:]}"
        for column, year in years:
            text = row[column].strip()
            if text:
                values.append(RawValue(place, "patents_granted", year, to_canonical(text),
                                       "uspto_cbsa", line_number))
    return values
