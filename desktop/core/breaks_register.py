"""The breaks register: series breaks, vintages and suspect values confirmed by a person.

The register is a hand-kept JSON file (resources/breaks/register.json), reviewed in diffs like
code. A statistical checker (desktop.analysis.break_checker) proposes candidates; what a
person confirms goes here, with its evidence and a sentence in English and Chinese.

Confirmed breaks become `SeriesBreak`s of the Dataset (the mechanism that already marks
Liaoning's 2016 restatement on charts, in tables and in the report's notes); confirmed suspect
values become `SuspectValue`s, which the comparison keeps out of medians, ranks and changes
unless the user includes them. Dismissed entries stay in the register so that the checker's
finding is not investigated twice. Plain Python: no pandas, no Qt.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.bilingual import N_, pick, word
from desktop.core.catalog import SeriesBreak
from desktop.core.errors import DatasetFileError

REGISTER_FORMAT_VERSION = 1

#: kind -> its name as `city-profiles breaks` prints it: English msgids, said through the
#: text catalogue (`bilingual.word`).
KINDS: dict[str, str] = {
    "census_revision": N_("census revision"),
    "definition_change": N_("definition change"),
    "boundary_change": N_("boundary change"),
    "denominator_switch": N_("denominator switch"),
    "restatement": N_("restatement"),
    "suspect_value": N_("suspect value"),
    "vintage": N_("vintage difference"),
}
#: Kinds that split one series into before and after a year (the others do not).
BREAK_KINDS = frozenset(KINDS) - {"suspect_value", "vintage"}
#: A reviewed entry's status -> its name (msgids, as KINDS).
STATUS_NAMES: dict[str, str] = {"confirmed": N_("confirmed"), "dismissed": N_("dismissed")}
STATUSES = tuple(STATUS_NAMES)


def register_path() -> Path:
    """Where the bundled register lives (beside resources/data)."""
    from desktop.core.paths import resources_dir

    return resources_dir() / "breaks" / "register.json"


@dataclass(frozen=True)
class RegisterEntry:
    """One reviewed finding: what kind, where, when, the numbers behind it, in two languages."""

    id: str
    kind: str
    status: str
    city_ids: tuple[str, ...]
    indicator_ids: tuple[str, ...]
    years: tuple[int, ...]
    evidence: tuple[str, ...]
    sentence_en: str
    sentence_zh: str

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"

    @property
    def is_break(self) -> bool:
        """A split of the series at each of `years` (not a suspect value, not a vintage)."""
        return self.kind in BREAK_KINDS

    def sentence(self, lang: str = "en") -> str:
        return pick(lang, self.sentence_en, self.sentence_zh)

    def kind_name(self, lang: str = "en") -> str:
        return word(lang, KINDS[self.kind])

    def status_name(self, lang: str = "en") -> str:
        return word(lang, STATUS_NAMES[self.status])

    def applies_to(self, city_id: str | None = None, indicator_id: str | None = None) -> bool:
        return ((city_id is None or city_id in self.city_ids)
                and (indicator_id is None or indicator_id in self.indicator_ids))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "status": self.status,
            "city_ids": list(self.city_ids), "indicator_ids": list(self.indicator_ids),
            "years": list(self.years), "evidence": list(self.evidence),
            "sentence_en": self.sentence_en, "sentence_zh": self.sentence_zh,
        }


@dataclass(frozen=True)
class SuspectValue:
    """One value a person judged wrong or not comparable (a scale slip, an impossible rate).
    It stays in the data and on screen, greyed with its reason; it is left out of peer
    medians, ranks, changes and sentences unless the user includes suspect values."""

    city_id: str
    indicator_id: str
    year: int
    reason_en: str
    reason_zh: str
    entry_id: str

    def reason(self, lang: str = "en") -> str:
        return pick(lang, self.reason_en, self.reason_zh)


@dataclass(frozen=True)
class BreaksRegister:
    entries: tuple[RegisterEntry, ...] = ()

    def entry(self, entry_id: str) -> RegisterEntry:
        return next(e for e in self.entries if e.id == entry_id)

    def select(self, city_id: str | None = None, indicator_id: str | None = None,
               ) -> list[RegisterEntry]:
        return [e for e in self.entries if e.applies_to(city_id, indicator_id)]

    def series_breaks(self) -> list[SeriesBreak]:
        """One SeriesBreak per confirmed break entry and year; the sentence is its note."""
        return [
            SeriesBreak(year, e.city_ids, e.indicator_ids, e.sentence_en, e.sentence_zh)
            for e in self.entries if e.confirmed and e.is_break for year in e.years
        ]

    def suspect_values(self) -> list[SuspectValue]:
        return [
            SuspectValue(city_id, indicator_id, year, e.sentence_en, e.sentence_zh, e.id)
            for e in self.entries if e.confirmed and e.kind == "suspect_value"
            for city_id in e.city_ids for indicator_id in e.indicator_ids for year in e.years
        ]


def merged_breaks(existing: Iterable[SeriesBreak], register: BreaksRegister,
                  ) -> tuple[SeriesBreak, ...]:
    """The catalog's breaks plus the register's, without a register break the catalog
    already carries (same year, its cities and indicators included): Liaoning's 2016
    restatement is built by the curation and also listed in the register."""
    out = list(existing)
    for candidate in register.series_breaks():
        covered = any(
            b.year == candidate.year and set(candidate.city_ids) <= set(b.city_ids)
            and set(candidate.indicator_ids) <= set(b.indicator_ids) for b in out)
        if not covered:
            out.append(candidate)
    return tuple(out)


def parse_register(data: Any, file: str = "register.json") -> BreaksRegister:
    """A register from its parsed JSON; raises DatasetFileError naming the file, the entry
    and the field that is wrong (a person edits this file by hand)."""
    if not isinstance(data, Mapping):
        raise DatasetFileError(file=file, reason="not a JSON object")
    version = data.get("format_version")
    if version != REGISTER_FORMAT_VERSION:
        raise DatasetFileError(file=file, reason=f"format_version {version}")
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list):
        raise DatasetFileError(file=file, reason="'entries' is not a list")
    entries: list[RegisterEntry] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_entries, start=1):
        entry = _entry(raw, f"entry {number}", file)
        if entry.id in seen:
            raise DatasetFileError(file=file, reason=f"entry {number}: duplicate id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)
    return BreaksRegister(tuple(entries))


def _entry(raw: Any, where: str, file: str) -> RegisterEntry:
    def fail(reason: str) -> DatasetFileError:
        return DatasetFileError(file=file, reason=f"{where}: {reason}")

    if not isinstance(raw, Mapping):
        raise fail("not a JSON object")
    if isinstance(raw.get("id"), str) and raw["id"]:
        where = f"{where} ({raw['id']})"

    def text(key: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise fail(f"'{key}' must be a non-empty text")
        return value

    def texts(key: str, allow_empty: bool = False) -> tuple[str, ...]:
        value = raw.get(key)
        if (not isinstance(value, list) or not all(isinstance(v, str) and v for v in value)
                or (not value and not allow_empty)):
            raise fail(f"'{key}' must be a list of texts")
        return tuple(value)

    kind, status = text("kind"), text("status")
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if status not in STATUSES:
        raise fail(f"unknown status {status!r} (confirmed or dismissed)")
    years = raw.get("years")
    if not isinstance(years, list) or not all(
            isinstance(y, int) and not isinstance(y, bool) and 1900 <= y <= 2100 for y in years):
        raise fail("'years' must be a list of years")
    if not years and kind != "vintage":
        raise fail("'years' is empty")
    return RegisterEntry(
        id=text("id"), kind=kind, status=status, city_ids=texts("city_ids"),
        indicator_ids=texts("indicator_ids"), years=tuple(years),
        evidence=texts("evidence"), sentence_en=text("sentence_en"),
        sentence_zh=text("sentence_zh"),
    )


def load_register(path: Path | None = None) -> BreaksRegister:
    """The register file (default: the bundled one); DatasetFileError when unusable."""
    path = register_path() if path is None else path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatasetFileError(file=str(path), reason=str(exc)) from exc
    return parse_register(data, str(path))
