"""A source's trust, licence and caveats in Chinese, falling back to English."""

from __future__ import annotations

import json

from desktop.core.catalog import Source

BOTH = Source("census", "census.csv", "NBS", "Census", trust="A-", license="MIT (2022 Lei Dong)",
              notes="Resident (常住) population.", trust_zh="A-（人口普查公报数据）",
              license_zh="MIT（2022 Lei Dong）", notes_zh="常住人口。")


def test_chinese_texts_when_there_are_any_english_otherwise() -> None:
    assert (BOTH.trust_in("zh"), BOTH.license_in("zh"), BOTH.notes_in("zh")) == (
        "A-（人口普查公报数据）", "MIT（2022 Lei Dong）", "常住人口。")
    assert (BOTH.trust_in("en"), BOTH.license_in("en"), BOTH.notes_in("en")) == (
        "A-", "MIT (2022 Lei Dong)", "Resident (常住) population.")
    english_only = Source("import-1", "mine.csv", "Imported by the user", "mine.csv",
                          notes="layout long; encoding utf-8")
    assert english_only.notes_in("zh") == "layout long; encoding utf-8"
    assert english_only.trust_in("zh") == english_only.license_in("zh") == ""


def test_chinese_texts_survive_a_json_round_trip() -> None:
    text = json.dumps(BOTH.to_json(), ensure_ascii=False)
    assert "常住人口。" in text
    assert Source.from_json(json.loads(text)) == BOTH


def test_a_catalog_written_before_the_chinese_caveats_still_loads() -> None:
    """catalog.json and project files written by earlier versions have no *_zh caveats."""
    older = {"id": "csmar_gdp", "file": "gdp.csv", "publisher": "CSMAR", "title": "GDP",
             "sheet": "", "origin": "", "sha256": "", "trust": "B", "license": "None",
             "notes": "Whole-city (全市) figures.", "publisher_zh": "国泰安",
             "title_zh": "地区生产总值"}
    source = Source.from_json(older)
    assert (source.trust_zh, source.license_zh, source.notes_zh) == ("", "", "")
    assert source.notes_in("zh") == "Whole-city (全市) figures."
    assert source.publisher_in("zh") == "国泰安"
