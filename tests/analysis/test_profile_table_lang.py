"""The profile table's tooltips follow the language: in Chinese, no English sentence is left
(file names, column codes and proper names such as "Metro Monitor" excepted)."""

from __future__ import annotations

import re

import pytest

from desktop.analysis.profile_table import selection_table
from desktop.core.dataset import Dataset

SHENYANG = "cn-210100"
NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")
DETROIT = "us-19820"

#: What may stay in Latin letters in a Chinese tooltip: file names, source column codes and
#: units, and names (CSMAR, WDI, GDP, Metro Monitor, JC Zhang, Lei Dong).
_ALLOWED = re.compile(
    r"[\w.\-]+\.(csv|xlsx)|列 [^（\n]+|（[^）]*）|CRE_\w+|GDP|CSMAR|WDI|Metro Monitor( 2021)?"
    r"|JC Zhang|Lei Dong|NY\.GDP\.\w+(\.\w+)*|PA\.NUS\.FCRF|data\.stats\.gov\.cn|new")


def _english_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{3,}", _ALLOWED.sub("", text))


def _tooltips(dataset: Dataset, lang: str) -> list[tuple[str, str]]:
    tips = []
    for peers, year in ((NORTH_EAST, None), (NORTH_EAST, 2016), ((*NORTH_EAST, DETROIT), 2005)):
        table = selection_table(dataset, SHENYANG, peers, [], year, lang, detail=True)
        tips += [(column.key, cell.tooltip) for row in table.rows
                 for column, cell in zip(table.columns, row, strict=True) if cell.tooltip]
    return tips


def test_chinese_tooltips_have_no_english_text(bundled: Dataset) -> None:
    tips = _tooltips(bundled, "zh")
    assert {key for key, _ in tips} >= {"indicator", "city", "pool_rank", "change", "sentence"}
    leftover = [(key, tip) for key, tip in tips if _english_words(tip)]
    assert not leftover, leftover[:5]


def test_missing_value_and_source_in_both_languages(bundled: Dataset) -> None:
    indicators = ["gdp", "population_registered", "jobs"]
    zh = selection_table(bundled, SHENYANG, (DETROIT,), indicators, 2016, "zh")
    en = selection_table(bundled, SHENYANG, (DETROIT,), indicators, 2016, "en")
    city = zh.column_index("city")
    # Detroit has no registered (hukou) population; Shenyang no US jobs count
    assert zh.rows[1][city + 1].tooltip == "2016年无数值"
    assert en.rows[1][city + 1].tooltip == "No value for 2016"
    # Detroit's GDP is BEA's current-dollar line
    assert zh.rows[0][city + 1].tooltip.splitlines()[2].startswith(
        "us_bea_cagdp1_msa_gdp_2001_2022.csv，第295行，列 LineCode 3")
    source = zh.rows[0][city].tooltip
    assert source.splitlines() == [
        "国泰安（CSMAR）中国区域经济研究数据库",
        "CRE_Gdpct：城市地区生产总值、产业结构、人均地区生产总值及增长率，1990—2021年",
        "cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv，第8457行，列 Gdpct01（亿元）",
    ]
    assert en.rows[0][city].tooltip.splitlines()[2] == (
        "cn_city_gdp_csmar_CRE_Gdpct_1990_2021.csv, row 8457, column Gdpct01 (亿元)")
    # a later value than the row's year is named
    early = selection_table(bundled, SHENYANG, (DETROIT,), ["jobs"], 2005, "zh")
    assert early.rows[0][city + 1].tooltip == "2005年无数值（最新数值为2019年）"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_indicator_tooltip_has_definition_notes_and_breaks(bundled: Dataset, lang: str) -> None:
    table = selection_table(bundled, SHENYANG, NORTH_EAST, ["gdp", "population_registered"],
                            2016, lang)
    gdp, registered = (row[0].tooltip for row in table.rows)
    indicator = bundled.indicator("gdp")
    restatement = next(b for b in bundled.series_breaks if b.year == 2016)
    if lang == "zh":
        assert gdp.splitlines()[:3] == [indicator.definition_zh, indicator.notes_zh,
                                        restatement.note_zh]
        assert "户籍人口" in registered and "常住人口" in registered
    else:
        assert gdp.splitlines()[:3] == [indicator.definition_en, indicator.notes_en,
                                        restatement.note_en]
        assert registered.startswith(bundled.indicator("population_registered").definition_en)
        assert "户籍, hukou" in registered


def test_a_province_is_ranked_among_provinces_in_chinese(bundled: Dataset) -> None:
    provinces = [c.id for c in bundled.cities.values() if c.kind == "province"][:2]
    table = selection_table(bundled, provinces[0], provinces[1:], ["gdp"], None, "zh",
                            detail=True)
    assert "中国省级行政区" in table.rows[0][table.column_index("pool_rank")].tooltip
    english = selection_table(bundled, provinces[0], provinces[1:], ["gdp"], None, "en",
                              detail=True)
    assert "CN province" in english.rows[0][english.column_index("pool_rank")].tooltip


def test_gap_in_points_says_percentage_points_in_chinese(bundled: Dataset) -> None:
    """Shenyang's tertiary share in 2020 is 62.50% against a North East median of 53.40%:
    9.1 points above, written '+9.1个百分点' in Chinese ('pp' is English shorthand), in the
    window's table and in the table the CLI and the report print alike."""
    from desktop.analysis.comparison import build_profile
    from desktop.analysis.profile_table import build_profile_table

    indicators = ["gdp_share_tertiary", "gdp"]
    texts = {}
    for lang in ("en", "zh"):
        window = selection_table(bundled, SHENYANG, NORTH_EAST, indicators, 2020, lang)
        printed = build_profile_table(
            bundled, build_profile(bundled, SHENYANG, NORTH_EAST, indicators, 2020), lang)
        gap = window.column_index("gap")
        assert [r[gap].text for r in window.rows] == [r[gap].text for r in printed.rows]
        texts[lang] = [r[gap].text for r in window.rows]
    assert texts["en"][0] == "+9.1 pp" and texts["zh"][0] == "+9.1个百分点"
    assert texts["en"][1] == texts["zh"][1] and texts["zh"][1].endswith("%")  # GDP: percent


def test_chinese_detail_table_has_no_pp(bundled: Dataset) -> None:
    """Changes of rates and shares over 5 or 10 years are percentage points too."""
    table = selection_table(bundled, SHENYANG, NORTH_EAST, [], None, "zh", detail=True)
    cells = [cell.text for row in table.rows for cell in row]
    assert any(text.endswith("个百分点") for text in cells)
    assert not [text for text in cells if re.search(r"\bpp\b", text)]
