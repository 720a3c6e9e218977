"""Assemble the province series of the bundled dataset from the NBS provincial files.

Values go to the catalog's province places (`cn-prov-<code>`). The four municipalities are
cities of the catalog with their own (CSMAR, first-published) city series, so their province
rows are left out rather than mixed into those series. Shares are computed from the published
counts of the same line (or, for the 65+ share of the raw exports, the same year column of
the two files); each value keeps the line of the numerator it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from desktop.core.catalog import City, name_key
from desktop.curation import province_indicators as pi
from desktop.curation.province_readers import ProvinceCell, read_long, read_wide
from desktop.curation.province_sources import (
    PROVINCE_AGE,
    PROVINCE_EDUCATION,
    PROVINCE_GDP_INDEX,
    PROVINCE_HOUSING,
    PROVINCE_PATENTS,
    PROVINCE_POPULATION,
    PROVINCE_STUDENTS,
    PROVINCE_SURVEY_65PLUS,
    PROVINCE_SURVEY_POPULATION,
)
from desktop.curation.readers import MUNICIPALITY_CODES, RawValue

TEN_THOUSAND = Decimal(10_000)
HUNDRED = Decimal(100)

#: (source, column) -> indicator for the columns taken as published (scaled to base units).
DIRECT: dict[tuple[str, str], tuple[str, Decimal]] = {
    (PROVINCE_POPULATION.id, pi.POPULATION_COLUMN): ("population_resident", TEN_THOUSAND),
    (PROVINCE_STUDENTS.id, pi.STUDENTS_COLUMN): ("students_higher_per_100k", Decimal(1)),
    (PROVINCE_PATENTS.id, pi.PATENT_APPLICATIONS_COLUMN): ("patent_applications", Decimal(1)),
    (PROVINCE_PATENTS.id, pi.PATENT_GRANTS_COLUMN): ("patent_grants", Decimal(1)),
    (PROVINCE_PATENTS.id, pi.INVENTION_GRANTS_COLUMN): ("patent_grants_invention", Decimal(1)),
    (PROVINCE_HOUSING.id, pi.HOUSING_COLUMN): ("housing_price_residential", Decimal(1)),
}

#: English short names where the catalog's name is the full autonomous-region title.
ENGLISH_SHORT = {
    "150000": "Inner Mongolia",
    "450000": "Guangxi",
    "540000": "Tibet",
    "640000": "Ningxia",
    "650000": "Xinjiang",
}
_ZH_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|自治区|省)$")

Key = tuple[str, int]  # province code, year


def place_id(code: str) -> str:
    return f"cn-prov-{code}"


def _by_key(cells: Iterable[ProvinceCell], column: str) -> dict[Key, ProvinceCell]:
    return {(c.code, c.year): c for c in cells if c.column == column}


def growth_values(cells: Iterable[ProvinceCell]) -> list[RawValue]:
    """Real growth (%) = index (previous year = 100) − 100, exact in decimals (106.1 -> 6.1)."""
    return [
        RawValue(place_id(c.code), "gdp_real_growth", c.year, float(c.value - HUNDRED),
                 PROVINCE_GDP_INDEX.id, c.row)
        for c in cells if c.column == pi.GDP_INDEX_COLUMN
    ]


def direct_values(cells: Iterable[ProvinceCell], source_id: str) -> list[RawValue]:
    """Columns kept as published, scaled exactly to base units (万人 -> persons)."""
    out = []
    for c in cells:
        target = DIRECT.get((source_id, c.column))
        if target is not None:
            indicator_id, factor = target
            out.append(RawValue(place_id(c.code), indicator_id, c.year,
                                float(c.value * factor), source_id, c.row))
    return out


def share_values(
    parts: Mapping[Key, ProvinceCell],
    totals: Mapping[Key, ProvinceCell],
    indicator_id: str,
    source_id: str,
) -> list[RawValue]:
    """part / total x 100 for each province-year with both (a zero total gives nothing)."""
    out = []
    for key, part in sorted(parts.items()):
        total = totals.get(key)
        if total is not None and total.value:
            share = float(part.value) / float(total.value) * 100.0
            out.append(RawValue(place_id(part.code), indicator_id, part.year, share,
                                source_id, part.row))
    return out


def ageing_values(
    raw_65: list[ProvinceCell], raw_total: list[ProvinceCell], crawled: list[ProvinceCell]
) -> list[RawValue]:
    """65+ share from NBS's raw exports (2006 on), and from the crawled age table for the
    years the exports lack (2002-2005), so each year has one source."""
    raw = share_values(
        {(c.code, c.year): c for c in raw_65},
        {(c.code, c.year): c for c in raw_total},
        "population_share_65plus",
        PROVINCE_SURVEY_65PLUS.id,
    )
    covered = {(v.place, v.year) for v in raw}
    older = share_values(
        _by_key(crawled, pi.AGE_65_COLUMN),
        _by_key(crawled, pi.AGE_TOTAL_COLUMN),
        "population_share_65plus",
        PROVINCE_AGE.id,
    )
    return raw + [v for v in older if (v.place, v.year) not in covered]


def province_values(
    paths: Mapping[str, Path], known: set[str], note: Callable[[str, str], None]
) -> list[RawValue]:
    """Every province series for the catalog's province places; `note(source_id, text)`
    records what was left out (the municipalities, which are cities of the catalog)."""
    growth, names = read_long(paths[PROVINCE_GDP_INDEX.id], [pi.GDP_INDEX_COLUMN])
    by_source: dict[str, list[RawValue]] = {PROVINCE_GDP_INDEX.id: growth_values(growth)}
    for source in (PROVINCE_POPULATION, PROVINCE_STUDENTS, PROVINCE_PATENTS, PROVINCE_HOUSING):
        columns = [column for (sid, column) in DIRECT if sid == source.id]
        cells, _ = read_long(paths[source.id], columns)
        by_source[source.id] = direct_values(cells, source.id)
    education, _ = read_long(paths[PROVINCE_EDUCATION.id],
                             [pi.EDU_TOTAL_COLUMN, pi.EDU_COLLEGE_COLUMN])
    by_source[PROVINCE_EDUCATION.id] = share_values(
        _by_key(education, pi.EDU_COLLEGE_COLUMN),
        _by_key(education, pi.EDU_TOTAL_COLUMN),
        "education_college_plus",
        PROVINCE_EDUCATION.id,
    )
    age, _ = read_long(paths[PROVINCE_AGE.id], [pi.AGE_TOTAL_COLUMN, pi.AGE_65_COLUMN])
    ageing = ageing_values(
        read_wide(paths[PROVINCE_SURVEY_65PLUS.id], names),
        read_wide(paths[PROVINCE_SURVEY_POPULATION.id], names),
        age,
    )
    for source in (PROVINCE_SURVEY_65PLUS, PROVINCE_AGE):
        by_source[source.id] = [v for v in ageing if v.source_id == source.id]
    municipalities = {place_id(code) for code in MUNICIPALITY_CODES}
    kept: list[RawValue] = []
    for source_id, values in by_source.items():
        kept += [v for v in values if v.place in known]
        left = {v.place for v in values} - known
        if left & municipalities:
            note(source_id, "the municipalities (北京市, 天津市, 上海市, 重庆市): cities of the "
                 "catalog, whose city series are used")
        if left - municipalities:
            note(source_id, f"{len(left - municipalities)} provinces not in the catalog: "
                 + ", ".join(sorted(left - municipalities)))
    return kept


def _aliases(city: City) -> list[str]:
    """'Liaoning' and '辽宁' for 'Liaoning Province' / '辽宁省' (and 'Guangxi', '广西' ...)."""
    english = ENGLISH_SHORT.get(city.code) or city.province_en or city.name_en
    chinese = _ZH_SUFFIX.sub("", city.name_zh) if city.name_zh else ""
    return [a for a in (english, chinese) if a and a not in (city.name_en, city.name_zh)]


def named_provinces(cities: Sequence[City]) -> list[City]:
    """The catalog's places with provinces also known by their short names, except a short
    name another place already has: 'Jilin' and '吉林' stay Jilin city's, so the province is
    'Jilin Province' / '吉林省' and a city is never silently swapped for a province."""
    taken: dict[str, str] = {}
    for city in cities:
        for name in (city.id, city.name_en, city.name_zh, *city.aliases):
            if name:
                taken.setdefault(name_key(name), city.id)
    out = []
    for city in cities:
        if city.kind == "province":
            extra = [a for a in _aliases(city)
                     if taken.get(name_key(a), city.id) == city.id
                     and name_key(a) + "市" not in taken]
            if extra:
                city = replace(city, aliases=tuple(sorted({*city.aliases, *extra})))
        out.append(city)
    return out
