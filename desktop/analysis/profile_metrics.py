"""Profile metrics: for the focus and each peer, every indicator in the chosen year.

Per cell: value (and its own year where it differs from the row's year), rank within the
selection, rank and percentile among all comparable cities of the dataset, gap to the peer
median, index (peer median = 100), change over 1 / 5 / 10 years and CAGR with any series break
inside the window. Per row: the peer median and a sentence in English and Chinese.

Conventions (hand-checkable; tests/analysis/test_profile_metrics.py works them out):
- the row's year, when none is asked for, is the latest year in which the focus and every peer
  have a value; failing that, the latest year the focus shares with at least one peer
  (desktop.analysis.comparison.default_year). A city without a value in the row's year shows its
  latest earlier value, with that year (`Cell.year`, `Cell.other_year`);
- ranks are competition ranks ("1224"), 1 = highest value, or lowest where `higher_is_better`
  is False (desktop.analysis.comparison.rank_values); the selection rank is among the focus and
  peers that have a value; the pool rank is among all cities of the city's comparable pool
  (desktop.analysis.panel: Chinese prefecture-level cities + municipalities, or US metros; never
  provinces or countries) with a value in the cell's year;
- percentile = share of the *other* pool cities with a lower value, ties counting half, x 100:
  the highest value is 100, the lowest 0. It follows the value, not `higher_is_better`;
- peer median: median of the peers' values (focus excluded), as in comparison.compare_indicator;
  gap: % of the median, or percentage points for indicators measured in percent; index =
  value / peer median x 100 (only when the median is positive);
- change over h years: from exactly year - h to the cell's year (no fallback): % change, or
  percentage points for percent indicators; CAGR = (end / start)^(1/h) - 1 in % (only for
  positive values of non-percent indicators). A series break at year B lies inside a window
  start..end when start < B <= end (the break is between B-1 and B).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop.analysis.chart_spec import CROSS_COUNTRY_NOTE
from desktop.analysis.comparison import gap_percent, gap_points, rank_values
from desktop.analysis.panel import Panel, panel_for, pool_label, selection_ids
from desktop.analysis.sentences import peer_sentence
from desktop.core.dataset import Dataset, Provenance

HORIZONS = (1, 5, 10)


@dataclass(frozen=True)
class Change:
    horizon: int
    start_year: int
    end_year: int
    start_value: float | None
    end_value: float | None
    change: float | None  # % (or percentage points where `unit` is "pp")
    unit: str
    cagr: float | None  # % per year
    break_years: tuple[int, ...]  # series breaks inside the window

    @property
    def has_break(self) -> bool:
        return bool(self.break_years)


@dataclass(frozen=True)
class MetricCell:
    city_id: str
    value: float | None
    year: int | None
    other_year: bool
    rank: int | None  # within the selection
    selection_count: int
    pool_rank: int | None  # among the comparable pool in the cell's year
    pool_count: int
    percentile: float | None
    gap: float | None
    index: float | None
    changes: tuple[Change, ...]
    source_id: str | None

    @property
    def has_value(self) -> bool:
        return self.value is not None

    def change(self, horizon: int) -> Change | None:
        return next((c for c in self.changes if c.horizon == horizon), None)


@dataclass(frozen=True)
class IndicatorMetrics:
    indicator_id: str
    year: int | None
    cells: tuple[MetricCell, ...]  # focus first
    peer_median: float | None
    gap_unit: str  # "%" or "pp"
    higher_is_better: bool | None
    pool_label_en: str
    pool_label_zh: str
    sentence_en: str
    sentence_zh: str
    break_notes: tuple[str, ...]

    @property
    def focus(self) -> MetricCell:
        return self.cells[0]

    @property
    def peers(self) -> tuple[MetricCell, ...]:
        return self.cells[1:]

    def sentence(self, lang: str = "en") -> str:
        return self.sentence_zh if lang == "zh" else self.sentence_en


@dataclass(frozen=True)
class ProfileMetrics:
    focus_id: str
    peer_ids: tuple[str, ...]
    requested_year: int | None
    horizons: tuple[int, ...]
    rows: tuple[IndicatorMetrics, ...]
    notes: tuple[str, ...]

    def row(self, indicator_id: str) -> IndicatorMetrics:
        return next(r for r in self.rows if r.indicator_id == indicator_id)


def _row_year(matrix: np.ndarray, panel: Panel) -> int | None:
    """Latest year every selected city has; else the latest the focus shares with a peer."""
    have = ~np.isnan(matrix)
    if not have.size:
        return None
    for candidates in (
        have.all(axis=0),
        have[0] & have[1:].any(axis=0) if len(have) > 1 else have[0],
        have[0],
        have.any(axis=0),
    ):
        hits = np.flatnonzero(candidates)
        if len(hits):
            return int(panel.years[hits[-1]])
    return None


def _changes(
    series: np.ndarray,
    panel: Panel,
    end_col: int,
    horizons: Sequence[int],
    in_points: bool,
    break_years: Sequence[int],
) -> tuple[Change, ...]:
    end_year = int(panel.years[end_col])
    end = float(series[end_col])
    out = []
    for h in horizons:
        start_col = end_col - h
        start = float(series[start_col]) if start_col >= 0 else float("nan")
        start_value = None if np.isnan(start) else start
        change = cagr = None
        if start_value is not None:
            if in_points:
                change = end - start
            elif start > 0:
                change = (end / start - 1) * 100
                if end > 0:
                    cagr = ((end / start) ** (1 / h) - 1) * 100
        inside = tuple(b for b in break_years if end_year - h < b <= end_year)
        out.append(Change(h, end_year - h, end_year, start_value, end, change,
                          "pp" if in_points else "%", cagr, inside))
    return tuple(out)


def _pool_position(
    ordered: np.ndarray, value: float, higher_is_better: bool | None
) -> tuple[int, int, float | None]:
    """(competition rank, pool count, percentile) of a value among the pool's sorted values."""
    count = len(ordered)
    below = int(np.searchsorted(ordered, value, "left"))
    at_or_below = int(np.searchsorted(ordered, value, "right"))
    better = below if higher_is_better is False else count - at_or_below
    equal_others = max(at_or_below - below - 1, 0)
    percentile = (below + 0.5 * equal_others) / (count - 1) * 100 if count > 1 else None
    return better + 1, count, percentile


def indicator_metrics(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_id: str,
    year: int | None = None,
    horizons: Sequence[int] = HORIZONS,
    panel: Panel | None = None,
) -> IndicatorMetrics:
    """Metrics of one indicator for the focus (first) and each peer."""
    panel = panel or panel_for(dataset)
    indicator = dataset.indicator(indicator_id)
    city_ids = selection_ids(focus_id, peer_ids)
    rows = panel.rows_of(city_ids)
    matrix = panel.matrix(indicator_id)
    selected = matrix[rows]
    target = year if year is not None else _row_year(selected, panel)
    in_points = indicator.unit == "percent"
    higher = indicator.higher_is_better
    # Column of each city's value: the target year or its latest earlier year.
    cols: list[int | None] = []
    if target is not None:
        limit = min(int(target) - panel.first_year, len(panel.years) - 1)
        for series in selected:
            have = np.flatnonzero(~np.isnan(series[: limit + 1])) if limit >= 0 else []
            cols.append(int(have[-1]) if len(have) else None)
    else:
        cols = [None] * len(city_ids)
    values = {
        c: float(selected[i, col]) for i, (c, col) in enumerate(zip(city_ids, cols, strict=True))
        if col is not None
    }
    ranks = rank_values(values, higher)
    peer_values = [values[c] for c in city_ids[1:] if c in values]
    median = statistics.median(peer_values) if peer_values else None
    gap = gap_points if in_points else gap_percent
    sources = panel.source_codes(indicator_id)
    sorted_pools: dict[tuple[tuple[str, str], int], np.ndarray] = {}
    cells = []
    notes: list[str] = []
    for i, city_id in enumerate(city_ids):
        col = cols[i]
        breaks = dataset.breaks_for(city_id, indicator_id)
        for b in breaks:
            if b.note_en not in notes:
                notes.append(b.note_en)
        if col is None:
            cells.append(MetricCell(city_id, None, None, False, None, len(values), None, 0,
                                    None, None, None, (), None))
            continue
        value = values[city_id]
        key = (panel.pool_key_of(city_id), col)
        ordered = sorted_pools.get(key)
        if ordered is None:
            column = matrix[panel.pool_rows(key[0]), col]
            ordered = sorted_pools[key] = np.sort(column[~np.isnan(column)])
        pool_rank, pool_count, percentile = _pool_position(ordered, value, higher)
        index = value / median * 100 if median is not None and median > 0 else None
        source_code = int(sources[rows[i], col])
        cells.append(
            MetricCell(
                city_id=city_id,
                value=value,
                year=int(panel.years[col]),
                other_year=int(panel.years[col]) != target,
                rank=ranks[city_id],
                selection_count=len(values),
                pool_rank=pool_rank,
                pool_count=pool_count,
                percentile=percentile,
                gap=gap(value, median),
                index=index,
                changes=_changes(selected[i], panel, col, horizons, in_points,
                                 [b.year for b in breaks]),
                source_id=panel.source_ids[source_code] if source_code >= 0 else None,
            )
        )
    focus = dataset.cities[focus_id]
    key = panel.pool_key_of(focus_id)
    return IndicatorMetrics(
        indicator_id=indicator_id,
        year=target,
        cells=tuple(cells),
        peer_median=median,
        gap_unit="pp" if in_points else "%",
        higher_is_better=higher,
        pool_label_en=pool_label(key, "en"),
        pool_label_zh=pool_label(key, "zh"),
        sentence_en=peer_sentence(focus.name("en"), indicator, values.get(focus_id), median, "en"),
        sentence_zh=peer_sentence(focus.name("zh"), indicator, values.get(focus_id), median, "zh"),
        break_notes=tuple(notes),
    )


def profile_metrics(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str] | None = None,
    year: int | None = None,
    horizons: Sequence[int] = HORIZONS,
) -> ProfileMetrics:
    """Metrics of every indicator (default: those any selected city has, in catalog order)."""
    panel = panel_for(dataset)
    city_ids = selection_ids(focus_id, peer_ids)
    rows = panel.rows_of(city_ids)
    if indicator_ids is None:
        indicator_ids = [
            i for i in dataset.indicators if np.any(~np.isnan(panel.matrix(i)[rows]))
        ]
    metrics = tuple(
        indicator_metrics(dataset, focus_id, city_ids[1:], i, year, horizons, panel)
        for i in indicator_ids
    )
    countries = {dataset.cities[c].country for c in city_ids}
    notes = (CROSS_COUNTRY_NOTE,) if {"CN", "US"} <= countries else ()
    return ProfileMetrics(focus_id, tuple(city_ids[1:]), year, tuple(horizons), metrics, notes)


def cell_provenance(dataset: Dataset, indicator_id: str, cell: MetricCell) -> Provenance | None:
    """Where a cell's value came from (looked up on demand, e.g. for a tooltip)."""
    if cell.year is None:
        return None
    observation = dataset.observation(cell.city_id, indicator_id, cell.year)
    return observation.provenance if observation else None
