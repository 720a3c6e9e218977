"""Which compared values the breaks register judges suspect, as a mask over a selection.

A suspect value (a scale slip, an impossible rate: desktop.core.breaks_register) is still
shown, greyed with its reason, but by default it is left out of peer medians, ranks, gaps,
changes and sentences: one wrong number must not become the headline ("FDI +760.8%, rank 1").
The comparison code asks here with its (indicators x cities) columns of compared years.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from desktop.core.breaks_register import SuspectValue
from desktop.core.dataset import Dataset


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
