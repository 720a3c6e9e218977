"""Readers declare what they read; a table the column-wise readers do not read goes row-wise.

A user never sees which reader ran, only that every table imports the same either way: these
tests pin that the column-wise engine refuses (with a reason for the bench and logs) exactly
the tables it cannot reproduce, that the row-wise reader takes them, and that one value
parser gives the same values, statuses and notes whichever reader hands it the cells.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from desktop.importers.capabilities import COLUMN_ENGINE, ROW_READER, needs, role_kind
from desktop.importers.columns import Numbers, Objects, parse_columns
from desktop.importers.interpret import detect
from desktop.importers.layout import TablePlan
from desktop.importers.mapping import Coded
from desktop.importers.numbers import parse_values
from desktop.importers.run import import_file
from tests.importers.interpret.helpers import grid

LONG = [["city", "indicator", "year", "value"],
        ["Shenyang", "GDP", "2016", "5460.0"],
        ["Dalian", "GDP", "2016", "6810.2"]]
WIDE = [["city", "2015", "2016"], ["Shenyang", "7272.3", "5460.0"], ["Dalian", "7731.6", "6810.2"]]


def test_plain_long_and_wide_tables_are_read_column_wise() -> None:
    for rows in (LONG, WIDE):
        g = grid(rows)
        plan = detect(g)
        assert needs(plan, g) == []
        assert COLUMN_ENGINE.can_read(plan, g) is None


def test_footnotes_and_two_header_rows_go_row_wise_with_the_reason() -> None:
    g = grid([*LONG, ["注：2016年数据为初步核算数。", "", "", ""]])
    plan = detect(g)
    assert plan.footer_rows
    assert COLUMN_ENGINE.can_read(plan, g) == "footnotes"
    assert ROW_READER.can_read(plan, g) is None


def test_merged_cells_and_a_decimal_comma_go_row_wise() -> None:
    g = grid(LONG)
    plan = detect(g)
    assert COLUMN_ENGINE.can_read(dataclasses.replace(plan, decimal=","), g) == "decimal comma"
    flagged = grid(LONG, cell_flags={(1, 3): "date"})
    assert COLUMN_ENGINE.can_read(plan, flagged) == "merged or flagged cells"


def test_roles_are_read_per_layout() -> None:
    g = grid(WIDE)
    plan = detect(g)
    assert plan.layout == "wide_years"
    as_long = dataclasses.replace(plan, layout="long")
    assert COLUMN_ENGINE.can_read(as_long, g) == "role year:2015"
    scaled = dataclasses.replace(plan, columns=(
        *plan.columns[:1], dataclasses.replace(plan.columns[1], role="unit_mult"),
        *plan.columns[2:]))
    assert COLUMN_ENGINE.can_read(scaled, g) == "role unit_mult"
    assert COLUMN_ENGINE.can_read(dataclasses.replace(plan, layout="eurostat"), g) == \
        "layout eurostat"
    assert role_kind("indicator:GDP 2016") == "indicator:"


def test_a_plan_field_no_reader_has_declared_keeps_the_table_row_wise() -> None:
    """A feature added to TablePlan later is not silently ignored by the column readers."""

    @dataclasses.dataclass(frozen=True)
    class LaterPlan(TablePlan):
        scale_rows: tuple[int, ...] = ()

    g = grid(LONG)
    plan = detect(g)
    later = LaterPlan(**{f.name: getattr(plan, f.name) for f in dataclasses.fields(plan)},
                      scale_rows=(1,))
    assert needs(later, g) == ["plan field scale_rows"]
    assert COLUMN_ENGINE.can_read(later, g) == "plan field scale_rows"
    assert ROW_READER.can_read(later, g) is None
    assert needs(dataclasses.replace(later, scale_rows=()), g) == []


def test_a_footnoted_big_file_imports_row_wise_with_every_value(tmp_path) -> None:
    lines = ["city,indicator,year,value"]
    lines += [f"City{i:05d},GDP,2016,{i}.5" for i in range(20_000)]
    lines.append("注：2016年数据为初步核算数。,,,")
    path = tmp_path / "footnoted.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcome = import_file(path)
    assert outcome.path_taken == "rows"
    assert outcome.report.rows_imported == 20_000


@pytest.mark.parametrize("exponent", [0, 4, 8])
def test_one_value_parser_whichever_reader_hands_over_the_cells(exponent: int) -> None:
    cells = ["5460.25", "—", "", "1,234.5", "n/a", "abc", "0.30000000000000004", "7"]
    exps = np.full(len(cells) * 2, exponent, dtype=np.int64)
    row_wise = parse_values(np.array(cells * 2, dtype=object), exps)
    floats = np.array([5460.25, np.nan, np.nan, np.nan, np.nan, np.nan,
                       0.30000000000000004, 7.0])
    as_numbers = Numbers(floats, lambda at: [cells[i] for i in at.tolist()],
                         lambda: np.array([len(c) <= 15 for c in cells]),
                         np.array([c == "" for c in cells]))
    uniques = np.array(cells, dtype=object)
    as_codes = Coded(np.arange(len(cells)), uniques)
    for first in (as_numbers, Objects(np.array(cells, dtype=object))):
        parsed = parse_columns([first, as_codes], exps)
        np.testing.assert_array_equal(parsed.values, row_wise.values)
        assert parsed.status.tolist() == row_wise.status.tolist()
        assert parsed.blank.tolist() == row_wise.blank.tolist()
        assert [(n.index, n.code) for n in parsed.notes] == \
            [(n.index, n.code) for n in row_wise.notes]
        assert parsed.missing_markers == row_wise.missing_markers


def test_eurostat_flags_survive_the_shared_parser() -> None:
    cells = np.array(["4700 p", ": c", "12"], dtype=object)
    parsed = parse_columns([Coded(np.arange(3), cells), Objects(cells)],
                           np.zeros(6, dtype=np.int64), flags=True)
    assert parsed.flags == {"p": 2, "c": 2}
    assert parsed.flag_examples == {"p": 0, "c": 1}
    assert parsed.values[[0, 2, 3, 5]].tolist() == [4700.0, 12.0, 4700.0, 12.0]
