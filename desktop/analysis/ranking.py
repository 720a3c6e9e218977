"""Ranking bars for one year: best first, the focus city highlighted, a peer-median line.

A chart spec as desktop.analysis.charts describes them (display units, notes, source line);
its own module so that the start, which shows the chart over time, need not build it.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace

import numpy as np

from desktop.analysis.charts import (
    axis_label,
    break_marks,
    chart_values,
    city_names,
    cross_country_notes,
    word,
)
from desktop.analysis.latest_each import latest_bars, stale_notes, year_label
from desktop.analysis.latest_each import word as latest_word
from desktop.analysis.panel import panel_for, selection_ids
from desktop.analysis.selection_cube import LATEST_EACH, YearRule
from desktop.analysis.vintages import vintage_note
from desktop.core.dataset import Dataset
from desktop.text.translator import translator


@dataclass(frozen=True)
class RankBar:
    city_id: str
    label: str
    value: float  # display units
    year: int
    rank: int | None  # 1 = best (highest, or lowest where lower is better); None: suspect
    is_focus: bool
    is_peer: bool
    #: the breaks register's reason when this value is suspect: drawn grey, with the reason
    #: in its tooltip; not ranked or in the peer median unless `included`
    suspect: str = ""
    included: bool = False


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
    #: suspect values count in the ranks and the median (the user's "Include suspect values")
    include_suspect: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.bars


def ranking_spec(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_id: str,
    year: YearRule = None,
    *,
    pool: bool = False,
    currency: str | None = None,
    city_indicators: Mapping[str, str] | None = None,
    lang: str = "en",
    include_suspect: bool = False,
) -> RankingSpec:
    """Bars for one year: focus and peers (each its value of that year or the latest earlier,
    with that year), or with pool=True every city of the focus city's comparable pool that has
    a value in exactly that year, peers flagged. Sorted best first. A suspect value (breaks
    register) is a grey bar without a rank, out of the peer median, unless `include_suspect`.
    With `year` LATEST_EACH each selected city's latest value, labelled with its year; the
    chart's year is the most common of them (desktop.analysis.latest_each)."""
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
    each = year == LATEST_EACH  # each city's latest value, its year in its label
    if each:
        year = None
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
    if each:
        bars, missing, year = latest_bars(city_ids, len(selected), matrix, panel.years)
    descending = indicator.higher_is_better is not False
    bars.sort(key=lambda b: (-b[1] if descending else b[1], b[0]))
    peers = set(selected[1:])
    verdicts = _bar_suspects(dataset, indicator_of, bars, lang)
    counts = [b for b in bars if include_suspect or b[0] not in verdicts]
    peer_values = [v for c, v, _ in counts if c in peers]
    median = statistics.median(peer_values) if peer_values else None
    factor = got.display.factor
    ordered = np.sort(np.array([v for _, v, _ in counts]))
    out = []
    for city_id, value, value_year in bars:
        # competition rank: 1 + the number of strictly better counted values
        better = (len(ordered) - np.searchsorted(ordered, value, "right") if descending
                  else np.searchsorted(ordered, value, "left"))
        reason = verdicts.get(city_id, "")
        ranked = include_suspect or not reason
        out.append(RankBar(city_id, dataset.cities[city_id].name(lang), value / factor,
                           value_year, int(better) + 1 if ranked else None,
                           city_id == focus_id, city_id in peers, reason,
                           bool(reason) and include_suspect))
    if each:
        out = [dataclass_replace(b, label=year_label(b.label, b.year, lang)) for b in out]
    notes = [n for n in (indicator.notes(lang),) if n]
    notes.append(vintage_note(dataset, selected, sorted(set(indicator_of.values())), lang))
    notes.extend(cross_country_notes(dataset, city_ids, bool(got.notes), lang))
    notes.extend(got.notes)
    if missing:
        notes.append(latest_word("no_value", lang, cities=city_names(dataset, missing, lang))
                     if each else
                     word("omitted", lang, year=year, cities=city_names(dataset, missing, lang)))
    # a bar from an earlier year is stale: say which, and from when (issue #13)
    earlier = [b for b in out if year is not None and b.year < year]
    if each:  # the profile table's stale rule and wording, against the most common year
        notes.extend(stale_notes([(dataset.cities[b.city_id].name(lang), b.year)
                                  for b in out], year, lang))
    elif earlier:
        notes.append(word("earlier", lang, year=year, cities=translator(lang).list_sep.join(
            word("label_year", lang, label=b.label, year=b.year) for b in earlier)))
    last = max((b.year for b in out), default=year) if each else year
    for b in break_marks(dataset, selected, indicator_of, panel.years, lang):
        if last is not None and b.year <= last:
            notes.append(b.note)
    suffix = got.display.suffix(lang)
    focus_index = next((i for i, b in enumerate(out) if b.is_focus), None)
    return RankingSpec(
        indicator_id=indicator_id,
        title=(latest_word("title", lang, label=indicator.label(lang)) if each
               else word("in_year", lang, label=indicator.label(lang), year=year)),
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
        notes=tuple(n for n in dict.fromkeys(notes) if n),
        currency=got.currency,
        include_suspect=include_suspect,
    )


def _bar_suspects(dataset: Dataset, indicator_of: Mapping[str, str],
                  bars: Sequence[tuple[str, float, int]], lang: str) -> dict[str, str]:
    """city -> the register's reason, for the bars whose value is suspect (a look-up per
    indicator when none is, the usual case)."""
    by_indicator = dataset.suspects_by_indicator
    if not any(i in by_indicator for i in set(indicator_of.values())):
        return {}
    found = {}
    for city_id, _, year in bars:
        verdict = by_indicator.get(indicator_of[city_id], {}).get((city_id, year))
        if verdict is not None:
            found[city_id] = verdict.reason(lang)
    return found
