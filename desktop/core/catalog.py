"""Catalog records: what a city, an indicator, a source and a series break are.

Plain frozen dataclasses with JSON round-trips; no pandas, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from desktop.core.bilingual import N_, pick, word
from desktop.core.units import UNITS, DisplayScale, Unit, styled_scale

#: What kind of place a City is, by its `kind` code: English msgids, said through the text
#: catalogue (`bilingual.word`), as the report's cover and the window's tooltips name it.
CITY_KINDS = {
    "prefecture_city": N_("prefecture-level city"),
    "municipality": N_("municipality (province-level city)"),
    "county_or_district": N_("county-level unit or district"),
    "us_metro": N_("US metropolitan statistical area"),
    "province": N_("province"),
    "country": N_("country"),
    "imported": N_("imported place"),
}


@dataclass(frozen=True)
class City:
    """A place to compare: a city, a US metro area, or a context row (province, country)."""

    id: str
    name_en: str
    name_zh: str = ""
    aliases: tuple[str, ...] = ()
    country: str = ""
    province_en: str = ""
    province_zh: str = ""
    kind: str = "prefecture_city"
    code: str = ""

    def name(self, lang: str = "en") -> str:
        return pick(lang, self.name_en or self.name_zh, self.name_zh)

    def kind_label(self, lang: str = "en") -> str:
        """What kind of place this is, in `lang`; an unknown kind code as it is."""
        return word(lang, CITY_KINDS[self.kind]) if self.kind in CITY_KINDS else self.kind

    @property
    def is_context(self) -> bool:
        """Provinces and countries are shown for context, not ranked among cities."""
        return self.kind in ("province", "country")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["aliases"] = list(self.aliases)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> City:
        return cls(**{**data, "aliases": tuple(data.get("aliases", ()))})


def _known_fields(cls: type, data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` without the keys `cls` does not have: a catalog written by a newer version
    (with fields added since) still loads."""
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in data.items() if key in names}


@dataclass(frozen=True)
class Source:
    """One source file: where it came from and how far to trust it. Publisher, title, trust,
    licence and notes may also be given in Chinese (optional: older catalogs and imported
    files have none, and the English is shown instead)."""

    id: str
    file: str
    publisher: str
    title: str
    sheet: str = ""
    origin: str = ""
    sha256: str = ""
    trust: str = ""
    license: str = ""
    notes: str = ""
    publisher_zh: str = ""
    title_zh: str = ""
    trust_zh: str = ""
    license_zh: str = ""
    notes_zh: str = ""

    def publisher_in(self, lang: str = "en") -> str:
        """The publisher in the language, English when there is no Chinese."""
        return pick(lang, self.publisher, self.publisher_zh)

    def title_in(self, lang: str = "en") -> str:
        """The title in the language, English when there is no Chinese."""
        return pick(lang, self.title, self.title_zh)

    def trust_in(self, lang: str = "en") -> str:
        """How far to trust the source, in the language; English when there is no Chinese."""
        return pick(lang, self.trust, self.trust_zh)

    def license_in(self, lang: str = "en") -> str:
        """The licence in the language, English when there is no Chinese."""
        return pick(lang, self.license, self.license_zh)

    def notes_in(self, lang: str = "en") -> str:
        """The caveats in the language, English when there is no Chinese."""
        return pick(lang, self.notes, self.notes_zh)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Source:
        return cls(**_known_fields(cls, data))


@dataclass(frozen=True)
class Field:
    """Which column of which source an indicator's values were read from, and its scale."""

    source_id: str
    column: str
    source_unit: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Indicator:
    """An indicator: labels, canonical unit, how to show it, and where it comes from; notes
    and definition in English and (optional) Chinese."""

    id: str
    label_en: str
    label_zh: str
    unit: str
    category: str
    higher_is_better: bool | None
    display: DisplayScale = field(default_factory=DisplayScale)
    fields: tuple[Field, ...] = ()
    notes_en: str = ""
    notes_zh: str = ""
    definition_en: str = ""
    definition_zh: str = ""

    def label(self, lang: str = "en") -> str:
        return pick(lang, self.label_en, self.label_zh)

    def notes(self, lang: str = "en") -> str:
        """The caveats in the language, English when there is no Chinese."""
        return pick(lang, self.notes_en, self.notes_zh)

    def definition(self, lang: str = "en") -> str:
        """What the indicator measures, in the language; English when there is no Chinese."""
        return pick(lang, self.definition_en, self.definition_zh)

    @property
    def unit_info(self) -> Unit:
        """The canonical unit; an imported indicator with an unknown unit gets a plain one."""
        return UNITS.get(self.unit) or Unit(self.unit, self.unit)

    def field_for(self, source_id: str) -> Field | None:
        return next((f for f in self.fields if f.source_id == source_id), None)

    def format(self, value: float | None, lang: str = "en") -> str:
        return self.display.format(value, lang)

    def with_number_style(self, style: str) -> Indicator:
        """This indicator displayed in a number style ("chinese" 亿元, "international" bn
        yuan); itself when its display scale has no other style."""
        display = styled_scale(self.display, style)
        return self if display == self.display else replace(self, display=display)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["fields"] = [f.to_json() for f in self.fields]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Indicator:
        values = _known_fields(cls, data)
        values["display"] = DisplayScale(**values.get("display", {}))
        values["fields"] = tuple(Field(**f) for f in values.get("fields", ()))
        return cls(**values)


@dataclass(frozen=True)
class SeriesBreak:
    """A known discontinuity: values before and after `year` are not comparable as a trend."""

    year: int
    city_ids: tuple[str, ...]
    indicator_ids: tuple[str, ...]
    note_en: str
    note_zh: str = ""

    def note(self, lang: str = "en") -> str:
        """The note in the language, English when there is no Chinese."""
        return pick(lang, self.note_en, self.note_zh)

    def applies_to(self, city_id: str, indicator_id: str) -> bool:
        return city_id in self.city_ids and indicator_id in self.indicator_ids

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["city_ids"] = list(self.city_ids)
        data["indicator_ids"] = list(self.indicator_ids)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SeriesBreak:
        return cls(
            **{
                **data,
                "city_ids": tuple(data["city_ids"]),
                "indicator_ids": tuple(data["indicator_ids"]),
            }
        )


@dataclass(frozen=True)
class PeerGroup:
    """A named set of peer cities, e.g. 'North-east' = Dalian, Harbin, Changchun."""

    id: str
    name_en: str
    name_zh: str
    city_ids: tuple[str, ...]

    def name(self, lang: str = "en") -> str:
        return pick(lang, self.name_en, self.name_zh)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "city_ids": list(self.city_ids)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PeerGroup:
        return cls(**{**data, "city_ids": tuple(data["city_ids"])})


_SUFFIX_RE = re.compile(r"\s*[\(（]\s*(city|市)\s*[\)）]\s*$", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """A matching key for a city name: case-, width- and space-insensitive, without '(city)'.

    'Shenyang(city) ', '  Shenyang', 'SHENYANG' and 'Shenyang (city)' share one key;
    Chinese names keep their 市 so that 沈阳市 and 沈阳 are separate aliases listed in the catalog.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    text = _SUFFIX_RE.sub("", text)
    text = _SPACE_RE.sub("", text)
    return text.casefold()


class CityLookup:
    """Finds cities by id, English or Chinese name, any alias, or statistical code.

    A name that belongs to more than one city (two cities romanised 'Suzhou') is ambiguous:
    `get` refuses to guess and `ambiguous` says which cities it could be.
    """

    def __init__(self, cities: Iterable[City]) -> None:
        self._by_id: dict[str, City] = {}
        self._by_key: dict[str, City] = {}
        self._ambiguous: dict[str, list[City]] = {}
        self._by_code: dict[str, City] = {}
        for city in cities:
            self._by_id[city.id] = city
            if city.code:
                self._by_code.setdefault(city.code, city)
                if city.kind == "municipality" and len(city.code) == 6:
                    # Province-level cities are often coded with their province code (110000).
                    self._by_code.setdefault(city.code[:2] + "0000", city)
            for name in dict.fromkeys((city.id, city.name_en, city.name_zh, *city.aliases)):
                if not name:
                    continue
                key = name_key(name)
                known = self._by_key.get(key)
                if known is None:
                    self._by_key[key] = city
                elif known.id != city.id:
                    self._ambiguous.setdefault(key, [known]).append(city)
        for key in self._ambiguous:
            del self._by_key[key]

    def get(self, text: str) -> City | None:
        """Exact lookup by id or any alias (keyed as by `name_key`); None when ambiguous."""
        if text in self._by_id:
            return self._by_id[text]
        key = name_key(text)
        if key in self._ambiguous:
            return None
        found = self._by_key.get(key)
        if found is None and key.endswith("市"):
            found = self._by_key.get(key[:-1])
        if found is None and key and not key.endswith("市"):
            found = self._by_key.get(key + "市")
        return found

    def ambiguous(self, text: str) -> list[City]:
        """The cities a name could mean, when it could mean more than one."""
        return list(self._ambiguous.get(name_key(text), []))

    def by_code(self, code: object) -> City | None:
        """A city by its statistical code ('210100', CBSA '19820'); None when unknown."""
        text = str(code).strip()
        if text.endswith(".0"):
            text = text[:-2]
        return self._by_code.get(text)

    def search(self, text: str, limit: int = 50) -> list[City]:
        """Cities whose name is the text, then whose names start with it, then contain it, then
        whose province does; for pickers, whose Enter takes the first ('Hangzhou' is Hangzhou,
        not Changzhou, which contains it)."""
        key = name_key(text)
        if not key:
            return list(self._by_id.values())[:limit]
        tiers: tuple[list[City], ...] = ([], [], [], [])
        for city in self._by_id.values():
            keys = [name_key(n) for n in (city.name_en, city.name_zh, *city.aliases) if n]
            if key in keys:
                tiers[0].append(city)
            elif any(k.startswith(key) for k in keys):
                tiers[1].append(city)
            elif any(key in k for k in keys):
                tiers[2].append(city)
            elif any(key in name_key(n) for n in (city.province_en, city.province_zh) if n):
                tiers[3].append(city)
        return [city for tier in tiers for city in tier][:limit]
