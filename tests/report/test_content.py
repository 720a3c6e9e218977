"""The report's content without Qt: sentences from numbers, sections, options, HTML."""

from __future__ import annotations

import re

import pytest

from desktop.analysis.comparison import compare_indicator
from desktop.analysis.comparison_sentences import comparison_sentence, rank_text
from desktop.core.dataset import Dataset
from desktop.core.errors import UnknownCityError, UnknownIndicatorError
from desktop.report.build import build_report
from desktop.report.html import render_html
from desktop.report.model import (
    SECTIONS,
    ChartBlock,
    ContentsBlock,
    CoverBlock,
    Heading,
    Paragraph,
    ReportOptions,
    TableBlock,
)

from .conftest import NORTH_EAST, SHENYANG


def _sentence(dataset: Dataset, indicator_id: str, lang: str, year: int = 2016) -> str:
    row = compare_indicator(dataset, SHENYANG, NORTH_EAST, indicator_id, year)
    return comparison_sentence(row, dataset.indicator(indicator_id), dataset.cities[SHENYANG],
                               lang)


def test_gdp_per_capita_sentence_in_both_languages(dataset: Dataset) -> None:
    # Eect/Gdpct 2016 per-capita GDP (yuan): Shenyang 66,893; Dalian 97,470; Harbin 45,487;
    # Changchun 79,434 -> peer median 79,434; 66,893 / 79,434 = 0.842 -> "about 84%".
    assert _sentence(dataset, "gdp_per_capita", "en") == (
        "Shenyang's GDP per capita is about 84% of the peer median.")
    assert _sentence(dataset, "gdp_per_capita", "zh") == (
        "沈阳市人均地区生产总值约为同类城市中位数的84%。")


def test_percent_indicators_compare_in_points(dataset: Dataset) -> None:
    # 2016 real growth: Shenyang -5.6 %, peers 6.5 / 7.7 / (Harbin missing) -> median 7.1;
    # -5.6 - 7.1 = -12.7 points.
    assert _sentence(dataset, "gdp_real_growth", "en") == (
        "Shenyang's real GDP growth is 12.7 percentage points below the peer median.")
    assert "低12.7个百分点" in _sentence(dataset, "gdp_real_growth", "zh")


def test_gdp_sentence_and_rank(dataset: Dataset) -> None:
    # GDP 2016 (亿元): 5,546.4498 vs median Harbin 6,101.6 -> 0.909 -> "about 91%"; 4th of 4.
    assert "about 91% of the peer median" in _sentence(dataset, "gdp", "en")
    row = compare_indicator(dataset, SHENYANG, NORTH_EAST, "gdp", 2016)
    assert rank_text(row, "en") == "4 of 4"
    assert rank_text(row, "zh") == "第4/4"


@pytest.fixture(scope="module")
def english(dataset: Dataset):
    options = ReportOptions(SHENYANG, NORTH_EAST, year=2016, chart_types=("line", "bar"),
                            group_id="north_east", date="2024-03-05", sections=SECTIONS,
                            charts_per_category=None)
    return build_report(dataset, options)


def test_sections_in_order(english) -> None:
    kinds = [type(b).__name__ for b in english.blocks if type(b).__name__ != "PageBreak"]
    assert kinds[:2] == ["CoverBlock", "ContentsBlock"]
    titles = [h.text for h in english.headings(level=1)]
    assert titles == ["Summary", "Economy", "Structure", "Population", "Labour", "Investment",
                      "Health", "Housing", "Sectors: specialisation and growth", "Methodology",
                      "Notes", "Appendix: data"]
    contents = next(b for b in english.blocks if isinstance(b, ContentsBlock))
    assert [e.text for e in contents.entries] == titles


def test_cover_names_city_peers_date_and_sources(english) -> None:
    cover = next(b for b in english.blocks if isinstance(b, CoverBlock))
    facts = dict(cover.facts)
    assert facts["Focus city"].startswith("Shenyang")
    assert facts["Peer cities"] == "Dalian, Harbin and Changchun"
    assert facts["Date"] == "5 March 2024"
    assert any("CSMAR" in s for s in cover.sources)


def test_summary_table_shows_shenyang_2016_gdp(english) -> None:
    summary = next(b for b in english.blocks if isinstance(b, TableBlock) and b.role == "summary")
    number = next(n for n, r in enumerate(summary.rows) if r.cells[0] == "GDP (current prices)")
    gdp = summary.rows[number]
    # 5,546.45 / 6,101.60 (Harbin, the middle of three peers) - 1 = -9.1 %: worse, in red
    # ... and 33rd of the 334 Chinese cities with a 2016 GDP (test_structure_section counts)
    assert gdp.cells[1:] == ("2016", "5,546.45 亿元", "6,101.60 亿元", "−9.1%", "4 of 4",
                             "33 of 334", "")
    assert gdp.tones[2] == gdp.tones[4] == -1
    assert summary.tone_key == ("better than the peer median", "worse than the peer median")
    # the sparkline ends at the comparison year: Shenyang's GDP and the peers' median
    line = summary.sparklines[number]
    assert line is not None and line.focus[-1] == (2016, pytest.approx(5546.4498e8))
    assert line.median[-1] == (2016, pytest.approx(6101.6e8))
    assert line.focus[0][0] == 2002  # 15 years up to 2016


def test_charts_mark_the_liaoning_break_and_focus(english) -> None:
    gdp = next(b for b in english.charts() if b.chart_id == "line-gdp")
    assert gdp.legend[0].label == "Shenyang" and gdp.legend[0].is_focus
    # Liaoning 2016, and from the breaks register: Harbin's 1996 boundary, the 2019 census
    # cuts (Dalian, Harbin, Changchun), Changchun's 2020 boundary
    assert [m.year for m in gdp.spec.breaks] == [1996, 2016, 2019, 2020]
    assert any("restated" in note for note in gdp.notes)
    assert any(b.chart_id == "bar-gdp" for b in english.charts())


def test_notes_carry_the_series_break(english) -> None:
    texts = [b.text for b in english.blocks if isinstance(b, Paragraph) and b.role == "note"]
    assert any(t.startswith("2016 — Shenyang and Dalian:") and "restated" in t for t in texts)


def test_appendix_has_every_year(english) -> None:
    headings = [b.text for b in english.blocks if isinstance(b, Heading) and b.level == 2]
    index = english.blocks.index(next(b for b in english.blocks if isinstance(b, Heading)
                                      and b.text == "GDP (current prices) (亿元)"))
    table = english.blocks[index + 1]
    assert isinstance(table, TableBlock)
    years = [r.cells[0] for r in table.rows]
    assert years[0] == "1990" and years[-1] == "2021"
    row = next(r for r in table.rows if r.cells[0] == "2016")
    assert row.cells[1] == "5,546.45" and row.emphasis
    assert "GDP per capita (yuan)" in headings


def test_unknown_city_or_indicator_is_refused(dataset: Dataset) -> None:
    with pytest.raises(UnknownCityError):
        build_report(dataset, ReportOptions("nowhere", NORTH_EAST))
    with pytest.raises(UnknownIndicatorError):
        build_report(dataset, ReportOptions(SHENYANG, NORTH_EAST, indicator_ids=("x",)))


def test_options_round_trip_through_json() -> None:
    options = ReportOptions(SHENYANG, NORTH_EAST, ("gdp",), 2016, "zh", ("summary",),
                            ("bar",), "letter", True, "north_east")
    assert ReportOptions.from_json(options.to_json()) == options


def test_html_is_self_contained(english) -> None:
    charts = {c.chart_id: '<svg viewBox="0 0 10 10" width="10" height="10"><path d="M0,0"/>'
              "</svg>" for c in english.charts()}
    page = render_html(english, charts)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == len(english.charts())
    assert not re.search(r"""(src|href)=["'](https?:|//|file:)""", page)
    assert "break-inside: avoid" in page and "5,546.45" in page
    assert not any(isinstance(b, ChartBlock) and not b.legend for b in english.blocks)


def test_the_default_report_is_short_and_the_appendix_is_asked_for(dataset: Dataset) -> None:
    """Issue 15: a four-city profile to hand over, not 41 pages: no data appendix unless
    asked, and charts for each section's headline indicators (the rest in its table)."""
    short = build_report(dataset, ReportOptions(SHENYANG, NORTH_EAST, year=2016))
    titles = [h.text for h in short.headings(level=1)]
    assert "Appendix: data" not in titles
    charts = [b for b in short.blocks if isinstance(b, ChartBlock) and b.kind == "line"]
    sections = [t for t in titles if t not in ("Summary", "Notes")]
    assert len(charts) <= len(sections)  # one headline chart per indicator section
    full = build_report(dataset, ReportOptions(SHENYANG, NORTH_EAST, year=2016,
                                               sections=SECTIONS, charts_per_category=None))
    assert "Appendix: data" in [h.text for h in full.headings(level=1)]
    assert len([b for b in full.blocks if isinstance(b, ChartBlock)]) > 2 * len(charts)
