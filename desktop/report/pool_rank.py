"""The focus city's rank among all cities of its comparable pool, for the at-a-glance table.

The ranks are the profile metrics' (desktop.analysis.profile_metrics: competition ranks from
desktop.analysis.selection_cube.pool_positions, suspect values out of the pool unless the user
counts them), in the same year rule as the report's values; this module only words them:
"31 of 306" in a column named after the pool, and a note saying what 1 is, with the
indicators that have no better direction called a position rather than a rank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.analysis.profile_metrics import IndicatorMetrics, profile_metrics
from desktop.core.dataset import Dataset
from desktop.text.phrases import text
from desktop.text.translator import N_, Translator


@dataclass(frozen=True)
class PoolRanks:
    """The focus city's pool rank per indicator of a table."""

    rows: dict[str, IndicatorMetrics]
    labels: tuple[str, str]  # the focus city's pool, in English and Chinese
    labels_of: dict[str, str]  # indicator id -> its label in the report's language
    include_suspect: bool = False  # suspect values count (the user's choice)

    def ranked(self, indicator_id: str) -> bool:
        """Whether the focus city has a rank among at least two pool cities."""
        row = self.rows.get(indicator_id)
        return (row is not None and row.focus.pool_rank is not None
                and row.focus.pool_count >= 2)

    def cell(self, indicator_id: str, tr: Translator) -> str:
        """'31 of 306' / '第31/306'; a dash when the value is missing, suspect or alone."""
        if not self.ranked(indicator_id):
            return "—"
        focus = self.rows[indicator_id].focus
        return text("rank_of", tr, rank=focus.pool_rank, count=focus.pool_count)

    def column_title(self, tr: Translator) -> str:
        return tr.gettext(_WORDS["column"])

    def note(self, focus: str, tr: Translator) -> str:
        """What the column counts: the pool, the year, what 1 is; the indicators without a
        better direction are named, their number is a position from the highest."""
        ranked = [i for i in self.rows if self.ranked(i)]
        if not ranked:
            return ""
        pool = tr.pick(*self.labels)
        key = "note_included" if self.include_suspect else "note"
        note = tr.gettext(_WORDS[key], city=focus, pool=pool)
        neutral = [self.labels_of[i] for i in ranked
                   if self.rows[i].higher_is_better is None]
        if neutral:
            note += tr.word_sep + tr.gettext(_WORDS["position"], indicators=tr.join_and(neutral))
        return note


def pool_ranks(dataset: Dataset, focus_id: str, peer_ids: Sequence[str],
               indicator_ids: Sequence[str], year: int | str | None, include_suspect: bool,
               lang: str = "en") -> PoolRanks:
    """The focus city's pool ranks of these indicators under the report's year rule."""
    metrics = profile_metrics(dataset, focus_id, peer_ids, indicator_ids, year,
                              horizons=(), focus_only=True, include_suspect=include_suspect)
    rows = {m.indicator_id: m for m in metrics.rows}
    first = metrics.rows[0] if metrics.rows else None
    labels = (first.pool_label_en, first.pool_label_zh) if first else ("", "")
    return PoolRanks(rows, labels,
                     {i: dataset.indicator(i).label(lang) for i in indicator_ids},
                     include_suspect)


#: The column's words (Chinese in the catalogue).
_WORDS = {
    "column": N_("Rank among all"),
    "note": N_("Rank among all: {city}'s rank among all {pool} with a value in that year "
               "(1 = best; suspect values left out)."),
    "note_included": N_("Rank among all: {city}'s rank among all {pool} with a value in that "
                        "year (1 = best; suspect values counted, at the user's choice)."),
    "position": N_("For {indicators}, neither higher nor lower is better: the number is a "
                   "position from the highest, not a ranking."),
}
