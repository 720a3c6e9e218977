"""The one sentence comparing a city's value with the peer median, for the window's table,
the printed report and the command line alike.

"Shenyang's GDP per capita is about two-thirds of the peer median" /
"沈阳市人均地区生产总值约为同类城市中位数的三分之二。"

A ratio close to a friendly fraction (within FRACTION_TOLERANCE of it, relatively) is said as
that fraction; one within SAME_BAND of 1 is "about the same"; anything else as a percentage
("about 58% of", "about 37% above") or, from twice upward, as a multiple ("about 2.6 times").
Indicators measured in percent (shares, growth rates) are compared in percentage points.
Every sentence is generated from the numbers, never typed in, so a changed dataset changes
the words too; the words themselves are in the text catalogue (desktop.text).
"""

from __future__ import annotations

import math

from desktop.core.catalog import Indicator
from desktop.text.phrases import text
from desktop.text.translator import N_, Translator, as_translator

#: Within this ratio band (or half a percentage point) two values are "about the same".
SAME_BAND = (0.95, 1.05)
SAME_POINTS = 0.5

#: (ratio, English), in ascending order; Chinese in the catalogue.
FRACTIONS: tuple[tuple[float, str], ...] = (
    (1 / 4, N_("a quarter of")),
    (1 / 3, N_("a third of")),
    (1 / 2, N_("half")),
    (2 / 3, N_("two-thirds of")),
    (3 / 4, N_("three-quarters of")),
    (3 / 2, N_("one and a half times")),
    (2.0, N_("twice")),
    (3.0, N_("three times")),
)
#: A ratio within 4% (relative) of a fraction is said as that fraction.
FRACTION_TOLERANCE = 0.04


def label_in_sentence(indicator: Indicator, lang: str | Translator) -> str:
    """The indicator label as it reads mid-sentence: 'GDP per capita', 'average wage of ...'
    (English lower-cases a leading capital unless it is an acronym; Chinese keeps it)."""
    tr = as_translator(lang)
    label = indicator.label(tr.lang)
    if tr.chinese or not label:
        return label
    first = label.split()[0]
    return label if first.isupper() or first[:2].isupper() else label[0].lower() + label[1:]


def friendly_fraction(ratio: float, lang: str | Translator = "en") -> str | None:
    """'two-thirds of' / '三分之二' when the ratio is close to a friendly fraction, else None."""
    if not math.isfinite(ratio) or ratio <= 0:
        return None
    for value, words in FRACTIONS:
        if abs(ratio / value - 1) <= FRACTION_TOLERANCE:
            return as_translator(lang).gettext(words)
    return None


def peer_sentence(
    focus_name: str,
    indicator: Indicator,
    value: float | None,
    median: float | None,
    lang: str | Translator = "en",
    *,
    in_points: bool | None = None,
) -> str:
    """One sentence comparing a value with the peer median; '' when either is missing.
    `in_points` (default: the indicator is in percent) compares in percentage points."""
    if value is None or median is None or math.isnan(value) or math.isnan(median):
        return ""
    tr = as_translator(lang)
    values = {"focus": focus_name, "label": label_in_sentence(indicator, tr)}
    if indicator.unit == "percent" if in_points is None else in_points:
        points = value - median
        if abs(points) < SAME_POINTS:
            return text("points_same", tr, **values)
        key = "points_above" if points > 0 else "points_below"
        return text(key, tr, points=f"{abs(points):.1f}", **values)
    if median <= 0 or value < 0:
        return tr.gettext("{focus}'s {label} is {value}; the peer median is {median}.",
                          value=indicator.format(value, tr.lang),
                          median=indicator.format(median, tr.lang), **values)
    ratio = value / median
    if SAME_BAND[0] <= ratio <= SAME_BAND[1]:
        return text("ratio_same", tr, **values)
    fraction = friendly_fraction(ratio, tr)
    if fraction is not None:
        return tr.gettext("{focus}'s {label} is about {fraction} the peer median.",
                          fraction=fraction, **values)
    if ratio < 1:
        return text("ratio_share", tr, percent=tr.percent(ratio * 100), **values)
    if ratio < 2:
        return tr.gettext("{focus}'s {label} is about {percent} above the peer median.",
                          percent=tr.percent((ratio - 1) * 100), **values)
    return text("ratio_times", tr, times=f"{ratio:.1f}", **values)
