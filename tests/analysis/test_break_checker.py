"""The break checker: worked examples by hand, then the bundled data against the register."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.analysis.break_checker import Candidate, check_dataset, check_series
from desktop.core.dataset import Dataset
from tests.analysis.handmade import build_dataset, city, indicator

YEARS = np.arange(2000, 2012)


def _smooth(start: float = 100.0, growth: float = 0.05) -> np.ndarray:
    return start * (1 + growth) ** np.arange(len(YEARS))


def test_a_smooth_series_has_no_candidates() -> None:
    wiggle = 1 + 0.01 * np.sin(np.arange(len(YEARS)))
    assert check_series(YEARS, _smooth() * wiggle, in_percent=False) == []


def test_a_tenfold_value_is_a_scale_slip() -> None:
    values = _smooth()
    values[5] *= 10
    [finding] = check_series(YEARS, values, in_percent=False)
    assert (finding.year, finding.test) == (2005, "scale")
    assert "x10" in finding.detail


def test_an_isolated_value_off_by_a_factor_not_ten_is_a_spike() -> None:
    values = _smooth()
    values[3] /= 5.5  # Dalian's FDI in 2008: far below both neighbours
    [finding] = check_series(YEARS, values, in_percent=False)
    assert (finding.year, finding.test) == (2003, "spike")


def test_an_impossible_growth_rate_is_a_spike_in_points() -> None:
    rates = np.array([10.0, 11.0, 12.0, 18.7, 790.5, 9.3, 8.1, 9.0, 10.0, 9.5, 9.0, 8.5])
    [finding] = check_series(YEARS, rates, in_percent=True)
    assert (finding.year, finding.test) == (2004, "spike")


def test_a_lasting_cut_is_a_level_shift_not_a_spike() -> None:
    values = _smooth()
    values[7:] *= 0.75  # a census cut: the level stays down
    [finding] = check_series(YEARS, values, in_percent=False)
    assert (finding.year, finding.test) == (2007, "level_shift")
    assert finding.detail.startswith("-21.2%")


def test_a_rise_every_city_shares_is_not_a_shift() -> None:
    values = _smooth()
    values[7:] *= 1.4  # +40% in 2007 ...
    common = {2007: float(np.log(1.4))}  # ... as every city had (inflation)
    assert check_series(YEARS, values, in_percent=False, common=common) == []
    assert check_series(YEARS, values, in_percent=False)  # alone, it is one


def _per_capita_dataset(switch_year: int) -> Dataset:
    population = dict(zip(YEARS.tolist(), (_smooth(700.0, 0.005)).tolist(), strict=True))
    gdp = dict(zip(YEARS.tolist(), _smooth(1e6, 0.08).tolist(), strict=True))
    rows = []
    for year in YEARS.tolist():
        denominator = population[year] * (1.1 if year >= switch_year else 1.0)
        rows += [("a", "gdp", year, gdp[year]),
                 ("a", "population_registered", year, population[year]),
                 ("a", "gdp_per_capita", year, gdp[year] / denominator)]
    return build_dataset(rows, [city("a")], [indicator("gdp"), indicator("gdp_per_capita"),
                                             indicator("population_registered", "persons")])


def test_a_per_capita_denominator_switch_is_found_from_gdp_and_population() -> None:
    """GDP per capita falls only ~2% in 2006 (less than a shift), but GDP / GDP per capita
    stops being the registered population: the denominator changed."""
    found = check_dataset(_per_capita_dataset(2006))
    assert [(c.indicator_id, c.year, c.test) for c in found] == [
        ("gdp_per_capita", 2006, "denominator")]


@pytest.fixture(scope="module")
def candidates(bundled: Dataset) -> list[Candidate]:
    return check_dataset(bundled)


def test_it_finds_every_registered_anomaly(bundled: Dataset,
                                           candidates: list[Candidate]) -> None:
    """Each entry but the vintage (not a jump in any one series) is found at its first
    place and indicator: at its year, or for a break the year before (a spike there)."""
    found = {(c.city_id, c.indicator_id, c.year) for c in candidates}
    for entry in bundled.register.entries:
        if entry.kind == "vintage":
            continue
        place, indicator_id = entry.city_ids[0], entry.indicator_ids[0]
        for year in entry.years:
            near = {year, year - 1} if entry.is_break else {year}
            assert any((place, indicator_id, y) in found for y in near), entry.id


def test_it_finds_more_than_the_register(candidates: list[Candidate]) -> None:
    """Candidates no entry explains are what a person reviews next, e.g. Shenzhen's GDP per
    capita, whose denominator grows by 28% in 2005 against the registered population."""
    unexplained = [c for c in candidates if c.registered is None]
    assert len(unexplained) > 100
    assert any((c.city_id, c.indicator_id, c.year, c.test)
               == ("cn-440300", "gdp_per_capita", 2005, "denominator") for c in unexplained)
    explained = {c.registered for c in candidates if c.registered}
    assert {"census-2019-tianjin", "scale-chaoyang-1994"} <= explained
