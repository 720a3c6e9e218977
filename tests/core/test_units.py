"""Units: source scale words applied exactly, and numbers shown the way people read them."""

from __future__ import annotations

import math

import pytest

from desktop.core.units import (
    DisplayScale,
    UnitError,
    format_big_money,
    format_gap,
    format_percent_change,
    scale_factor,
    to_canonical,
)

YI_YUAN = DisplayScale(1e8, "亿元", "亿元", 2)
PERCENT_1 = DisplayScale(1, "%", "%", 1)
PERMILLE = DisplayScale(1, "‰", "‰", 1)
YUAN = DisplayScale(1, "yuan", "元", 0)


@pytest.mark.parametrize(
    ("word", "factor"),
    [
        ("亿元", 100_000_000),
        ("亿", 100_000_000),
        ("万元", 10_000),
        ("万人", 10_000),
        ("万美元", 10_000),
        ("元", 1),
        ("", 1),
        (" 万元 ", 10_000),  # header cells carry stray spaces
        ("Millions", 1_000_000),  # English scale words in any case
        ("thousands", 1_000),
    ],
)
def test_scale_words(word: str, factor: int) -> None:
    assert scale_factor(word) == factor


@pytest.mark.parametrize("word", ["兆", "lakh", "万万亿", "per cent"])
def test_unknown_scale_word_raises(word: str) -> None:
    with pytest.raises(UnitError):
        scale_factor(word)


@pytest.mark.parametrize(
    ("text", "factor", "expected"),
    [
        # CSMAR Gdpct01, Shenyang 2016 (line 8457): "5546.4498" 亿元
        ("5546.4498", 100_000_000, 554_644_980_000.0),
        # CSMAR Gdpct01, Shenyang 2015 (line 8046): "7272.3051" 亿元
        ("7272.3051", 100_000_000, 727_230_510_000.0),
        # CSMAR Gdpct01, Shenyang 1992 (line 711): in binary floats 272.9 x 1e8 = 27289999999.999996
        ("272.9000", 100_000_000, 27_290_000_000.0),
        # CSMAR Gdpct01, Shenyang 2000 (line 3145): floats give 111914280000.00002
        ("1119.1428", 100_000_000, 111_914_280_000.0),
        # 1.15 x 1e8 and 0.57 x 1e8 are 114999999.99999999 and 56999999.99999999 in floats
        ("1.15", 100_000_000, 115_000_000.0),
        ("0.57", 100_000_000, 57_000_000.0),
        ("0.1", 10_000, 1_000.0),
        # CSMAR Eect01, Shenyang 2016 (line 8718): 733.9 万人
        ("733.9000", 10_000, 7_339_000.0),
        # CCSY panel, Shenyang 2008 FDI: 500678 万美元
        ("500678", 10_000, 5_006_780_000.0),
        (" 549.70 ", 1, 549.7),  # the air-pollution file pads values with spaces
        ("0050", 1, 50.0),  # ... and zero-pads them
        ("2.55E+11", 1, 255_000_000_000.0),  # Brookings writes real GDP in E notation
    ],
)
def test_to_canonical_is_exact(text: str, factor: int, expected: float) -> None:
    value = to_canonical(text, factor)
    assert value == expected  # exact equality on purpose: no float artefacts
    assert repr(value) == repr(expected)


def test_to_canonical_accepts_numbers_as_well_as_text() -> None:
    assert to_canonical(500678, 10_000) == 5_006_780_000.0
    assert to_canonical(0.1, 10_000) == 1_000.0


@pytest.mark.parametrize("text", ["", "abc", "—", "5,546.45", "nan", "inf", "-Infinity"])
def test_to_canonical_rejects_non_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        to_canonical(text, 100_000_000)


def test_display_in_yi_yuan() -> None:
    assert YI_YUAN.format(554_644_980_000.0) == "5,546.45 亿元"
    assert YI_YUAN.format(554_644_980_000.0, lang="zh") == "5,546.45 亿元"
    assert YI_YUAN.format(554_644_980_000.0, with_suffix=False) == "5,546.45"
    assert YI_YUAN.format(2_083_200_000_000.0) == "20,832.00 亿元"


def test_display_language_picks_the_suffix() -> None:
    assert YUAN.format(67_444.0) == "67,444 yuan"
    assert YUAN.format(67_444.0, lang="zh") == "67,444 元"


@pytest.mark.parametrize("missing", [None, math.nan, float("nan")])
def test_missing_values_show_as_em_dash(missing: float | None) -> None:
    assert YI_YUAN.format(missing) == "—"
    assert PERCENT_1.format(missing) == "—"


def test_percent_and_permille_have_no_space_before_the_sign() -> None:
    assert PERCENT_1.format(6.5) == "6.5%"
    assert PERCENT_1.format(-5.6) == "-5.6%"
    assert PERMILLE.format(1.1) == "1.1‰"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (12.34, 1, "+12.3%"),
        (-4.0, 1, "\u22124.0%"),  # true minus sign U+2212, not a hyphen
        (-9.0984, 2, "\u22129.10%"),
        (0.0, 1, "±0.0%"),
        (1234.5, 1, "+1,234.5%"),
        (None, 1, "—"),
        (math.nan, 1, "—"),
    ],
)
def test_signed_percent_change(value: float | None, decimals: int, expected: str) -> None:
    text = format_percent_change(value, decimals)
    assert text == expected
    assert "-" not in text  # never an ASCII hyphen as a minus


def test_big_money_reading() -> None:
    assert format_big_money(554_644_980_000.0, "CNY") == "CNY 554.6 bn"
    assert format_big_money(11_233_313_730_348.7, "USD") == "USD 11.2 tn"
    assert format_big_money(5_006_780_000.0, "USD") == "USD 5.0 bn"
    assert format_big_money(67_444.0, "CNY") == "CNY 67,444"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (0.8, "en", "+0.8 pp"),
        (0.8, "zh", "+0.8个百分点"),  # a measure word, no space: 'pp' is English shorthand
        (-12.66, "zh", "\u221212.7个百分点"),
        (0.0, "zh", "±0.0个百分点"),
        (None, "zh", "—"),
    ],
)
def test_gap_in_percentage_points_reads_in_the_language(value: float | None, lang: str,
                                                        expected: str) -> None:
    assert format_gap(value, "pp", lang=lang) == expected


def test_gap_in_percent_is_the_same_in_both_languages() -> None:
    assert format_gap(2.14, "%", lang="zh") == format_gap(2.14, "%") == "+2.1%"


def test_ratio_units_carry_their_currency_and_read_as_ratios() -> None:
    """Per-person and per-area units: money ratios keep their currency (so yuan per person
    converts to US$ per person), and no label reads like a total (亿元, 万人)."""
    from desktop.core.units import UNITS

    expected = {
        "CNY_per_person": ("yuan per person", "元/人", "CNY"),
        "USD_per_person": ("US dollars per person", "美元/人", "USD"),
        "CNY_per_sqm": ("yuan per square metre", "元/平方米", "CNY"),
        "persons_per_km2": ("persons per km²", "人/平方公里", None),
    }
    for code, (en, zh, currency) in expected.items():
        unit = UNITS[code]
        assert (unit.label_en, unit.label_zh, unit.currency) == (en, zh, currency)
