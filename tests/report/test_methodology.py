"""The report's methodology, its shared chart notes, sparklines and the PDF's bookmarks and
metadata: plain Python, no Qt."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from desktop.core.dataset import Dataset
from desktop.report.build import build_report
from desktop.report.model import (
    ChartBlock,
    Heading,
    Paragraph,
    ReportDocument,
    ReportOptions,
    Sparkline,
)
from desktop.report.pdf_meta import OutlineEntry, PdfInfo, finish_pdf, pdf_date
from desktop.report.sparkline import HEIGHT, WIDTH, sparkline_svg

from .conftest import NORTH_EAST, SHENYANG


def _section(document: ReportDocument, title: str) -> list[str]:
    """The paragraphs from heading `title` to the next level-1 heading."""
    texts, inside = [], False
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            inside = block.text == title
        elif inside and isinstance(block, Paragraph):
            texts.append(block.text)
    return texts


@pytest.fixture(scope="module")
def us_report(dataset: Dataset) -> ReportDocument:
    peers = dataset.group("us_rust_belt").city_ids
    return build_report(dataset, ReportOptions(SHENYANG, peers, group_id="us_rust_belt",
                                               date="2024-03-05"))


def test_methodology_states_year_rule_median_checks_money_and_vintage(dataset: Dataset) -> None:
    document = build_report(dataset, ReportOptions(SHENYANG, NORTH_EAST, year=2016,
                                                   date="2024-03-05"))
    method = _section(document, "Methodology")
    assert method[0].startswith("Comparison year: every indicator is compared in 2016")
    assert method[1].startswith("Peer median: the median of the peers' values")
    assert "Shenyang not included" in method[1] and "Green marks a value better" in method[1]
    assert method[2].startswith("Plausibility checks:") and "left out of medians" in method[2]
    assert method[3].startswith("Money: in yuan at current prices;")
    assert re.match(r"Data vintage: the values shown run from \d{4} to \d{4}, from \d+ source",
                    method[4])
    assert method[4].endswith("Generated on 5 March 2024 by City Profiles.")


def test_methodology_in_chinese_reads_as_chinese(dataset: Dataset) -> None:
    document = build_report(dataset, ReportOptions(SHENYANG, NORTH_EAST, lang="zh",
                                                   date="2024-03-05"))
    method = _section(document, "方法说明")
    assert method[0].startswith("比较年份：每项指标取沈阳市与至少一个同类城市")
    assert method[3].startswith("货币：以人民币计，按当年价格；")
    assert method[4].endswith("由City Profiles于2024年3月5日生成。")
    assert not any(": " in t or re.search("[A-Za-z]{4,} [a-z]{3,}", t) for t in method)


def test_a_note_under_every_chart_is_said_once_in_the_methodology(
        us_report: ReportDocument) -> None:
    """The US-dollar conversion note was printed under each of nine charts."""
    method = _section(us_report, "Methodology")
    assert method[3].startswith("Money: in US dollars at current prices;")
    shared = [t for t in method if t.startswith("Chinese prefecture-level cities include")]
    assert len(shared) == 1
    charts = [b for b in us_report.blocks if isinstance(b, ChartBlock)]
    assert not any(shared[0] in c.notes for c in charts)
    # a break note concerns its chart's points: it stays under the chart
    gdp = next(c for c in charts if c.chart_id == "line-gdp")
    assert any(n.startswith("2016: ") and "restated" in n for n in gdp.notes)


def test_sparkline_svg_spans_its_box_and_marks_the_last_value() -> None:
    line = Sparkline(((2010, 1.0), (2012, 3.0), (2014, 2.0)), ((2010, 2.0), (2014, 2.0)))
    svg = sparkline_svg(line)
    assert f'viewBox="0 0 {WIDTH} {HEIGHT}"' in svg
    focus = re.findall(r'stroke="#c0292b"[^>]*points="([^"]+)"', svg)[0].split()
    assert len(focus) == 3
    xs = [float(p.split(",")[0]) for p in focus]
    ys = [float(p.split(",")[1]) for p in focus]
    assert xs[0] == pytest.approx(2.5) and xs[-1] == pytest.approx(WIDTH - 2.5)
    assert ys[1] == pytest.approx(2.5)  # the highest value at the top
    assert ys[0] == pytest.approx(HEIGHT - 2.5)  # the lowest at the bottom
    assert re.search(rf'<circle cx="{xs[-1]:.1f}" cy="{ys[-1]:.1f}"', svg)
    assert 'stroke-dasharray' in svg  # the peer median, dashed


def _blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_finish_pdf_adds_nested_bookmarks_and_document_information() -> None:
    from pypdf import PdfReader

    info = PdfInfo("城市概况：沈阳市", "沈阳市与3个同类城市的比较", ("沈阳市", "大连市"),
                   dt.datetime(2024, 3, 5, 9, 30, tzinfo=dt.UTC), "zh-CN")
    outline = [OutlineEntry("目录", 0), OutlineEntry("经济", 1),
               OutlineEntry("地区生产总值", 1, 2), OutlineEntry("说明", 2),
               OutlineEntry("beyond the last page", 7)]
    reader = PdfReader(io.BytesIO(finish_pdf(_blank_pdf(3), info, outline)))
    meta = reader.metadata
    assert meta.title == "城市概况：沈阳市" and meta.author == "City Profiles"
    assert meta.subject == "沈阳市与3个同类城市的比较" and meta.keywords == "沈阳市, 大连市"
    assert meta["/CreationDate"] == "D:20240305093000+00'00'"
    top = reader.outline
    assert [e.title for e in top if not isinstance(e, list)] == ["目录", "经济", "说明"]
    assert [e.title for e in top[2]] == ["地区生产总值"]  # nested under 经济
    assert [reader.get_destination_page_number(e) for e in (top[0], top[1], top[3])] == \
        [0, 1, 2]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_pdf_date_carries_the_offset() -> None:
    east8 = dt.timezone(dt.timedelta(hours=8))
    assert pdf_date(dt.datetime(2026, 12, 7, 21, 5, 9, tzinfo=east8)) == \
        "D:20261207210509+08'00'"


def test_the_cross_country_note_is_in_the_reports_language(us_report: ReportDocument,
                                                           dataset: Dataset) -> None:
    """The note is the chart spec's English text; the Chinese report says it in Chinese."""
    from desktop.analysis.chart_spec import CROSS_COUNTRY_NOTE
    from desktop.report.build import CROSS_COUNTRY

    assert CROSS_COUNTRY == CROSS_COUNTRY_NOTE
    assert CROSS_COUNTRY_NOTE in _section(us_report, "Methodology")
    peers = dataset.group("us_rust_belt").city_ids
    chinese = build_report(dataset, ReportOptions(SHENYANG, peers, lang="zh"))
    method = _section(chinese, "方法说明")
    assert "中国地级市数据包含所辖农村县；美国都市区为通勤区域。" in method[-1]
    assert not any(CROSS_COUNTRY_NOTE in p for p in method)
