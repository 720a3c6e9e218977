"""Units as sources write them -> a canonical unit code and a power-of-ten scale.

Sources say 亿元, `(万元)`, `_万元`, `US$ millions`, `UNIT_MULT=6`, `MIO_EUR`. Every scale we
meet is a power of ten, so a unit is kept as `(canonical code, exponent)` and values are scaled
by shifting the decimal exponent of the source text (exact, like `units.to_canonical`).

Canonical codes come from `desktop.core.units.UNITS` where one fits (CNY, USD, persons,
percent, ...); `per_mille` is ours for ‰. A unit that names a counting word we do not
convert (吨, 个, 张) keeps that word as its code, scaled (万吨 -> 吨 × 10,000). A unit we do
not understand at all is kept as its cleaned text with exponent 0 and reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from desktop.core.units import SCALE_WORDS, UNITS
from desktop.text.translator import N_, as_translator

#: base unit words -> canonical code (extends desktop.core.units locally)
_BASE_UNITS: dict[str, str] = {
    "元": "CNY",
    "人民币元": "CNY",
    "yuan": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "元/人": "CNY_per_person",
    "元/每人": "CNY_per_person",
    "元每人": "CNY_per_person",
    "yuan per person": "CNY_per_person",
    "yuan/person": "CNY_per_person",
    "yuan per capita": "CNY_per_person",
    "cny per person": "CNY_per_person",
    "cny per capita": "CNY_per_person",
    "美元/人": "USD_per_person",
    "us$ per person": "USD_per_person",
    "us$ per capita": "USD_per_person",
    "usd per person": "USD_per_person",
    "usd per capita": "USD_per_person",
    "us$/person": "USD_per_person",
    "dollars per person": "USD_per_person",
    "dollars per capita": "USD_per_person",
    "元/平方米": "CNY_per_sqm",
    "元/㎡": "CNY_per_sqm",
    "元/m2": "CNY_per_sqm",
    "元/m²": "CNY_per_sqm",
    "元每平方米": "CNY_per_sqm",
    "yuan per square metre": "CNY_per_sqm",
    "yuan per square meter": "CNY_per_sqm",
    "yuan/m2": "CNY_per_sqm",
    "人/平方公里": "persons_per_km2",
    "人/平方千米": "persons_per_km2",
    "人/km2": "persons_per_km2",
    "人/km²": "persons_per_km2",
    "人每平方公里": "persons_per_km2",
    "persons per km2": "persons_per_km2",
    "persons per km²": "persons_per_km2",
    "persons per sq km": "persons_per_km2",
    "persons per square kilometre": "persons_per_km2",
    "persons per square kilometer": "persons_per_km2",
    "people per sq. km of land area": "persons_per_km2",
    "people per sq km": "persons_per_km2",
    "美元": "USD",
    "usd": "USD",
    "us$": "USD",
    "$": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "人": "persons",
    "persons": "persons",
    "person": "persons",
    "people": "persons",
    "%": "percent",
    "％": "percent",
    "百分比": "percent",
    "percent": "percent",
    "pct": "percent",
    "‰": "per_mille",
    "千分比": "per_mille",
    "per mille": "per_mille",
    "jobs": "jobs",
    "个就业岗位": "jobs",
    "元/美元": "CNY_per_USD",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
}

#: counting words kept as their own code (scaled, never converted to something else)
_COUNT_WORDS = ("户", "个", "张", "吨", "辆", "人次", "床", "家", "所", "件", "项", "平方米",
                "平方公里", "公里", "千瓦时", "立方米", "households", "tonnes", "tons")

#: scale prefixes in Chinese, longest first
_ZH_SCALES = (("百万", 6), ("千万", 7), ("十万", 5), ("万亿", 12), ("亿", 8), ("万", 4),
              ("千", 3), ("百", 2), ("十", 1))

_EN_SCALES = {
    "thousand": 3, "thousands": 3, "thousands of": 3, "'000": 3, "000s": 3, "k": 3,
    "million": 6, "millions": 6, "millions of": 6, "mn": 6, "mio": 6, "m": 6,
    "billion": 9, "billions": 9, "billions of": 9, "bn": 9, "mrd": 9,
    "trillion": 12, "trillions": 12, "tn": 12,
    "10 000": 4, "10,000": 4, "10000": 4, "100 million": 8, "100,000,000": 8,
}

#: qualifiers that may surround a unit without changing it ('current US$', 'annual %')
_QUALIFIERS = re.compile(
    r"\b(current|constant|nominal|real|annual|period average|in|of|prices?)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class UnitSpec:
    """A parsed unit: `code` is canonical where known, `exponent` the power of ten to apply."""

    source: str  # the unit as written, cleaned ('亿元', 'USD (UNIT_MULT 6)')
    code: str  # canonical code ('CNY') or the cleaned source text when unknown
    exponent: int = 0
    known: bool = True

    @property
    def factor(self) -> int:
        return 10**self.exponent

    def describe(self) -> str:
        """'亿元 → CNY (× 100,000,000)': the conversion by unit code, as `--json` and logs
        keep it (people read `conversion_text`)."""
        return f"{self.source} → {self.code} (× {self.factor:,})"


#: Labels of canonical codes that units.UNITS does not hold (codes only the importer makes):
#: code -> English (Chinese in the catalogue). UNITS is not extended for them, since a unit
#: there also says which currency a value is in, and that decides which values may share an
#: axis.
_EXTRA_LABELS: dict[str, str] = {
    "per_mille": N_("per mille (‰)"),
    "EUR": N_("euros"),
    "NAC": N_("national currency"),
    "PPS_EU27_2020": N_("purchasing power standards (EU27 2020)"),
}


def unit_label(code: str, lang: str = "en") -> str:
    """A canonical unit as people read it ('yuan (CNY)' / '元'); a code without a label (a
    counting word such as 吨, an ISO currency such as SEK) as it is."""
    unit = UNITS.get(code)
    tr = as_translator(lang)
    if unit is not None:
        return tr.pick(unit.label_en, unit.label_zh)
    return tr.gettext(_EXTRA_LABELS[code]) if code in _EXTRA_LABELS else code


def conversion_text(source: str, code: str, exponent: int, lang: str = "en") -> str:
    """One unit conversion for people: '亿元 × 100,000,000 → yuan (CNY)' / '亿元 × 100,000,000
    → 元'; a scale word alone (万) has no unit to go to: '万 × 10,000'."""
    scale = f"× {10**exponent:,}" if exponent >= 0 else f"÷ {10**-exponent:,}"
    text = f"{source} {scale}"
    return f"{text} → {unit_label(code, lang)}" if code else text


def tidy_unit_text(text: str) -> str:
    """White space collapsed and enclosing brackets removed; characters kept as written."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    while len(text) >= 2 and text[0] in "([（【" and text[-1] in ")]）】":
        text = text[1:-1].strip()
    return text


def clean_unit_text(text: str) -> str:
    """For matching only: also NFKC ('％' -> '%', full-width letters -> ASCII)."""
    return tidy_unit_text(unicodedata.normalize("NFKC", str(text)))


def _base_code(word: str) -> str | None:
    key = word.strip()
    if not key:
        return None
    found = _BASE_UNITS.get(key) or _BASE_UNITS.get(key.casefold())
    if found:
        return found
    if key in UNITS:
        return key
    if key in _COUNT_WORDS or key.casefold() in _COUNT_WORDS:
        return key
    return None


def parse_unit(text: object) -> UnitSpec | None:
    """A known unit, or None when the text is not recognisably a unit (see `unit_or_text`)."""
    if text is None:
        return None
    source = tidy_unit_text(str(text))
    if not source:
        return None
    spec = _parse_clean(clean_unit_text(source))
    return None if spec is None else UnitSpec(source, spec[0], spec[1], True)


def _parse_clean(text: str) -> tuple[str, int] | None:
    lowered = text.casefold()
    code = _base_code(text)
    if code:
        return code, 0
    # Chinese: scale prefix + base word (万元, 亿美元, 万人, 万吨, 千人)
    for prefix, exponent in _ZH_SCALES:
        if text.startswith(prefix) and len(text) > len(prefix):
            base = _base_code(text[len(prefix):])
            if base:
                return base, exponent
    if text in SCALE_WORDS and text:  # scale word alone: 万, 亿
        return "", _exponent(SCALE_WORDS[text])
    # Eurostat-style codes: MIO_EUR, THS_PER, MIO_NAC
    match = re.fullmatch(r"(MIO|THS|BN|MRD)_([A-Z0-9_]+)", text)
    if match:
        exponent = {"MIO": 6, "THS": 3, "BN": 9, "MRD": 9}[match.group(1)]
        rest = match.group(2)
        return {"PER": "persons", "EUR": "EUR", "USD": "USD"}.get(rest, rest), exponent
    # English: 'US$ millions', 'millions of US$', 'thousand persons', 'current US$', 'annual %'
    words = _QUALIFIERS.sub(" ", lowered)
    words = re.sub(r"\s+", " ", words).strip(" ,;")
    if words != lowered:
        code = _base_code(words)
        if code:
            return code, 0
    for scale, exponent in sorted(_EN_SCALES.items(), key=lambda kv: -len(kv[0])):
        for candidate in (words, lowered):
            if candidate.startswith(scale + " "):
                code = _base_code(candidate[len(scale) + 1:].strip())
            elif candidate.endswith(" " + scale):
                code = _base_code(candidate[: -len(scale) - 1].strip())
            elif candidate == scale and len(scale) > 2:
                return "", exponent
            else:
                continue
            if code:
                return code, exponent
    return None


def unit_or_text(text: object) -> UnitSpec | None:
    """For cells that are meant to hold a unit (unit column, unit row, 单位：): known or kept.

    Unknown text is kept as its own code with exponent 0 and `known=False` (to be reported).
    None for an empty cell.
    """
    if text is None:
        return None
    spec = parse_unit(text)
    if spec is not None:
        return spec
    source = tidy_unit_text(str(text))
    if not source:
        return None
    return UnitSpec(source, source, 0, False)


#: money totals and their per-person counterparts
_PER_PERSON = {"CNY": "CNY_per_person", "USD": "USD_per_person"}
#: words in an indicator's name that make its money unit a per-person amount
_PER_PERSON_NAME_RE = re.compile(r"人均|每人|per[\s-]+(?:capita|person|head|inhabitant)",
                                 re.IGNORECASE)


def names_per_person(name: str) -> bool:
    """'人均地区生产总值', 'GDP per capita (current US$)': the name says per person."""
    return _PER_PERSON_NAME_RE.search(unicodedata.normalize("NFKC", name)) is not None


def per_person(spec: UnitSpec | None, name: str) -> UnitSpec | None:
    """The per-person unit when the indicator's name says per person and the unit is a money
    total (人均地区生产总值 in 元 is yuan per person, never 亿元); None otherwise. The source
    text stays as written; the exponent stays (万元 per person is yuan per person × 10,000)."""
    # (a subclass of UnitSpec carries more, e.g. an unreadable scale: left as it is)
    if type(spec) is not UnitSpec or spec.code not in _PER_PERSON or not names_per_person(name):
        return None
    return UnitSpec(spec.source, _PER_PERSON[spec.code], spec.exponent, spec.known)


def per_person_units(names: list[str], name_codes: np.ndarray, unit_codes: np.ndarray,
                     specs: list) -> tuple[list, np.ndarray, list[tuple[str, UnitSpec, int]]]:
    """Records whose indicator name says per person and whose unit is money get the per-person
    unit: (specs with the new units appended, unit code per record, (name, new spec, first
    record) per change, for the report). `name_codes[i]` is record i's index into `names`."""
    money = [k for k, spec in enumerate(specs) if type(spec) is UnitSpec
             and spec.code in _PER_PERSON]
    per_name = [k for k, name in enumerate(names) if names_per_person(name)]
    if not money or not per_name or not len(unit_codes):
        return specs, unit_codes, []
    hit = np.isin(unit_codes, money) & np.isin(name_codes, per_name)
    if not hit.any():
        return specs, unit_codes, []
    specs = list(specs)
    unit_codes = np.array(unit_codes, copy=True)
    changes: list[tuple[str, UnitSpec, int]] = []
    width = len(specs)
    pairs = pd.unique(name_codes[hit].astype(np.int64) * width + unit_codes[hit])
    for pair in pairs.tolist():
        name_code, unit_code = divmod(int(pair), width)
        spec = per_person(specs[unit_code], names[name_code])
        if spec is None:
            continue
        if spec in specs:
            new_code = specs.index(spec)
        else:
            specs.append(spec)
            new_code = len(specs) - 1
        these = hit & (name_codes == name_code) & (unit_codes == unit_code)
        unit_codes[these] = new_code
        changes.append((names[name_code], spec, int(np.argmax(these))))
    left = set(np.unique(unit_codes).tolist())
    for k in money:  # a money unit no record has any more: not reported as converted
        if k not in left:
            specs[k] = None
    return specs, unit_codes, changes


#: SDMX codes that look like currencies but are not one
_NOT_CURRENCIES = {"XDC", "PPS", "PPP", "PCT", "IX", "XXX"}


def sdmx_unit(measure: str, multiplier: object) -> UnitSpec | None:
    """SDMX UNIT_MEASURE plus UNIT_MULT (a power of ten); None when both are empty."""
    base = unit_or_text(measure) if measure else None
    if base is not None and not base.known and re.fullmatch(r"[A-Z]{3}", base.source):
        base = UnitSpec(base.source, base.source, 0, base.source not in _NOT_CURRENCIES)
    exponent = 0
    mult = str(multiplier).strip() if multiplier is not None else ""
    if mult:
        try:
            exponent = int(float(mult))
        except ValueError:
            return UnitSpec(f"{measure} (UNIT_MULT {mult})", measure or mult, 0, False)
    if base is None and not exponent:
        return None
    code = base.code if base else ""
    source = base.source if base else ""
    if exponent:
        source = f"{source} (UNIT_MULT {exponent})".strip()
    return UnitSpec(source, code, (base.exponent if base else 0) + exponent,
                    base.known if base else True)


def _exponent(factor: int) -> int:
    exponent = len(str(factor)) - 1
    if 10**exponent != factor:
        raise ValueError(f"not a power of ten: {factor}")
    return exponent


_PAREN_RE = re.compile(r"[\(（]([^()（）]*)[\)）]")
_SUFFIX_RE = re.compile(r"[_\s]+([^_\s\[\]]+)$")


def split_unit(name: str) -> tuple[str, UnitSpec | None, bool]:
    """Take a unit out of an indicator name or header.

    Returns (name, unit, stripped). '地区生产总值(亿元)' -> ('地区生产总值', 亿元, True);
    '地区生产总值_当年价格_全市_万元' -> ('地区生产总值_当年价格_全市', 万元, True);
    'GDP (current US$)' -> ('GDP (current US$)', USD, False): a unit with qualifiers is
    read but the name keeps them, because 'current' vs 'constant' matters.
    """
    text = name.strip()
    for match in reversed(list(_PAREN_RE.finditer(text))):
        inner = match.group(1).strip()
        spec = parse_unit(inner)
        if spec is None:
            continue
        if _parse_exact(inner):
            rest = (text[: match.start()] + " " + text[match.end():]).strip()
            rest = re.sub(r"\s+", " ", rest)
            return rest, spec, True
        return text, spec, False
    match = _SUFFIX_RE.search(text)
    if match and match.start() > 0:
        spec = parse_unit(match.group(1))
        if spec is not None and _parse_exact(match.group(1)):
            return text[: match.start()].rstrip("_ "), spec, True
        # '绿化覆盖率_市辖区_百分比%': a unit word followed by its sign
        spec = parse_unit(match.group(1).rstrip("%"))
        if spec is not None and spec.code == "percent":
            return text[: match.start()].rstrip("_ "), spec, True
    return text, None, False


def _parse_exact(text: str) -> bool:
    """True when the whole text is a unit without qualifier words (亿元, US$, %, millions)."""
    cleaned = clean_unit_text(text)
    lowered = cleaned.casefold()
    return _parse_clean(cleaned) is not None and _QUALIFIERS.sub("", lowered) == lowered
