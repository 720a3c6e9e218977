"""Which vintage of the statistics a comparison mixes, said once in English and Chinese.

NBS revises province figures after each economic census, while city figures come from the city
yearbooks as first published: a city set beside its province compares two vintages, and a
city/province ratio can move for that reason alone. Whether a comparison does so is derived from
the places' kind and from each series' source note (a province source whose note says its
figures are revised), never from a list of ids, so an imported province source or a new province
is covered as the bundled ones are. Plain Python: no Qt.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.analysis.panel import panel_for
from desktop.core.catalog import Source
from desktop.core.dataset import Dataset
from desktop.text.translator import N_, Translator, as_translator

PROVINCE_KIND = "province"
#: Place kinds whose figures come from city statistical yearbooks, as first published.
CITY_KINDS = frozenset({"prefecture_city", "municipality", "county_or_district"})
_REVISED = re.compile(r"\brevis(?:ed|ion)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\(([A-Z]{2,})\)")
_LAST_YEARS: weakref.WeakKeyDictionary[Dataset, dict[str, int]] = weakref.WeakKeyDictionary()

#: Phrases by key: English msgids, said through the text catalogue (desktop.text).
_WORDS: dict[str, str] = {
    "note": N_(
        "Provinces: {publishers} revised figures ({vintages}); cities: first-published city "
        "yearbook figures. Ratios of a city to its province mix vintages."),
    "one": N_("yearbook {years} vintage"),
    "many": N_("yearbook {years} vintages"),
    "and": N_(" and "),
}


def _word(key: str, lang: str | Translator, **values: object) -> str:
    return as_translator(lang).gettext(_WORDS[key], **values)


@dataclass(frozen=True)
class RevisedSeries:
    """A province source whose note says its figures are revised: who published it and the
    yearbook edition its latest year appeared in (data to 2019: the 2020 yearbook)."""

    source_id: str
    publisher_en: str
    publisher_zh: str
    yearbook: int


def is_revised(source: Source) -> bool:
    """A source whose English note says its figures were revised (after a census)."""
    return bool(_REVISED.search(source.notes or ""))


def _head(text: str, *stops: str) -> str:
    """The text up to the first of `stops` ("National Bureau of Statistics of China")."""
    cut = len(text)
    for stop in stops:
        found = text.find(stop)
        if found > 0:
            cut = min(cut, found)
    return text[:cut].strip()


def _publisher_names(dataset: Dataset, source: Source) -> tuple[str, str]:
    """(English, Chinese) short names of a publisher: its acronym where any source of the same
    publisher gives one ("NBS"), else its name without the database's title."""
    head = _head(source.publisher, " (", ",")
    acronym = next((m.group(1) for s in dataset.sources.values()
                    if _head(s.publisher, " (", ",") == head
                    for m in [_ACRONYM.search(s.publisher)] if m), None)
    zh = _head(source.publisher_zh or source.publisher, "，", ",", "（", " (")
    return acronym or head, zh or acronym or head


def _sources_by_kind(dataset: Dataset, province_ids: Sequence[str], city_ids: Sequence[str],
                     indicator_ids: Sequence[str]) -> tuple[set[str], set[str]]:
    """(province sources, city sources) of the indicators compared that both kinds of place
    have values of (read from the panel's source matrices: no scan of the observations)."""
    panel = panel_for(dataset)
    province_rows = panel.rows_of([c for c in province_ids if c in panel.city_row])
    city_rows = panel.rows_of([c for c in city_ids if c in panel.city_row])
    provinces: set[str] = set()
    cities: set[str] = set()
    for indicator_id in dict.fromkeys(indicator_ids):
        if indicator_id not in dataset.indicators:
            continue
        of_provinces = panel.sources_used(indicator_id, province_rows, slice(None))
        of_cities = panel.sources_used(indicator_id, city_rows, slice(None))
        if of_provinces and of_cities:
            provinces |= of_provinces
            cities |= of_cities
    return provinces, cities


def _last_years(dataset: Dataset) -> dict[str, int]:
    """Source id -> the latest year of its values (one pass per dataset, kept while it lives)."""
    found = _LAST_YEARS.get(dataset)
    if found is None:
        years = dataset.observations.groupby("source_id", observed=True)["year"].max()
        found = {str(k): int(v) for k, v in years.items()}
        _LAST_YEARS[dataset] = found
    return found


def revised_province_series(dataset: Dataset, city_ids: Sequence[str],
                            indicator_ids: Sequence[str]) -> list[RevisedSeries]:
    """The revised province sources a comparison of these places and indicators sets beside
    first-published city figures; empty when it has no province, no city, or no indicator
    both have from sources of different vintages."""
    places = [dataset.cities[c] for c in dict.fromkeys(city_ids) if c in dataset.cities]
    provinces = [p.id for p in places if p.kind == PROVINCE_KIND]
    cities = [p.id for p in places if p.kind in CITY_KINDS]
    if not provinces or not cities or not indicator_ids:
        return []
    province_sources, city_sources = _sources_by_kind(
        dataset, provinces, cities, indicator_ids)
    first_published = [s for s in city_sources
                       if s in dataset.sources and not is_revised(dataset.sources[s])]
    if not first_published:
        return []
    out = []
    for source_id in sorted(province_sources):
        source = dataset.sources.get(source_id)
        if source is None or not is_revised(source):
            continue
        en, zh = _publisher_names(dataset, source)
        out.append(RevisedSeries(source_id, en, zh, _last_years(dataset)[source_id] + 1))
    return out


def vintage_note(dataset: Dataset, city_ids: Sequence[str], indicator_ids: Sequence[str],
                 lang: str = "en") -> str:
    """The one sentence a comparison of cities and provinces carries ("Provinces: NBS revised
    figures (yearbook 2020 vintage); cities: first-published ..."), or "" when it mixes no
    vintages."""
    series = revised_province_series(dataset, city_ids, indicator_ids)
    if not series:
        return ""
    joiner = _word("and", lang)
    tr = as_translator(lang)
    names = [tr.pick(s.publisher_en, s.publisher_zh) for s in series]
    years = sorted({s.yearbook for s in series})
    vintages = _word("one" if len(years) == 1 else "many", lang,
                     years=joiner.join(str(y) for y in years))
    return _word("note", lang, publishers=joiner.join(dict.fromkeys(names)), vintages=vintages)
