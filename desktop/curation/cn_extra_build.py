"""Assemble the second slice of issue #13: census ageing, urbanisation and household size,
CCSY industrial output, retail sales and hospital beds, NBS 70-city house price indices
(Chinese cities) and venture capital (US metros).

Values keyed by a Chinese name are resolved to catalog ids through the census list of
prefecture-level units; whatever is not in the catalog is named in the build log.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

from desktop.core.catalog import SeriesBreak
from desktop.curation import cn_extra_readers as xr
from desktop.curation.cn_extra_sources import (
    NBS_70CITY_NEW,
    NBS_70CITY_SECOND_HAND,
    VENTURE_CAPITAL,
)
from desktop.curation.readers import CensusPlace, RawValue
from desktop.curation.sources import CCSY_PANEL, CENSUS

#: The year the NBS raised the 'above designated size' threshold of industrial enterprises.
ABOVE_SIZE_BREAK_YEAR = 2011

Note = Callable[[str, str], None]


def cn_extra_values(
    paths: Mapping[str, Path],
    census: Mapping[str, CensusPlace],
    known: set[str],
    note: Note,
) -> list[RawValue]:
    """Every value of the slice for places in the catalog; `note(source_id, text)` records
    what was left out and why."""
    census_values, skipped = xr.read_census_extra(paths[CENSUS.id], CENSUS.id)
    for item in skipped:
        note(CENSUS.id, f"row {item.row}: {item.text}")
    values = [v for v in census_values if v.place in known]

    ccsy_values, problems = xr.read_ccsy_extra(paths[CCSY_PANEL.id], CCSY_PANEL.id)
    for item in problems:
        note(CCSY_PANEL.id, f"row {item.row}: {item.text}")
    note(CCSY_PANEL.id, "财政收入 市 占GDP比重: a ratio the compiler derived, whose revenue scope "
         "is not stated, so no fiscal revenue is read; the panel has no land area, so no "
         "population density either")
    values += _by_name(ccsy_values, census, known, "", CCSY_PANEL.id,
                       "industrial output, retail sales, hospital beds", note)

    for source, indicator_id in ((NBS_70CITY_NEW, "house_price_index_new"),
                                 (NBS_70CITY_SECOND_HAND, "house_price_index_second_hand")):
        prices = xr.read_house_price_index(paths[source.id], source.id, indicator_id)
        values += _by_name(prices, census, known, "市", source.id, "price index", note)

    vc, split = xr.read_venture_capital(paths[VENTURE_CAPITAL.id], VENTURE_CAPITAL.id)
    for item in split:
        note(VENTURE_CAPITAL.id, f"row {item.row}: {item.text}")
    outside = {v.place for v in vc} - known
    if outside:
        note(VENTURE_CAPITAL.id, f"{len(outside):,} metros not among the catalog's metros")
    values += [v for v in vc if v.place in known]
    return values


def _by_name(
    values: list[RawValue],
    census: Mapping[str, CensusPlace],
    known: set[str],
    suffix: str,
    source_id: str,
    what: str,
    note: Note,
) -> list[RawValue]:
    """Values keyed by a Chinese city name (+ `suffix`, e.g. 沈阳 + 市) moved to the
    catalog id of the census unit of that name; the rest is counted in the log."""
    code_by_name = {p.name_zh: p.code for p in census.values()}
    resolved: list[RawValue] = []
    unmatched: Counter[str] = Counter()
    for value in values:
        code = code_by_name.get(value.place + suffix)
        city_id = f"cn-{code}" if code else ""
        if city_id in known:
            resolved.append(RawValue(city_id, value.indicator_id, value.year, value.value,
                                     value.source_id, value.row))
        else:
            unmatched[value.place] += 1
    if unmatched:
        listing = ", ".join(f"{name} ({count})" for name, count in sorted(unmatched.items()))
        note(source_id, f"{what}: names not matched to a catalog city (values): {listing}")
    return resolved


def above_size_break(city_ids: tuple[str, ...]) -> SeriesBreak:
    """From 2011 'above designated size' means main-business revenue of 20 million yuan or
    more (5 million before), so industrial output drops for a reason that is not output."""
    return SeriesBreak(
        year=ABOVE_SIZE_BREAK_YEAR,
        city_ids=city_ids,
        indicator_ids=("industrial_output_above_size",),
        note_en="From 2011 industrial enterprises 'above designated size' are those with "
        "annual main-business revenue of 20 million yuan or more (5 million before): output "
        "of the smaller firms leaves the count, so 2010-2011 changes are not real growth.",
        note_zh="自2011年起，规模以上工业企业的起点标准由年主营业务收入500万元提高到2000万元，"
        "较小企业的产值不再计入，因此2010—2011年的变化并非真实增长。",
    )
