"""Profile metrics: for the focus and each peer, every indicator in the chosen year.

Per cell: value (and its own year where it differs from the row's year), rank within the
selection, rank and percentile among all comparable cities of the dataset, gap to the peer
median, index (peer median = 100), change over 1 / 5 / 10 years and CAGR with any series break
inside the window. Per row: the peer median and a sentence in English and Chinese.

Conventions (hand-checkable; tests/analysis/test_profile_metrics.py works them out):
- the row's year, when none is asked for, is the latest year in which the focus and every peer
  have a value; failing that, the latest year the focus shares with at least one peer — the
  same year as the profile table's (desktop.analysis.comparison.default_year). A city
  without a value in the row's year shows its latest earlier value, with that year
  (`Cell.year`, `Cell.other_year`);
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
  start..end when start < B <= end (the break is between B-1 and B);
- a value the breaks register judges suspect is shown (`MetricCell.suspect`, with its reason)
  but has no rank, gap or index, is left out of the peer median and the sentence, and a
  change from or to it is withheld (`Change.suspect_years`), unless `include_suspect`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial

import numpy as np

from desktop.analysis.chart_spec import CROSS_COUNTRY_NOTE
from desktop.analysis.comparison import gap_percent, gap_points
from desktop.analysis.panel import Panel, panel_for, pool_label, selection_ids
from desktop.analysis.selection_cube import (
    NONE,
    pool_positions,
    selection_cube,
)
from desktop.analysis.sentences import peer_sentence
from desktop.analysis.suspects import (
    pool_suspect_values,
    suspects_in_pools,
    without_pool_suspects,
)
from desktop.core.bilingual import is_chinese, pick
from desktop.core.breaks_register import SuspectValue
from desktop.core.dataset import Dataset, Provenance

HORIZONS = (1, 5, 10)


# Change and MetricCell are plain (not frozen) dataclasses: a frozen one's __init__ sets each
# field through object.__setattr__, 5x the cost, and the table makes ~4 of them per indicator
# on every selection change (3,000 places x 100 indicators: 7.2 -> 6.2 ms). Nothing changes
# them after they are made.
@dataclass
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
    #: start or end years whose value is suspect: change and CAGR are withheld (None)
    suspect_years: tuple[int, ...] = ()

    @property
    def has_break(self) -> bool:
        return bool(self.break_years)


@dataclass
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
    #: the register's verdict when this value is suspect (shown greyed, with its reason)
    suspect: SuspectValue | None = None

    @property
    def has_value(self) -> bool:
        return self.value is not None

    def change(self, horizon: int) -> Change | None:
        return next((c for c in self.changes if c.horizon == horizon), None)


def write_sentence(parts: tuple, median: float | None, lang: str) -> str:
    """The sentence comparing the focus city's value with the peer median, from
    IndicatorMetrics.sentence_parts ('' when either is missing)."""
    name_en, name_zh, indicator, value = parts
    return peer_sentence(pick(lang, name_en, name_zh), indicator, value, median, lang)


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
    break_notes: tuple[str, ...]
    #: What the sentences say: (the focus city's English and Chinese names, the indicator,
    #: the focus city's value); they are written when first read (the table shows one).
    sentence_parts: tuple = field(default=(), repr=False, compare=False)

    @cached_property
    def sentence_en(self) -> str:
        return self._sentence("en")

    @cached_property
    def sentence_zh(self) -> str:
        return self._sentence("zh")

    def _sentence(self, lang: str) -> str:
        return write_sentence(self.sentence_parts, self.peer_median, lang)

    def sentence_writer(self, lang: str) -> Callable[[], str]:
        """What writes the sentence in `lang` when called, holding only what it says (a
        table's cell may keep it long after the metrics are gone)."""
        return partial(write_sentence, self.sentence_parts, self.peer_median, lang)

    @property
    def says_something(self) -> bool:
        """Whether there is a sentence (the focus city's value and the peer median), known
        without writing it."""
        value, median = self.sentence_parts[3] if self.sentence_parts else None, \
            self.peer_median
        return value is not None and median is not None and value == value and median == median

    @property
    def sentence_key(self) -> tuple:
        """What the sentence says: the same key, the same sentence (in one language)."""
        name_en, _, indicator, value = self.sentence_parts
        return (name_en, indicator.id, value, self.peer_median)

    @property
    def focus(self) -> MetricCell:
        return self.cells[0]

    @property
    def peers(self) -> tuple[MetricCell, ...]:
        return self.cells[1:]

    def sentence(self, lang: str = "en") -> str:
        """The sentence in `lang` (as `pick` chooses), writing only that language's: the
        table rebuilds every row's on each selection change."""
        if is_chinese(lang):
            return self.sentence_zh or self.sentence_en
        return self.sentence_en


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


def _changes(
    end: float,
    end_year: int,
    starts: Sequence[float],
    horizons: Sequence[int],
    in_points: bool,
    break_years: Sequence[int],
    suspect_years: Sequence[int] = (),
) -> tuple[Change, ...]:
    """Change and CAGR from each horizon's start value (NaN: none) to `end`; withheld when
    the start or end year is in `suspect_years`."""
    out = []
    unit = "pp" if in_points else "%"
    for h, start in zip(horizons, starts, strict=True):
        start_value = None if start != start else start  # NaN: no value h years before
        change = cagr = None
        # (most series have neither suspect values nor breaks: no tuple built for them)
        suspect = tuple(y for y in (end_year - h, end_year) if y in suspect_years) \
            if suspect_years else ()
        if start_value is not None and not suspect:
            if in_points:
                change = end - start
            elif start > 0:
                change = (end / start - 1) * 100
                if end > 0:
                    cagr = ((end / start) ** (1 / h) - 1) * 100
        inside = tuple(b for b in break_years if end_year - h < b <= end_year) \
            if break_years else ()
        out.append(Change(h, end_year - h, end_year, start_value, end, change, unit, cagr,
                          inside, suspect))
    return tuple(out)


def indicator_metrics(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_id: str,
    year: int | None = None,
    horizons: Sequence[int] = HORIZONS,
    panel: Panel | None = None,
    include_suspect: bool = False,
) -> IndicatorMetrics:
    """Metrics of one indicator for the focus (first) and each peer."""
    return _metrics(dataset, focus_id, peer_ids, [indicator_id], year, horizons,
                    panel or panel_for(dataset), include_suspect=include_suspect)[0]


def _metrics(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str],
    year: int | None,
    horizons: Sequence[int],
    panel: Panel,
    focus_only: bool = False,
    include_suspect: bool = False,
) -> tuple[IndicatorMetrics, ...]:
    """Metrics of several indicators, every cell from one SelectionCube (see its module)."""
    indicators = [dataset.indicator(i) for i in indicator_ids]  # raises for an unknown id
    city_ids = selection_ids(focus_id, peer_ids)
    panel.rows_of(city_ids)  # raises UnknownCityError
    cube = selection_cube(panel, city_ids, indicator_ids)
    higher = [i.higher_is_better for i in indicators]
    # the table's own years (LATEST_EACH too), so details match its values: the comparison
    # the table made (SelectionCube.compared)
    found = cube.compared(dataset, year, include_suspect,
                          np.array([h is not False for h in higher], dtype=bool))
    targets, cols, values = found.targets, found.cols, found.values
    suspects, counted, ranks = found.suspects, found.counted, found.ranks
    # Cells shown: every city, or the focus alone (its rank, the median and the sentence
    # still come from every city).
    shown = 1 if focus_only else len(city_ids)
    keys = [panel.pool_key_of(c) for c in city_ids[:shown]]
    # The focus city's own findings (its rank in the pool, changes, source) depend on its
    # value's column alone: another set of peers in the same year keeps them (_FocusPart).
    part_key = (panel, focus_id, tuple(indicator_ids), tuple(horizons), include_suspect)
    kept = _LAST_FOCUS[0] if focus_only and _LAST_FOCUS else None
    if kept is not None and kept.key == part_key and np.array_equal(kept.cols, cols[:, 0]):
        pool_rank_l, pool_count_l, percentile_l = kept.pool_rank, kept.pool_count, \
            kept.percentile
        codes_l, changes_kept = kept.codes, kept.changes
    else:
        pool_rank = np.zeros((len(indicators), shown), dtype=np.intp)
        pool_count = np.zeros_like(pool_rank)
        percentile = np.full(pool_rank.shape, np.nan)
        for key in dict.fromkeys(keys):
            members = np.array([k == key for k in keys])
            r, n, p = pool_positions(panel, indicator_ids, key,
                                     counted[:, :shown][:, members],
                                     cols[:, :shown][:, members], higher)
            pool_rank[:, members], pool_count[:, members], percentile[:, members] = r, n, p
        if not include_suspect and suspects_in_pools(dataset, indicator_ids):
            _drop_pool_suspects(dataset, panel, indicator_ids, higher, keys, counted, cols,
                                (pool_rank, pool_count, percentile))
        pool_rank_l, pool_count_l = pool_rank.tolist(), pool_count.tolist()
        percentile_l = percentile.tolist()
        codes_l = cube.source_codes(cols[:, :shown])
        changes_kept = None
    starts = [cube.at(cols[:, :shown] - h) for h in horizons] if changes_kept is None else []
    first_year = panel.first_year
    focus = dataset.cities[focus_id]
    focus_names = focus.name("en"), focus.name("zh")
    key = panel.pool_key_of(focus_id)
    labels = pool_label(key, "en"), pool_label(key, "zh")
    cols_l, values_l, ranks_l = cols.tolist(), values.tolist(), ranks.tolist()
    starts_l = [start.tolist() for start in starts]
    targets_l = targets.tolist()
    changes_made: list[tuple[Change, ...]] = [()] * len(indicators)
    # the median of the peers' counted values and how many cities have one (as the table's)
    medians, counts = found.medians, found.counts
    no_suspects = [None] * len(city_ids)
    out = []
    for i, indicator in enumerate(indicators):
        indicator_id = indicator.id
        target = None if targets_l[i] == NONE else targets_l[i]
        in_points = indicator.unit == "percent"
        row_cols, row_values, row_ranks = cols_l[i], values_l[i], ranks_l[i]
        row_suspects = suspects[i] if suspects else no_suspects
        median, counted_cities = medians[i], counts[i]
        gap = gap_points if in_points else gap_percent
        row_starts = [start[i] for start in starts_l] if changes_kept is None else ()
        row_pool_rank, row_pool_count = pool_rank_l[i], pool_count_l[i]
        row_percentile, row_codes = percentile_l[i], codes_l[i]
        cells = []
        for n, city_id in enumerate(city_ids[:shown]):
            col = row_cols[n]
            if col == NONE:
                cells.append(MetricCell(city_id, None, None, False, None, counted_cities, None,
                                        0, None, None, None, (), None))
                continue
            value = row_values[n]
            cell_year = col + first_year
            code = row_codes[n]
            share = row_percentile[n]
            suspect = row_suspects[n]
            counted_cell = include_suspect or suspect is None
            if changes_kept is not None:  # the focus city's, as before (same column)
                changes = changes_kept[i]
            else:
                withheld = () if include_suspect else _suspect_years(
                    dataset, city_id, indicator_id, cell_year, horizons)
                changes = changes_made[i] = _changes(
                    value, cell_year, [s[n] for s in row_starts], horizons, in_points,
                    [b.year for b in panel.breaks_for(city_id, indicator_id)], withheld)
            cells.append(
                MetricCell(
                    city_id=city_id,
                    value=value,
                    year=cell_year,
                    other_year=cell_year != target,
                    rank=row_ranks[n] or None,
                    selection_count=counted_cities,
                    pool_rank=row_pool_rank[n] or None,
                    pool_count=row_pool_count[n],
                    percentile=None if share != share else share,
                    gap=gap(value, median) if counted_cell else None,
                    index=value / median * 100
                    if counted_cell and median is not None and median > 0 else None,
                    changes=changes,
                    source_id=panel.source_ids[code] if code >= 0 else None,
                    suspect=suspect,
                )
            )
        focus_value = row_values[0] if row_cols[0] != NONE and (
            include_suspect or row_suspects[0] is None) else None
        out.append(IndicatorMetrics(
            indicator_id=indicator_id,
            year=target,
            cells=tuple(cells),
            peer_median=median,
            gap_unit="pp" if in_points else "%",
            higher_is_better=indicator.higher_is_better,
            pool_label_en=labels[0],
            pool_label_zh=labels[1],
            break_notes=panel.break_notes(city_ids, indicator_id),
            sentence_parts=(*focus_names, indicator, focus_value),
        ))
    if focus_only and changes_kept is None:
        _LAST_FOCUS[:] = [_FocusPart(part_key, cols[:, 0].copy(), pool_rank_l, pool_count_l,
                                     percentile_l, codes_l, changes_made)]
    return tuple(out)


@dataclass
class _FocusPart:
    """The focus city's findings that another set of peers leaves as they are, while its
    values are in the same columns: its rank and percentile in its pool, its changes and
    their windows' breaks, its values' sources. Adding or dropping a peer (the commonest
    change) kept recomputing them for every indicator (~2-3 ms for 100)."""

    key: tuple
    cols: np.ndarray  # the focus city's column per indicator
    pool_rank: list
    pool_count: list
    percentile: list
    codes: list
    changes: list[tuple[Change, ...]]


#: The last focus-only part made (the profile table asks for one per selection change).
_LAST_FOCUS: list[_FocusPart] = []


def _drop_pool_suspects(dataset: Dataset, panel: Panel, indicator_ids: Sequence[str],
                        higher: Sequence[bool | None], keys: Sequence[tuple[str, str]],
                        counted: np.ndarray, cols: np.ndarray,
                        positions: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    """Take other pool cities' suspect values out of the pool ranks, counts and percentiles
    (in place): "rank among N cities" must not count Chaoyang's slipped 1994 population."""
    pool_rank, pool_count, percentile = positions
    for i, indicator_id in enumerate(indicator_ids):
        if not dataset.has_suspects(indicator_id):
            continue
        for key in dict.fromkeys(keys):
            by_col = pool_suspect_values(dataset, panel, key, indicator_id)
            for m, cell_key in enumerate(keys):
                col = int(cols[i, m])
                if cell_key != key or pool_rank[i, m] == 0 or col not in by_col:
                    continue
                pool_rank[i, m], pool_count[i, m], percentile[i, m] = without_pool_suspects(
                    int(pool_rank[i, m]), int(pool_count[i, m]), float(percentile[i, m]),
                    float(counted[i, m]), by_col[col], higher[i])


def _suspect_years(dataset: Dataset, city_id: str, indicator_id: str, end_year: int,
                   horizons: Sequence[int]) -> tuple[int, ...]:
    """The window ends (end year and each horizon's start) whose value is suspect."""
    if not dataset.has_suspects(indicator_id):
        return ()
    years = (end_year, *(end_year - h for h in horizons))
    return tuple(y for y in years if dataset.suspect(city_id, indicator_id, y) is not None)


def profile_metrics(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str] | None = None,
    year: int | None = None,
    horizons: Sequence[int] = HORIZONS,
    focus_only: bool = False,
    include_suspect: bool = False,
) -> ProfileMetrics:
    """Metrics of every indicator (default: those any selected city has, in catalog order).

    `focus_only`: each row's cells are the focus city's alone (what the profile table's detail
    columns show); ranks, the peer median, gaps and sentences are still against the peers."""
    panel = panel_for(dataset)
    city_ids = selection_ids(focus_id, peer_ids)
    rows = panel.rows_of(city_ids)
    if indicator_ids is None:
        indicator_ids = [
            i for i in dataset.indicators if np.any(~np.isnan(panel.matrix(i)[rows]))
        ]
    metrics = _metrics(dataset, focus_id, city_ids[1:], indicator_ids, year, horizons, panel,
                       focus_only, include_suspect)
    countries = {dataset.cities[c].country for c in city_ids}
    notes = (CROSS_COUNTRY_NOTE,) if {"CN", "US"} <= countries else ()
    return ProfileMetrics(focus_id, tuple(city_ids[1:]), year, tuple(horizons), metrics, notes)


def cell_provenance(dataset: Dataset, indicator_id: str, cell: MetricCell) -> Provenance | None:
    """Where a cell's value came from (looked up on demand, e.g. for a tooltip)."""
    if cell.year is None:
        return None
    observation = dataset.observation(cell.city_id, indicator_id, cell.year)
    return observation.provenance if observation else None
