"""The bundled sources' caveats in Simplified Chinese: present for every source, precise in
the terms a Chinese reader relies on, and the English left as it was."""

from __future__ import annotations

import json

import pytest

from desktop.core.dataset import Dataset
from desktop.core.paths import bundled_data_dir
from desktop.curation.sources import ALL_SOURCES


def test_every_bundled_source_has_chinese_trust_licence_and_notes(bundled: Dataset) -> None:
    # 9, and 9 more for issue #13: 8 US metro files and the WDI PPP factors; then 3 more:
    # the two NBS 70-city price indices and US venture capital; then 9 NBS provincial files;
    # then WDI GDP in current and constant LCU (the GDP deflator, constant prices)
    assert len(bundled.sources) == len(ALL_SOURCES) == 32
    for source in bundled.sources.values():
        for english, chinese in ((source.trust, source.trust_zh),
                                 (source.license, source.license_zh),
                                 (source.notes, source.notes_zh)):
            assert bool(chinese) == bool(english), source.id
            assert chinese != english or chinese == "CC BY 4.0", (source.id, chinese)


@pytest.mark.parametrize(
    ("source_id", "terms"),
    [
        ("csmar_gdp", ("全市", "2016年", "2015—2016年", "并非真实增长")),
        ("csmar_labour", ("户籍人口", "常住人口", "万人", "Eect04")),
        ("census", ("常住人口", "2020年")),
        ("ccsy_panel", ("2004—2012年", "地级")),
        ("brookings", ("实际地区生产总值", "3位有效数字", "topmetro = 1")),
        ("nbs_province", ("第五次全国经济普查", "1992—2023年")),
    ],
)
def test_chinese_caveats_keep_the_technical_terms(bundled: Dataset, source_id: str,
                                                  terms: tuple[str, ...]) -> None:
    notes = bundled.sources[source_id].notes_zh
    for term in terms:
        assert term in notes, (source_id, term)


def test_registered_population_is_not_called_resident(bundled: Dataset) -> None:
    """户籍 vs 常住 is the distinction most often lost in translation."""
    notes = bundled.sources["csmar_labour"].notes_zh
    assert notes.index("户籍人口") < notes.index("不是常住人口")
    assert "户籍" not in bundled.sources["census"].notes_zh


def test_the_english_caveats_are_unchanged(bundled: Dataset) -> None:
    assert bundled.sources["csmar_gdp"].notes == (
        "Whole-city (全市) figures. Liaoning cities' figures from 2016 on follow the "
        "province's downward restatement, so 2015-2016 changes are not real growth.")
    assert bundled.sources["census"].license == "MIT (2022 Lei Dong)"


def test_committed_catalog_carries_the_chinese_caveats() -> None:
    catalog = json.loads((bundled_data_dir() / "catalog.json").read_text(encoding="utf-8"))
    wdi = next(s for s in catalog["sources"] if s["id"] == "wdi_fx")
    assert wdi["notes_zh"] == "人民币兑美元年平均汇率（元/美元），用于将人民币数值换算为美元。"
    assert wdi["trust_zh"] == "A（官方统计数据）"
