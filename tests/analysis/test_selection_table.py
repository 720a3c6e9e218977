"""The window's fast path to the profile table gives the same table as the reference path.

selection_table builds the side-by-side table straight from the panel's arrays and remembers
formatted cells; build_profile_table(build_profile(...)) goes through the profile's cells. Both
must show exactly the same texts, numbers, tooltips and tones. The array helpers underneath are
checked against their plain definitions.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from desktop.analysis.comparison import (
    available_indicators,
    build_profile,
    comparison_arrays,
    rank_values,
)
from desktop.analysis.currency import profile_dataset
from desktop.analysis.panel import panel_for
from desktop.analysis.profile_metrics import profile_metrics
from desktop.analysis.profile_table import build_profile_table, selection_table
from desktop.analysis.selection_cube import competition_ranks, last_true, selection_cube
from desktop.core.dataset import Dataset

NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")


def _selections(dataset: Dataset) -> list[tuple[str, tuple[str, ...], int | None]]:
    rng = random.Random(7)
    cities = sorted(dataset.cities)
    chinese = [c for c in cities if c.startswith("cn-")]
    chosen = [("cn-210100", NORTH_EAST, None), ("cn-210100", NORTH_EAST, 2016),
              ("cn-210100", (), None), ("cn-110100", ("cn-310100", "cn-440300"), 1995)]
    for n in range(12):
        pool = cities if n % 3 == 0 else chinese  # US metros and provinces now and then
        focus = rng.choice(pool)
        peers = tuple(rng.sample(pool, rng.choice([1, 3, 9])))
        chosen.append((focus, peers, rng.choice([None, 2021, 2010, 1980, 2040])))
    return chosen


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("detail", [False, True])
def test_selection_table_is_the_reference_table(bundled: Dataset, lang: str,
                                                detail: bool) -> None:
    for focus, peers, year in _selections(bundled):
        # a selection with a US metro is compared in US dollars (profile_dataset)
        view = profile_dataset(bundled, [focus, *peers])
        indicators = available_indicators(bundled, [focus, *peers])
        expected = build_profile_table(view, build_profile(view, focus, peers, indicators,
                                                           year), lang, detail=detail)
        for _ in range(2):  # the second time from the remembered cells
            table = selection_table(bundled, focus, peers, indicators, year, lang, detail)
            assert table == expected, (focus, peers, year)


def test_selection_table_without_indicators_takes_the_available_ones(bundled: Dataset) -> None:
    table = selection_table(bundled, "cn-210100", NORTH_EAST, [], None)
    assert table == build_profile_table(bundled, build_profile(bundled, "cn-210100", NORTH_EAST))


def test_comparison_arrays_agree_with_the_profile(bundled: Dataset) -> None:
    indicators = available_indicators(bundled, ["cn-210100", *NORTH_EAST])
    found = comparison_arrays(bundled, "cn-210100", NORTH_EAST, indicators, None)
    profile = build_profile(bundled, "cn-210100", NORTH_EAST, indicators)
    for i, row in enumerate(profile.rows):
        assert found.years[i] == row.year
        assert found.medians[i] == row.peer_median
        assert found.ranked_counts[i] == row.ranked_count
        for c, cell in enumerate(row.cells):
            value = found.values[i][c]
            assert (None if np.isnan(value) else value) == cell.value
            assert (found.ranks[i][c] or None) == cell.rank
            observation = (bundled.observation(cell.city_id, row.indicator_id, cell.year)
                           if cell.year else None)
            assert cell.provenance == (observation.provenance if observation else None)


def test_panel_provenance_is_the_datasets(bundled: Dataset) -> None:
    panel = panel_for(bundled)
    rng = random.Random(3)
    for indicator_id in ("gdp", "gdp_per_capita", "average_wage", "population_registered"):
        positions = panel.positions(indicator_id)
        rows, cols = np.nonzero(positions >= 0)
        for k in rng.sample(range(len(rows)), 40):
            city_id = panel.city_ids[rows[k]]
            year = int(panel.years[cols[k]])
            expected = bundled.observation(city_id, indicator_id, year)
            assert panel.provenance(indicator_id, int(positions[rows[k], cols[k]])) == (
                expected.provenance)


def test_focus_only_metrics_are_the_focus_cells_of_the_full_ones(bundled: Dataset) -> None:
    full = profile_metrics(bundled, "cn-210100", NORTH_EAST, None, 2016)
    alone = profile_metrics(bundled, "cn-210100", NORTH_EAST, None, 2016, focus_only=True)
    assert [r.indicator_id for r in alone.rows] == [r.indicator_id for r in full.rows]
    for a, f in zip(alone.rows, full.rows, strict=True):
        assert a.cells == (f.focus,)
        assert (a.peer_median, a.year, a.sentence_en, a.sentence_zh) == (
            f.peer_median, f.year, f.sentence_en, f.sentence_zh)


def test_last_true() -> None:
    mask = np.array([[False, True, True, False], [False, False, False, False],
                     [True, False, False, True]])
    assert last_true(mask).tolist() == [2, -1, 3]
    assert last_true(np.zeros((2, 0), dtype=bool)).tolist() == [-1, -1]


def test_competition_ranks_are_rank_values() -> None:
    rng = np.random.default_rng(5)
    values = rng.integers(0, 4, size=(30, 6)).astype(float)
    values[rng.random(values.shape) < 0.2] = np.nan
    for descending in (True, False):
        ranks = competition_ranks(values, np.full(len(values), descending))
        for row, got in zip(values, ranks, strict=True):
            present = {i: v for i, v in enumerate(row.tolist()) if v == v}
            expected = rank_values(present, None if descending else False)
            assert {i: int(r) for i, r in enumerate(got) if r} == expected


def test_selection_cube_is_reused_for_the_same_selection(bundled: Dataset) -> None:
    panel = panel_for(bundled)
    cube = selection_cube(panel, ["cn-210100", *NORTH_EAST], ["gdp", "jobs"])
    assert selection_cube(panel, ("cn-210100", *NORTH_EAST), ("gdp", "jobs")) is cube
    assert selection_cube(panel, ["cn-210100"], ["gdp", "jobs"]) is not cube
    row = panel.row_of("cn-230100")
    np.testing.assert_array_equal(cube.values[0, 2], panel.matrix("gdp")[row])


def test_available_indicators_asked_again_answer_the_same(bundled: Dataset) -> None:
    """The window asks on every change and keeps the answer per dataset and cities: a caller
    that changes its list (the controller narrows it) must not change the next answer."""
    cities = ["cn-210100", *NORTH_EAST]
    plain = [i for i in bundled.indicators if any(bundled.has_series(c, i) for c in cities)]
    first = available_indicators(bundled, cities)
    assert first == plain
    first.clear()
    assert available_indicators(bundled, cities) == plain
    us = available_indicators(bundled, ["us-19820"])
    assert us != plain and "gdp" in us  # other cities: their own answer


def test_rows_are_made_when_first_read(bundled: Dataset) -> None:
    """The window draws a fifth of a long table: selection_table makes each row's cells when
    the row is first read (LazyRows), every label and unit at once; the rows read are those
    the reference path makes."""
    from desktop.analysis.lazy_rows import LazyRows, column_cells

    table = selection_table(bundled, "cn-210100", NORTH_EAST, [], 2016, detail=True)
    rows = table.rows
    assert isinstance(rows, LazyRows) and len(rows) > 20
    assert not any(rows._made) and not rows.complete
    labels = column_cells(rows, 0)
    assert [c.text for c in labels] == [bundled.indicator(i).label("en")
                                        for i in table.indicator_ids]
    assert column_cells(rows, 3) is None and not any(rows._made)  # not made to be compared
    third = rows[2]
    assert sum(r is not None for r in rows._made) == 1 and rows[2] is third
    assert rows[-1] is rows[len(rows) - 1] and rows[1:3][1] is third
    reference = build_profile_table(
        bundled, build_profile(bundled, "cn-210100", NORTH_EAST, table.indicator_ids, 2016),
        detail=True)
    assert [c.text for c in third] == [c.text for c in reference.rows[2]]
    assert rows == reference.rows and rows.complete and rows._make is None
    assert [c.text for c in column_cells(rows, 3)] == [r[3].text for r in reference.rows]
