"""The report's Definitions section: every indicator the report uses, defined, in its language
(issue #13 part 6), so a reader of the printed report knows 全市 from 市辖区 and 户籍 from 常住."""

from __future__ import annotations

import html

import pytest

from desktop.analysis.comparison import build_profile
from desktop.analysis.currency import profile_dataset
from desktop.core.dataset import Dataset
from desktop.report.build import build_report
from desktop.report.html import render_html
from desktop.report.model import Heading, Paragraph, ReportDocument, ReportOptions

from .conftest import NORTH_EAST, SHENYANG

US_PEERS = ("cn-210200", "us-19820")  # Dalian, Detroit: a mixed-country report


def _definitions(document: ReportDocument) -> list[str]:
    """The paragraphs under the Definitions heading, up to the next heading."""
    blocks = document.blocks
    start = next(n for n, b in enumerate(blocks)
                 if isinstance(b, Heading) and b.text in ("Definitions", "定义"))
    texts = []
    for block in blocks[start + 1:]:
        if isinstance(block, Heading):
            break
        if isinstance(block, Paragraph):
            texts.append(block.text)
    return texts


def _report(dataset: Dataset, peers: tuple[str, ...], lang: str) -> ReportDocument:
    options = ReportOptions(SHENYANG, peers, year=2016, lang=lang, date="2024-03-05")
    return build_report(dataset, options)


def _row_ids(dataset: Dataset, peers: tuple[str, ...]) -> list[str]:
    """The indicators the report compares, worked out as the report does."""
    converted = profile_dataset(dataset, [SHENYANG, *peers])
    return [r.indicator_id for r in build_profile(converted, SHENYANG, peers, None, 2016).rows]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("peers", [NORTH_EAST, US_PEERS])
def test_every_indicator_in_the_report_is_defined(dataset: Dataset, lang: str,
                                                  peers: tuple[str, ...]) -> None:
    texts = _definitions(_report(dataset, peers, lang))
    colon = "：" if lang == "zh" else ": "
    indicators = [dataset.indicator(i) for i in _row_ids(dataset, peers)]
    assert len(indicators) > 5
    assert len(texts) == len(indicators)
    for indicator, paragraph in zip(indicators, texts, strict=True):
        assert paragraph.startswith(indicator.label(lang) + colon), paragraph
        assert indicator.definition(lang) in paragraph


def test_scope_words_reach_the_printed_page(dataset: Dataset) -> None:
    english = _definitions(_report(dataset, NORTH_EAST, "en"))
    chinese = _definitions(_report(dataset, NORTH_EAST, "zh"))
    gdp = next(t for t in english if t.startswith("GDP (current prices): "))
    assert "whole city (全市" in gdp
    registered = next(t for t in chinese if t.startswith("年末户籍人口："))
    assert "年末户口登记在本市的人口，全市口径" in registered
    employment = next(t for t in english if t.startswith("Employed persons (year-end): "))
    assert "urban-unit employment, not all employment" in employment


def test_html_report_has_the_definitions(dataset: Dataset) -> None:
    page = render_html(_report(dataset, NORTH_EAST, "zh"), {})
    assert "定义" in page
    indicator = dataset.indicator("average_wage")
    assert html.escape(indicator.definition("zh"), quote=False) in page
    assert f"<b>{indicator.label('zh')}</b>：" in page  # the term in bold, then its definition
