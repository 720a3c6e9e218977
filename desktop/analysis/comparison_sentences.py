"""Plain-language comparisons ("about 84% of the peer median") computed from the numbers.

Every sentence is generated from a comparison's values, never typed in, so a changed dataset
changes the words too.
"""

from __future__ import annotations

from desktop.analysis.comparison import IndicatorComparison
from desktop.core.catalog import City, Indicator
from desktop.text.phrases import text

#: Within this ratio band (or half a percentage point) two values are "about the same".
SAME_BAND = (0.95, 1.05)
SAME_POINTS = 0.5


def label_in_sentence(indicator: Indicator, lang: str) -> str:
    """The indicator label as it reads mid-sentence: 'GDP per capita', 'average wage of ...'."""
    label = indicator.label(lang)
    if lang == "zh" or not label:
        return label
    first = label.split()[0]
    return label if first.isupper() or first[:2].isupper() else label[0].lower() + label[1:]


def comparison_sentence(
    row: IndicatorComparison, indicator: Indicator, focus: City, lang: str = "en"
) -> str:
    """One sentence comparing the focus city's value with the peer median; '' without both."""
    value, median = row.focus.value, row.peer_median
    if value is None or median is None:
        return ""
    values = {"focus": focus.name(lang), "label": label_in_sentence(indicator, lang)}
    if row.gap_unit == "pp":
        points = value - median
        if abs(points) < SAME_POINTS:
            return text("points_same", lang, **values)
        key = "points_above" if points > 0 else "points_below"
        return text(key, lang, points=f"{abs(points):.1f}", **values)
    if median <= 0 or value < 0:
        return ""
    ratio = value / median
    if SAME_BAND[0] <= ratio <= SAME_BAND[1]:
        return text("ratio_same", lang, **values)
    if ratio < 1:
        return text("ratio_share", lang, percent=round(ratio * 100), **values)
    return text("ratio_times", lang, times=f"{ratio:.1f}", **values)


def rank_text(row: IndicatorComparison, lang: str = "en") -> str:
    """'2 of 4' / '第2/4'; a dash when there is nobody to rank against."""
    if row.focus.rank is None or row.ranked_count < 2:
        return "—"
    return text("rank_of", lang, rank=row.focus.rank, count=row.ranked_count)
