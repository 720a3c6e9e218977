"""What the Structure tab shows, computed without Qt: the years its boxes start at and the
three sections, or why a section cannot be shown."""

from __future__ import annotations

import pytest

from desktop.analysis.structure import shift_share
from desktop.core.dataset import Dataset
from desktop.core.storage import load_bundled
from desktop.session.selection import Selection
from desktop.session.structure_spec import (
    VA_IDS,
    StructureChoice,
    structure_spec,
    structure_years,
    years_with,
)

SHENYANG = "cn-210100"
NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")  # Dalian, Harbin, Changchun
DALIAN = "cn-210200"
US_METRO = "us-10420"


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_bundled()


def test_shift_share_starts_ten_years_before_the_latest_shared_year(bundled: Dataset) -> None:
    view = Selection(SHENYANG, NORTH_EAST, "gdp")
    years = structure_years(bundled, view)
    own = years_with(bundled, SHENYANG, VA_IDS)
    shared = set(own).intersection(*(years_with(bundled, p, VA_IDS) for p in NORTH_EAST))
    assert years.shift_range == (own[0], own[-1])
    assert years.shift_default == (max(shared) - 10, max(shared))


def test_time_distance_takes_the_toolbar_year(bundled: Dataset) -> None:
    chosen = structure_years(bundled, Selection(SHENYANG, (DALIAN,), "gdp_per_capita",
                                                year=2008))
    assert chosen.target_default == 2008
    each = structure_years(bundled, Selection(SHENYANG, (DALIAN,), "gdp_per_capita",
                                              year="latest-each"))
    assert each.target_default != "latest-each" and isinstance(each.target_default, int)


def test_sections_match_the_analysis(bundled: Dataset) -> None:
    view = Selection(SHENYANG, NORTH_EAST, "gdp_per_capita", year=2008)
    spec = structure_spec(bundled, view, StructureChoice("gdp", 2005, 2012, 2008))
    assert spec.names[DALIAN] == "Dalian"
    assert spec.lq is not None and not spec.lq.problem
    assert next(iter(spec.lq.results)) == SHENYANG and spec.lq.year <= 2008
    assert spec.shift is not None and not spec.shift.problem
    expected = shift_share(bundled, SHENYANG, 2005, 2012)
    assert spec.shift.result.total.change == pytest.approx(expected.total.change)
    assert spec.shift.scale.suffix("en") == "亿元"
    distance = spec.distance
    assert distance is not None and [d.peer_id for d in distance.distances] == list(NORTH_EAST)
    assert distance.distances[0].result.sentence_en == (
        "Shenyang reached Dalian's 2008 GDP per capita in 2011, 3 years later.")


def test_only_the_section_asked_for_is_computed(bundled: Dataset) -> None:
    view = Selection(SHENYANG, NORTH_EAST, "gdp")
    spec = structure_spec(bundled, view, StructureChoice("employment", 2012, 2005, 2008),
                          sections=("shift",))
    assert spec.lq is None and spec.distance is None
    assert spec.shift is not None and spec.shift.problem == "order"  # start after end


def test_a_us_metro_has_no_sector_data_and_no_peers(bundled: Dataset) -> None:
    indicator = next(iter(bundled.indicators_of(US_METRO)))
    view = Selection(US_METRO, (), indicator)
    years = structure_years(bundled, view)
    assert years.shift_range is None and years.shift_default is None
    spec = structure_spec(bundled, view, StructureChoice("gdp", 0, 0, 2010))
    assert spec.lq is not None and spec.lq.problem == "no_sector_data"
    assert spec.shift is not None and spec.shift.problem == "no_sector_data"
    assert spec.distance is not None and spec.distance.problem == "no_peers"
