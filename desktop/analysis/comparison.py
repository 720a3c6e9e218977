"""Compare a focus city with its peers: values, ranks, peer median and gaps.

Conventions (they are what the profile table shows):
- rank 1 is the highest value within the selection (focus + peers), or the lowest where an
  indicator's `higher_is_better` is False; ties share the better rank;
- the peer median is the median of the peers' values, without the focus city;
- the gap is (value - peer median) / |peer median| x 100, except for indicators measured in
  percent (growth rates, shares), where it is the difference in percentage points;
- a city with no value in the chosen year shows its latest earlier value, with that year;
- with the year rule LATEST_EACH every city shows its latest value, whatever its year: the
  row's year is the newest, and the median and ranks then compare values of different years;
- a value the breaks register judges suspect (desktop.core.breaks_register) is shown with its
  reason (`Cell.suspect`) but has no rank or gap and is left out of the peer median and the
  count of ranked cities, unless `include_suspect` is given.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop.analysis.selection_cube import YearRule
from desktop.core.breaks_register import SuspectValue
from desktop.core.catalog import Indicator
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
    #: the register's verdict when this value is suspect (shown greyed, with its reason)
    suspect: SuspectValue | None = None

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
    requested_year: YearRule
    rows: tuple[IndicatorComparison, ...]

    def row(self, indicator_id: str) -> IndicatorComparison:
        return next(r for r in self.rows if r.indicator_id == indicator_id)


def default_year(
    dataset: Dataset, focus_id: str, peer_ids: Sequence[str], indicator_id: str
) -> int | None:
    """The latest year they all have: the focus and every peer (issue 4: "default: the latest
    year they all have; a cell shows its own year where it differs").

    Falls back to the latest year the focus shares with at least one peer, then to the focus
    city's latest year, then to the latest year of any peer.
    """
    focus_years = set(_present_years(dataset, focus_id, indicator_id))
    peer_sets = [set(_present_years(dataset, p, indicator_id)) for p in peer_ids]
    peer_years: set[int] = set().union(*peer_sets)
    everyone = focus_years.intersection(*peer_sets)
    shared = focus_years & peer_years
    for candidates in (everyone, shared, focus_years, peer_years):
        if candidates:
            return int(max(candidates))
    return None


def _present_years(dataset: Dataset, city_id: str, indicator_id: str) -> list[int]:
    years, values = dataset.arrays(city_id, indicator_id)
    return years[~np.isnan(values)].tolist()


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
    year: YearRule = None,
    include_suspect: bool = False,
) -> IndicatorComparison:
    return _compare(dataset, focus_id, peer_ids, [indicator_id], year, include_suspect)[0]


@dataclass(frozen=True)
class ComparisonArrays:
    """What compare_indicator finds for several indicators, as plain lists (indicators x
    cities, focus first) for the code that turns them into cells: desktop.analysis.comparison
    itself and the profile table's fast path (profile_table.selection_table)."""

    city_ids: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    first_year: int
    years: list[int | None]  # per indicator: the compared year
    values: list[list[float]]  # NaN where there is none
    cols: list[list[int]]  # column of the value (year - first_year), -1 where there is none
    latest: list[list[int]]  # column of the city's latest value, -1 where there is none
    ranks: list[list[int]]  # competition rank among the cities with a value, 0 without
    positions: list[list[int]]  # row in the dataset's observations, -1 where there is none
    medians: list[float | None]  # median of the peers' values
    ranked_counts: list[int]  # cities with a value
    notes: list[tuple[str, ...]]  # series-break notes of the selected cities
    #: per indicator and city, the register's verdict on a suspect value (None: not
    #: suspect); None when nothing compared is suspect. Excluded from ranks and medians
    #: unless include_suspect was given.
    suspects: list[list[SuspectValue | None]] | None = None


def comparison_arrays(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str],
    year: YearRule,
    include_suspect: bool = False,
) -> ComparisonArrays:
    """compare_indicator's findings for several indicators at once, from the panel's
    matrices (a handful of whole-array operations, not one look-up per cell)."""
    from desktop.analysis.panel import panel_for
    from desktop.analysis.selection_cube import NONE, selection_cube

    indicators = tuple(dataset.indicator(i) for i in indicator_ids)  # raises for unknown ids
    city_ids = (focus_id, *[p for p in dict.fromkeys(peer_ids) if p != focus_id])
    panel = panel_for(dataset)
    cube = selection_cube(panel, city_ids, indicator_ids)
    descending = np.array([i.higher_is_better is not False for i in indicators], dtype=bool)
    found = cube.compared(dataset, year, include_suspect, descending)
    notes = [panel.break_notes(city_ids, indicator.id) for indicator in indicators]
    return ComparisonArrays(
        city_ids=city_ids,
        indicators=indicators,
        first_year=panel.first_year,
        years=[None if t == NONE else int(t) for t in found.targets.tolist()],
        values=found.values.tolist(),
        cols=found.cols.tolist(),
        latest=cube.latest_columns().tolist(),
        ranks=found.ranks.tolist(),
        positions=cube.positions(found.cols),
        medians=found.medians,
        ranked_counts=found.counts,
        notes=notes,
        suspects=found.suspects,
    )


def _compare(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str],
    year: YearRule,
    include_suspect: bool = False,
) -> tuple[IndicatorComparison, ...]:
    """compare_indicator for several indicators at once."""
    from desktop.analysis.panel import panel_for

    found = comparison_arrays(dataset, focus_id, peer_ids, indicator_ids, year,
                              include_suspect)
    panel = panel_for(dataset)
    first_year = found.first_year
    out = []
    for i, indicator in enumerate(found.indicators):
        indicator_id = indicator.id
        row_values, row_cols, row_latest = found.values[i], found.cols[i], found.latest[i]
        row_ranks, row_positions = found.ranks[i], found.positions[i]
        median = found.medians[i]
        in_points = indicator.unit == "percent"
        gap = gap_points if in_points else gap_percent
        cells = []
        for c, city_id in enumerate(found.city_ids):
            col = row_cols[c]
            latest_col = row_latest[c]
            if col < 0:
                cells.append(Cell(city_id, None, None,
                                  latest_col + first_year if latest_col >= 0 else None,
                                  None, None, None))
                continue
            value = row_values[c]
            suspect = found.suspects[i][c] if found.suspects else None
            counted = suspect is None or include_suspect
            cells.append(Cell(city_id, value, col + first_year, latest_col + first_year,
                              row_ranks[c] or None, gap(value, median) if counted else None,
                              panel.provenance(indicator_id, row_positions[c]), suspect))
        out.append(IndicatorComparison(
            indicator_id=indicator_id,
            year=found.years[i],
            focus=cells[0],
            peers=tuple(cells[1:]),
            peer_median=median,
            ranked_count=found.ranked_counts[i],
            break_notes=found.notes[i],
            gap_unit="pp" if in_points else "%",
        ))
    return tuple(out)


#: available_indicators' answers per dataset, by city ids: the window asks on every selection
#: change (~0.8 ms each for 10 cities and 28 indicators), mostly for the same cities.
_AVAILABLE: weakref.WeakKeyDictionary[Dataset, dict[tuple[str, ...], tuple[str, ...]]] = (
    weakref.WeakKeyDictionary())
_AVAILABLE_LIMIT = 1_000


def available_indicators(dataset: Dataset, city_ids: Sequence[str]) -> list[str]:
    """Indicators that at least one of the cities has, in catalog order."""
    known = _AVAILABLE.get(dataset)
    if known is None or len(known) > _AVAILABLE_LIMIT:
        known = _AVAILABLE[dataset] = {}
    key = tuple(city_ids)
    found = known.get(key)
    if found is None:
        # each city's indicators at once (one look-up per city, not one per city and
        # indicator: ~0.7 ms for 10 cities and 100 indicators)
        have: set[str] = set()
        for city_id in dict.fromkeys(city_ids):
            have.update(dataset.indicators_of(city_id))
        found = known[key] = tuple(i for i in dataset.indicators if i in have)
    return list(found)


def build_profile(
    dataset: Dataset,
    focus_id: str,
    peer_ids: Sequence[str],
    indicator_ids: Sequence[str] | None = None,
    year: YearRule = None,
    include_suspect: bool = False,
) -> Profile:
    """The side-by-side profile: one comparison per indicator. Suspect values are shown but
    not ranked or counted in medians unless `include_suspect`."""
    peers = tuple(p for p in dict.fromkeys(peer_ids) if p != focus_id)
    chosen = indicator_ids or available_indicators(dataset, [focus_id, *peers])
    return Profile(focus_id, peers, year,
                   _compare(dataset, focus_id, peers, chosen, year, include_suspect))
