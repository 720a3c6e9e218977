"""US metro series on the indicator ids the Chinese cities use, derived from BEA cells.

Money on a shared indicator is stored in the indicator's canonical unit, yuan, converted from
US dollars at the World Bank's annual average rate of the same year (PA.NUS.FCRF, the rate
the app converts back with), so one indicator never holds two currencies. The profile shows
a row mixing countries in US dollars, which gives back the BEA number. Shares and growth
rates are computed from the published lines; a share whose parts are suppressed is missing.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.curation.readers import RawValue
from desktop.curation.us_readers import BeaCell

GDP_SOURCE = "bea_cagdp1"
INCOME_SOURCE = "bea_cainc1"
JOBS_SOURCE = "bea_caemp25n"

REAL_GDP_LINE, CURRENT_GDP_LINE = 1, 3
INCOME_PER_CAPITA_LINE = 3
TOTAL_JOBS, WAGE_JOBS = 10, 20
FARM, FORESTRY = 70, 100
MINING, UTILITIES, CONSTRUCTION, MANUFACTURING = 200, 300, 400, 500
PRIMARY_LINES = (FARM, FORESTRY)
SECONDARY_LINES = (MINING, UTILITIES, CONSTRUCTION, MANUFACTURING)
JOBS_LINES = {TOTAL_JOBS, WAGE_JOBS, *PRIMARY_LINES, *SECONDARY_LINES}

#: BEA tables give thousands of dollars for GDP.
THOUSAND = 1_000

Key = tuple[str, int, int]  # place, line, year


def _by_key(cells: Iterable[BeaCell]) -> dict[Key, BeaCell]:
    return {(c.place, c.line, c.year): c for c in cells}


def to_yuan(usd: float, year: int, rates: dict[int, float]) -> float | None:
    """US dollars of `year` in yuan at that year's average rate (None without a rate)."""
    rate = rates.get(year)
    return None if rate is None else usd * rate


def gdp_values(cells: list[BeaCell], rates: dict[int, float]) -> list[RawValue]:
    """Current-dollar GDP (-> yuan), real GDP in chained 2017 dollars, and real growth (%)
    from the chained-dollar series: (real_y / real_y-1 - 1) x 100."""
    cell = _by_key(cells)
    out: list[RawValue] = []
    for (place, line, year), c in sorted(cell.items()):
        if line == CURRENT_GDP_LINE:
            yuan = to_yuan(c.value * THOUSAND, year, rates)
            if yuan is not None:
                out.append(RawValue(place, "gdp", year, yuan, GDP_SOURCE, c.row))
        elif line == REAL_GDP_LINE:
            out.append(RawValue(place, "gdp_real_usd_2017", year, c.value * THOUSAND,
                                GDP_SOURCE, c.row))
            before = cell.get((place, line, year - 1))
            if before is not None and before.value:
                growth = (c.value / before.value - 1.0) * 100.0
                out.append(RawValue(place, "gdp_real_growth", year, growth, GDP_SOURCE, c.row))
    return out


def income_values(cells: list[BeaCell]) -> list[RawValue]:
    """Per-capita personal income (US$ per person) as BEA publishes it."""
    return [
        RawValue(c.place, "personal_income_per_capita", c.year, c.value, INCOME_SOURCE, c.row)
        for c in cells
        if c.line == INCOME_PER_CAPITA_LINE
    ]


def _sum(cell: dict[Key, BeaCell], place: str, lines: Iterable[int], year: int) -> float | None:
    """Sum of the lines, None when any of them is suppressed (a partial sum would be wrong)."""
    total = 0.0
    for line in lines:
        found = cell.get((place, line, year))
        if found is None:
            return None
        total += found.value
    return total


def jobs_values(cells: list[BeaCell]) -> tuple[list[RawValue], int]:
    """Jobs, wage-and-salary jobs, and industry shares of jobs (%); also the number of
    metro-years whose secondary or primary share is missing because a part is suppressed."""
    cell = _by_key(cells)
    out: list[RawValue] = []
    suppressed = 0
    for (place, line, year), total in sorted(cell.items()):
        if line == WAGE_JOBS:
            out.append(RawValue(place, "employees", year, total.value, JOBS_SOURCE, total.row))
        if line != TOTAL_JOBS:
            continue
        out.append(RawValue(place, "employment", year, total.value, JOBS_SOURCE, total.row))
        if not total.value:
            continue
        manufacturing = cell.get((place, MANUFACTURING, year))
        if manufacturing is not None:
            out.append(RawValue(place, "employment_share_manufacturing", year,
                                manufacturing.value / total.value * 100.0, JOBS_SOURCE,
                                manufacturing.row))
        primary = _sum(cell, place, PRIMARY_LINES, year)
        secondary = _sum(cell, place, SECONDARY_LINES, year)
        if secondary is None or primary is None:
            suppressed += 1
        if secondary is not None:
            out.append(RawValue(place, "employment_share_secondary", year,
                                secondary / total.value * 100.0, JOBS_SOURCE, total.row))
        if primary is not None:
            out.append(RawValue(place, "employment_share_primary", year,
                                primary / total.value * 100.0, JOBS_SOURCE, total.row))
        if primary is not None and secondary is not None:
            tertiary = (total.value - primary - secondary) / total.value * 100.0
            out.append(RawValue(place, "employment_share_tertiary", year, tertiary,
                                JOBS_SOURCE, total.row))
    return out, suppressed


def wages_in_yuan(values: list[RawValue], rates: dict[int, float]) -> list[RawValue]:
    """Money values in US dollars of their year converted to yuan at the year's average rate
    (average wage, output per person)."""
    out = []
    for v in values:
        yuan = to_yuan(v.value, v.year, rates)
        if yuan is not None:
            out.append(RawValue(v.place, v.indicator_id, v.year, yuan, v.source_id, v.row))
    return out


def per_resident(values: list[RawValue]) -> list[RawValue]:
    """GDP per resident (yuan per person) = GDP / resident population of the same place and
    year, computed alike for every city; the row traced is the GDP value's."""
    gdp = {(v.place, v.year): v for v in values if v.indicator_id == "gdp"}
    out = []
    for v in values:
        if v.indicator_id != "population_resident" or not v.value:
            continue
        found = gdp.get((v.place, v.year))
        if found is not None:
            out.append(RawValue(v.place, "gdp_per_resident", v.year, found.value / v.value,
                                found.source_id, found.row))
    return out


def rates_by_year(values: list[RawValue]) -> dict[int, float]:
    """Yuan per US dollar by year, from the exchange-rate values already read."""
    return {v.year: v.value for v in values if v.indicator_id == "exchange_rate"}
