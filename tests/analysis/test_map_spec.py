"""The map spec (no Qt): quintile classes by hand, values and years as the source gives them,
focus and peers marked, suspect values greyed and unclassed, the report's locator map."""

from __future__ import annotations

import math

import numpy as np
import pytest

from desktop.analysis.map_geometry import load_geometry
from desktop.analysis.map_spec import (
    FOCUS,
    NO_DATA,
    RAMP,
    SUSPECT,
    SUSPECT_CLASS,
    locator_spec,
    map_spec,
    project,
    quantile_classes,
)
from desktop.analysis.selection_cube import LATEST_EACH
from desktop.core.dataset import Dataset

NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")


@pytest.fixture(scope="module")
def geometry():
    return load_geometry()


def test_quintiles_by_hand() -> None:
    assert quantile_classes(np.arange(1.0, 11.0)) == [
        (1, 2), (3, 4), (5, 6), (7, 8), (9, 10)]
    # ties stay in one class, so four equal values make one class and fewer classes result
    assert quantile_classes(np.array([1.0, 1, 1, 1, 2, 3])) == [(1, 1), (2, 2), (3, 3)]
    assert quantile_classes(np.array([])) == []


def test_projection_keeps_a_degree_near_35n() -> None:
    xy = project(np.array([100.0, 101.0, 100.0]), np.array([34.5, 34.5, 35.5]), 35.0)
    assert xy[1, 0] - xy[0, 0] == pytest.approx(math.cos(math.radians(35)))
    assert xy[2, 1] - xy[0, 1] == pytest.approx(1.0, abs=1e-3)


def test_census_population_of_2020(bundled: Dataset, geometry) -> None:
    spec = map_spec(bundled, geometry, "cn-210100", NORTH_EAST, "population_resident", 2020)
    shenyang = spec.place("cn-210100")
    # census file, 沈阳市 popu_2020 = 9,070,093 persons, shown in 万人
    assert shenyang.value == pytest.approx(907.0093)
    assert shenyang.year == 2020 and shenyang.role == "focus" and shenyang.panel == "cn"
    assert spec.readout(shenyang) == "Shenyang: 907.01 万人 (2020)"
    assert {p.city_id for p in spec.places if p.role == "peer"} == set(NORTH_EAST)
    assert spec.title.endswith(", 2020")
    # five quintile classes, ordered, each coloured from the ramp, counts adding up (China's
    # own: the US metros have their own classes, tests/analysis/test_map_classes.py)
    china = spec.group_of(shenyang)
    assert [c.color for c in china.classes] == list(RAMP)
    assert all(a.upper < b.lower for a, b in zip(china.classes, china.classes[1:], strict=False))
    classed = [p for p in spec.places if p.class_index >= 0]
    assert sum(c.count for c in spec.classes) == len(classed)
    assert shenyang.color == RAMP[shenyang.class_index]
    assert spec.legend_title.startswith("Quintiles within each country")


def test_us_metros_are_points_beside_china(bundled: Dataset, geometry) -> None:
    spec = map_spec(bundled, geometry, "cn-210100", ("us-19820",), "gdp_per_capita", 2019)
    detroit = spec.place("us-19820")
    assert detroit.panel == "us" and detroit.point is not None and not detroit.rings
    assert detroit.role == "peer" and detroit.value is not None
    assert spec.panel_titles["us"] == "US metropolitan areas"
    assert any("commuting regions" in n or "metropolitan" in n for n in spec.notes)


def test_suspect_values_are_grey_and_unclassed(bundled: Dataset, geometry) -> None:
    # the breaks register judges Dalian's 2008 utilised FDI not comparable
    spec = map_spec(bundled, geometry, "cn-210100", NORTH_EAST, "fdi_utilised", 2008)
    dalian = spec.place("cn-210200")
    assert dalian.class_index == SUSPECT_CLASS and dalian.color == SUSPECT
    assert "Dalian's utilised FDI" in dalian.suspect
    assert "⚠" in spec.readout(dalian)
    # places without a 2008 value (all US metros: FDI is a Chinese series) are drawn grey,
    # not left off the map
    detroit = spec.place("us-19820")
    assert detroit.value is None and detroit.color == NO_DATA
    assert spec.readout(detroit) == "Detroit: No data"
    classed = sum(c.count for c in spec.classes)
    included = map_spec(bundled, geometry, "cn-210100", NORTH_EAST, "fdi_utilised", 2008,
                        include_suspect=True)
    assert included.place("cn-210200").class_index >= 0
    assert sum(c.count for c in included.classes) == classed + 1


def test_each_place_latest_year(bundled: Dataset, geometry) -> None:
    spec = map_spec(bundled, geometry, "cn-210100", NORTH_EAST, "gdp", LATEST_EACH,
                    lang="zh")
    shenyang = spec.place("cn-210100")
    assert shenyang.year == int(bundled.series("cn-210100", "gdp").dropna().index.max())
    assert "各城市最新年份" in spec.title
    assert spec.readout(shenyang).startswith("沈阳市：")


def test_default_year_is_said(bundled: Dataset, geometry) -> None:
    spec = map_spec(bundled, geometry, "cn-210100", NORTH_EAST, "gdp")
    assert spec.year is not None and str(spec.year) in spec.title
    assert any(n.startswith(f"{spec.year} is the year with the most mapped places")
               for n in spec.notes)


def test_locator_marks_focus_and_peers_only(bundled: Dataset, geometry) -> None:
    spec = locator_spec(bundled, geometry, "cn-210100", NORTH_EAST)
    assert spec.place("cn-210100").color == FOCUS
    assert {p.city_id for p in spec.places if p.role == "peer"} == set(NORTH_EAST)
    assert "us" not in spec.panel_titles  # no US place chosen: no US panel
    assert not spec.classes
    with_us = locator_spec(bundled, geometry, "cn-210100", ("us-19820",))
    assert with_us.place("us-19820").role == "peer" and "us" in with_us.panel_titles


def test_the_report_has_a_locator_block(bundled: Dataset) -> None:
    from desktop.report.build import build_report
    from desktop.report.model import ReportOptions

    options = ReportOptions(focus_id="cn-210100", peer_ids=NORTH_EAST,
                            sections=("summary",), indicator_ids=("gdp",))
    document = build_report(bundled, options)
    maps = [c for c in document.charts() if c.kind == "map"]
    assert len(maps) == 1
    assert [e.label for e in maps[0].legend] == ["Shenyang", "Dalian", "Harbin", "Changchun"]
    assert maps[0].legend[0].color == FOCUS and maps[0].legend[0].is_focus
