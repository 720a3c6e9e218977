"""A city's rank, count and percentile among its pool, against counting the pool by hand.

pool_positions finds them by binary search in the pool's sorted year columns; ties, missing
values, cells in different years and lower-is-better indicators must come out as a plain
count over the pool says."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop.analysis.panel import panel_for
from desktop.analysis.selection_cube import pool_positions
from desktop.core.catalog import City, Indicator, Source
from desktop.core.dataset import OBSERVATION_COLUMNS, Dataset

CITIES = tuple(f"cn-{n:06d}" for n in range(40))
INDICATORS = ("gdp", "unemployment")
YEARS = range(2010, 2016)


def _dataset() -> Dataset:
    rng = np.random.default_rng(11)
    rows = [(c, i, y, float(rng.integers(0, 8)), "s", 2)  # few distinct values: many ties
            for c in CITIES for i in INDICATORS for y in YEARS if rng.random() > 0.3]
    frame = pd.DataFrame(rows, columns=list(OBSERVATION_COLUMNS))
    return Dataset(frame, [City(c, c, c, country="CN") for c in CITIES],
                   [Indicator(i, i, i, "CNY", "Economy", i == "gdp") for i in INDICATORS],
                   [Source("s", "s.csv", "P", "T")])


def _by_hand(pool: np.ndarray, value: float, lower_is_better: bool
             ) -> tuple[int, int, float]:
    pool = pool[~np.isnan(pool)]
    below, equal = int((pool < value).sum()), int((pool == value).sum())
    better = below if lower_is_better else int((pool > value).sum())
    share = (below + 0.5 * (equal - 1)) / (len(pool) - 1) * 100 if len(pool) > 1 else np.nan
    return better + 1, len(pool), share


@pytest.mark.parametrize("years", ["one year", "mixed years"])
def test_ranks_counts_and_percentiles_match_a_count_of_the_pool(years: str) -> None:
    dataset = _dataset()
    panel = panel_for(dataset)
    key = panel.pool_key_of(CITIES[0])
    cells = [panel.row_of(c) for c in CITIES[:12]]
    rng = np.random.default_rng(4)
    cols = rng.integers(0, len(YEARS), size=(len(INDICATORS), len(cells)))
    if years == "one year":  # as the profile compares: a column per indicator
        cols[:] = cols[:, :1]
    cols[:, -1] = -1  # a cell without a year
    values = np.array([[panel.matrix(i)[r, c] for r, c in zip(cells, row, strict=True)]
                       for i, row in zip(INDICATORS, cols, strict=True)])
    higher = [True, False]
    rank, count, share = pool_positions(panel, INDICATORS, key, values, cols, higher)
    for i, indicator in enumerate(INDICATORS):
        matrix = panel.matrix(indicator)
        for j in range(len(cells)):
            if cols[i, j] < 0 or np.isnan(values[i, j]):
                assert (rank[i, j], count[i, j]) == (0, 0) and np.isnan(share[i, j])
                continue
            expected = _by_hand(matrix[:, cols[i, j]], values[i, j], not higher[i])
            assert (rank[i, j], count[i, j]) == expected[:2]
            assert share[i, j] == expected[2]
    assert (rank > 0).sum() > len(cells)  # most cells have a value to rank
