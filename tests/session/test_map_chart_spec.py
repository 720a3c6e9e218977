"""The Map tab's spec, without a window: the chart panel hands it to the map as it is, so the
year box, the suspect switch, the language and the view's currency are all decided here."""

from __future__ import annotations

import pytest

from desktop.analysis.currency import view_dataset
from desktop.analysis.map_spec import SUSPECT, SUSPECT_CLASS
from desktop.analysis.selection_cube import LATEST_EACH
from desktop.core.dataset import Dataset
from desktop.core.storage import load_bundled
from desktop.session.chart_options import ChartOptions
from desktop.session.chart_specs import MAP, chart_spec
from desktop.session.selection import Selection

SHENYANG, DALIAN, DETROIT = "cn-210100", "cn-210200", "us-19820"
NORTH_EAST = (DALIAN, "cn-230100", "cn-220100")  # Dalian, Harbin, Changchun


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_bundled()


def test_the_map_takes_the_year_of_its_year_box(bundled: Dataset) -> None:
    # the toolbar says 2020; the year box (ChartOptions.year) says 2010, and the map follows it
    view = Selection(SHENYANG, NORTH_EAST, "population_resident", year=2020)
    drawn = chart_spec(bundled, view, ChartOptions(year=2010), MAP)
    spec = drawn.spec
    assert drawn.indicator_ids == ("population_resident",)
    assert spec.year == 2010 and spec.title == "Resident population, 2010"
    shenyang = spec.place(SHENYANG)
    # 2010 census, 沈阳市 8,106,171 residents, shown in 万人
    assert shenyang.value == pytest.approx(810.6171) and shenyang.year == 2010
    assert shenyang.role == "focus"
    assert {p.city_id for p in spec.places if p.role == "peer"} == set(NORTH_EAST)
    later = chart_spec(bundled, view, ChartOptions(year=2020), MAP).spec
    assert later.place(SHENYANG).value == pytest.approx(907.0093)  # 2020 census: 9,070,093


def test_without_a_year_the_map_says_which_it_chose(bundled: Dataset) -> None:
    view = Selection(SHENYANG, NORTH_EAST, "gdp")
    chosen = chart_spec(bundled, view, ChartOptions(), MAP).spec
    assert chosen.year is not None and chosen.title == f"GDP (current prices), {chosen.year}"
    assert any(n.startswith(f"{chosen.year} is the year with the most mapped places")
               for n in chosen.notes)
    each = chart_spec(bundled, view, ChartOptions(year=LATEST_EACH), MAP).spec
    assert each.title == "GDP (current prices), each city's latest year"
    latest = int(bundled.series(SHENYANG, "gdp").dropna().index.max())
    assert each.place(SHENYANG).year == latest


def test_suspect_values_are_classed_only_when_the_switch_says_so(bundled: Dataset) -> None:
    # the breaks register judges Dalian's 2008 utilised FDI not comparable
    view = Selection(SHENYANG, NORTH_EAST, "fdi_utilised")
    greyed = chart_spec(bundled, view, ChartOptions(year=2008), MAP).spec.place(DALIAN)
    assert greyed.class_index == SUSPECT_CLASS and greyed.color == SUSPECT
    included = chart_spec(bundled, view, ChartOptions(year=2008, include_suspect=True),
                          MAP).spec.place(DALIAN)
    assert included.class_index >= 0 and included.color != SUSPECT
    assert included.suspect == greyed.suspect != ""  # still says why, in the read-out


def test_the_map_is_in_the_views_currency_and_language(bundled: Dataset) -> None:
    view = Selection(SHENYANG, (DETROIT,), "gdp_per_capita")
    in_usd = view_dataset(bundled, [SHENYANG, DETROIT])  # a US metro: the view is in US$
    spec = chart_spec(in_usd, view, ChartOptions(year=2019), MAP, lang="zh").spec
    shenyang = spec.place(SHENYANG)
    # 77,777 yuan at the World Bank's 2019 average rate, 6.9083 yuan a dollar
    assert shenyang.value == pytest.approx(77777 / 6.9083, rel=1e-4)
    assert spec.unit_suffix == "美元" and spec.legend_title.endswith("，美元")
    assert spec.readout(shenyang).startswith("沈阳市：11,258")
    assert spec.place(DETROIT).role == "peer" and spec.place(DETROIT).panel == "us"
    in_yuan = chart_spec(bundled, Selection(SHENYANG, (DALIAN,), "gdp_per_capita"),
                         ChartOptions(year=2019), MAP).spec
    assert in_yuan.place(SHENYANG).value == pytest.approx(77777)
