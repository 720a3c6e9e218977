"""City names as files write them -> catalog ids (or kept as new cities, never dropped).

Names are cleaned defensively (readers already strip control characters from text files, but
workbooks and hand-built grids may still carry them): ANSI escape sequences, C0/C1 controls,
bidi overrides and marks, zero-width spaces and stray BOMs go; NFC normalisation; runs of
white space (ideographic space included) collapse; emoji and combining marks stay.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.catalog import City, CityLookup

_ANSI_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]")
#: format characters removed from names; ZWJ (U+200D) and variation selectors are kept (emoji)
_REMOVE_FORMAT = {"\u200b", "\u200c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
                  "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff",
                  "\u2060", "\u061c", "\u00ad"}
#: what clean_name drops: the format characters above and every control character (category
#: Cc is exactly U+0000-U+001F and U+007F-U+009F) but tab, line feed and carriage return
_DROP_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
                      + "".join(sorted(_REMOVE_FORMAT)) + "]")
_SPACE_RE = re.compile(r"[\s\u3000]+")
_PROVINCE_RE = re.compile(r"(省|自治区|特别行政区)$|\b(province|autonomous region)\b",
                          re.IGNORECASE)
MAX_NAME_LENGTH = 200


def clean_name(text: object) -> str:
    """A name fit to show and to match: controls and bidi marks out, NFC, single spaces."""
    if text is None:
        return ""
    raw = str(text)
    if raw.isascii() and raw.isprintable():
        return " ".join(raw.split())
    cleaned = _DROP_RE.sub("", _ANSI_RE.sub("", raw))
    cleaned = unicodedata.normalize("NFC", cleaned)
    return _SPACE_RE.sub(" ", cleaned).strip()


def looks_like_province(name: str, city: City | None = None) -> bool:
    if city is not None:
        return city.kind == "province"
    return bool(_PROVINCE_RE.search(name))


@dataclass
class CityMatches:
    """For each distinct name in the file: what it became."""

    resolved: dict[str, str] = field(default_factory=dict)  # raw name -> id or cleaned name
    matched: dict[str, str] = field(default_factory=dict)  # cleaned name -> catalog id
    new: list[str] = field(default_factory=list)  # cleaned names not in the catalog
    cleaned: dict[str, str] = field(default_factory=dict)  # raw -> cleaned, where it changed
    truncated: list[str] = field(default_factory=list)
    cities: dict[str, City] = field(default_factory=dict)  # raw name -> catalog city
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # name -> the cities it may be


def match_names(names: Iterable[object], lookup: CityLookup | None) -> CityMatches:
    result = CityMatches()
    new: set[str] = set()  # result.new as a set: one look-up per name, not a list scan
    for raw in names:
        key = "" if raw is None else str(raw)
        if key in result.resolved:
            continue
        name = clean_name(key)
        if len(name) > MAX_NAME_LENGTH:
            result.truncated.append(name[:40])
            name = name[:MAX_NAME_LENGTH]
        if name != key.strip() and name:
            result.cleaned[key] = name
        city = lookup.get(name) if (lookup is not None and name) else None
        if city is not None:
            result.resolved[key] = city.id
            result.matched.setdefault(name, city.id)
            result.cities[key] = city
        else:
            result.resolved[key] = name
            if name and name not in new:
                new.add(name)
                result.new.append(name)
            candidates = lookup.ambiguous(name) if (lookup is not None and name) else []
            if candidates:
                result.ambiguous[key] = [f"{c.name_zh or c.name_en} ({c.province_en})"
                                         for c in candidates]
    return result
