"""Honest time (issue #13): a missing year is a gap in every over-time spec, never a line.

Hand-made values (indicator "v", display factor 1):
    f (focus) 2000 10, 2001 11, 2003 13, 2004 14      -> segments 2000-01 and 2003-04
    a         2000 5,  2001 6,  2004 8                -> segment 2000-01, lone 2004
    b         2000 20, 2002 22, 2004 24               -> every value lone (census-like)
Peer band (a, b): 2000 {5, 20}, 2001 {6}, 2002 {22}, 2003 none, 2004 {8, 24}
    -> years 2000, 2001, 2002, 2004; the median breaks at 2003; 2004 is lone with
       q1 = 8 + 0.25 * 16 = 12, q3 = 8 + 0.75 * 16 = 20.
"""

from __future__ import annotations

import numpy as np
import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.chart_spec import (
    joined_to_next,
    line_chart_spec,
    lone_band_segments,
    lone_points,
    readout,
)
from desktop.analysis.charts import over_time_spec
from desktop.analysis.ranking import ranking_spec
from desktop.analysis.small_multiples import small_multiples_spec
from desktop.core.dataset import Dataset

ROWS = [
    ("f", "v", 2000, 10.0), ("f", "v", 2001, 11.0), ("f", "v", 2003, 13.0),
    ("f", "v", 2004, 14.0),
    ("a", "v", 2000, 5.0), ("a", "v", 2001, 6.0), ("a", "v", 2004, 8.0),
    ("b", "v", 2000, 20.0), ("b", "v", 2002, 22.0), ("b", "v", 2004, 24.0),
]


@pytest.fixture(scope="module")
def gappy() -> Dataset:
    return build_dataset(ROWS, [city("f"), city("a"), city("b")], [indicator("v")])


def segments(years: np.ndarray) -> list[list[int]]:
    """The runs of years a drawing joins, as the `connect` array says."""
    runs: list[list[int]] = []
    joined = joined_to_next(years)
    for k, year in enumerate(years):
        if k == 0 or not joined[k - 1]:
            runs.append([])
        runs[-1].append(int(year))
    return runs


def test_joined_only_to_the_next_year() -> None:
    years = np.array([2000.0, 2001, 2002, 2005, 2006, 2009])
    assert joined_to_next(years).tolist() == [True, True, False, True, False, False]
    assert lone_points(years).tolist() == [False, False, False, False, False, True]
    census = np.array([2000.0, 2010, 2020])
    assert not joined_to_next(census).any()
    assert lone_points(census).all()
    assert lone_points(np.array([2016.0])).tolist() == [True]
    assert joined_to_next(np.array([])).tolist() == lone_points(np.array([])).tolist() == []


def test_window_chart_series_break_at_a_missing_year(gappy: Dataset) -> None:
    spec = over_time_spec(gappy, "f", ["a", "b"], "v")
    focus, a, b = spec.series
    assert segments(focus.years) == [[2000, 2001], [2003, 2004]]
    assert np.isfinite(focus.values).all()  # the gap is a missing year, not a NaN to draw
    assert segments(a.years) == [[2000, 2001], [2004]]
    assert lone_points(a.years).tolist() == [False, False, True]
    assert segments(b.years) == [[2000], [2002], [2004]]
    assert lone_points(b.years).all()


def test_indexed_and_change_modes_keep_the_gap(gappy: Dataset) -> None:
    for mode in ("indexed", "change"):
        focus = over_time_spec(gappy, "f", ["a", "b"], "v", mode=mode).series[0]
        assert segments(focus.years) == [[2000, 2001], [2003, 2004]]
        assert np.isfinite(focus.values).all()


def test_band_and_median_break_where_no_peer_has_a_value(gappy: Dataset) -> None:
    band = over_time_spec(gappy, "f", ["a", "b"], "v").band
    assert band is not None
    assert band.years.tolist() == [2000, 2001, 2002, 2004]
    assert segments(band.years) == [[2000, 2001, 2002], [2004]]
    x, y = lone_band_segments(band)
    assert x.tolist() == [2004, 2004]
    assert y.tolist() == pytest.approx([12.0, 20.0])


def test_report_spec_has_the_same_gaps(gappy: Dataset) -> None:
    spec = line_chart_spec(gappy, "f", ["a", "b"], "v")
    assert segments(spec.series[0].years) == [[2000, 2001], [2003, 2004]]
    assert lone_points(spec.series[2].years).all()


def test_small_multiples_panel_has_the_same_gaps(gappy: Dataset) -> None:
    panel = small_multiples_spec(gappy, "f", ["a", "b"], ["v"]).panels[0]
    assert segments(panel.years) == [[2000, 2001], [2003, 2004]]
    assert panel.band is not None and 2003 not in panel.band.years


def test_readout_says_dash_for_the_missing_year(gappy: Dataset) -> None:
    spec = over_time_spec(gappy, "f", ["a", "b"], "v")
    rows = readout(spec, 2002)
    assert rows == [("F", "—", True), ("A", "—", False), ("B", "22", False)]
    assert all("nan" not in text.lower() for _, text, _ in readout(spec, 2003))


def test_ranking_says_which_bars_are_from_an_earlier_year(gappy: Dataset) -> None:
    """Ranked in 2003: f has 2003, a's latest is 2001, b's is 2002 -> both marked stale."""
    spec = ranking_spec(gappy, "f", ["a", "b"], "v", 2003)
    assert {b.city_id: b.year for b in spec.bars} == {"f": 2003, "a": 2001, "b": 2002}
    assert "Older than 2003, their latest value: B (2002), A (2001)." in spec.notes
    zh = ranking_spec(gappy, "f", ["a", "b"], "v", 2003, lang="zh")
    assert any("无2003年数据" in n and "（2001年）" in n for n in zh.notes)
    fresh = ranking_spec(gappy, "f", ["a", "b"], "v", 2004)
    assert not any("Older than" in n for n in fresh.notes)
