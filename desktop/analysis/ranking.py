"""Ranking bars for one year: best first, the focus city highlighted, a peer-median line.

A chart spec as desktop.analysis.charts describes them (display units, notes, source line);
its own module so that the start, which shows the chart over time, need not build it.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from desktop.analysis.charts import (
    axis_label,
    break_marks,
    chart_values,
    city_names,
    cross_country_notes,
    word,
)
from desktop.analysis.panel import panel_for, selection_ids
from desktop.core.dataset import Dataset


@dataclass(frozen=True)
class RankBar:
    city_id: str
    label: str
    value: float  # display units
    year: int
    rank: int  # 1 = best (highest, or lowest where lower is better)
    is_focus: bool
    is_peer: bool


@dataclass(frozen=True)
class RankingSpec:
    indicator_id: str
    title: str
    value_label: str
    unit_suffix: str
    decimals: int
    year: int | None
    bars: tuple[RankBar, ...]  # best first
    focus_index: int | None
    peer_median: float | None  # display units; draw as a line
    peer_median_label: str
    higher_is_better: bool | None
    source_line: str
    notes: tuple[str, ...]
    currency: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.bars


def ranking_spec(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_id: str,
    year: int | None = None,
    *,
    pool: bool = False,
    currency: str | None = None,
    city_indicators: Mapping[str, str] | None = None,
    lang: str = "en",
) -> RankingSpec:
    """Bars for one year: focus and peers (each its value of that year or the latest earlier,
    with that year), or with pool=True every city of the focus city's comparable pool that has
    a value in exactly that year, peers flagged. Sorted best first."""
    panel = panel_for(dataset)
    indicator = dataset.indicator(indicator_id)
    selected = selection_ids(focus_id, peer_ids)
    city_ids = list(selected)
    if pool:
        city_ids += [c for c in panel.pool_ids(focus_id) if c not in set(selected)]
    indicator_of = {c: indicator_id for c in city_ids}
    indicator_of.update({c: i for c, i in (city_indicators or {}).items() if c in indicator_of})
    got = chart_values(dataset, panel, city_ids, indicator_of, slice(None), currency, lang)
    matrix = got.values
    finite = np.isfinite(matrix)
    if year is None:
        sel = finite[: len(selected)]
        for candidates in (sel.all(axis=0), sel[0] & sel[1:].any(axis=0), sel[0]):
            hits = np.flatnonzero(candidates)
            if len(hits):
                year = int(panel.years[hits[-1]])
                break
    bars: list[tuple[str, float, int]] = []
    missing: list[str] = []
    if year is not None and panel.col_of(year) is not None:
        col = panel.col_of(year)
        assert col is not None
        for i, city_id in enumerate(city_ids):
            if i < len(selected):
                have = np.flatnonzero(finite[i, : col + 1])
                if len(have):
                    bars.append((city_id, float(matrix[i, have[-1]]), int(panel.years[have[-1]])))
                else:
                    missing.append(city_id)
            elif finite[i, col]:
                bars.append((city_id, float(matrix[i, col]), int(year)))
    descending = indicator.higher_is_better is not False
    bars.sort(key=lambda b: (-b[1] if descending else b[1], b[0]))
    peers = set(selected[1:])
    peer_values = [v for c, v, _ in bars if c in peers]
    median = statistics.median(peer_values) if peer_values else None
    factor = got.display.factor
    ordered = np.sort(np.array([v for _, v, _ in bars]))
    out = []
    for city_id, value, value_year in bars:
        # competition rank: 1 + the number of strictly better values
        better = (len(ordered) - np.searchsorted(ordered, value, "right") if descending
                  else np.searchsorted(ordered, value, "left"))
        out.append(RankBar(city_id, dataset.cities[city_id].name(lang), value / factor,
                           value_year, int(better) + 1, city_id == focus_id, city_id in peers))
    notes = [n for n in (indicator.notes(lang),) if n]
    notes.extend(cross_country_notes(dataset, city_ids, bool(got.notes), lang))
    notes.extend(got.notes)
    if missing:
        notes.append(word("omitted", lang, year=year, cities=city_names(dataset, missing, lang)))
    # a bar from an earlier year is stale: say which, and from when (issue #13)
    earlier = [b for b in out if year is not None and b.year < year]
    if earlier:
        sep = "、" if lang == "zh" else ", "
        notes.append(word("earlier", lang, year=year, cities=sep.join(
            f"{b.label}（{b.year}年）" if lang == "zh" else f"{b.label} ({b.year})"
            for b in earlier)))
    for b in break_marks(dataset, selected, indicator_of, panel.years, lang):
        if year is not None and b.year <= year:
            notes.append(b.note)
    suffix = got.display.suffix(lang)
    focus_index = next((i for i, b in enumerate(out) if b.is_focus), None)
    return RankingSpec(
        indicator_id=indicator_id,
        title=word("in_year", lang, label=indicator.label(lang), year=year),
        value_label=axis_label(indicator.label(lang), suffix),
        unit_suffix=suffix,
        decimals=got.display.decimals,
        year=year,
        bars=tuple(out),
        focus_index=focus_index,
        peer_median=None if median is None else median / factor,
        peer_median_label=word("peer_median", lang),
        higher_is_better=indicator.higher_is_better,
        source_line="; ".join(sorted(got.sources)),
        notes=tuple(dict.fromkeys(notes)),
        currency=got.currency,
    )
