"""Chart specs: modes, band, breaks, ranking, scatter, small multiples; numbers by hand.

    v: f 100, 110, 121 (2000-2002); a 50, 60, 70; b 200, 180, 220; c -, 10, 20
Indexed to 2000: f 100, 110, 121; a 100, 120, 140; b 100, 90, 110; c (no 2000: own first
year 2001) 100, 200. Peer band (a, b, c) 2001: 90, 100, 120 -> q1 95, median 100, q3 110;
2002: 110, 140, 200 -> q1 125, median 140, q3 170 (linear interpolation).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.chart_spec import LineChartSpec, column_quantiles, line_chart_spec, readout
from desktop.analysis.charts import UnitMismatchError, over_time_spec
from desktop.analysis.ranking import ranking_spec
from desktop.analysis.scatter import scatter_spec
from desktop.analysis.small_multiples import small_multiples_spec
from desktop.core.catalog import SeriesBreak
from desktop.core.dataset import Dataset
from desktop.core.units import DisplayScale

ROWS = [
    ("f", "v", 2000, 100.0), ("f", "v", 2001, 110.0), ("f", "v", 2002, 121.0),
    ("a", "v", 2000, 50.0), ("a", "v", 2001, 60.0), ("a", "v", 2002, 70.0),
    ("b", "v", 2000, 200.0), ("b", "v", 2001, 180.0), ("b", "v", 2002, 220.0),
    ("c", "v", 2001, 10.0), ("c", "v", 2002, 20.0),
    ("d", "v", 2000, 1.0), ("d", "v", 2002, 3.0),  # pool only
    ("p", "v", 2002, 9999.0),  # a province: never in the pool
    ("f", "neg", 2000, -1.0), ("f", "neg", 2001, 2.0), ("a", "neg", 2001, 3.0),
    ("f", "pct", 2000, 30.0), ("f", "pct", 2002, 33.5), ("a", "pct", 2002, 20.0),
    ("f", "pop", 2002, 400.0), ("a", "pop", 2002, 100.0), ("b", "pop", 2001, 25.0),
    ("f", "cost", 2002, 5.0), ("a", "cost", 2002, 3.0), ("b", "cost", 2002, 8.0),
    ("f", "heads", 2002, 5.0),
    ("u", "v", 2002, 7.0),
]
BREAK = SeriesBreak(2001, ("f",), ("v",), "v restated in 2001")
CITIES = [city("f"), city("a"), city("b"), city("c"), city("d"), city("p", kind="province"),
          city("u", kind="us_metro", country="US")]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(
        ROWS, CITIES,
        [indicator("v", display=DisplayScale(10.0, "tens", "十", 1)), indicator("neg"),
         indicator("pct", "percent"), indicator("pop", "persons"),
         indicator("cost", higher_is_better=False), indicator("heads", "persons")],
        [BREAK],
    )


def test_absolute_in_display_units_with_band_and_breaks(dataset: Dataset) -> None:
    spec = over_time_spec(dataset, "f", ["a", "b", "c"], "v")
    assert isinstance(spec, LineChartSpec)
    assert spec.mode == "absolute" and spec.unit_suffix == "tens"
    assert spec.y_label == "V (tens)"
    assert spec.series[0].is_focus and spec.series[0].values.tolist() == [10.0, 11.0, 12.1]
    assert spec.series[3].years.tolist() == [2001.0, 2002.0]
    assert spec.band is not None
    # peers 2000: a 5, b 20 -> median 12.5; 2001: 6, 18, 1 -> median 6
    assert spec.band.years.tolist() == [2000, 2001, 2002]
    assert spec.band.median.tolist() == pytest.approx([12.5, 6.0, 7.0])
    assert spec.band.counts.tolist() == [2, 3, 3]
    assert [b.year for b in spec.breaks] == [2001]
    assert spec.source_line == "Hand-made"
    assert spec.year_range == (2000, 2002)


def test_indexed_with_own_base_note(dataset: Dataset) -> None:
    spec = over_time_spec(dataset, "f", ["a", "b", "c"], "v", mode="indexed")
    values = {s.city_id: s.values.tolist() for s in spec.series}
    assert values["f"] == pytest.approx([100.0, 110.0, 121.0])
    assert values["a"] == pytest.approx([100.0, 120.0, 140.0])
    assert values["b"] == pytest.approx([100.0, 90.0, 110.0])
    assert values["c"] == pytest.approx([100.0, 200.0])
    assert spec.base_year == 2000 and spec.unit_suffix == ""
    assert spec.y_label == "V: Index (2000 = 100)"
    assert any(n.startswith("C: no value in 2000") for n in spec.notes)
    assert spec.band is not None
    assert spec.band.q1.tolist() == pytest.approx([100.0, 95.0, 125.0])
    assert spec.band.median.tolist() == pytest.approx([100.0, 100.0, 140.0])
    assert spec.band.q3.tolist() == pytest.approx([100.0, 110.0, 170.0])


def test_change_mode_and_year_range(dataset: Dataset) -> None:
    spec = over_time_spec(dataset, "f", ["a"], "v", mode="change", year_range=(2001, 2002))
    # from 2001: f 110 -> 121 = +10%; a 60 -> 70 = +16.7%
    assert spec.series[0].values.tolist() == pytest.approx([0.0, 10.0])
    assert spec.series[1].values.tolist() == pytest.approx([0.0, 100 / 6])
    assert spec.base_year == 2001 and spec.year_range == (2001, 2002)
    assert spec.unit_suffix == "%"
    assert [b.year for b in spec.breaks] == [2001]
    outside = over_time_spec(dataset, "f", [], "v", year_range=(2002, 2002))
    assert outside.breaks == ()
    # percent indicators change in percentage points: 30 -> 33.5 = +3.5 pp
    pct = over_time_spec(dataset, "f", [], "pct", mode="change")
    assert pct.series[0].values.tolist() == pytest.approx([0.0, 3.5])
    assert pct.unit_suffix == "pp"
    assert over_time_spec(dataset, "f", [], "pct", mode="change",
                          lang="zh").unit_suffix == "百分点"


def test_log_scale_refused_for_non_positive_values(dataset: Dataset) -> None:
    assert over_time_spec(dataset, "f", ["a"], "v", log_y=True).log_y
    spec = over_time_spec(dataset, "f", ["a"], "neg", log_y=True)
    assert not spec.log_y and any("Log scale" in n for n in spec.notes)
    # indexed: f's base (2000) is negative -> cannot be indexed, and said
    indexed = over_time_spec(dataset, "f", ["a"], "neg", mode="indexed")
    assert indexed.series[0].values.size == 0
    assert any("cannot be indexed" in n for n in indexed.notes)


def test_background_is_one_multi_segment_curve(dataset: Dataset) -> None:
    spec = over_time_spec(dataset, "f", ["a"], "v", background_ids=["f", "d", "b"])
    assert spec.background is not None
    assert spec.background.city_ids == ("d", "b")  # the selection is not repeated
    x, y, connect = spec.background.flat()
    assert x.tolist() == [2000.0, 2001.0, 2002.0] * 2
    assert np.isnan(y[1]) and y[0] == 0.1 and y[3] == 20.0
    # d: 2000 and 2002 only -> no joins; b: joined within, never to the next city
    assert connect.tolist() == [False, False, False, True, True, False]


def test_one_axis_one_unit(dataset: Dataset) -> None:
    with pytest.raises(UnitMismatchError):
        over_time_spec(dataset, "f", ["a"], "v", city_indicators={"a": "pop"})


def test_legacy_line_spec_and_readout_still_work(dataset: Dataset) -> None:
    legacy = line_chart_spec(dataset, "f", ["a"], "v")
    assert legacy.mode == "absolute" and legacy.band is None
    new = over_time_spec(dataset, "f", ["a"], "v", band=False)
    assert readout(new, 2001) == [("F", "11.0", True), ("A", "6.0", False)]
    assert [s.values.tolist() for s in new.series] == [
        s.values.tolist() for s in legacy.series]
    assert {f.name for f in dataclasses.fields(LineChartSpec)} >= {"band", "background", "mode"}


def test_ranking_bars(dataset: Dataset) -> None:
    spec = ranking_spec(dataset, "f", ["a", "b"], "v", 2001)
    assert [b.city_id for b in spec.bars] == ["b", "f", "a"]
    assert [b.rank for b in spec.bars] == [1, 2, 3]
    assert [b.value for b in spec.bars] == pytest.approx([18.0, 11.0, 6.0])
    assert spec.focus_index == 1 and spec.bars[1].is_focus
    assert spec.peer_median == pytest.approx(12.0)  # (60 + 180) / 2 / 10
    assert spec.title == "V, 2001"
    lower = ranking_spec(dataset, "f", ["a", "b"], "cost", 2002)
    assert [b.city_id for b in lower.bars] == ["a", "f", "b"]  # lower is better first
    pool = ranking_spec(dataset, "f", ["a"], "v", 2002, pool=True)
    # f, a, b, c, d have 2002 values; the province and the US metro are not in the pool
    assert sorted(b.city_id for b in pool.bars) == ["a", "b", "c", "d", "f"]
    assert [b.is_peer for b in pool.bars if b.city_id == "a"] == [True]


def test_ranking_default_year_and_earlier_values(dataset: Dataset) -> None:
    spec = ranking_spec(dataset, "f", ["a", "b"], "pop")
    # no year where all three have pop; latest f shares with a peer: 2002; b shows 2001
    assert spec.year == 2002
    b = next(bar for bar in spec.bars if bar.city_id == "b")
    assert b.year == 2001


def test_scatter(dataset: Dataset) -> None:
    spec = scatter_spec(dataset, "f", ["a", "b", "c"], "v", "pct", 2002,
                        size_indicator="pop", trail_range=(2000, 2002))
    points = {p.city_id: p for p in spec.points}
    assert set(points) == {"f", "a"}  # b and c have no pct in 2002
    assert (points["f"].x, points["f"].y) == (12.1, 33.5)
    # size: area proportional: f 400 -> 30 px, a 100 -> 6 + 24 * sqrt(1/4) = 18 px
    assert points["f"].marker_size == pytest.approx(30.0)
    assert points["a"].marker_size == pytest.approx(18.0)
    assert any("No value in 2002: B, C" in n for n in spec.notes)
    trail = next(t for t in spec.trails if t.city_id == "f")
    assert trail.years.tolist() == [2000, 2002]  # 2001 has no pct
    assert spec.x_label == "V (tens)" and spec.size_label == "Point size: Pop"
    assert spec.title == "Pct against V, 2002"


def test_scatter_background_and_log(dataset: Dataset) -> None:
    spec = scatter_spec(dataset, "f", ["a"], "v", "v", 2002, background_ids=["b", "c", "d"],
                        log_x=True)
    assert spec.background_ids == ("b", "c", "d")
    assert spec.background_x.tolist() == pytest.approx([22.0, 2.0, 0.3])
    assert spec.log_x
    # background points need both values in exactly the year: b's pop is of 2001
    assert scatter_spec(dataset, "f", ["a"], "v", "pop", 2002,
                        background_ids=["b"]).background_ids == ()
    negative = scatter_spec(dataset, "f", ["a"], "neg", "v", 2000, log_x=True)  # f: -1
    assert not negative.log_x and any("Log scale" in n for n in negative.notes)


def test_small_multiples(dataset: Dataset) -> None:
    spec = small_multiples_spec(dataset, "f", ["a", "b"], ["v", "pct"])
    assert [p.indicator_id for p in spec.panels] == ["v", "pct"]
    v = spec.panels[0]
    assert v.focus.tolist() == [10.0, 11.0, 12.1]
    assert v.band is not None and v.band.median.tolist() == pytest.approx([12.5, 12.0, 14.5])
    assert [b.year for b in v.breaks] == [2001]
    assert spec.median_label == "Peer median" and spec.focus_label == "F"
    with_us = small_multiples_spec(dataset, "f", ["u"], ["v"])
    assert any("commuting" in n for n in with_us.notes)
    assert not any("commuting" in n for n in with_us.panels[0].notes)


def test_column_quantiles_match_numpy() -> None:
    rng = np.random.default_rng(7)
    values = rng.normal(size=(9, 40))
    values[rng.random(values.shape) < 0.4] = np.nan
    values[:, 0] = np.nan
    values[4, 0] = 3.0
    assert column_quantiles(values, (0.25, 0.5, 0.75)) == pytest.approx(
        np.nanpercentile(values, [25, 50, 75], axis=0))


def test_chinese_labels(dataset: Dataset) -> None:
    spec = over_time_spec(dataset, "f", ["a"], "v", mode="indexed", lang="zh")
    assert spec.y_label == "v（中文）: 指数（2000年=100）"
    assert spec.series[0].label == "f市"
    assert spec.x_label == "年份"


@pytest.mark.parametrize(("title", "y_label", "short"), [
    ("GDP (current prices)", "GDP (current prices) (亿元)", "亿元"),
    ("地区生产总值（当年价格）", "地区生产总值（当年价格） (亿元)", "亿元"),
    ("GDP", "GDP: index (2000 = 100)", "index (2000 = 100)"),
    ("Urbanisation rate", "Urbanisation rate", ""),
])
def test_the_short_axis_title_drops_the_indicator_name(title: str, y_label: str,
                                                       short: str) -> None:
    spec = LineChartSpec("i", title, y_label, "", 0, (), (), "", ())
    assert spec.short_y_label == short


def test_a_pool_of_thousands_is_drawn_as_its_spread() -> None:
    """Above SPREAD_ABOVE cities the chart draws their percentiles per year (as numpy's),
    with a gap in a year too few cities have a value."""
    from desktop.analysis.chart_spec import (
        SPREAD_ABOVE,
        SPREAD_LEVELS,
        SPREAD_MIN_CITIES,
        BackgroundSpec,
    )

    rng = np.random.default_rng(11)
    years = np.arange(1990, 2000)
    values = rng.lognormal(5.0, 1.0, size=(SPREAD_ABOVE + 1, len(years)))
    values[rng.random(values.shape) < 0.3] = np.nan
    values[:SPREAD_MIN_CITIES, 4:6] = rng.lognormal(5.0, 1.0, size=(SPREAD_MIN_CITIES, 2))
    values[SPREAD_MIN_CITIES - 1:, 4] = np.nan  # 1994: one city too few
    values[SPREAD_MIN_CITIES:, 5] = np.nan  # 1995: just enough
    spread = BackgroundSpec(tuple(map(str, range(len(values)))), years, values)
    assert spread.as_spread
    assert not BackgroundSpec(spread.city_ids[:SPREAD_ABOVE], years, values[:-1]).as_spread
    found = spread.percentiles()
    expected = np.nanpercentile(values, SPREAD_LEVELS, axis=0)
    assert np.isnan(found[:, 4]).all()
    keep = np.arange(len(years)) != 4
    assert found[:, keep] == pytest.approx(expected[:, keep])
    assert (np.diff(found[:, keep], axis=0) >= 0).all()  # 10th <= 25th <= 75th <= 90th
