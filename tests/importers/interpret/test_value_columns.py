"""Every value column of a long table imported, each its own indicator; a header unit that
contradicts the unit column said (or refused), never resolved silently."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from desktop.core.progress import NullProgress
from desktop.importers.fast_path import Declined, import_columns
from desktop.importers.interpret import detect, interpret, interpret_grid
from desktop.importers.model import TableOptions
from desktop.importers.recipe import Recipe
from desktop.importers.report_text import issue_message
from desktop.importers.run import import_file

from .helpers import codes, grid, value_of


def _fast(path: Path):
    try:
        return import_columns(path, Recipe(), None, NullProgress(), min_bytes=0)
    except Declined:
        return None


def test_a_second_value_column_beside_the_indicator_column():
    rows = [["城市", "年份", "指标", "数值", "增速(%)"],
            ["沈阳", "2016", "地区生产总值", "5460.01", "-23.1"],
            ["大连", "2016", "地区生产总值", "6810.2", "6.5"],
            ["沈阳", "2016", "一般公共预算收入", "", "3.2"]]
    g = grid(rows, file="指标.csv")
    plan = detect(g)
    assert plan.roles["增速(%)"] == "value:增速"  # shown in the plan, so the dialog can change it
    frame, report = interpret(g, plan)
    # 一般公共预算收入 has no 数值, only a growth rate
    assert report.indicators == ["地区生产总值", "地区生产总值 增速", "一般公共预算收入 增速"]
    assert value_of(frame, "沈阳", "地区生产总值", 2016) == 5460.01
    assert value_of(frame, "沈阳", "地区生产总值 增速", 2016) == -23.1
    assert value_of(frame, "沈阳", "一般公共预算收入 增速", 2016) == 3.2
    growth = frame[frame["indicator"] == "地区生产总值 增速"]
    assert set(growth["unit"]) == {"percent"} and set(growth["source_column"]) == {"E"}
    note = next(w for w in report.warnings if w.code == "value_columns")
    assert note.message == "2 value columns, each its own indicator: 数值, 增速(%)"
    assert issue_message(note, "zh") == "2个数值列，各作为一个指标导入：数值、增速(%)"
    # the empty 数值 cell is missing, the row's growth still imported
    assert "missing_values" in codes(report.warnings)


def test_value_columns_without_an_indicator_column_are_named_by_their_headers():
    rows = [["city", "year", "value", "population (millions)", "growth"],
            ["Detroit", "2019", "252613", "4.32", "1.1"]]
    frame, report = interpret_grid(grid(rows, file="gdp.csv"))
    assert report.indicators == ["gdp", "population", "growth"]
    assert value_of(frame, "Detroit", "population", 2019) == 4_320_000.0
    assert value_of(frame, "Detroit", "growth", 2019) == 1.1


def test_the_user_can_drop_a_value_column_in_the_plan():
    rows = [["城市", "年份", "指标", "数值", "增速"], ["沈阳", "2016", "GDP", "5460", "3.5"]]
    frame, _ = interpret_grid(grid(rows), TableOptions(roles={"增速": "ignore"}))
    assert list(frame["indicator"]) == ["GDP"]


def test_wide_tables_say_how_many_value_columns_and_import_each(tmp_path):
    path = tmp_path / "cities.csv"
    path.write_text("city,year,GDP,population,growth\nShenyang,2016,5460,829,-2.5\n"
                    "Dalian,2016,6810,595,6.5\n", encoding="utf-8")
    outcome = import_file(path, fast=False)
    assert outcome.report.indicators == ["GDP", "population", "growth"]
    assert value_of(outcome.frame, "Dalian", "growth", 2016) == 6.5
    note = next(w for w in outcome.report.warnings if w.code == "value_columns")
    assert note.values["names"] == ["GDP", "population", "growth"]
    assert note.message.startswith("3 value columns")
    fast = _fast(path)
    assert fast is not None
    pd.testing.assert_frame_equal(fast[0], outcome.frame)
    assert fast[1].to_json() == outcome.report.to_json()


def test_header_unit_against_unit_column_same_kind_warns_and_uses_the_column(tmp_path):
    path = tmp_path / "gdp.csv"
    path.write_text("城市,年份,GDP (亿元),单位\n沈阳,2016,54600100,万元\n大连,2016,6810.2,亿元\n"
                    "长春,2016,59864000,万元\n", encoding="utf-8")
    outcome = import_file(path, fast=False)
    frame, report = outcome.frame, outcome.report
    # the unit column is written per row, so it is used; the difference is said
    assert value_of(frame, "沈阳", "GDP", 2016) == 546_001_000_000.0
    assert value_of(frame, "大连", "GDP", 2016) == 681_020_000_000.0
    differs = [w for w in report.warnings if w.code == "header_unit_differs"]
    assert len(differs) == 1
    assert differs[0].values["rows"] == [2, 4] and differs[0].location.column == "C"
    assert differs[0].message == ("column C's header says 亿元 but the unit column (D) says "
                                  "万元 in rows 2, 4; used 万元 from the unit column")
    assert "第 2、4 行" in issue_message(differs[0], "zh")
    fast = _fast(path)
    assert fast is not None
    pd.testing.assert_frame_equal(fast[0], frame)
    assert fast[1].to_json() == report.to_json()


def test_header_unit_against_unit_column_of_another_kind_refuses_those_values():
    rows = [["城市", "年份", "GDP (亿元)", "单位"], ["沈阳", "2016", "5460.01", "亿元"],
            ["大连", "2016", "595.2", "万人"]]
    frame, report = interpret_grid(grid(rows, file="gdp.csv"))
    assert list(frame["city"]) == ["沈阳"]
    conflict = next(e for e in report.errors if e.code == "unit_conflict")
    assert conflict.location.row == 3 and conflict.location.column == "C"
    assert "says 万人 in row 3: different kinds of unit" in conflict.message
    assert "这些数值未导入" in issue_message(conflict, "zh")


def test_a_value_header_with_its_unit_keeps_the_indicator_column():
    """'数值(亿元)' is the value column with a unit, not an indicator named 数值: before, the
    table was read as wide by indicator and every row's 指标 was lost."""
    rows = [["城市", "指标", "年份", "数值(亿元)", "单位"],
            ["沈阳市", "地区生产总值", "2016", "54600000", "万元"],
            ["大连市", "地区生产总值", "2016", "68100000", "万元"]]
    g = grid(rows, file="unit_conflict.csv")
    plan = detect(g)
    assert plan.roles["数值(亿元)"] == "value"
    frame, report = interpret(g, plan)
    assert report.indicators == ["地区生产总值"]
    # 万元 from the unit column
    assert value_of(frame, "沈阳市", "地区生产总值", 2016) == 54600000 * 1e4
    assert "header_unit_differs" in codes(report.warnings)
