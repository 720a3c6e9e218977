"""Findings on the bundled data, worked out by hand from the profile table's numbers."""

from __future__ import annotations

import pytest

from desktop.analysis.comparison import build_profile
from desktop.analysis.findings import findings
from desktop.core.dataset import Dataset

SHENYANG, DALIAN, HARBIN, CHANGCHUN = "cn-210100", "cn-210200", "cn-230100", "cn-220100"
CHAOYANG, JINZHOU = "cn-211300", "cn-210700"
NORTH_EAST = (DALIAN, HARBIN, CHANGCHUN)


@pytest.fixture(scope="module")
def shenyang_2016(bundled: Dataset):
    return build_profile(bundled, SHENYANG, NORTH_EAST, year=2016)


def test_shenyang_2016_leads_with_its_real_growth_gap(bundled: Dataset, shenyang_2016) -> None:
    """Real growth 2016: Shenyang -5.6 %, peers' median 7.1 %: 12.7 points below, the largest
    normalised difference (12.7 / 5 = 2.54) of the selection."""
    found = findings(bundled, shenyang_2016, "en")
    assert 3 <= len(found) <= 5
    assert found[0].text == ("Shenyang does worse than its peers on real GDP growth: "
                             "12.7 pp below the peer median (2016).")
    assert [f.score for f in found] == sorted((f.score for f in found), reverse=True)
    assert len({f.indicator_id for f in found}) == len(found)  # one per indicator


def test_the_2016_restatement_is_said_and_no_change_across_it(bundled: Dataset,
                                                              shenyang_2016) -> None:
    """Liaoning restated its 2016 figures downward: GDP's -6.2 % over 2011-2016 is no
    growth; the finding says the change is not comparable, once, and states no such change."""
    found = findings(bundled, shenyang_2016, "en")
    breaks = [f for f in found if f.kind == "break"]
    assert [f.text for f in breaks] == [
        "Shenyang's GDP (current prices) over 5 years (2011-2016) is not comparable: "
        "the series breaks in 2016."]
    restated = {"gdp", "gdp_per_capita", "gdp_real_growth", "va_primary", "va_secondary",
                "va_tertiary"}
    assert not [f for f in findings(bundled, shenyang_2016, "en", limit=30)
                if f.kind == "change" and f.indicator_id in restated]


def test_chinese_findings_read_as_chinese(bundled: Dataset, shenyang_2016) -> None:
    found = findings(bundled, shenyang_2016, "zh")
    assert found[0].text == ("沈阳市的地区生产总值增长率（实际）不及同类城市："
                             "比同类中位数低12.7个百分点（2016年）。")
    assert "5年间（2011—2016年）" in found[1].text
    assert all("Shenyang" not in f.text and " pp" not in f.text for f in found)


def test_neutral_indicators_are_never_better_or_worse(bundled: Dataset, shenyang_2016) -> None:
    """Shares of GDP have no better direction: 'higher/lower', 'highest/lowest' only."""
    found = findings(bundled, shenyang_2016, "en", limit=30)
    neutral = [f for f in found if bundled.indicator(f.indicator_id).higher_is_better is None]
    assert neutral
    for finding in neutral:
        assert "better" not in finding.text and "worse" not in finding.text
        assert "first" not in finding.text and "last" not in finding.text
    assert ("Shenyang has the lowest primary industry share of GDP of the 4 cities compared "
            "(2016).") in [f.text for f in found]


def test_a_suspect_focus_value_never_makes_a_finding(bundled: Dataset) -> None:
    """Chaoyang's 1994 registered population (33.26 million, a scale slip) would be 526 %
    above its peers; it only becomes a finding when the user counts suspect values."""
    peers = (SHENYANG, DALIAN, JINZHOU)
    ids = ["population_registered", "gdp"]
    masked = build_profile(bundled, CHAOYANG, peers, ids, year=1994)
    assert [f.indicator_id for f in findings(bundled, masked)] == ["gdp"]
    counted = build_profile(bundled, CHAOYANG, peers, ids, year=1994, include_suspect=True)
    texts = [f.text for f in findings(bundled, counted, include_suspect=True)]
    assert ("Chaoyang's registered population (year-end) is 526% above the peer median "
            "(1994).") in texts


def test_dalians_suspect_2008_fdi_is_no_finding(bundled: Dataset) -> None:
    """Dalian's 2008 FDI is suspect: as focus it yields no finding."""
    profile = build_profile(bundled, DALIAN, (SHENYANG, HARBIN, CHANGCHUN),
                            ["fdi_utilised", "gdp"], year=2008)
    assert "fdi_utilised" not in [f.indicator_id for f in findings(bundled, profile)]


def test_no_peers_no_findings(bundled: Dataset) -> None:
    assert findings(bundled, build_profile(bundled, SHENYANG, (), year=2016)) == []


def test_a_growth_rate_has_no_change_finding(bundled: Dataset) -> None:
    """Shenyang's real growth went from -5.6 % (2016, the restatement year) to 7.0 % (2021):
    "growth changed by +12.6 pp" compared one bad year with one good one. A year-on-year rate
    gets findings on its gap to the peers, never on its change between two single years."""
    from desktop.analysis.findings import is_year_on_year

    profile = build_profile(bundled, SHENYANG, NORTH_EAST)
    found = findings(bundled, profile, "en", limit=40)
    year_on_year = {i for i in bundled.indicators
                    if is_year_on_year(bundled.indicator(i))}
    assert {"gdp_real_growth", "house_price_index_new"} <= year_on_year
    assert "gdp" not in year_on_year and "population_registered" not in year_on_year
    assert not [f.text for f in found if f.kind == "change" and f.indicator_id in year_on_year]
    assert [f for f in found if f.kind == "change"]  # other indicators still have them
