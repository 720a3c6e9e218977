"""What each chart tab shows for a selection and the chart controls, without a window: the
chart panel hands these specs to its widgets as they are."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.core.dataset import Dataset
from desktop.core.storage import load_bundled
from desktop.session.chart_options import ChartOptions
from desktop.session.chart_specs import (
    MULTIPLES,
    OVER_TIME,
    RANKING,
    SCATTER,
    STRUCTURE,
    background_ids,
    chart_spec,
)
from desktop.session.selection import Selection
from tests.session.sessions import dataset

SHENYANG = "cn-210100"
NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")  # Dalian, Harbin, Changchun


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_bundled()


def test_over_time_follows_the_mode_and_base_year() -> None:
    # gdp is 100 + n + (year - 2010) for the n-th city: Shenyang 100 then 101
    view = Selection("shenyang", ("dalian", "harbin"), "gdp")
    drawn = chart_spec(dataset(), view, ChartOptions(mode="indexed", base_year=2010),
                       OVER_TIME)
    focus = drawn.spec.series[0]
    assert focus.city_id == "shenyang"
    assert list(focus.years) == [2010, 2011]
    assert list(focus.values) == pytest.approx([100.0, 101.0])
    assert drawn.indicator_ids == ("gdp",)


def test_the_ranking_takes_the_year_of_its_own_box_best_first() -> None:
    view = Selection("shenyang", ("dalian", "harbin"), "gdp", year=2011)
    drawn = chart_spec(dataset(), view, ChartOptions(year=2010), RANKING)
    spec = drawn.spec
    assert spec.year == 2010  # the ranking's year box, not the toolbar's year
    assert [(b.city_id, b.value) for b in spec.bars] == [
        ("harbin", 102.0), ("dalian", 101.0), ("shenyang", 100.0)]
    assert spec.focus_index == 2 and spec.peer_median == pytest.approx(101.5)


def test_the_language_names_the_cities() -> None:
    view = Selection("shenyang", ("dalian",), "gdp")
    drawn = chart_spec(dataset(), view, ChartOptions(), RANKING, lang="zh")
    assert {b.label for b in drawn.spec.bars} == {"shenyang市", "dalian市"}


def test_comparable_cities_are_drawn_faintly_only_when_asked(bundled: Dataset) -> None:
    view = Selection(SHENYANG, NORTH_EAST, "gdp")
    assert background_ids(bundled, view, ChartOptions()) == []
    pool = background_ids(bundled, view, ChartOptions(background=True))
    assert len(pool) > 10 and not {SHENYANG, *NORTH_EAST} & set(pool)
    drawn = chart_spec(bundled, view, ChartOptions(background=True), OVER_TIME)
    assert set(drawn.spec.background.city_ids) <= set(pool)
    assert drawn.spec.background.values.size > 0


def test_scatter_sizes_by_population_and_shows_its_three_indicators(bundled: Dataset) -> None:
    view = Selection(SHENYANG, NORTH_EAST, "gdp")
    plain = chart_spec(bundled, view, ChartOptions(year=2019), SCATTER)
    assert plain.indicator_ids == ("gdp_per_capita", "gdp_real_growth")
    sized = chart_spec(bundled, view, ChartOptions(year=2019, size_by_population=True,
                                                   x_indicator="gdp", y_indicator="average_wage"),
                       SCATTER)
    assert sized.indicator_ids == ("gdp", "average_wage", "population_resident")
    assert {p.city_id for p in sized.spec.points} == {SHENYANG, *NORTH_EAST}


def test_small_multiples_start_with_the_chosen_indicator(bundled: Dataset) -> None:
    view = Selection(SHENYANG, NORTH_EAST, "average_wage")
    drawn = chart_spec(bundled, view, ChartOptions(), MULTIPLES)
    ids = [p.indicator_id for p in drawn.spec.panels]
    assert ids[0] == "average_wage" and "gdp" in ids
    assert len(ids) <= 9 and "exchange_rate" not in ids
    assert drawn.indicator_ids == tuple(ids)
    focus = drawn.spec.panels[0].focus
    assert np.isfinite(focus).any()


def test_a_tab_without_a_spec_is_an_error() -> None:
    with pytest.raises(ValueError, match="not drawn from a spec"):
        chart_spec(dataset(), Selection("shenyang", (), "gdp"), ChartOptions(), STRUCTURE)
