"""One records builder: the same Records whether a table's columns came as cells or as codes.

The row-wise reader hands build_records object arrays (columns.grid_table); the column-wise
readers hand it codes into distinct cells. These tests give the builder both forms of the
same table, in layouts the column-wise readers do not read yet (fill-down, further value
columns, SDMX unit splits, per-year unit columns, Eurostat), so a reader that starts reading
them gets records the row-wise path would have made.
"""

from __future__ import annotations

import numpy as np
import pytest

from desktop.importers.columns import ColumnTable, Objects, grid_table
from desktop.importers.detection import detect
from desktop.importers.layout import TablePlan
from desktop.importers.mapping import Coded, Records
from desktop.importers.records import build_records, needed_columns
from desktop.importers.table import TableShape, body_rows
from tests.importers.interpret.helpers import grid


def _as_codes(table: ColumnTable, seed: int) -> ColumnTable:
    """The same cells as a column-wise reader would hand them over: codes into distinct
    cells in an order of its own (here shuffled)."""
    rng = np.random.default_rng(seed)
    columns = {}
    for c, column in table.columns.items():
        assert isinstance(column, Objects)
        distinct = list(dict.fromkeys(column.values.tolist()))
        order = rng.permutation(len(distinct))
        uniques = np.empty(len(distinct), dtype=object)
        uniques[:] = [distinct[i] for i in order]
        position = {value: k for k, value in enumerate(uniques.tolist())}
        codes = np.array([position[v] for v in column.values.tolist()], dtype=np.int16)
        columns[c] = Coded(codes, uniques)
    return ColumnTable(table.grid, table.n, table.row_numbers, columns, table.grid_rows)


def _cells(coded: Coded | None) -> list | None:
    return None if coded is None else coded.uniques[coded.codes].tolist()


def _same(a: Records, b: Records) -> None:
    """Equal records: the same cells per record, coded in the same (first appearance) order."""
    for name in ("city", "indicator", "year", "unit", "city_code"):
        left, right = getattr(a, name), getattr(b, name)
        assert _cells(left) == _cells(right), name
        if left is not None:
            assert left.uniques.tolist() == right.uniques.tolist(), name
    for name in ("vcols", "city_col", "header_years", "header_unit", "wide", "unit_col",
                 "unit_mult_col"):
        assert getattr(a, name) == getattr(b, name), name
    assert np.array_equal(a.source_rows, b.source_rows)
    assert list(a.rows) == list(b.rows)
    assert np.array_equal(np.asarray(a.year_col), np.asarray(b.year_col))
    for name in ("unit_mult", "currency"):
        left, right = getattr(a, name), getattr(b, name)
        assert (left is None) == (right is None), name
        if left is not None:
            assert left.tolist() == right.tolist(), name


def _table(rows: list[list], file: str = "t.csv") -> tuple[ColumnTable, TablePlan]:
    g = grid(rows, file=file)
    plan = detect(g)
    key = plan.column("city").index if plan.column("city") is not None else 0
    shape = TableShape(list(plan.header_rows), plan.first_data_row, plan.end_row,
                       list(plan.footer_rows), list(plan.metadata_rows))
    body = body_rows(g, shape, key).rows
    return grid_table(g, body, needed_columns(plan)), plan


TABLES = {
    "fill-down in a wide table": [
        ["地区", "2016", "2017"], ["沈阳市", "5460", "5865"], ["", "5500", ""],
        ["大连市", "6810", "7364"], ["", "", "7400"]],
    "further value columns beside an indicator column": [
        ["城市", "年份", "指标", "数值", "增速(%)"],
        ["沈阳", "2016", "地区生产总值", "5460.01", "-23.1"],
        ["大连", "2016", "地区生产总值", "6810.2", "6.5"],
        ["沈阳", "2016", "一般公共预算收入", "", "3.2"]],
    "SDMX with a measure in two units": [
        ["REF_AREA", "MEASURE", "UNIT_MEASURE", "TIME_PERIOD", "OBS_VALUE", "UNIT_MULT",
         "CURRENCY"],
        ["CHN", "B1GQ", "USD", "2016", "11.2", "12", "USD"],
        ["CHN", "B1GQ", "XDC", "2016", "74.6", "12", "CNY"],
        ["USA", "B1GQ", "USD", "2016", "18.7", "12", "USD"]],
    "Eurostat's packed key": [
        ["unit,geo\\time", "2021 ", "2020 ", "2019 "],
        ["EUR_HAB,AL", ": ", "4700 p", "4800 "],
        ["MIO_EUR,DE3", "163828.13 e", "156034.81 e", ": c"]],
    "years in indicator headers": [
        ["城市", "popu_2020", "gdp_2020", "popu_2021"],
        ["沈阳", "907", "6571", "911"], ["大连", "745", "7030", "750"]],
}


@pytest.mark.parametrize("name", list(TABLES))
@pytest.mark.parametrize("seed", [0, 1])
def test_cells_and_codes_give_the_same_records(name, seed):
    table, plan = _table(TABLES[name])
    from_cells, filled = build_records(table, plan)
    from_codes, filled_too = build_records(_as_codes(table, seed), plan)
    _same(from_cells, from_codes)
    assert filled == filled_too


def test_fill_down_names_the_rows_it_filled():
    table, plan = _table(TABLES["fill-down in a wide table"])
    rec, filled = build_records(table, plan)
    assert filled == [2, 4]  # grid rows under 沈阳市 and 大连市 that hold values
    assert _cells(rec.city) == ["沈阳市", "沈阳市", "大连市", "大连市"] * 2
    assert rec.header_years == [2016, 2017]


def test_further_value_columns_are_their_own_indicators():
    table, plan = _table(TABLES["further value columns beside an indicator column"])
    rec, _ = build_records(table, plan)
    assert rec.vcols == [3, 4]
    assert _cells(rec.indicator) == ["地区生产总值", "地区生产总值", "一般公共预算收入",
                                     "地区生产总值 增速", "地区生产总值 增速",
                                     "一般公共预算收入 增速"]
    assert _cells(rec.unit) == [""] * 6
