"""Panel matrices hold exactly the table's values, whatever order its rows are in.

A saved table's indicator rows are found as runs of consecutive rows, any other table's by a
search per indicator; both must put each value in its city's row and year's column, the first
of duplicated rows winning (as Dataset.observation), with the row it came from."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from desktop.analysis.panel import Panel, panel_for
from desktop.core.catalog import City, Indicator, Source
from desktop.core.dataset import OBSERVATION_COLUMNS, Dataset

CITIES = tuple(f"cn-{n:06d}" for n in range(6))
INDICATORS = ("gdp", "population", "wage", "unused")


def _table(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [(c, i, y, float(rng.normal(100, 10)), "a" if y % 2 else "b", 0)
            for c in CITIES for i in INDICATORS[:3] for y in range(2000, 2030)
            if rng.random() > 0.25]
    frame = pd.DataFrame(rows, columns=list(OBSERVATION_COLUMNS))
    frame["source_row"] = np.arange(2, len(frame) + 2)
    for column in ("city_id", "indicator_id", "source_id"):
        frame[column] = frame[column].astype("category")
    return frame


def _dataset(frame: pd.DataFrame, cities: tuple[str, ...] = CITIES) -> Dataset:
    return Dataset(frame, [City(c, c, c, country="CN") for c in cities],
                   [Indicator(i, i, i, "CNY", "Economy", True) for i in INDICATORS],
                   [Source(s, f"{s}.csv", "P", "T") for s in ("a", "b")])


def _check(panel: Panel, frame: pd.DataFrame) -> None:
    """Every matrix against the table read cell by cell (the first row of a cell wins)."""
    for indicator in INDICATORS:
        values, positions = panel.matrix(indicator), panel.positions(indicator)
        expected = np.full(values.shape, np.nan)
        expected_rows = np.full(values.shape, -1)
        for row in reversed(range(len(frame))):
            city, ind, year = frame.iloc[row][["city_id", "indicator_id", "year"]]
            if ind == indicator:
                cell = panel.row_of(city), panel.col_of(int(year))
                expected[cell], expected_rows[cell] = frame["value"].iloc[row], row
        np.testing.assert_array_equal(values, expected)
        np.testing.assert_array_equal(positions, expected_rows)
        sources = panel.source_codes(indicator)
        have = expected_rows >= 0
        assert [panel.source_ids[c] for c in sources[have]] == (
            frame["source_id"].to_numpy()[expected_rows[have]].tolist())
        assert (sources[~have] == -1).all()


@pytest.mark.parametrize("arrangement", ["as saved", "shuffled", "duplicated cells"])
def test_matrices_hold_the_tables_values(arrangement: str) -> None:
    frame = _table(seed=7)
    if arrangement == "shuffled":
        frame = frame.sample(frac=1.0, random_state=2).reset_index(drop=True)
    elif arrangement == "duplicated cells":  # every 5th row again, another value, at the end
        again = frame.iloc[::5].assign(value=-1.0)
        frame = pd.concat([frame, again], ignore_index=True)
    dataset = _dataset(frame)
    panel = panel_for(dataset)
    _check(panel, frame)
    if arrangement == "duplicated cells":
        assert not (panel.matrix("gdp") == -1.0).any()  # the first row of a cell wins


def test_cities_outside_the_catalog_get_rows_of_their_own() -> None:
    frame = _table(seed=3)
    known = CITIES[:4]
    dataset = _dataset(frame, known)
    panel = panel_for(dataset)
    assert panel.city_ids == (*known, *CITIES[4:])
    _check(panel, frame)


def test_unused_categories_add_no_rows() -> None:
    """A view filtered from a bigger table keeps its categories, not its rows."""
    frame = _table(seed=5)
    view = frame[frame["city_id"] != CITIES[-1]].reset_index(drop=True)
    dataset = _dataset(view, CITIES[:2])
    panel = panel_for(dataset)
    assert panel.city_ids == CITIES[:-1]
    _check(panel, view)
