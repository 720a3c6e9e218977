"""The selected cities' values of many indicators at once: an indicators x cities x years cube.

The profile table compares the focus and its peers on every indicator on each selection change;
doing that per cell (one numpy call per city and indicator) costs several milliseconds. Here the
selection is gathered from desktop.analysis.panel's matrices once and the years, value columns,
ranks and pool positions of all cells are found with a handful of whole-array operations.
desktop.analysis.comparison and desktop.analysis.profile_metrics build their results from it;
their conventions (documented there) are unchanged.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop.analysis.panel import Panel
from desktop.analysis.suspects import masked, suspect_cells

NONE = -1  # "no column" / "no year" in the integer arrays below
#: The view's year rule "each city's latest year" (issue 13): every city's latest value, of
#: whatever year; the other rules are a year (its value or the latest earlier one) and None
#: (the latest year the selection shares).
LATEST_EACH = "latest-each"
YearRule = int | str | None


def last_true(mask: np.ndarray) -> np.ndarray:
    """Index of the last True along the last axis (NONE where there is none)."""
    width = mask.shape[-1]
    if width == 0:
        return np.full(mask.shape[:-1], NONE, dtype=np.intp)
    found = width - 1 - np.argmax(mask[..., ::-1], axis=-1)
    return np.where(mask.any(axis=-1), found, NONE)


def _first_found(*candidates: np.ndarray) -> np.ndarray:
    """Per row, the first candidate (of equal shape) that is not NONE."""
    out = candidates[0].copy()
    for candidate in candidates[1:]:
        missing = out == NONE
        out[missing] = candidate[missing]
    return out



def most_common_columns(cols: np.ndarray) -> np.ndarray:
    """Per row of (rows, cities) columns, the column most cities share, the latest on a tie;
    NONE where a row has none (latest_each.common_year, on columns)."""
    out = np.full(cols.shape[0], NONE, dtype=np.intp)
    for i, row in enumerate(cols):
        found = row[row >= 0]
        if found.size:
            counts = np.bincount(found)
            out[i] = len(counts) - 1 - int(np.argmax(counts[::-1]))
    return out

@dataclass(frozen=True)
class Compared:
    """SelectionCube.compared: what one comparison of the selection finds (read-only)."""

    targets: np.ndarray  # per indicator: the row's year (NONE: none)
    cols: np.ndarray  # (indicators, cities): the value's column (NONE: none)
    values: np.ndarray  # (indicators, cities), NaN where there is none
    suspects: list | None  # suspects.suspect_cells
    counted: np.ndarray  # values, suspect ones NaN unless included
    ranks: np.ndarray  # competition ranks among the counted values, 0 without
    medians: list[float | None]  # peer medians of the counted values
    counts: list[int]  # cities with a counted value


class SelectionCube:
    """Values of `indicator_ids` for `city_ids` (focus first): `values[i, c, y]`, NaN where
    there is none. A city the panel does not know has no values (an all-NaN row)."""

    def __init__(self, panel: Panel, city_ids: Sequence[str],
                 indicator_ids: Sequence[str]) -> None:
        self.panel = panel
        self.city_ids = tuple(city_ids)
        self.indicator_ids = tuple(indicator_ids)
        rows = np.array([panel.city_row.get(c, NONE) for c in self.city_ids], dtype=np.intp)
        self.rows = rows
        known = rows >= 0
        years = len(panel.years)
        values = np.full((len(self.indicator_ids), len(rows), years), np.nan)
        if known.all():
            for i, indicator_id in enumerate(self.indicator_ids):
                values[i] = panel.matrix(indicator_id)[rows]
        elif known.any():
            for i, indicator_id in enumerate(self.indicator_ids):
                values[i, known] = panel.matrix(indicator_id)[rows[known]]
        self.values = values
        self.have = ~np.isnan(values)
        self._compared: dict[tuple, Compared] = {}

    def compared(self, dataset: object, year: YearRule, include_suspect: bool,
                 descending: np.ndarray) -> Compared:
        """What the side-by-side table and its detail columns both compare (made once for
        both: ~1 ms a selection change for 100 indicators): the row years and value
        columns under `year`, the values, the suspect verdicts, the values counted (without
        the suspect ones unless `include_suspect`), the selection ranks (`descending[i]`: 1
        is the highest), the peer medians and how many cities have a value."""
        key = (year, include_suspect, descending.tobytes())
        found = self._compared.get(key)
        if found is None:
            targets, cols = self.columns_for(year)
            values = self.at(cols)
            suspects = suspect_cells(dataset, self.city_ids, self.indicator_ids, cols,
                                     self.panel.first_year)
            counted = values if include_suspect else masked(values, suspects)
            medians, counts = peer_medians(counted)
            found = self._compared[key] = Compared(
                targets, cols, values, suspects, counted,
                competition_ranks(counted, descending), medians, counts)
        return found

    # --- years ----------------------------------------------------------------------------
    def _year(self, cols: np.ndarray) -> np.ndarray:
        return np.where(cols == NONE, NONE, cols + self.panel.first_year)

    def default_years(self) -> np.ndarray:
        """Per indicator, the comparison's year (comparison.default_year), which the profile
        metrics share so that the detail columns describe the values shown: the latest year
        every selected city has; else the latest the focus shares with a peer; else the
        focus's; else anyone's."""
        have = self.have
        if have.shape[1] == 0:
            return np.full(len(self.indicator_ids), NONE, dtype=np.intp)
        focus = have[:, 0]
        shared = focus & have[:, 1:].any(axis=1) if have.shape[1] > 1 else focus
        cols = _first_found(last_true(have.all(axis=1)), last_true(shared), last_true(focus),
                            last_true(have.any(axis=1)))
        return self._year(cols)

    def columns_for(self, year: YearRule) -> tuple[np.ndarray, np.ndarray]:
        """(per-indicator row year, per-cell value columns) under the view's year rule. With
        LATEST_EACH each city has its latest value and the row's year is the one most of them
        share (the latest on a tie), the charts' comparison year: older values are marked as
        stale, a newer one carries its year."""
        if year == LATEST_EACH:
            cols = self.latest_columns()
            if cols.shape[1] == 0:
                return np.full(len(self.indicator_ids), NONE, dtype=np.intp), cols
            return self._year(most_common_columns(cols)), cols
        if year is not None:
            targets = np.full(len(self.indicator_ids), int(year), dtype=np.intp)
        else:
            targets = self.default_years()
        return targets, self.value_columns(targets)

    # --- columns and values ---------------------------------------------------------------
    def value_columns(self, years: np.ndarray) -> np.ndarray:
        """(indicators, cities) column of each city's value in the indicator's year (NONE:
        no year) or its latest earlier one; NONE where there is none."""
        width = self.have.shape[-1]
        limit = np.minimum(np.where(years == NONE, NONE, years - self.panel.first_year),
                           width - 1)
        allowed = np.arange(width) <= limit[:, None]  # limit < 0 allows nothing
        return last_true(self.have & allowed[:, None, :])

    def latest_columns(self) -> np.ndarray:
        """(indicators, cities) column of each city's latest value (NONE where there is none)."""
        return last_true(self.have)

    def at(self, cols: np.ndarray) -> np.ndarray:
        """(indicators, cities) values at per-cell columns; NaN where the column is NONE or out
        of range. `cols` may cover only the first cities (e.g. the focus alone)."""
        values = self.values[:, : cols.shape[1]]
        width = values.shape[-1]
        ok = (cols >= 0) & (cols < width)
        picked = np.take_along_axis(values, np.where(ok, cols, 0)[..., None], axis=-1)
        return np.where(ok, picked[..., 0], np.nan)

    def source_codes(self, cols: np.ndarray) -> list[list[int]]:
        """(indicators, cities) source code (panel.source_ids index) at per-cell columns; -1
        where there is none. `cols` may cover only the first cities."""
        positions = self._positions_at(cols)
        return self.panel.source_codes_at(positions).tolist()

    def positions(self, cols: np.ndarray) -> list[list[int]]:
        """(indicators, cities) row of each cell's value in the dataset's observations (see
        Panel.positions); -1 where there is none. `cols` may cover only the first cities."""
        return self._positions_at(cols).tolist()

    def _positions_at(self, cols: np.ndarray) -> np.ndarray:
        rows = self.rows[: cols.shape[1]]
        ok = (cols >= 0) & (rows >= 0)
        safe_rows, safe_cols = np.maximum(rows, 0), np.where(ok, cols, 0)
        out = np.empty(cols.shape, dtype=np.int64)
        for i, indicator_id in enumerate(self.indicator_ids):
            out[i] = self.panel.positions(indicator_id)[safe_rows, safe_cols[i]]
        return np.where(ok, out, -1)


_LAST: list[SelectionCube] = []  # the last cube made (a table asks for it twice per change)


def selection_cube(panel: Panel, city_ids: Sequence[str],
                   indicator_ids: Sequence[str]) -> SelectionCube:
    """A SelectionCube, the last one again when asked for the same selection (it never
    changes: the panel's matrices are read-only)."""
    key = (tuple(city_ids), tuple(indicator_ids))
    last = _LAST[0] if _LAST else None
    if last is not None and last.panel is panel and (last.city_ids, last.indicator_ids) == key:
        return last
    cube = SelectionCube(panel, *key)
    _LAST[:] = [cube]
    return cube


def competition_ranks(values: np.ndarray, descending: np.ndarray) -> np.ndarray:
    """Competition ranks ('1224') per row of `values` (indicators x cities), among the cells
    with a value; 0 where there is no value. `descending[i]`: 1 is the highest value (as
    comparison.rank_values with higher_is_better not False)."""
    present = ~np.isnan(values)
    above = (values[:, None, :] > values[:, :, None]).sum(axis=-1)
    below = (values[:, None, :] < values[:, :, None]).sum(axis=-1)
    ranks = np.where(descending[:, None], above, below) + 1
    return np.where(present, ranks, 0)


def peer_medians(values: np.ndarray) -> tuple[list[float | None], list[int]]:
    """Per row of `values` (indicators x cities, the focus city first, NaN: no value or not
    counted): the median of the peers' values (None when no peer has one) and how many
    cities have a value. One nanmedian for every row instead of a statistics.median per
    indicator; the same numbers (the middle value, or the mean of the two middle ones:
    tests/analysis/test_selection_cube_medians.py)."""
    counts = np.count_nonzero(~np.isnan(values), axis=1).tolist()
    peers = values[:, 1:]
    if not peers.size:
        return [None] * len(values), counts
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a row where no peer has a value
        medians = np.nanmedian(peers, axis=1)
    return [None if m != m else m for m in medians.tolist()], counts


def pool_positions(panel: Panel, indicator_ids: Sequence[str], pool: tuple[str, str],
                   values: np.ndarray, cols: np.ndarray, higher: Sequence[bool | None]
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rank, count, percentile) of values (indicators x cells) among `pool`'s values in the
    cells' columns, as profile_metrics documents: competition rank (1 = best, following
    `higher`), the number of pool cities with a value, and the share of the other pool cities
    with a lower value (ties count half) x 100 (NaN for a pool of one). Cells without a value
    (NaN or column NONE) get rank 0, count 0 and NaN."""
    shape = values.shape
    ok = (cols >= 0) & ~np.isnan(values)
    if not ok.any():
        return (np.zeros(shape, dtype=np.intp), np.zeros(shape, dtype=np.intp),
                np.full(shape, np.nan))
    ordered, counts, layers = panel.sorted_pools(pool, indicator_ids)
    c = np.where(ok, cols, 0)
    # pool values below / at or below each cell's, by binary search in the sorted column
    # (comparing every cell with the whole pool took ~40 ms a change with 3,000 cities)
    below = np.zeros(shape, dtype=np.intp)
    at_or_below = np.zeros(shape, dtype=np.intp)
    # usually every cell of an indicator is in one year column: one search for the row
    first = c[np.arange(shape[0]), np.argmax(ok, axis=1)]
    one_column = ((c == first[:, None]) | ~ok).all(axis=1).tolist()
    for i, layer in enumerate(layers.tolist()):
        if one_column[i]:
            col = first[i]
            pool_values = ordered[layer, col, : counts[layer, col]]
            below[i] = np.searchsorted(pool_values, values[i], side="left")
            at_or_below[i] = np.searchsorted(pool_values, values[i], side="right")
            continue
        for col in np.unique(c[i][ok[i]]):
            these = np.flatnonzero(ok[i] & (c[i] == col))
            pool_values = ordered[layer, col, : counts[layer, col]]
            below[i, these] = np.searchsorted(pool_values, values[i, these], side="left")
            at_or_below[i, these] = np.searchsorted(pool_values, values[i, these],
                                                    side="right")
    count = counts[layers[:, None], c]
    lower_is_better = np.array([h is False for h in higher], dtype=bool)[:, None]
    better = np.where(lower_is_better, below, count - at_or_below)
    equal_others = np.maximum(at_or_below - below - 1, 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(count > 1, (below + 0.5 * equal_others) / (count - 1) * 100, np.nan)
    return (np.where(ok, better + 1, 0), np.where(ok, count, 0),
            np.where(ok, share, np.nan))
