"""Location quotients and shift-share, worked out by hand (and one check on Shenyang 2016)."""

from __future__ import annotations

import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.structure import (
    StructureDataError,
    location_quotients,
    shift_share,
)
from desktop.core.catalog import SeriesBreak
from desktop.core.dataset import Dataset

SECTORS = ("primary", "secondary", "tertiary")


def _sectors(city_id: str, prefix: str, year: int, values: tuple[float, float, float]):
    return [(city_id, f"{prefix}_{s}", year, v) for s, v in zip(SECTORS, values, strict=True)]


ROWS = [
    # value added 2020: f 10/30/60, a 30/50/20 -> reference 40/80/80 of 200 = 20%, 40%, 40%
    *_sectors("f", "va", 2020, (10.0, 30.0, 60.0)),
    *_sectors("a", "va", 2020, (30.0, 50.0, 20.0)),
    # g has only published GDP shares (no value added): its LQ uses them
    *_sectors("g", "gdp_share", 2020, (20.0, 40.0, 40.0)),
    # a province with huge value added must not enter the reference
    *_sectors("p", "va", 2020, (1000.0, 0.0, 0.0)),
    # employment shares and employees: f 10/30/60 of 100, a 30/50/20 of 300
    *_sectors("f", "employment_share", 2020, (10.0, 30.0, 60.0)),
    *_sectors("a", "employment_share", 2020, (30.0, 50.0, 20.0)),
    ("f", "employees", 2020, 100.0), ("a", "employees", 2020, 300.0),
    # shift-share from 2010 to 2011 (worked in test_shift_share_by_hand)
    *_sectors("f", "va", 2010, (10.0, 40.0, 50.0)),
    *_sectors("a", "va", 2010, (10.0, 60.0, 30.0)),
    *_sectors("f", "va", 2011, (10.0, 44.0, 70.0)),
    *_sectors("a", "va", 2011, (10.0, 60.0, 40.0)),
]
INDICATORS = [
    *(indicator(f"va_{s}") for s in SECTORS),
    *(indicator(f"gdp_share_{s}", "percent", None) for s in SECTORS),
    *(indicator(f"employment_share_{s}", "percent", None) for s in SECTORS),
    indicator("employees", "persons"),
]
BREAK = SeriesBreak(2011, ("f",), ("va_secondary",), "f restated in 2011")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(ROWS, [city("f"), city("a"), city("g"), city("p", kind="province")],
                         INDICATORS, [BREAK])


def test_gdp_location_quotients_from_value_added(dataset: Dataset) -> None:
    lq = location_quotients(dataset, "f", 2020)
    # f shares 10%, 30%, 60% against 20%, 40%, 40%
    assert [s.city_share for s in lq.sectors] == pytest.approx([10.0, 30.0, 60.0])
    assert [s.reference_share for s in lq.sectors] == pytest.approx([20.0, 40.0, 40.0])
    assert [s.lq for s in lq.sectors] == pytest.approx([0.5, 0.75, 1.5])
    assert lq.lq("tertiary") == pytest.approx(1.5)
    assert (lq.city_method, lq.reference_method, lq.reference_cities) == (
        "value_added", "value_added", 2)


def test_published_shares_when_there_is_no_value_added(dataset: Dataset) -> None:
    lq = location_quotients(dataset, "g", 2020)
    assert [s.lq for s in lq.sectors] == pytest.approx([1.0, 1.0, 1.0])
    assert lq.city_method == "published_shares"
    assert any("published GDP shares" in n for n in lq.notes)


def test_employment_location_quotients_weighted_by_employees(dataset: Dataset) -> None:
    lq = location_quotients(dataset, "f", 2020, basis="employment")
    # reference: primary (10*100 + 30*300) / 400 = 25, secondary (30*100 + 50*300) / 400 = 45,
    # tertiary (60*100 + 20*300) / 400 = 30
    assert [s.reference_share for s in lq.sectors] == pytest.approx([25.0, 45.0, 30.0])
    assert [s.lq for s in lq.sectors] == pytest.approx([0.4, 30 / 45, 2.0])
    assert lq.reference_method == "employees_weighted"


def test_no_data(dataset: Dataset) -> None:
    with pytest.raises(StructureDataError):
        location_quotients(dataset, "f", 1900)
    with pytest.raises(StructureDataError):
        location_quotients(dataset, "f", 2020, basis="land")


def test_shift_share_by_hand(dataset: Dataset) -> None:
    # reference 2010: 20/100/80 (200); 2011: 20/104/110 (234)
    # g = 234/200 - 1 = 0.17; g_s = 0, 0.04, 0.375; f: c_s = 0, 0.1, 0.4
    result = shift_share(dataset, "f", 2010, 2011)
    assert result.reference_growth == pytest.approx(17.0)
    assert result.reference_cities == 2  # the province is not in the reference
    primary, secondary, tertiary = result.sectors
    # primary 10: growth 10*0.17 = 1.7, mix 10*(0 - 0.17) = -1.7, competitive 0
    assert (primary.growth_effect, primary.mix_effect, primary.competitive_effect) == (
        pytest.approx(1.7), pytest.approx(-1.7), pytest.approx(0.0))
    # secondary 40: 6.8, 40*(0.04 - 0.17) = -5.2, 40*(0.1 - 0.04) = 2.4; change 4
    assert (secondary.growth_effect, secondary.mix_effect, secondary.competitive_effect) == (
        pytest.approx(6.8), pytest.approx(-5.2), pytest.approx(2.4))
    assert secondary.change == pytest.approx(4.0)
    # tertiary 50: 8.5, 50*(0.375 - 0.17) = 10.25, 50*(0.4 - 0.375) = 1.25; change 20
    assert (tertiary.growth_effect, tertiary.mix_effect, tertiary.competitive_effect) == (
        pytest.approx(8.5), pytest.approx(10.25), pytest.approx(1.25))
    total = result.total
    assert total.change == pytest.approx(24.0)
    assert (total.growth_effect, total.mix_effect, total.competitive_effect) == (
        pytest.approx(17.0), pytest.approx(3.35), pytest.approx(3.65))
    assert any("Series break in 2011" in n for n in result.notes)


def test_shift_share_needs_both_years(dataset: Dataset) -> None:
    with pytest.raises(StructureDataError):
        shift_share(dataset, "g", 2010, 2011)
    with pytest.raises(StructureDataError):
        shift_share(dataset, "f", 2011, 2010)


def test_shenyang_2016_value_added_shares(bundled: Dataset) -> None:
    lq = location_quotients(bundled, "cn-210100", 2016)
    # CRE_Gdpct.csv line 8457 (万元): primary 2663562, secondary 21515580, tertiary 31285356
    total = 2663562 + 21515580 + 31285356
    assert [s.city_share for s in lq.sectors] == pytest.approx(
        [2663562 / total * 100, 21515580 / total * 100, 31285356 / total * 100])
    assert lq.city_method == "value_added"
    assert lq.lq("tertiary") > 0 and lq.reference_cities > 200  # type: ignore[operator]
    result = shift_share(bundled, "cn-210100", 2010, 2019)
    for sector in result.sectors:
        assert sector.growth_effect + sector.mix_effect + sector.competitive_effect == (
            pytest.approx(sector.change))
    assert any("2016" in n for n in result.notes)  # Liaoning's restatement is inside
