"""Compare a focus city with its peers: values, ranks, peer median and gaps.

Conventions (they are what the profile table shows):
- rank 1 is the highest value within the selection (focus + peers), or the lowest where an
  indicator's `higher_is_better` is False; ties share the better rank;
- the peer median is the median of the peers' values, without the focus city;
- the gap is (value - peer median) / |peer median| x 100, except for indicators measured in
  percent (growth rates, shares), where it is the difference in percentage points;
- a city with no value in the chosen year shows its latest earlier value, with that year.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop.core.dataset import Dataset, Provenance


@dataclass(frozen=True)
class Cell:
    """One city's value of one indicator, as compared."""

    city_id: str
    value: float | None
    year: int | None
    latest_year: int | None
    rank: int | None
    gap: float | None
    provenance: Provenance | None

    @property
    def has_value(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class IndicatorComparison:
    indicator_id: str
    year: int | None
    focus: Cell
    peers: tuple[Cell, ...]
    peer_median: float | None
    ranked_count: int
    break_notes: tuple[str, ...]
    gap_unit: str = "%"

    @property
    def cells(self) -> tuple[Cell, ...]:
        return (self.focus, *self.peers)


@dataclass(frozen=True)
class Profile:
    focus_id: str
    peer_ids: tuple[str, ...]
    requested_year: int | None
    rows: tuple[IndicatorComparison, ...]

    def row(self, indicator_id: str) -> IndicatorComparison:
        return next(r for r in self.rows if r.indicator_id == indicator_id)


def default_year(
    dataset: Dataset, focus_id: str, peer_ids: Sequence[str], indicator_id: str
) -> int | None:
    """Latest year in which the focus and at least one peer both have a value.

    Falls back to the focus city's latest year, then to the latest year of any peer.
    """
    focus_years = set(_present_years(dataset, focus_id, indicator_id))
    peer_years: set[int] = set()
    for peer_id in peer_ids:
        peer_years |= set(_present_years(dataset, peer_id, indicator_id))
    shared = focus_years & peer_years
    for candidates in (shared, focus_years, peer_years):
        if candidates:
            return int(max(candidates))
    return None


def _present_years(dataset: Dataset, city_id: str, indicator_id: str) -> list[int]:
    years, values = dataset.arrays(city_id, indicator_id)
    return years[~np.isnan(values)].tolist()


def _value_at(
    dataset: Dataset, city_id: str, indicator_id: str, year: int | None
) -> tuple[float | None, int | None, int | None]:
    """(value, its year, the city's latest year): the year's value or the latest before it."""
    years, values = dataset.arrays(city_id, indicator_id)
    present = ~np.isnan(values)
    years, values = years[present], values[present]
    if len(years) == 0:
        return None, None, None
    latest = int(years.max())
    if year is None:
        return None, None, latest
    earlier = np.flatnonzero(years <= year)
    if len(earlier) == 0:
        return None, None, latest
    position = int(earlier[np.argmax(years[earlier])])
    return float(values[position]), int(years[position]), latest


def rank_values(values: dict[str, float], higher_is_better: bool | None) -> dict[str, int]:
    """Competition ranks ('1224'): 1 is the highest value unless lower is better."""
    descending = higher_is_better is not False
    ordered = sorted(values.values(), reverse=descending)
    return {key: ordered.index(value) + 1 for key, value in values.items()}


def gap_percent(value: float | None, reference: float | None) -> float | None:
    if value is None or reference is None or reference == 0 or math.isnan(reference):
        return None
    return (value - reference) / abs(reference) * 100.0


def gap_points(value: float | None, reference: float | None) -> float | None:
    """Difference in percentage points, for indicators that are themselves percentages."""
    if value is None or reference is None or math.isnan(reference):
        return None
    return value - reference


def compare_indicator(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_id: str,
    year: int | None = None,
) -> IndicatorComparison:
    indicator = dataset.indicator(indicator_id)
    target = year if year is not None else default_year(dataset, focus_id, peer_ids, indicator_id)
    city_ids = [focus_id, *[p for p in dict.fromkeys(peer_ids) if p != focus_id]]
    found = {c: _value_at(dataset, c, indicator_id, target) for c in city_ids}
    present = {c: v[0] for c, v in found.items() if v[0] is not None}
    ranks = rank_values(present, indicator.higher_is_better)
    peer_values = [present[c] for c in city_ids[1:] if c in present]
    median = statistics.median(peer_values) if peer_values else None
    in_points = indicator.unit == "percent"
    gap = gap_points if in_points else gap_percent

    def cell(city_id: str) -> Cell:
        value, value_year, latest = found[city_id]
        observation = dataset.observation(city_id, indicator_id, value_year) if value_year else None
        return Cell(
            city_id=city_id,
            value=value,
            year=value_year,
            latest_year=latest,
            rank=ranks.get(city_id),
            gap=gap(value, median),
            provenance=observation.provenance if observation else None,
        )

    notes = []
    for city_id in city_ids:
        for series_break in dataset.breaks_for(city_id, indicator_id):
            if series_break.note_en not in notes:
                notes.append(series_break.note_en)
    return IndicatorComparison(
        indicator_id=indicator_id,
        year=target,
        focus=cell(focus_id),
        peers=tuple(cell(c) for c in city_ids[1:]),
        peer_median=median,
        ranked_count=len(present),
        break_notes=tuple(notes),
        gap_unit="pp" if in_points else "%",
    )


def available_indicators(dataset: Dataset, city_ids: Sequence[str]) -> list[str]:
    """Indicators that at least one of the cities has, in catalog order."""
    return [
        indicator_id
        for indicator_id in dataset.indicators
        if any(dataset.has_series(c, indicator_id) for c in city_ids)
    ]


def build_profile(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str] | None = None,
    year: int | None = None,
) -> Profile:
    """The side-by-side profile: one comparison per indicator."""
    peers = tuple(p for p in dict.fromkeys(peer_ids) if p != focus_id)
    chosen = indicator_ids or available_indicators(dataset, [focus_id, *peers])
    rows = tuple(compare_indicator(dataset, focus_id, peers, i, year) for i in chosen)
    return Profile(focus_id, peers, year, rows)
