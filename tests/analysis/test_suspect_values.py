"""Suspect values (breaks register) are shown, marked, and kept out of medians, ranks,
changes and sentences unless the user includes them."""

from __future__ import annotations

import pytest

from desktop.analysis.comparison import build_profile, compare_indicator
from desktop.analysis.profile_metrics import indicator_metrics
from desktop.analysis.profile_table import build_profile_table, selection_table
from desktop.core.dataset import Dataset
from desktop.report.build import build_report
from desktop.report.model import Heading, Paragraph, ReportOptions

SHENYANG, DALIAN, HARBIN, CHANGCHUN = "cn-210100", "cn-210200", "cn-230100", "cn-220100"
NORTH_EAST = (DALIAN, HARBIN, CHANGCHUN)


def test_dalians_2008_fdi_is_out_of_the_peer_median_and_ranks(bundled: Dataset) -> None:
    """2008 FDI: Dalian 581.6 (suspect), Harbin 604.9, Changchun 321.2 million US$."""
    row = compare_indicator(bundled, SHENYANG, NORTH_EAST, "fdi_utilised", 2008)
    dalian = next(c for c in row.peers if c.city_id == DALIAN)
    assert dalian.value == 581_610_000  # still shown ...
    assert dalian.suspect is not None and "582 and 905" in dalian.suspect.reason_en
    assert dalian.rank is None and dalian.gap is None  # ... but neither ranked nor compared
    assert row.peer_median == pytest.approx((604_920_000 + 321_180_000) / 2)
    assert row.ranked_count == 3
    assert [c.rank for c in row.peers if c.city_id != DALIAN] == [2, 3]


def test_include_suspect_puts_it_back(bundled: Dataset) -> None:
    row = compare_indicator(bundled, SHENYANG, NORTH_EAST, "fdi_utilised", 2008,
                            include_suspect=True)
    assert row.peer_median == 581_610_000  # Dalian is the middle peer again
    assert row.ranked_count == 4
    assert next(c for c in row.peers if c.city_id == DALIAN).rank == 3


def test_a_suspect_focus_value_gets_no_rank_gap_sentence_or_change(bundled: Dataset) -> None:
    metrics = indicator_metrics(bundled, DALIAN, (SHENYANG, HARBIN, CHANGCHUN),
                                "fdi_utilised", 2008)
    focus = metrics.focus
    assert focus.value == 581_610_000 and focus.suspect is not None
    assert (focus.rank, focus.gap, focus.index, focus.pool_rank) == (None, None, None, None)
    assert metrics.sentence_en == "" and metrics.sentence_zh == ""
    one_year = focus.change(1)
    assert one_year.change is None and one_year.cagr is None
    assert one_year.suspect_years == (2008,)


def test_a_change_from_a_suspect_year_is_withheld(bundled: Dataset) -> None:
    """2009 is fine (6,017), but its change from 2008 (582) would read +934%."""
    focus = indicator_metrics(bundled, DALIAN, (SHENYANG,), "fdi_utilised", 2009).focus
    assert focus.suspect is None and focus.rank == 1
    assert focus.change(1).change is None and focus.change(1).suspect_years == (2008,)
    with_suspect = indicator_metrics(bundled, DALIAN, (SHENYANG,), "fdi_utilised", 2009,
                                     include_suspect=True).focus
    assert with_suspect.change(1).change == pytest.approx(934.5, abs=0.1)


def test_the_table_marks_a_suspect_value_with_its_reason(bundled: Dataset) -> None:
    table = selection_table(bundled, SHENYANG, NORTH_EAST, ["fdi_utilised"], 2008)
    assert table == build_profile_table(
        bundled, build_profile(bundled, SHENYANG, NORTH_EAST, ["fdi_utilised"], 2008))
    dalian = table.rows[0][4]
    assert dalian.text == "581.6 ⚠"
    assert dalian.suspect.startswith("Dalian's utilised FDI for 2008")
    assert dalian.tooltip.startswith("⚠ Dalian's utilised FDI")
    shenyang = table.rows[0][3]
    assert shenyang.suspect == "" and "⚠" not in shenyang.text


def test_the_report_marks_it_and_makes_no_finding_of_it(bundled: Dataset) -> None:
    report = build_report(bundled, ReportOptions(DALIAN, (SHENYANG, HARBIN, CHANGCHUN),
                                                 indicator_ids=("fdi_utilised",), year=2008))
    paragraphs = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    headings = [b.text for b in report.blocks if isinstance(b, Heading)]
    assert not any("foreign direct investment" in p.lower() and "median" in p.lower()
                   for p in paragraphs)  # no comparison sentence from the suspect value
    assert any(h.startswith("Suspect values") for h in headings)
    assert any(p.startswith("2008, 2010 — Dalian, Foreign direct investment") for p in paragraphs)


def test_the_detail_columns_say_why_a_change_is_withheld(bundled: Dataset) -> None:
    table = build_profile_table(
        bundled, build_profile(bundled, DALIAN, (SHENYANG,), ["fdi_utilised"], 2009),
        detail=True)
    keys = [c.key for c in table.columns]
    one_year = table.rows[0][keys.index("change")]
    assert one_year.text == "— ⚠" and one_year.sort_value is None
    assert one_year.tooltip.startswith("Withheld: the value of 2008 is suspect.\nDalian's")


def test_no_registered_suspect_value_enters_a_median_or_a_rank(bundled: Dataset) -> None:
    """Each suspect value of the register, compared as a peer of Shenyang and as the focus."""
    import statistics

    for suspect in bundled.suspect_values:
        city_id, indicator_id, year = suspect.city_id, suspect.indicator_id, suspect.year
        others = [c for c in (SHENYANG, "cn-110100", "cn-330100", "cn-440300")
                  if c != city_id and bundled.observation(c, indicator_id, year)]
        focus = others[0] if others else SHENYANG
        row = compare_indicator(bundled, focus, [city_id, *others[1:]], indicator_id, year)
        cell = next(c for c in row.peers if c.city_id == city_id)
        assert cell.suspect == suspect and cell.rank is None, suspect
        clean = [c.value for c in row.peers if c.city_id != city_id and c.value is not None]
        assert row.peer_median == (statistics.median(clean) if clean else None), suspect
        as_focus = indicator_metrics(bundled, city_id, others, indicator_id, year)
        assert as_focus.focus.rank is None and as_focus.sentence_en == "", suspect
