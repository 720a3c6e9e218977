"""The report's Notes › Sources lists each source with its caveats in the report's language;
the cover keeps one short line per source."""

from __future__ import annotations

import pytest

from desktop.core.dataset import Dataset
from desktop.report.build import build_report
from desktop.report.html import render_html
from desktop.report.model import CoverBlock, Heading, Paragraph, ReportDocument, ReportOptions

from .conftest import NORTH_EAST, SHENYANG


def _report(dataset: Dataset, lang: str) -> ReportDocument:
    options = ReportOptions(SHENYANG, NORTH_EAST, ("gdp", "population_registered"), 2016,
                            lang=lang, sections=("cover", "notes"), date="2024-03-05")
    return build_report(dataset, options)


def _sources_section(document: ReportDocument, heading: str) -> list[str]:
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    texts = []
    for block in blocks[start + 1:]:
        if not isinstance(block, Paragraph):
            break
        texts.append(block.text)
    return texts


@pytest.fixture(scope="module")
def chinese(dataset: Dataset) -> ReportDocument:
    return _report(dataset, "zh")


@pytest.fixture(scope="module")
def english(dataset: Dataset) -> ReportDocument:
    return _report(dataset, "en")


def test_chinese_report_lists_sources_with_chinese_caveats(chinese: ReportDocument) -> None:
    lines = _sources_section(chinese, "来源")
    gdp = next(t for t in lines if t.startswith("国泰安（CSMAR）中国区域经济研究数据库：CRE_Gdpct"))
    assert gdp.endswith("（cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv）。全市口径数据。"
                        "辽宁省各市自2016年起的数据随全省统计数据下调（挤水分）而修订，"
                        "因此2015—2016年的变化并非真实增长。")
    labour = next(t for t in lines if "CRE_Eplwagct" in t)
    assert "本表人口为户籍人口，不是常住人口。" in labour
    assert not any("not real growth" in t or "registered (户籍" in t for t in lines)
    assert "并非真实增长" in render_html(chinese, {})


def test_english_report_lists_sources_with_english_caveats(english: ReportDocument) -> None:
    lines = _sources_section(english, "Sources")
    gdp = next(t for t in lines if "CRE_Gdpct" in t)
    assert gdp.startswith("CSMAR (GTA) China Regional Economy database: CRE_Gdpct")
    assert gdp.endswith("(cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv). Whole-city (全市) "
                        "figures. Liaoning cities' figures from 2016 on follow the province's "
                        "downward restatement, so 2015-2016 changes are not real growth.")
    assert not any("并非真实增长" in t for t in lines)


def test_cover_names_publishers_once_without_files_or_caveats(chinese: ReportDocument,
                                                              english: ReportDocument) -> None:
    """The cover names who published the data; files and caveats are under Notes."""
    cover = next(b for b in chinese.blocks if isinstance(b, CoverBlock))
    assert "国泰安（CSMAR）中国区域经济研究数据库" in cover.sources
    assert len(set(cover.sources)) == len(cover.sources)
    assert not any("并非真实增长" in s or ".csv" in s for s in cover.sources)
    cover_en = next(b for b in english.blocks if isinstance(b, CoverBlock))
    assert "CSMAR (GTA) China Regional Economy database" in cover_en.sources
    assert not any(".csv" in s for s in cover_en.sources)


def test_chinese_notes_use_chinese_punctuation(chinese: ReportDocument) -> None:
    """Sources, definitions and series breaks read as Chinese sentences: '：' and '（）'."""
    notes = [b.text for b in chinese.blocks if isinstance(b, Paragraph) and b.role == "note"]
    assert any(t.startswith("年末户籍人口：") and "户籍人口指户口登记在本市的人口" in t
               for t in notes)
    brk = next(t for t in notes if t.startswith("2016 — "))
    assert brk.startswith("2016 — 沈阳市和大连市：辽宁省自2016年起下调统计数据（挤水分）")
    assert brk.endswith("（地区生产总值（当年价格））")
    assert not any(": " in t for t in notes)
