"""Rebuild the bundled dataset in resources/data from the raw files in resources/sources.

Deterministic: the same inputs give byte-identical outputs, and a test compares a fresh rebuild
with what is committed. No value is typed by hand; even the numbers quoted in notes are read
from the data.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from desktop.core.catalog import City, PeerGroup, SeriesBreak
from desktop.core.dataset import Dataset
from desktop.core.storage import (
    CATALOG_FILE,
    OBSERVATIONS_FILE,
    SNAPSHOT_FILE,
    save_dataset,
    write_atomically,
)
from desktop.curation import cn_extra_build, province_build, readers, us_build, us_series
from desktop.curation.cn_extra_indicators import CN_EXTRA_INDICATORS
from desktop.curation.errors import CurationError
from desktop.curation.geometry import GEOMETRY_FILE, build_geometry, geometry_bytes
from desktop.curation.indicators import INDICATORS as CORE_INDICATORS
from desktop.curation.manifest import read_manifest, source_path
from desktop.curation.places import china_cities, countries, provinces, us_metros
from desktop.curation.province_indicators import with_province_indicators
from desktop.curation.sources import (
    ALL_SOURCES,
    BROOKINGS,
    CCSY_PANEL,
    CENSUS,
    CSMAR_GDP,
    CSMAR_LABOUR,
    NBS_PROVINCE,
    WDI_FX,
    WDI_GDP,
    WDI_GDP_KLCU,
    WDI_GDP_LCU,
    WDI_GROWTH,
)
from desktop.curation.us_sources import WDI_PPP

SOURCES_FILE = "SOURCES.md"
CITY_INDICATORS = (*CORE_INDICATORS, *CN_EXTRA_INDICATORS)
INDICATORS = with_province_indicators(CITY_INDICATORS)
LIAONING = "210000"
BREAK_INDICATORS = (
    "gdp",
    "gdp_per_capita",
    "gdp_real_growth",
    "va_primary",
    "va_secondary",
    "va_tertiary",
)

GROUPS = (
    PeerGroup("north_east", "North-east", "东北", ("cn-210200", "cn-230100", "cn-220100")),
    PeerGroup("hot_spots", "Hot spots", "热点城市", ("cn-110100", "cn-330100", "cn-440300")),
    PeerGroup("us_rust_belt", "US Rust Belt", "美国铁锈带", ("us-19820", "us-38300", "us-17460")),
)


@dataclass
class BuildLog:
    """What the build dropped and why, written into SOURCES.md."""

    left_out: dict[str, list[str]] = field(default_factory=dict)

    def note(self, source_id: str, text: str) -> None:
        self.left_out.setdefault(source_id, []).append(text)


def build_dataset(external: Path) -> tuple[Dataset, BuildLog]:
    """Read every source file, each checked against the folder's manifest.json first, and
    assemble the bundled Dataset. Each Source records the SHA-256 the manifest gives, so the
    catalog names exactly the bytes its numbers came from."""
    manifest = read_manifest(external)
    paths = {s.id: source_path(external, s.file, manifest) for s in ALL_SOURCES}
    sources = tuple(replace(s, sha256=manifest[s.file].sha256) for s in ALL_SOURCES)
    log = BuildLog()

    gdp_values, gdp_places = readers.read_csmar(
        paths[CSMAR_GDP.id], CSMAR_GDP.id, readers.CSMAR_GDP_FIELDS
    )
    labour_values, labour_places = readers.read_csmar(
        paths[CSMAR_LABOUR.id], CSMAR_LABOUR.id, readers.CSMAR_LABOUR_FIELDS
    )
    csmar_places = {**labour_places, **gdp_places}
    census_values, census_places = readers.read_census(paths[CENSUS.id])
    metro_values, metro_places = readers.read_brookings(paths[BROOKINGS.id])
    nbs_values = readers.read_nbs_provinces(paths[NBS_PROVINCE.id])

    chinese = china_cities(csmar_places, census_places)
    province_rows, province_ids = provinces(
        sorted({v.place for v in nbs_values}), census_places, csmar_places
    )
    cities: list[City] = province_build.named_provinces(
        [*chinese, *us_metros(metro_places), *countries(), *province_rows]
    )
    known = {c.id for c in cities}

    values = [*gdp_values, *labour_values, *metro_values]
    values += _keep_known(census_values, known, log, CENSUS.id, census_places)
    fdi_values, fdi_problems = readers.read_ccsy_fdi(paths[CCSY_PANEL.id])
    for problem in fdi_problems:
        log.note(CCSY_PANEL.id, problem)
    values += _resolve_fdi(fdi_values, census_places, known, log)
    for value in nbs_values:
        if value.place in province_ids:
            values.append(_with_place(value, province_ids[value.place]))
        else:
            log.note(
                NBS_PROVINCE.id,
                f"{value.place}: a municipality, already a city (its CSMAR city series is used)",
            )
    wdi_countries = {"CHN": "country-CHN", "USA": "country-USA"}
    values += readers.read_wdi(
        paths[WDI_GROWTH.id], WDI_GROWTH.id, "gdp_real_growth", wdi_countries
    )
    values += readers.read_wdi(paths[WDI_GDP.id], WDI_GDP.id, "gdp_usd_current", wdi_countries)
    fx_values = readers.read_wdi(paths[WDI_FX.id], WDI_FX.id, "exchange_rate",
                                 {"CHN": "country-CHN"})
    values += fx_values
    values += readers.read_wdi(paths[WDI_PPP.id], WDI_PPP.id, "ppp_factor",
                               {"CHN": "country-CHN"})
    values += readers.gdp_deflator(
        readers.read_wdi(paths[WDI_GDP_LCU.id], WDI_GDP_LCU.id, "gdp_deflator", wdi_countries),
        readers.read_wdi(paths[WDI_GDP_KLCU.id], WDI_GDP_KLCU.id, "gdp_deflator", wdi_countries),
    )
    values += us_build.us_metro_values(paths, us_series.rates_by_year(fx_values), known, log.note)
    values += us_series.per_resident(values)
    values += cn_extra_build.cn_extra_values(paths, census_places, known, log.note)
    values += province_build.province_values(paths, known, log.note)

    observations = pd.DataFrame(
        {
            "city_id": [v.place for v in values],
            "indicator_id": [v.indicator_id for v in values],
            "year": [v.year for v in values],
            "value": [v.value for v in values],
            "source_id": [v.source_id for v in values],
            "source_row": [v.row for v in values],
        }
    )
    duplicated = observations.duplicated(["city_id", "indicator_id", "year"], keep=False)
    if duplicated.any():
        raise CurationError(f"duplicate keys:\n{observations[duplicated].head(20)}")
    dataset = Dataset(
        observations,
        cities=cities,
        indicators=INDICATORS,
        sources=sources,
        groups=GROUPS,
        series_breaks=[],
    )
    metro_ids = tuple(c.id for c in cities if c.kind == "us_metro")
    breaks = [_liaoning_restatement(dataset, chinese), us_build.pep_rebenchmark(metro_ids)]
    breaks.append(cn_extra_build.above_size_break(tuple(c.id for c in chinese)))
    return (
        Dataset(observations, cities, INDICATORS, sources, GROUPS, breaks),
        log,
    )


def _with_place(value: readers.RawValue, place: str) -> readers.RawValue:
    return readers.RawValue(
        place, value.indicator_id, value.year, value.value, value.source_id, value.row
    )


def _keep_known(
    values: list[readers.RawValue],
    known: set[str],
    log: BuildLog,
    source_id: str,
    census: dict[str, readers.CensusPlace],
) -> list[readers.RawValue]:
    kept = [v for v in values if v.place in known]
    dropped = sorted({v.place for v in values if v.place not in known})
    if dropped:
        names = ", ".join(census[p.removeprefix("cn-")].name_zh for p in dropped)
        log.note(source_id, f"{len(dropped)} units not in the CSMAR city list: {names}")
    return kept


def _resolve_fdi(
    values: list[readers.RawValue],
    census: dict[str, readers.CensusPlace],
    known: set[str],
    log: BuildLog,
) -> list[readers.RawValue]:
    code_by_name = {p.name_zh: p.code for p in census.values()}
    resolved = []
    unmatched: Counter[str] = Counter()
    for value in values:
        code = code_by_name.get(value.place)
        city_id = f"cn-{code}" if code else None
        if city_id in known:
            resolved.append(_with_place(value, city_id))
        else:
            unmatched[value.place] += 1
    if unmatched:
        listing = ", ".join(f"{name} ({count})" for name, count in sorted(unmatched.items()))
        log.note(CCSY_PANEL.id, f"names not matched to a census city code (rows): {listing}")
    return resolved


def _liaoning_restatement(dataset: Dataset, chinese: list[City]) -> SeriesBreak:
    """The 2016 restatement of Liaoning figures, described with Shenyang's own numbers."""
    gdp = dataset.series("cn-210100", "gdp")
    before, after = gdp.loc[2015] / 1e8, gdp.loc[2016] / 1e8
    liaoning = tuple(c.id for c in chinese if c.code.startswith("21") and c.kind != "province")
    return SeriesBreak(
        year=2016,
        city_ids=liaoning,
        indicator_ids=BREAK_INDICATORS,
        note_en=(
            "Liaoning restated its economic statistics downward from 2016 after admitting "
            f"inflated figures: Shenyang's GDP drops from {before:,.0f} 亿元 in 2015 to "
            f"{after:,.0f} 亿元 in 2016. Changes across 2015-2016 are not real growth."
        ),
        note_zh=(
            f"辽宁省自2016年起下调统计数据（挤水分）：沈阳市地区生产总值由2015年的{before:,.0f}亿元"
            f"降至2016年的{after:,.0f}亿元，2015—2016年的变化并非真实增长。"
        ),
    )


def sources_markdown(dataset: Dataset, log: BuildLog) -> str:
    """resources/data/SOURCES.md: every source, what was read from it, and what was left out."""
    obs = dataset.observations
    lines = [
        "# Bundled data: sources and caveats",
        "",
        "Generated by `python -m desktop.curation` from the raw files in "
        "`resources/sources/`; do not edit by hand. Every value in `observations.csv` "
        "names its source and the row of the source file it was read from (`source_id`, "
        "`source_row`, 1-based as a text editor or spreadsheet shows it). "
        "`observations.snapshot` holds the same columns in binary for a quick start; it "
        "records the CSV's size and CRC-32 and is ignored unless they match.",
        "",
        "Values are stored in canonical units: yuan (CNY), US dollars (USD), persons, jobs, "
        "percent. Source scale words were applied exactly: 亿元 x 1e8, 万元 x 1e4, 万人 x 1e4, "
        "万美元 x 1e4.",
        "",
    ]
    for source in dataset.sources.values():
        rows = obs[obs["source_id"] == source.id]
        sheet = f", sheet `{source.sheet}`" if source.sheet else ""
        lines += [
            f"## {source.title}",
            "",
            f"- File: `{source.file}`{sheet} (SHA-256 `{source.sha256}`)",
            f"- Publisher: {source.publisher}",
            f"- Origin: {source.origin}",
            f"- Trust: {source.trust}",
            f"- Licence: {source.license}",
            f"- Notes: {source.notes}",
            f"- Read: {len(rows):,} values for {rows['city_id'].nunique():,} places, "
            f"{rows['year'].min()}-{rows['year'].max()}"
            if len(rows) else "- Read: no values of its own (the base of a share, see Notes)",
        ]
        for indicator in dataset.indicators.values():
            field_ = indicator.field_for(source.id)
            if field_ is not None:
                count = int((rows["indicator_id"] == indicator.id).sum())
                lines.append(
                    f"  - `{indicator.id}` ({indicator.label_en}) from column `{field_.column}` "
                    f"in {field_.source_unit} -> {indicator.unit}: {count:,} values"
                )
        for text in log.left_out.get(source.id, []):
            lines.append(f"- Left out: {text}")
        lines.append("")
    lines += ["## Series breaks", ""]
    for series_break in dataset.series_breaks:
        lines.append(
            f"- {series_break.year}: {series_break.note_en} (applies to "
            f"{len(series_break.city_ids)} cities; indicators "
            f"{', '.join(series_break.indicator_ids)})"
        )
    lines += ["", "## Definitions", ""]
    lines += [
        "- A Chinese prefecture-level city (地级市) includes its rural counties; a US "
        "metropolitan statistical area is a commuting region. Totals are not comparable "
        "without saying so.",
        "- Chinese money values are nominal yuan. US metro money on a shared indicator (GDP, "
        "GDP per resident, average wage) is converted from current US dollars to yuan at the "
        "World Bank's annual average rate of the same year; Brookings and BEA real GDP stay in "
        "US dollars. The app never draws two currencies on one axis without conversion.",
    ]
    for indicator in dataset.indicators.values():
        if indicator.notes_en or indicator.definition_en:
            text = " ".join(t for t in (indicator.definition_en, indicator.notes_en) if t)
            lines.append(f"- `{indicator.id}`: {text}")
    return "\n".join(lines) + "\n"


def write_bundle(external: Path, target: Path) -> Dataset:
    dataset, log = build_dataset(external)
    save_dataset(dataset, target)
    write_atomically(target / SOURCES_FILE, sources_markdown(dataset, log).encode("utf-8"))
    write_atomically(target / GEOMETRY_FILE, geometry_bytes(build_geometry(external)))
    return dataset


def differences(external: Path, committed: Path) -> list[str]:
    """Files whose fresh rebuild differs from the committed copy (empty when identical)."""
    with tempfile.TemporaryDirectory() as temp:
        fresh = Path(temp)
        write_bundle(external, fresh)
        return [
            name
            for name in (CATALOG_FILE, OBSERVATIONS_FILE, SNAPSHOT_FILE, SOURCES_FILE,
                         GEOMETRY_FILE)
            if not (committed / name).is_file()
            or (committed / name).read_bytes() != (fresh / name).read_bytes()
        ]
