"""The report opens its summary with the numbered findings (issue 15), in either language."""

from __future__ import annotations

from desktop.core.dataset import Dataset
from desktop.report.build import build_report
from desktop.report.html import render_html
from desktop.report.model import Heading, Paragraph, ReportOptions, TableBlock

from .conftest import NORTH_EAST, SHENYANG


def _summary(dataset: Dataset, lang: str) -> list:
    options = ReportOptions(SHENYANG, NORTH_EAST, year=2016, lang=lang, sections=("summary",))
    return build_report(dataset, options).blocks


def _findings_after(blocks: list, heading: str) -> list[str]:
    start = next(n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    table = next(n for n, b in enumerate(blocks) if isinstance(b, TableBlock))
    assert start < table  # the findings come before the summary table
    return [b.text for b in blocks[start + 1:table]
            if isinstance(b, Paragraph) and b.text[:1].isdigit()]


def test_english_summary_opens_with_three_to_five_numbered_findings(dataset: Dataset) -> None:
    items = _findings_after(_summary(dataset, "en"), "Findings")
    assert 3 <= len(items) <= 5
    assert [item.split(". ", 1)[0] for item in items] == [str(n) for n in
                                                          range(1, len(items) + 1)]
    assert items[0] == ("1. Shenyang does worse than its peers on real GDP growth: 12.7 pp "
                        "below the peer median (2016).")
    assert any("not comparable: the series breaks in 2016" in item for item in items)


def test_chinese_report_has_the_findings_in_chinese(dataset: Dataset) -> None:
    options = ReportOptions(SHENYANG, NORTH_EAST, year=2016, lang="zh", sections=("summary",))
    document = build_report(dataset, options)
    items = _findings_after(document.blocks, "主要发现")
    assert 3 <= len(items) <= 5
    assert items[0] == ("1. 沈阳市的地区生产总值增长率（实际）不及同类城市："
                        "比同类中位数低12.7个百分点（2016年）。")
    page = render_html(document, {c.chart_id: "<svg></svg>" for c in document.charts()})
    assert "<h2>主要发现</h2>" in page and "不可比" in page
