"""The profile table's detail columns (rank in the pool, percentile, index, changes, CAGR,
sentence) on a hand-made dataset; every expected number is worked out in the comments."""

from __future__ import annotations

import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.comparison import build_profile
from desktop.analysis.profile_table import BREAK_MARK, build_profile_table, profile_text
from desktop.core.catalog import SeriesBreak
from desktop.core.dataset import Dataset

CITIES = [city("f"), city("a"), city("b"), city("c"), city("d"),
          city("p", kind="province")]  # a province is never in the pool
ROWS = [
    # out, 2020: pool f 60, a 40, b 80, c 100, d 20 (the province's 999 does not count)
    ("f", "out", 2020, 60.0), ("a", "out", 2020, 40.0), ("b", "out", 2020, 80.0),
    ("c", "out", 2020, 100.0), ("d", "out", 2020, 20.0), ("p", "out", 2020, 999.0),
    # grow: f 100 -> 110 -> 121 (10% a year), restated in 2019
    ("f", "grow", 2018, 100.0), ("f", "grow", 2019, 110.0), ("f", "grow", 2020, 121.0),
    ("a", "grow", 2020, 50.0), ("c", "grow", 2020, 150.0),
    # cost (lower is better), 2020: f 5, a 3, c 4, b 8
    ("f", "cost", 2020, 5.0), ("a", "cost", 2020, 3.0), ("c", "cost", 2020, 4.0),
    ("b", "cost", 2020, 8.0),
]
BASE_KEYS = ["indicator", "unit", "year", "city", "city", "city", "peer_median", "gap", "rank"]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(
        ROWS, CITIES,
        [indicator("out"), indicator("grow"), indicator("cost", higher_is_better=False)],
        [SeriesBreak(2019, ("f",), ("grow",), "grow restated in 2019", "grow 2019年口径调整")],
    )


def table(dataset: Dataset, lang: str = "en", horizons: tuple[int, ...] = (1, 2)):
    # focus f, peers a and c, year 2020
    profile = build_profile(dataset, "f", ("a", "c"), ["out", "grow", "cost"], 2020)
    return build_profile_table(dataset, profile, lang, detail=True, horizons=horizons)


def cell(t, indicator_id: str, key: str, horizon: int | None = None):
    return t.rows[t.indicator_ids.index(indicator_id)][t.column_index(key, horizon)]


def test_without_detail_the_columns_are_unchanged(dataset: Dataset) -> None:
    profile = build_profile(dataset, "f", ("a", "c"), ["out"], 2020)
    plain = build_profile_table(dataset, profile)
    assert [c.key for c in plain.columns] == BASE_KEYS


def test_detail_columns_follow_rank(dataset: Dataset) -> None:
    t = table(dataset)
    keys = [(c.key, c.horizon) for c in t.columns]
    assert [k for k, _ in keys[:9]] == BASE_KEYS
    assert keys[9:] == [("pool_rank", None), ("percentile", None), ("index", None),
                        ("change", 1), ("change", 2), ("cagr", 2), ("sentence", None)]


def test_rank_in_pool_percentile_and_index(dataset: Dataset) -> None:
    t = table(dataset)
    # selection f 60, a 40, c 100 -> 2 of 3; pool 100, 80, 60, 40, 20 -> 3 of 5
    assert cell(t, "out", "rank").text == "2 of 3"
    pool_rank = cell(t, "out", "pool_rank")
    assert (pool_rank.text, pool_rank.sort_value) == ("3 of 5", 3)
    assert "5" in pool_rank.tooltip and "2020" in pool_rank.tooltip
    # other pool cities below 60: 40 and 20, 2 of 4 -> 50
    assert cell(t, "out", "percentile").text == "50"
    assert cell(t, "out", "percentile").sort_value == pytest.approx(50.0)
    # peer median (40 + 100) / 2 = 70; 60 / 70 x 100 = 85.7 -> 86
    index = cell(t, "out", "index")
    assert index.text == "86" and index.sort_value == pytest.approx(600 / 7)


def test_lower_is_better_ranks_from_the_lowest(dataset: Dataset) -> None:
    t = table(dataset)
    # pool 3, 4, 5, 8: lowest first -> f (5) is 3 of 4; percentile: 3 and 4 below, 2 of 3
    assert cell(t, "cost", "pool_rank").text == "3 of 4"
    assert cell(t, "cost", "percentile").text == "67"


def test_change_and_cagr_with_the_series_break_marked(dataset: Dataset) -> None:
    t = table(dataset)
    one = cell(t, "grow", "change", 1)  # 110 -> 121: +10%, no break inside 2019..2020
    assert one.text == "+10.0%" and one.sort_value == pytest.approx(10.0)
    two = cell(t, "grow", "change", 2)  # 100 -> 121 = +21%, crosses the 2019 break
    assert two.text == f"+21.0% {BREAK_MARK}"
    assert two.sort_value == pytest.approx(21.0)
    assert "grow restated in 2019" in two.tooltip
    cagr = cell(t, "grow", "cagr", 2)  # (121 / 100) ^ (1/2) - 1 = 10%
    assert cagr.text == f"+10.0% {BREAK_MARK}"
    assert cagr.sort_value == pytest.approx(10.0)
    assert "2018" in cagr.tooltip and "2020" in cagr.tooltip
    # out has no 2018 or 2019 value: no change to show
    assert cell(t, "out", "change", 2).text == "—"
    assert cell(t, "out", "change", 2).sort_value is None


def test_sentence_is_a_column_and_in_the_row_tooltip(dataset: Dataset) -> None:
    t = table(dataset)
    sentence = cell(t, "out", "sentence").text
    assert sentence.startswith("F's out") and "peer median" in sentence
    assert t.rows[t.indicator_ids.index("out")][0].tooltip.startswith(sentence)


def test_chinese_texts(dataset: Dataset) -> None:
    t = table(dataset, "zh")
    assert cell(t, "out", "rank").text == "第2/3"
    assert cell(t, "out", "pool_rank").text == "第3/5"
    assert "同类城市中位数" in cell(t, "out", "sentence").text
    assert "grow 2019年口径调整" in cell(t, "grow", "change", 2).tooltip


def test_search_texts_hold_both_languages(dataset: Dataset) -> None:
    t = table(dataset)
    assert "out" in t.search_texts[0] and "out（中文）" in t.search_texts[0]


def test_text_output_has_the_detail_titles(dataset: Dataset) -> None:
    text = profile_text(dataset, table(dataset))
    assert "Rank in pool" in text.splitlines()[0] and "CAGR 2y" in text.splitlines()[0]


def test_sentences_are_written_when_read(dataset: Dataset, monkeypatch) -> None:
    """The window shows a third of a long table: a row's sentence (its column and the lead of
    its label's tooltip) is written when first read, once, and reads as written eagerly."""
    from desktop.analysis import profile_metrics, profile_table

    written: list[str] = []
    real = profile_metrics.peer_sentence

    def counted(*args: object, **kwargs: object) -> str:
        written.append(real(*args, **kwargs))
        return written[-1]

    monkeypatch.setattr(profile_metrics, "peer_sentence", counted)
    t = profile_table.selection_table(dataset, "f", ["a", "c"], ["out", "grow", "cost"], 2020,
                                      detail=True)
    assert written == []
    sentence = cell(t, "out", "sentence")
    assert sentence.text.startswith("F's out") and len(written) == 1
    assert sentence.sort_value == sentence.text == sentence.tooltip and len(written) == 1
    assert t.rows[t.indicator_ids.index("out")][0].tooltip.startswith(sentence.text)
    eager = table(dataset)
    assert sentence.text == eager.rows[eager.indicator_ids.index("out")][-1].text
