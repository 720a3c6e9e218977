"""Small multiples: one panel per indicator, the focus city against the peer median.

A chart spec as desktop.analysis.charts describes them (display units, notes, source line);
its own module so that the start, which shows the chart over time, need not build it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from desktop.analysis.chart_spec import CROSS_COUNTRY_NOTE, BandSpec, BreakMark
from desktop.analysis.charts import (
    cross_country_notes,
    over_time_spec,
    word,
)
from desktop.analysis.currency import DEFINITIONS_NOTE_EN, DEFINITIONS_NOTE_ZH
from desktop.analysis.panel import selection_ids
from desktop.core.dataset import Dataset


@dataclass(frozen=True)
class MultiplePanel:
    indicator_id: str
    title: str
    y_label: str
    unit_suffix: str
    decimals: int
    years: np.ndarray  # the focus city's years with a value
    focus: np.ndarray
    band: BandSpec | None  # peer median and inter-quartile range
    breaks: tuple[BreakMark, ...]
    notes: tuple[str, ...]
    source_line: str
    log_y: bool = False
    #: the focus city's suspect values (breaks register), out of its line: grey hollow markers
    suspect_years: np.ndarray = field(default_factory=lambda: np.empty(0))
    suspect_values: np.ndarray = field(default_factory=lambda: np.empty(0))
    suspect_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class SmallMultiplesSpec:
    focus_id: str
    focus_label: str
    median_label: str
    mode: str
    panels: tuple[MultiplePanel, ...]
    notes: tuple[str, ...]  # shared by all panels (cross-country definitions)
    source_line: str

    @property
    def is_empty(self) -> bool:
        return not any(len(p.years) for p in self.panels)


_SHARED_NOTES = (CROSS_COUNTRY_NOTE, DEFINITIONS_NOTE_EN, DEFINITIONS_NOTE_ZH)


def small_multiples_spec(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str],
    *,
    mode: str = "absolute",
    log_y: bool = False,
    year_range: tuple[int, int] | None = None,
    base_year: int | None = None,
    currency: str | None = None,
    lang: str = "en",
    include_suspect: bool = False,
) -> SmallMultiplesSpec:
    """One panel per indicator: the focus city's line against the peer median and band
    (suspect values drawn apart and out of the band unless `include_suspect`)."""
    shared = cross_country_notes(dataset, selection_ids(focus_id, peer_ids), currency == "USD",
                                 lang)
    panels = []
    sources: set[str] = set()
    for indicator_id in indicator_ids:
        spec = over_time_spec(dataset, focus_id, peer_ids, indicator_id, mode=mode,
                              log_y=log_y, year_range=year_range, base_year=base_year,
                              currency=currency, lang=lang, include_suspect=include_suspect)
        focus = spec.series[0]
        panels.append(MultiplePanel(
            indicator_id=indicator_id,
            title=spec.title,
            y_label=spec.y_label,
            unit_suffix=spec.unit_suffix,
            decimals=spec.decimals,
            years=focus.years,
            focus=focus.values,
            band=spec.band,
            breaks=spec.breaks,
            notes=tuple(n for n in spec.notes if n not in _SHARED_NOTES),
            source_line=spec.source_line,
            log_y=spec.log_y,
            suspect_years=focus.suspect_years,
            suspect_values=focus.suspect_values,
            suspect_reasons=focus.suspect_reasons,
        ))
        sources.update(s for s in spec.source_line.split("; ") if s)
    return SmallMultiplesSpec(
        focus_id=focus_id,
        focus_label=dataset.cities[focus_id].name(lang),
        median_label=word("peer_median", lang),
        mode=mode,
        panels=tuple(panels),
        notes=shared,
        source_line="; ".join(sorted(sources)),
    )
