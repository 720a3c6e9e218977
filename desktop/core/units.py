"""Canonical units inside, human units outside.

Values are stored in base units (yuan, US dollars, persons, percent). Source scale words such as
万 (1e4) and 亿 (1e8) are applied once, at import, with exact decimal arithmetic so that
"5546.4498" 亿元 becomes exactly 554,644,980,000 yuan. Display scales are applied at the edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop.core.bilingual import N_, is_chinese, word

# Multipliers for scale words found in headers, unit rows and unit columns.
SCALE_WORDS: dict[str, int] = {
    "": 1,
    "元": 1,
    "人": 1,
    "美元": 1,
    "个": 1,
    "十": 10,
    "百": 100,
    "千": 1_000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "万元": 10_000,
    "亿元": 100_000_000,
    "万人": 10_000,
    "万美元": 10_000,
    "亿美元": 100_000_000,
    "万户": 10_000,
    "thousand": 1_000,
    "thousands": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "billion": 1_000_000_000,
    "billions": 1_000_000_000,
}


@dataclass(frozen=True)
class Unit:
    """A canonical unit: what every stored value of an indicator is measured in. Its name is
    an English msgid (marked N_ in UNITS) whose Chinese is in the text catalogue; a unit
    known only by its code (吨, SEK) is named by the code in both languages."""

    code: str
    label_en: str
    currency: str | None = None

    @property
    def label_zh(self) -> str:
        return word("zh", self.label_en)

    def label(self, lang: str = "en") -> str:
        """The unit's name in `lang`: 'yuan (CNY)' / '元'."""
        return word(lang, self.label_en)


UNITS: dict[str, Unit] = {
    unit.code: unit
    for unit in (
        Unit("CNY", N_("yuan (CNY)"), currency="CNY"),
        Unit("USD", N_("US dollars"), currency="USD"),
        Unit("CNY_per_person", N_("yuan per person"), currency="CNY"),
        Unit("persons", N_("persons")),
        Unit("jobs", N_("jobs")),
        Unit("percent", "%"),
        Unit("CNY_per_USD", N_("yuan per US dollar")),
        # ratios: never scaled or shown as money totals (亿元) or head counts (万人)
        Unit("USD_per_person", N_("US dollars per person"), currency="USD"),
        Unit("CNY_per_sqm", N_("yuan per square metre"), currency="CNY"),
        Unit("persons_per_km2", N_("persons per km²")),
        Unit("patents", N_("patents")),
        Unit("per_100k", N_("per 100,000 people")),
        Unit("PPP_USD", N_("international dollars (PPP)"), currency="PPP_USD"),
        Unit("PPP_USD_per_person", N_("international dollars (PPP) per person"),
             currency="PPP_USD"),
        Unit("persons_per_household", N_("persons per household")),
        Unit("beds", N_("beds")),
        Unit("index_yoy", N_("index, a year earlier = 100")),
        Unit("index", N_("index")),
    )
}


class UnitError(ValueError):
    """A scale word or unit code that the app does not know."""


def scale_factor(word: str) -> int:
    """Multiplier for a scale word such as 万元 or 'millions'."""
    key = word.strip()
    lowered = key.lower()
    if key in SCALE_WORDS:
        return SCALE_WORDS[key]
    if lowered in SCALE_WORDS:
        return SCALE_WORDS[lowered]
    raise UnitError(word)


def to_canonical(text: str | int | float | Decimal, factor: int = 1) -> float:
    """Exact decimal scaling of a source number, then one rounding to float.

    Scaling in binary floating point turns "5546.4498" 亿 into 554644980000.00006;
    scaling the decimal first keeps the stored value identical to the source figure.
    """
    try:
        number = Decimal(str(text).strip())
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc
    if not number.is_finite():
        raise ValueError(f"not a finite number: {text!r}")
    return float(number * factor)


@dataclass(frozen=True)
class DisplayScale:
    """How an indicator is shown: divide by `factor`, add a suffix, round to `decimals`."""

    factor: float = 1.0
    suffix_en: str = ""
    suffix_zh: str = ""
    decimals: int = 0

    def scaled(self, value: float) -> float:
        return value / self.factor

    def suffix(self, lang: str = "en") -> str:
        return self.suffix_zh if is_chinese(lang) else self.suffix_en

    def format(self, value: float | None, lang: str = "en", with_suffix: bool = True) -> str:
        """Format a canonical value for people: '5,546.45 亿元'; missing shows as an em dash."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "—"
        number = f"{self.scaled(value):,.{self.decimals}f}"
        suffix = self.suffix(lang)
        if not with_suffix or not suffix:
            return number
        return f"{number}{suffix}" if suffix in ("%", "‰") else f"{number} {suffix}"


def format_percent_change(value: float | None, decimals: int = 1) -> str:
    """A signed percentage such as '+12.3%' or '−4.0%' (true minus sign), '—' when missing."""
    return format_gap(value, "%", decimals)


def format_gap(value: float | None, unit: str = "%", decimals: int = 1,
               lang: str = "en") -> str:
    """A signed difference: '+12.3%', '−4.0%' or, for percentage points ('pp'), '−12.7 pp'
    ('−12.7个百分点' in Chinese: a measure word without a space, since 'pp' is an English
    abbreviation a Chinese reader need not know)."""
    if value is None or math.isnan(value):
        return "—"
    rounded = round(value, decimals)
    sign = "+" if rounded > 0 else ("−" if rounded < 0 else "±")
    number = f"{sign}{abs(rounded):,.{decimals}f}"
    if unit == "%":
        return f"{number}%"
    if unit == "pp":
        return word(lang, N_("{points} pp")).format(points=number)
    return f"{number} {unit}"


def format_big_money(value: float, currency: str) -> str:
    """An English reading of a large money amount: 'CNY 554.6 bn'."""
    for threshold, scale in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= threshold:
            return f"{currency} {value / threshold:,.1f} {scale}"
    return f"{currency} {value:,.0f}"


# --- number styles: how large amounts are written ---------------------------------------------

#: "chinese": 亿元, 万人 (the scales of Chinese yearbooks); "international": billion yuan, million
#: people (steps of a thousand). Only the display changes; stored values never do.
NUMBER_STYLES = ("chinese", "international")

#: Chinese display scale (factor, English suffix, Chinese suffix) and its international peer.
_INTERNATIONAL_PEERS: tuple[tuple[tuple[float, str, str], tuple[float, str, str]], ...] = (
    ((1e8, "亿元", "亿元"), (1e9, "bn yuan", "十亿元")),
    ((1e4, "万元", "万元"), (1e3, "thousand yuan", "千元")),
    ((1e4, "万人", "万人"), (1e6, "million", "百万人")),
)


def _extra_decimals(chinese: float, international: float) -> int:
    """Decimals to add when a scale grows by powers of ten, so no precision is lost (亿元 with
    2 decimals is exact to 1 million yuan, and so is bn yuan with 3); a smaller scale keeps its
    decimals, which keeps the mapping reversible."""
    return max(round(math.log10(international / chinese)), 0)


def international_scale(scale: DisplayScale) -> DisplayScale:
    """The international equivalent of a Chinese display scale: 亿元 → bn yuan (十亿元),
    万人 → million (百万人), 万元 → thousand yuan (千元); any other scale is returned as is."""
    key = (scale.factor, scale.suffix_en, scale.suffix_zh)
    for chinese, international in _INTERNATIONAL_PEERS:
        if key == chinese:
            factor, suffix_en, suffix_zh = international
            return DisplayScale(factor, suffix_en, suffix_zh,
                                scale.decimals + _extra_decimals(chinese[0], factor))
    return scale


def chinese_scale(scale: DisplayScale) -> DisplayScale:
    """The inverse of `international_scale`: bn yuan → 亿元 …; any other scale as is."""
    key = (scale.factor, scale.suffix_en, scale.suffix_zh)
    for chinese, international in _INTERNATIONAL_PEERS:
        if key == international:
            factor, suffix_en, suffix_zh = chinese
            return DisplayScale(factor, suffix_en, suffix_zh,
                                max(scale.decimals - _extra_decimals(factor, international[0]),
                                    0))
    return scale


def styled_scale(scale: DisplayScale, style: str) -> DisplayScale:
    """`scale` written in a number style (one of NUMBER_STYLES); raises ValueError otherwise."""
    if style == "international":
        return international_scale(scale)
    if style == "chinese":
        return chinese_scale(scale)
    raise ValueError(f"number style is one of {NUMBER_STYLES}, not {style!r}")
