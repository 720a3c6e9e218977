"""Suspect values (breaks register) are kept out of every median, rank, peer-finder distance
and sentence the user sees, charts included, and counted (still marked) with the switch on.

Real registered suspects: Chaoyang's 1994 registered population (33.26 million, a scale slip:
ten times its neighbours) and Dalian's 2008 and 2010 utilised FDI (581.6 and 905.0 million
US$ inside a series of several thousand).
"""

from __future__ import annotations

import statistics

import numpy as np
import pytest

from desktop.analysis.chart_spec import line_chart_spec, readout
from desktop.analysis.charts import over_time_spec
from desktop.analysis.peers import find_peers
from desktop.analysis.profile_metrics import indicator_metrics
from desktop.analysis.profile_table import selection_table
from desktop.analysis.ranking import ranking_spec
from desktop.analysis.scatter import scatter_spec
from desktop.analysis.small_multiples import small_multiples_spec
from desktop.commands.main import main as cli_main
from desktop.core.dataset import Dataset

SHENYANG, DALIAN, HARBIN, CHANGCHUN = "cn-210100", "cn-210200", "cn-230100", "cn-220100"
CHAOYANG = "cn-211300"
NORTH_EAST = (DALIAN, HARBIN, CHANGCHUN)
POPULATION = "population_registered"
CHAOYANG_1994 = 33_262_000
HARBIN_FDI_2008, CHANGCHUN_FDI_2008, DALIAN_FDI_2008 = 604.92, 321.18, 581.61  # million US$


# --- ranks among all comparable cities ---------------------------------------------------

def test_pool_rank_does_not_count_another_citys_suspect_value(bundled: Dataset) -> None:
    """Chaoyang's slipped 33.26 million would be the largest city of China in 1994: it must
    not push Shenyang from 34th to 35th, nor into a pool of 309."""
    kept_out = indicator_metrics(bundled, SHENYANG, (DALIAN,), POPULATION, 1994).focus
    counted = indicator_metrics(bundled, SHENYANG, (DALIAN,), POPULATION, 1994,
                                include_suspect=True).focus
    assert (counted.pool_rank, counted.pool_count) == (35, 309)
    assert (kept_out.pool_rank, kept_out.pool_count) == (34, 308)
    # the percentile is the share of the other 307 cities below Shenyang: Chaoyang is not one
    below = counted.percentile * 308 / 100
    assert kept_out.percentile == pytest.approx(below / 307 * 100)


def test_pool_ranking_bars_grey_the_suspect_and_rank_without_it(bundled: Dataset) -> None:
    spec = ranking_spec(bundled, SHENYANG, (DALIAN,), POPULATION, 1994, pool=True)
    chaoyang = next(b for b in spec.bars if b.city_id == CHAOYANG)
    assert chaoyang.suspect.startswith("Chaoyang's 1994 registered population")
    assert chaoyang.rank is None and not chaoyang.included
    assert [b.rank for b in spec.bars if b.rank is not None][:2] == [1, 2]
    assert next(b for b in spec.bars if b.is_focus).rank == 34
    with_it = ranking_spec(bundled, SHENYANG, (DALIAN,), POPULATION, 1994, pool=True,
                           include_suspect=True)
    chaoyang = next(b for b in with_it.bars if b.city_id == CHAOYANG)
    assert chaoyang.rank == 1 and chaoyang.included and chaoyang.suspect
    assert next(b for b in with_it.bars if b.is_focus).rank == 35


def test_ranking_bars_peer_median_leaves_the_suspect_out(bundled: Dataset) -> None:
    spec = ranking_spec(bundled, SHENYANG, NORTH_EAST, "fdi_utilised", 2008)
    assert spec.peer_median == pytest.approx(
        statistics.median([HARBIN_FDI_2008, CHANGCHUN_FDI_2008]))
    ranks = {b.city_id: b.rank for b in spec.bars}
    assert ranks == {SHENYANG: 1, HARBIN: 2, DALIAN: None, CHANGCHUN: 3}
    with_it = ranking_spec(bundled, SHENYANG, NORTH_EAST, "fdi_utilised", 2008,
                           include_suspect=True)
    assert with_it.peer_median == pytest.approx(DALIAN_FDI_2008)
    assert {b.city_id: b.rank for b in with_it.bars}[DALIAN] == 3


# --- medians and sentences ---------------------------------------------------------------

def test_the_sentence_and_median_ignore_a_suspect_peer(bundled: Dataset) -> None:
    """Beside Dalian (5.3 million) and Chaoyang's slip, Shenyang (6.6 million) is 25% above
    the peer median, not 'about a third' of a median inflated by the slip."""
    metrics = indicator_metrics(bundled, SHENYANG, (DALIAN, CHAOYANG), POPULATION, 1994)
    assert metrics.peer_median == 5_315_000
    assert "25% above the peer median" in metrics.sentence_en
    counted = indicator_metrics(bundled, SHENYANG, (DALIAN, CHAOYANG), POPULATION, 1994,
                                include_suspect=True)
    assert counted.peer_median == pytest.approx((5_315_000 + CHAOYANG_1994) / 2)
    assert "third of the peer median" in counted.sentence_en


def test_the_window_table_counts_a_suspect_only_when_included(bundled: Dataset) -> None:
    kept_out = selection_table(bundled, SHENYANG, NORTH_EAST, ["fdi_utilised"], 2008)
    counted = selection_table(bundled, SHENYANG, NORTH_EAST, ["fdi_utilised"], 2008,
                              include_suspect=True)
    dalian_out, dalian_in = kept_out.rows[0][4], counted.rows[0][4]
    assert dalian_out.text == dalian_in.text == "581.6 ⚠"  # marked either way
    assert "included" not in dalian_out.tooltip and "included" in dalian_in.tooltip
    # peer median, gap, rank: Dalian out (463.1 of Harbin and Changchun), then in (581.6)
    assert [c.text for c in kept_out.rows[0][-3:]] == ["463.1", "+981.3%", "1 of 3"]
    assert [c.text for c in counted.rows[0][-3:]] == ["581.6", "+760.8%", "1 of 4"]


# --- the peer finder ---------------------------------------------------------------------

def test_no_peer_finder_distance_uses_a_suspect_value(bundled: Dataset) -> None:
    """On population alone, treating Chaoyang's slip as missing is the same as leaving
    Chaoyang out: the z-scores of everyone else no longer feel its 33 million."""
    found = find_peers(bundled, SHENYANG, [POPULATION], year=1994, k=8)
    without = find_peers(bundled, SHENYANG, [POPULATION], year=1994, k=8, exclude=[CHAOYANG])
    assert [m.city_id for m in found.matches] == [m.city_id for m in without.matches]
    assert [m.distance for m in found.matches] == pytest.approx(
        [m.distance for m in without.matches])
    assert found.missing.suspect == ((CHAOYANG, POPULATION),)
    assert found.missing.missing_by_indicator[POPULATION] == \
        without.missing.missing_by_indicator[POPULATION] + 1
    assert "suspect values treated as missing" in found.missing.describe()
    assert "Chaoyang population_registered" in found.missing.describe()
    counted = find_peers(bundled, SHENYANG, [POPULATION], year=1994, k=8, include_suspect=True)
    assert counted.matches[0].distance != pytest.approx(found.matches[0].distance)
    assert "counted in the distances" in counted.missing.describe()


def test_a_suspect_focus_value_is_dropped_from_the_peer_finder(bundled: Dataset) -> None:
    result = find_peers(bundled, CHAOYANG, [POPULATION, "gdp_per_capita"], year=1994)
    assert result.indicators == ("gdp_per_capita",)
    assert result.missing.focus_missing == (POPULATION,)
    counted = find_peers(bundled, CHAOYANG, [POPULATION, "gdp_per_capita"], year=1994,
                         include_suspect=True)
    assert counted.indicators == (POPULATION, "gdp_per_capita")


# --- charts ------------------------------------------------------------------------------

def _dalian(spec):
    return next(s for s in spec.series if s.city_id == DALIAN)


def test_over_time_line_has_a_gap_at_a_suspect_point_drawn_apart(bundled: Dataset) -> None:
    spec = over_time_spec(bundled, SHENYANG, NORTH_EAST, "fdi_utilised")
    dalian = _dalian(spec)
    assert 2008 not in dalian.years and 2010 not in dalian.years
    assert 2009 in dalian.years and 2011 in dalian.years  # the gap, as for a missing year
    assert list(dalian.suspect_years) == [2008, 2010]
    assert list(dalian.suspect_values) == pytest.approx([581.61, 904.95])
    assert all(r.startswith("Dalian's utilised FDI") for r in dalian.suspect_reasons)
    band_2008 = float(spec.band.median[list(spec.band.years).index(2008)])
    assert band_2008 == pytest.approx((HARBIN_FDI_2008 + CHANGCHUN_FDI_2008) / 2)
    assert dict((label, text) for label, text, _ in readout(spec, 2008))["Dalian"] == \
        "581.6 ⚠"
    counted = over_time_spec(bundled, SHENYANG, NORTH_EAST, "fdi_utilised",
                             include_suspect=True)
    assert 2008 not in _dalian(counted).years  # still drawn apart, greyed
    assert float(counted.band.median[list(counted.band.years).index(2008)]) == \
        pytest.approx(DALIAN_FDI_2008)


def test_an_indexed_suspect_point_is_on_the_scale_of_its_line(bundled: Dataset) -> None:
    spec = over_time_spec(bundled, SHENYANG, NORTH_EAST, "fdi_utilised", mode="indexed",
                          year_range=(2005, 2012), base_year=2005)
    dalian = _dalian(spec)
    absolute = _dalian(over_time_spec(bundled, SHENYANG, NORTH_EAST, "fdi_utilised",
                                      year_range=(2005, 2012)))
    base = absolute.values[list(absolute.years).index(2005)]
    assert dalian.suspect_values[0] == pytest.approx(581.61 / base * 100)


def test_report_line_chart_and_small_multiples_draw_suspects_apart(bundled: Dataset) -> None:
    report = _dalian(line_chart_spec(bundled, SHENYANG, NORTH_EAST, "fdi_utilised"))
    assert 2008 not in report.years and list(report.suspect_years) == [2008, 2010]
    multiples = small_multiples_spec(bundled, DALIAN, (SHENYANG, HARBIN), ["fdi_utilised"])
    panel = multiples.panels[0]
    assert 2008 not in panel.years and list(panel.suspect_years) == [2008, 2010]
    assert panel.suspect_reasons[0].startswith("Dalian's utilised FDI")


def test_scatter_marks_a_point_whose_value_is_suspect(bundled: Dataset) -> None:
    spec = scatter_spec(bundled, SHENYANG, NORTH_EAST, "fdi_utilised", "gdp_per_capita", 2008)
    reasons = {p.city_id: p.suspect for p in spec.points}
    assert reasons[DALIAN].startswith("Dalian's utilised FDI")
    assert reasons[SHENYANG] == reasons[HARBIN] == ""


def test_no_suspect_in_view_costs_no_marks(bundled: Dataset) -> None:
    """GDP has no suspect value: the specs carry empty suspect fields (the fast path)."""
    spec = over_time_spec(bundled, SHENYANG, NORTH_EAST, "gdp")
    assert all(len(s.suspect_years) == 0 and s.suspect_reasons == () for s in spec.series)
    assert not any(b.suspect for b in ranking_spec(bundled, SHENYANG, NORTH_EAST, "gdp").bars)
    assert np.isfinite(spec.band.median).all()


# --- the command line --------------------------------------------------------------------

def _profile_json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    import json

    code = cli_main(["profile", "--focus", "Shenyang", "--peers", "Dalian,Harbin,Changchun",
                     "--year", "2008", "--indicators", "fdi_utilised", "--json", *extra])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_profile_include_suspect_flag(capsys: pytest.CaptureFixture[str]) -> None:
    kept_out = _profile_json(capsys)["indicators"][0]
    counted = _profile_json(capsys, "--include-suspect")["indicators"][0]
    assert kept_out["peer_median"] == pytest.approx(
        (HARBIN_FDI_2008 + CHANGCHUN_FDI_2008) / 2 * 1e6)
    assert counted["peer_median"] == pytest.approx(DALIAN_FDI_2008 * 1e6)
    assert (kept_out["ranked_among"], counted["ranked_among"]) == (3, 4)
    dalian = next(p for p in counted["peers"] if p["city_id"] == DALIAN)
    assert dalian["suspect"]  # counted, and still marked


def test_peers_include_suspect_flag(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    args = ["peers", "--focus", "Shenyang", "--indicators", POPULATION, "--year", "1994",
            "--json"]
    assert cli_main(args) == 0
    kept_out = json.loads(capsys.readouterr().out)
    assert cli_main([*args, "--include-suspect"]) == 0
    counted = json.loads(capsys.readouterr().out)
    assert "treated as missing" in kept_out["missing"]["description"]
    assert "counted in the distances" in counted["missing"]["description"]
    assert kept_out["peers"][0]["distance"] != pytest.approx(counted["peers"][0]["distance"])


# --- the report --------------------------------------------------------------------------

def test_the_report_makes_a_finding_of_a_suspect_value_only_when_included(
        bundled: Dataset) -> None:
    from desktop.report.build import build_report
    from desktop.report.model import ChartBlock, Heading, Paragraph, ReportOptions

    options = ReportOptions(DALIAN, (SHENYANG, HARBIN, CHANGCHUN),
                            indicator_ids=("fdi_utilised",), year=2008)

    def findings(report) -> list[str]:
        # the numbered findings at the top of the summary
        return [b.text for b in report.blocks
                if isinstance(b, Paragraph) and b.role == "body" and b.text[:1].isdigit()]

    kept_out = build_report(bundled, options)
    counted = build_report(bundled, options, include_suspect=True)
    assert findings(kept_out) == []
    assert len(findings(counted)) == 1 and "median" in findings(counted)[0]
    headings = [b.text for b in counted.blocks if isinstance(b, Heading)]
    assert any(h.startswith("Suspect values") and "included" in h for h in headings)
    chart = next(b for b in kept_out.blocks if isinstance(b, ChartBlock) and b.kind == "line")
    dalian = next(s for s in chart.spec.series if s.city_id == DALIAN)
    assert 2008 not in dalian.years and list(dalian.suspect_years) == [2008, 2010]
    assert any(n.startswith("⚠ grey hollow circle") and "Dalian 2008" in n for n in chart.notes)
