"""Plain-language comparisons with friendly fractions, in English and Chinese.

"Shenyang's GDP per capita is about two-thirds of the peer median" /
"沈阳市人均地区生产总值约为同类城市中位数的三分之二。"

A ratio close to a friendly fraction (within FRACTION_TOLERANCE of it, relatively) is said as
that fraction; one within SAME_BAND of 1 is "about the same"; anything else as a percentage
("about 58% of", "about 37% above") or, from twice upward, as a multiple ("about 2.6 times").
Indicators measured in percent (shares, growth rates) are compared in percentage points.
Builds on desktop.analysis.comparison_sentences (label forms) and desktop.text.phrases
(shared wording).
"""

from __future__ import annotations

import math

from desktop.analysis.comparison_sentences import SAME_BAND, SAME_POINTS, label_in_sentence
from desktop.core.catalog import Indicator
from desktop.text.phrases import text

#: (ratio, English, Chinese), in ascending order.
FRACTIONS: tuple[tuple[float, str, str], ...] = (
    (1 / 4, "a quarter of", "四分之一"),
    (1 / 3, "a third of", "三分之一"),
    (1 / 2, "half", "一半"),
    (2 / 3, "two-thirds of", "三分之二"),
    (3 / 4, "three-quarters of", "四分之三"),
    (3 / 2, "one and a half times", "1.5倍"),
    (2.0, "twice", "两倍"),
    (3.0, "three times", "三倍"),
)
#: A ratio within 4% (relative) of a fraction is said as that fraction.
FRACTION_TOLERANCE = 0.04

_TEMPLATES: dict[str, tuple[str, str]] = {
    "fraction": ("{focus}'s {label} is about {fraction} the peer median.",
                 "{focus}{label}约为同类城市中位数的{fraction}。"),
    "percent_above": ("{focus}'s {label} is about {percent}% above the peer median.",
                      "{focus}{label}比同类城市中位数高约{percent}%。"),
    "plain": ("{focus}'s {label} is {value}; the peer median is {median}.",
              "{focus}{label}为{value}，同类城市中位数为{median}。"),
}


def friendly_fraction(ratio: float, lang: str = "en") -> str | None:
    """'two-thirds of' / '三分之二' when the ratio is close to a friendly fraction, else None."""
    if not math.isfinite(ratio) or ratio <= 0:
        return None
    for value, en, zh in FRACTIONS:
        if abs(ratio / value - 1) <= FRACTION_TOLERANCE:
            return zh if lang == "zh" else en
    return None


def _template(key: str, lang: str, **values: object) -> str:
    en, zh = _TEMPLATES[key]
    return (zh if lang == "zh" else en).format(**values)


def peer_sentence(
    focus_name: str,
    indicator: Indicator,
    value: float | None,
    median: float | None,
    lang: str = "en",
) -> str:
    """One sentence comparing a value with the peer median; '' when either is missing."""
    if value is None or median is None or math.isnan(value) or math.isnan(median):
        return ""
    values = {"focus": focus_name, "label": label_in_sentence(indicator, lang)}
    if indicator.unit == "percent":
        points = value - median
        if abs(points) < SAME_POINTS:
            return text("points_same", lang, **values)
        key = "points_above" if points > 0 else "points_below"
        return text(key, lang, points=f"{abs(points):.1f}", **values)
    if median <= 0 or value < 0:
        return _template(
            "plain", lang, value=indicator.format(value, lang),
            median=indicator.format(median, lang), **values,
        )
    ratio = value / median
    if SAME_BAND[0] <= ratio <= SAME_BAND[1]:
        return text("ratio_same", lang, **values)
    fraction = friendly_fraction(ratio, lang)
    if fraction is not None:
        return _template("fraction", lang, fraction=fraction, **values)
    if ratio < 1:
        return text("ratio_share", lang, percent=round(ratio * 100), **values)
    if ratio < 2:
        return _template("percent_above", lang, percent=round((ratio - 1) * 100), **values)
    return text("ratio_times", lang, times=f"{ratio:.1f}", **values)
