"""The report's words for one comparison row: its sentence (the same builder as the window's,
desktop.analysis.sentences.peer_sentence) and its rank ('2 of 4')."""

from __future__ import annotations

from desktop.analysis.comparison import IndicatorComparison
from desktop.analysis.sentences import label_in_sentence, peer_sentence
from desktop.core.catalog import City, Indicator
from desktop.text.phrases import text
from desktop.text.translator import Translator, as_translator

__all__ = ["comparison_sentence", "label_in_sentence", "rank_text"]


def comparison_sentence(
    row: IndicatorComparison, indicator: Indicator, focus: City, lang: str | Translator = "en"
) -> str:
    """One sentence comparing the focus city's value with the peer median; '' without both."""
    tr = as_translator(lang)
    return peer_sentence(focus.name(tr.lang), indicator, row.focus.value, row.peer_median, tr,
                         in_points=row.gap_unit == "pp")


def rank_text(row: IndicatorComparison, lang: str | Translator = "en") -> str:
    """'2 of 4' / '第2/4'; a dash when there is nobody to rank against."""
    if row.focus.rank is None or row.ranked_count < 2:
        return "—"
    return text("rank_of", lang, rank=row.focus.rank, count=row.ranked_count)
