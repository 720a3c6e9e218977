"""Merge an imported long table into a Dataset, giving a new Dataset (the old one is untouched).

Imported cities that the catalog knows keep their ids; the rest become new cities. Indicators
are matched to the catalog by id, English or Chinese label or source column name, and only when
the canonical unit agrees; otherwise they become new indicators in the 'Imported' category.
Imported values replace bundled values for the same city, indicator and year, and the summary
counts how many did, so nothing is replaced silently.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from desktop.core.catalog import City, Field, Indicator, Source
from desktop.core.dataset import Dataset
from desktop.core.units import UNITS, DisplayScale

IMPORTED_CATEGORY = "Imported"
_BRACKETS = re.compile(r"[\(（\[【].*?[\)）\]】]")
#: Name parts that qualify without changing what is measured (units, 'whole city', prices).
#: '市辖区' (urban districts only) is NOT here: district figures are a different indicator.
_NEUTRAL_PARTS = {"全市", "当年价格", "万元", "亿元", "元", "万人", "人", "万美元", "美元",
                  "百分比", "%"}


@dataclass
class MergeSummary:
    source_id: str
    values_added: int = 0
    values_replaced: int = 0
    cities_added: list[str] = field(default_factory=list)
    indicators_matched: dict[str, str] = field(default_factory=dict)  # name in file -> id
    indicators_added: list[str] = field(default_factory=list)


def indicator_key(name: str) -> str:
    original = unicodedata.normalize("NFKC", name).strip()
    text = _BRACKETS.sub("", original)
    parts = [p for p in re.split(r"_+", text) if p.strip() not in _NEUTRAL_PARTS]
    key = re.sub(r"\s+", "", "".join(parts)).casefold()
    if "市辖区" in original and "市辖区" not in key:
        key += "市辖区"  # a scope in brackets still makes it another indicator
    return key


def _catalog_keys(indicators: dict[str, Indicator]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for indicator in indicators.values():
        names = [indicator.id, indicator.label_en, indicator.label_zh]
        names += [f.column for f in indicator.fields]
        for name in names:
            if name:
                keys.setdefault(indicator_key(name), indicator.id)
    return keys


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return slug or "u" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def merge_import(
    dataset: Dataset, frame: pd.DataFrame, source: Source
) -> tuple[Dataset, MergeSummary]:
    """A new Dataset with the imported rows (LONG_COLUMNS frame) added under `source`."""
    summary = MergeSummary(source.id)
    if source.id in dataset.sources:
        raise ValueError(f"source id {source.id!r} is already in the dataset")
    cities = dict(dataset.cities)
    indicators = dict(dataset.indicators)
    taken_city_ids = set(cities)
    city_ids: dict[str, str] = {}
    for name in dict.fromkeys(frame["city"].astype(str)):
        if name in cities:
            city_ids[name] = name
            continue
        known = dataset.lookup.get(name)
        if known is not None:
            city_ids[name] = known.id
            continue
        city_id = _unique(f"imported-{_slug(name)}", taken_city_ids)
        cities[city_id] = City(
            id=city_id,
            name_en="" if _has_cjk(name) else name,
            name_zh=name if _has_cjk(name) else "",
            kind="imported",
        )
        city_ids[name] = city_id
        summary.cities_added.append(name)

    catalog_keys = _catalog_keys(indicators)
    taken_indicator_ids = set(indicators)
    indicator_ids: dict[tuple[str, str], str] = {}
    pairs = frame[["indicator", "unit", "source_unit"]].astype(str).drop_duplicates()
    for name, unit, source_unit in pairs.itertuples(index=False):
        if (name, unit) in indicator_ids:
            continue
        matched = catalog_keys.get(indicator_key(name))
        if matched and indicators[matched].unit == unit:
            indicator_ids[(name, unit)] = matched
            summary.indicators_matched[name] = matched
            existing = indicators[matched]
            indicators[matched] = _with_field(existing, Field(source.id, name, source_unit))
            continue
        indicator_id = _unique(f"imported:{_slug(name)}", taken_indicator_ids)
        indicators[indicator_id] = _new_indicator(indicator_id, name, unit, source.id,
                                                  source_unit)
        indicator_ids[(name, unit)] = indicator_id
        summary.indicators_added.append(name)

    added = pd.DataFrame(
        {
            "city_id": frame["city"].astype(str).map(city_ids),
            "indicator_id": [
                indicator_ids[(n, u)]
                for n, u in zip(frame["indicator"].astype(str), frame["unit"].astype(str),
                                strict=True)
            ],
            "year": frame["year"].astype("int64"),
            "value": frame["value"].astype(float),
            "source_id": source.id,
            "source_row": frame["source_row"].astype("int64"),
            "source_column": frame["source_column"].astype(str),
        }
    )
    existing = dataset.observations.copy()
    for column in ("city_id", "indicator_id", "source_id"):
        existing[column] = existing[column].astype(str)
    if "source_column" not in existing.columns:
        existing["source_column"] = ""
    keys = ["city_id", "indicator_id", "year"]
    existing["year"] = existing["year"].astype("int64")
    overlap = existing.merge(added[keys], on=keys, how="left", indicator=True)["_merge"]
    replaced = (overlap == "both").to_numpy()
    summary.values_replaced = int(replaced.sum())
    summary.values_added = len(added)
    combined = pd.concat([existing[~replaced], added], ignore_index=True)
    for column in ("city_id", "indicator_id", "source_id"):
        combined[column] = combined[column].astype("category")
    merged = Dataset(
        combined,
        cities=cities.values(),
        indicators=indicators.values(),
        sources=[*dataset.sources.values(), source],
        groups=dataset.groups.values(),
        series_breaks=dataset.series_breaks,
    )
    return merged, summary


def _with_field(indicator: Indicator, new_field: Field) -> Indicator:
    from dataclasses import replace

    return replace(indicator, fields=(*indicator.fields, new_field))


def _new_indicator(indicator_id: str, name: str, unit: str, source_id: str,
                   source_unit: str) -> Indicator:
    known_unit = UNITS.get(unit)
    display = DisplayScale(1, known_unit.label_en if known_unit else unit,
                           known_unit.label_zh if known_unit else unit, 2)
    if unit == "CNY":
        display = DisplayScale(1e8, "亿元", "亿元", 2)
    elif unit == "persons":
        display = DisplayScale(1e4, "万人", "万人", 2)
    elif unit == "percent":
        display = DisplayScale(1, "%", "%", 2)
    return Indicator(
        id=indicator_id,
        label_en=name,
        label_zh=name if _has_cjk(name) else "",
        unit=unit,
        category=IMPORTED_CATEGORY,
        higher_is_better=None,
        display=display,
        fields=(Field(source_id, name, source_unit),),
    )
