"""The Translator: English needs no catalogue, Chinese reads the compiled one; plurals agree
with their counts in English and take one form in Chinese; punctuation follows the script."""

from __future__ import annotations

from dataclasses import replace

from desktop.analysis.sentences import peer_sentence
from desktop.text.phrases import count_phrase, text
from desktop.text.translator import as_translator, translator


def test_english_is_the_msgid_and_chinese_comes_from_the_catalogue() -> None:
    assert translator("en").gettext("Peer median") == "Peer median"
    assert translator("zh").gettext("Peer median") == "同类中位数"
    assert translator("zh").gettext("{label}, {basis}", label="GDP", basis="x") == "GDP，x"


def test_plurals_agree_in_english_and_chinese_has_one_form() -> None:
    assert count_phrase(1, "page", "en") == "1 page"
    assert count_phrase(1_200, "page", "en") == "1,200 pages"
    assert count_phrase(1, "page", "zh") == "1页"
    assert count_phrase(2, "page", "zh") == "2页"


def test_punctuation_and_lists_follow_the_language() -> None:
    en, zh = translator("en"), translator("zh")
    assert en.join_and(["Dalian", "Harbin", "Changchun"]) == "Dalian, Harbin and Changchun"
    assert zh.join_and(["大连市", "哈尔滨市", "长春市"]) == "大连市、哈尔滨市和长春市"
    assert (en.parens("yuan"), zh.parens("元")) == (" (yuan)", "（元）")
    assert (en.sentence("Done"), zh.sentence("完成"), zh.sentence("完成。")) == (
        "Done.", "完成。", "完成。")
    assert en.date(2026, 12, 7) == "7 December 2026"
    assert zh.date(2026, 12, 7) == "2026年12月7日"


def test_pick_reads_a_records_own_field_and_never_a_blank() -> None:
    assert translator("zh").pick("Shenyang", "沈阳市") == "沈阳市"
    assert translator("zh").pick("Detroit", "") == "Detroit"
    assert translator("en").pick("Shenyang", "沈阳市") == "Shenyang"


def test_callers_may_hand_in_a_code_or_a_translator() -> None:
    zh = translator("zh")
    assert as_translator(zh) is zh and as_translator("zh") is zh
    assert text("rank_of", zh, rank=2, count=4) == text("rank_of", "zh", rank=2, count=4)


def test_screen_and_paper_word_a_comparison_alike() -> None:
    """The report's sentence is the window's: 'about two-thirds of', not 'about 67% of'."""
    from desktop.analysis.comparison import compare_indicator
    from desktop.analysis.comparison_sentences import comparison_sentence
    from desktop.core.storage import load_bundled

    dataset = load_bundled()
    shenyang, indicator = dataset.cities["cn-210100"], dataset.indicator("gdp_per_capita")
    row = compare_indicator(dataset, shenyang.id, ("cn-210200", "cn-230100", "cn-220100"),
                            indicator.id, 2016)
    assert row.peer_median is not None
    row = replace(row, focus=replace(row.focus, value=row.peer_median * 0.67))
    for lang in ("en", "zh"):
        assert comparison_sentence(row, indicator, shenyang, lang) == peer_sentence(
            shenyang.name(lang), indicator, row.focus.value, row.peer_median, lang)
    assert comparison_sentence(row, indicator, shenyang, "en") == (
        "Shenyang's GDP per capita is about two-thirds of the peer median.")
    assert comparison_sentence(row, indicator, shenyang, "zh") == (
        "沈阳市人均地区生产总值约为同类城市中位数的三分之二。")
