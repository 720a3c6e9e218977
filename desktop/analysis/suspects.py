"""Which compared values the breaks register judges suspect, as a mask over a selection.

A suspect value (a scale slip, an impossible rate: desktop.core.breaks_register) is still
shown, greyed with its reason, but by default it is left out of peer medians, ranks, gaps,
changes and sentences: one wrong number must not become the headline ("FDI +760.8%, rank 1").
The comparison code asks here with its (indicators x cities) columns of compared years.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from desktop.analysis.panel import Panel
from desktop.core.breaks_register import SuspectValue
from desktop.core.dataset import Dataset
from desktop.text.translator import as_translator


def suspect_cells(dataset: Dataset, city_ids: Sequence[str], indicator_ids: Sequence[str],
                  cols: np.ndarray, first_year: int) -> list[list[SuspectValue | None]] | None:
    """Per indicator and city, the suspect verdict on the compared value (None: not
    suspect); None for the whole selection when nothing in it is suspect (the usual case,
    checked without a look-up per cell). `cols`: year - first_year, negative for none."""
    by_indicator = dataset.suspects_by_indicator
    rows = [i for i, indicator_id in enumerate(indicator_ids) if indicator_id in by_indicator]
    if not rows:
        return None
    out: list[list[SuspectValue | None]] = [[None] * len(city_ids) for _ in indicator_ids]
    found = False
    for i in rows:
        verdicts = by_indicator[indicator_ids[i]]
        for c, city_id in enumerate(city_ids):
            col = int(cols[i][c])
            if col >= 0:
                verdict = verdicts.get((city_id, col + first_year))
                if verdict is not None:
                    out[i][c] = verdict
                    found = True
    return out if found else None


def masked(values: np.ndarray, suspects: list[list[SuspectValue | None]] | None) -> np.ndarray:
    """`values` with every suspect cell set to NaN (a copy; `values` itself is unchanged)."""
    if suspects is None:
        return values
    out = np.array(values, dtype=float, copy=True)
    for i, row in enumerate(suspects):
        for c, verdict in enumerate(row):
            if verdict is not None:
                out[i, c] = np.nan
    return out


def suspect_grid(dataset: Dataset, city_ids: Sequence[str], indicator_of: Mapping[str, str],
                 years: np.ndarray) -> dict[tuple[int, int], SuspectValue]:
    """The suspect values of a chart's cities x years grid, by (row, column); empty without a
    scan when none of the indicators has a suspect value (one dict look-up per indicator)."""
    by_indicator = dataset.suspects_by_indicator
    if not any(i in by_indicator for i in set(indicator_of.values())):
        return {}
    first = int(years[0]) if len(years) else 0
    width = len(years)
    found: dict[tuple[int, int], SuspectValue] = {}
    for row, city_id in enumerate(city_ids):
        for (city, year), verdict in by_indicator.get(indicator_of[city_id], {}).items():
            col = year - first
            if city == city_id and 0 <= col < width and int(years[col]) == year:
                found[(row, col)] = verdict
    return found


def mask_grid(values: np.ndarray, grid: Mapping[tuple[int, int], SuspectValue]) -> np.ndarray:
    """`values` (cities x years) with the grid's suspect cells set to NaN (a copy when any)."""
    if not grid:
        return values
    out = np.array(values, dtype=float, copy=True)
    for row, col in grid:
        out[row, col] = np.nan
    return out


def pool_suspect_values(dataset: Dataset, panel: Panel, key: tuple[str, str],
                        indicator_id: str) -> dict[int, list[float]]:
    """The values of `key`'s pool that are suspect, by panel column: what a rank among all
    comparable cities must not count (the pool's sorted columns include them)."""
    verdicts = dataset.suspects_by_indicator.get(indicator_id)
    if not verdicts:
        return {}
    matrix = panel.matrix(indicator_id)
    out: dict[int, list[float]] = {}
    for city_id, year in verdicts:
        col = panel.col_of(year)
        if col is None or city_id not in dataset.cities or panel.pool_key_of(city_id) != key:
            continue
        value = float(matrix[panel.row_of(city_id), col])
        if value == value:
            out.setdefault(col, []).append(value)
    return out


def without_pool_suspects(rank: int, count: int, share: float, value: float,
                          suspect_values: Sequence[float], higher_is_better: bool | None
                          ) -> tuple[int, int, float]:
    """A pool (rank, count, percentile) recomputed as if `suspect_values` were not in the pool:
    each drops the count by one, the rank by one when it was better, and its share of
    'lower values' (ties half) from the percentile."""
    lower = share * (count - 1) / 100 if count > 1 and share == share else 0.0
    for s in suspect_values:
        count -= 1
        better = s < value if higher_is_better is False else s > value
        rank -= int(better)
        lower -= 1.0 if s < value else 0.5 if s == value else 0.0
    new_share = lower / (count - 1) * 100 if count > 1 else float("nan")
    return rank, count, new_share


def suspects_in_pools(dataset: Dataset, indicator_ids: Sequence[str]) -> bool:
    """Whether any of the indicators has a suspect value anywhere (one look-up each)."""
    by_indicator = dataset.suspects_by_indicator
    return bool(by_indicator) and any(i in by_indicator for i in indicator_ids)


def included_note(lang: str = "en") -> str:
    """What a suspect value's reason adds when the user has included suspect values."""
    return as_translator(lang).gettext("(included in medians and ranks at the user's choice)")
