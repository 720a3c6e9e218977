"""Assemble the US metro series of the bundled dataset from the US source files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from desktop.core.catalog import SeriesBreak
from desktop.curation import us_readers, us_series
from desktop.curation.readers import RawValue
from desktop.curation.us_sources import (
    ACS_2019,
    BEA_CAEMP25N,
    BEA_CAGDP1,
    BEA_CAINC1,
    BROOKINGS_PROSPERITY,
    PEP_2019,
    PEP_2021,
    USPTO,
)

PEP_REBENCHMARK_YEAR = 2020


def us_metro_values(
    paths: Mapping[str, Path],
    rates: dict[int, float],
    known: set[str],
    note: Callable[[str, str], None],
) -> list[RawValue]:
    """Every US series for the metros of the catalog; `note(source_id, text)` records what
    was left out (metros the catalog does not hold, suppressed shares)."""
    by_source: dict[str, list[RawValue]] = {
        PEP_2019.id: us_readers.read_pep(paths[PEP_2019.id], PEP_2019.id),
        PEP_2021.id: us_readers.read_pep(paths[PEP_2021.id], PEP_2021.id),
        BEA_CAGDP1.id: us_series.gdp_values(
            us_readers.read_bea(
                paths[BEA_CAGDP1.id], {us_series.REAL_GDP_LINE, us_series.CURRENT_GDP_LINE}
            ),
            rates,
        ),
        BEA_CAINC1.id: us_series.income_values(
            us_readers.read_bea(paths[BEA_CAINC1.id], {us_series.INCOME_PER_CAPITA_LINE})
        ),
        BROOKINGS_PROSPERITY.id: us_series.wages_in_yuan(
            us_readers.read_brookings_prosperity(paths[BROOKINGS_PROSPERITY.id]), rates
        ),
        ACS_2019.id: us_readers.read_acs(paths[ACS_2019.id]),
        USPTO.id: us_readers.read_uspto(paths[USPTO.id]),
    }
    jobs_cells = us_readers.read_bea(paths[BEA_CAEMP25N.id], us_series.JOBS_LINES)
    kept_jobs_cells = [c for c in jobs_cells if c.place in known]
    by_source[BEA_CAEMP25N.id], suppressed = us_series.jobs_values(kept_jobs_cells)
    if suppressed:
        note(BEA_CAEMP25N.id, f"{suppressed:,} metro-years of the catalog's metros without a "
             "primary or secondary share of jobs: a part is suppressed (D)")
    kept: list[RawValue] = []
    for source_id, values in by_source.items():
        inside = [v for v in values if v.place in known]
        outside = {v.place for v in values} - known
        if outside:
            note(source_id, f"{len(outside):,} areas not among the catalog's metros (those "
                 "Brookings' Metro Monitor flags as top metros)")
        kept += inside
    return kept


def pep_rebenchmark(metro_ids: tuple[str, ...]) -> SeriesBreak:
    """Vintage 2019 (2010-2019) and Vintage 2021 (2020 Census based) population estimates."""
    return SeriesBreak(
        year=PEP_REBENCHMARK_YEAR,
        city_ids=metro_ids,
        indicator_ids=("population_resident", "gdp_per_resident"),
        note_en="US metro populations from 2020 on are Census Bureau estimates based on the "
        "2020 Census (Vintage 2021); earlier years are Vintage 2019. The change from 2019 to "
        "2020 is partly a re-benchmarking, not growth.",
        note_zh="美国都市区2020年起的人口为以2020年人口普查为基准的估计数（2021年版），"
        "此前为2019年版估计数。2019年到2020年的变化部分来自基准调整，并非人口增长。",
    )
