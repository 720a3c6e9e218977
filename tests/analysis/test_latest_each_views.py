"""'Each city's latest year' in the ranking, the scatter and the report (issue #13 item 3).

Hand-made values (display factor 1):
    v: f 2019 10, 2021 12 | a 2019 5, 2020 6 | b 2021 20 | c 2021 8 | d none
    w: f 2019 1,  2021 2  | a 2020 3         | b 2021 4  | c none   | d none
Each city's latest v: F 2021 12, A 2020 6, B 2021 20, C 2021 8 -> the most common year is
2021, so A's 2020 value is stale; D has no value at all. Best first: B, F, C, A.
Scatter (v, w), the latest year with both: F 2021 (12, 2), A 2020 (6, 3), B 2021 (20, 4).
"""

from __future__ import annotations

import pytest
from handmade import build_dataset, city, indicator

from desktop.analysis.latest_each import common_year
from desktop.analysis.ranking import ranking_spec
from desktop.analysis.scatter import scatter_spec
from desktop.analysis.selection_cube import LATEST_EACH
from desktop.core.dataset import Dataset
from desktop.report.model import ReportOptions

ROWS = [
    ("f", "v", 2019, 10.0), ("f", "v", 2021, 12.0), ("a", "v", 2019, 5.0),
    ("a", "v", 2020, 6.0), ("b", "v", 2021, 20.0), ("c", "v", 2021, 8.0),
    ("f", "w", 2019, 1.0), ("f", "w", 2021, 2.0), ("a", "w", 2020, 3.0), ("b", "w", 2021, 4.0),
]


@pytest.fixture(scope="module")
def uneven() -> Dataset:
    return build_dataset(ROWS, [city(c) for c in "fabcd"], [indicator("v"), indicator("w")])


def test_the_comparison_year_is_the_most_common_one() -> None:
    assert common_year([2019, 2021, 2021, 2020]) == 2021
    assert common_year([2019, 2020, 2020, 2019]) == 2020  # a tie: the later year
    assert common_year([]) is None


def test_ranking_bars_are_each_citys_latest_with_its_year(uneven: Dataset) -> None:
    spec = ranking_spec(uneven, "f", ["a", "b", "c", "d"], "v", LATEST_EACH)
    assert [(b.label, b.value, b.year, b.rank) for b in spec.bars] == [
        ("B 2021", 20.0, 2021, 1), ("F 2021", 12.0, 2021, 2), ("C 2021", 8.0, 2021, 3),
        ("A 2020", 6.0, 2020, 4)]
    assert spec.year == 2021 and spec.title == "V, each city's latest year"
    assert "A: 2020 value; the comparison year is 2021." in spec.notes
    assert not any("F:" in n or "B:" in n for n in spec.notes)
    assert "No value in any year: D." in spec.notes
    assert spec.peer_median == 8.0  # A 6, B 20, C 8


def test_ranking_in_chinese_and_the_default_rule_unchanged(uneven: Dataset) -> None:
    zh = ranking_spec(uneven, "f", ["a", "b", "c"], "v", LATEST_EACH, lang="zh")
    assert [b.label for b in zh.bars] == ["b市 2021年", "f市 2021年", "c市 2021年", "a市 2020年"]
    assert "a市：2020年数值；比较年份为2021年。" in zh.notes
    assert zh.title == "v（中文）（各城市最新年份）"
    shared = ranking_spec(uneven, "f", ["a", "b", "c"], "v")
    assert [b.label for b in shared.bars] == ["B", "F", "C", "A"]  # no years in the labels
    assert shared.title == "V, 2021"


def test_scatter_points_are_each_citys_latest_pair(uneven: Dataset) -> None:
    spec = scatter_spec(uneven, "f", ["a", "b", "c"], "v", "w", LATEST_EACH)
    assert [(p.label, p.x, p.y) for p in spec.points] == [
        ("F 2021", 12.0, 2.0), ("A 2020", 6.0, 3.0), ("B 2021", 20.0, 4.0)]
    assert spec.year == 2021 and spec.title == "W against V, each city's latest year"
    assert "A: 2020 value; the comparison year is 2021." in spec.notes
    assert "No value in any year: C." in spec.notes
    one_year = scatter_spec(uneven, "f", ["a", "b", "c"], "v", "w", 2021)
    assert [p.label for p in one_year.points] == ["F", "B"]  # A has no 2021 pair


def test_report_options_keep_the_rule() -> None:
    options = ReportOptions("f", ("a",), year=LATEST_EACH)
    assert ReportOptions.from_json(options.to_json()).year == LATEST_EACH
    for damaged in ("latest", True, 12, None):
        assert ReportOptions.from_json({**options.to_json(), "year": damaged}).year is None
    assert ReportOptions.from_json({**options.to_json(), "year": 2016}).year == 2016


def test_report_with_each_citys_latest_year(bundled: Dataset) -> None:
    """Shenyang, Dalian and Detroit's latest real growth (2021, 2021, 2022) beside Liaoning's
    (2019, the end of the province index): 2021 is the most common year."""
    from desktop.report.build import build_report
    from desktop.report.model import ChartBlock, CoverBlock, Paragraph

    options = ReportOptions("cn-210100", ("cn-prov-210000", "cn-210200", "us-19820"),
                            indicator_ids=("gdp_real_growth",), year=LATEST_EACH,
                            sections=("cover", "categories", "notes"), chart_types=("bar",),
                            date="2026-12-07")
    document = build_report(bundled, options)
    cover = next(b for b in document.blocks if isinstance(b, CoverBlock))
    assert ("Comparison year", "Each city's latest year") in cover.facts
    [bar] = [b for b in document.blocks if isinstance(b, ChartBlock)]
    # ranked best first, as the window's Ranking tab draws them
    assert [b.label for b in bar.spec.bars] == [
        "Dalian 2021", "Shenyang 2021", "Liaoning Province 2019", "Detroit 2022"]
    assert bar.title == "Real GDP growth, each city's latest year"
    assert bar.notes == ("Liaoning Province: 2019 value; the comparison year is 2021.",)
    notes = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    vintage = [n for n in notes if n.startswith("Provinces: NBS revised figures")]
    assert len(vintage) == 1


def test_report_command_takes_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.commands.main import build_parser

    parser = build_parser()
    args = parser.parse_args(["report", "--focus", "Shenyang", "--year", "Latest-Each",
                              "-o", "out.pdf"])
    assert args.year == LATEST_EACH
    assert parser.parse_args(["report", "--focus", "Shenyang", "--year", "2016",
                              "-o", "out.pdf"]).year == 2016
    with pytest.raises(SystemExit):
        parser.parse_args(["report", "--focus", "Shenyang", "--year", "newest", "-o", "o.pdf"])
    assert "not a year or latest-each: 'newest'" in capsys.readouterr().err


def test_the_table_and_the_charts_share_one_comparison_year() -> None:
    """F's 2021 value beside peers at 2020, 2020 and 2021: the table's row year is 2020 (the
    one most cities share), as the ranking's is; A's and B's 2020 values are not stale, F's
    newer value carries its year, C's older one is stale."""
    from desktop.analysis.profile_table import selection_table

    rows = [("f", "v", 2021, 1.0), ("a", "v", 2020, 2.0), ("b", "v", 2020, 3.0),
            ("c", "v", 2019, 4.0), ("c", "v", 2018, 5.0)]
    data = build_dataset(rows, [city(c) for c in "fabc"], [indicator("v")])
    table = selection_table(data, "f", ["a", "b", "c"], ["v"], LATEST_EACH)
    [row] = table.rows
    year = row[table.column_index("year")]
    assert year.text == "2020"
    assert ranking_spec(data, "f", ["a", "b", "c"], "v", LATEST_EACH).year == 2020
    f, a, b, c = row[table.focus_column:table.focus_column + 4]
    assert f.text.endswith("(2021)") and not f.other_year
    assert "(" not in a.text and not a.other_year and not b.other_year
    assert c.text.endswith("(2019)") and c.other_year
    assert "2019 value; the comparison year is 2020." in c.tooltip
