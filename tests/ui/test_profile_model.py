"""What the profile table's cells look like: the roles the model answers for each cell."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.analysis.profile_table import BETTER, WORSE, Column, ProfileTable, TableCell
from desktop.ui.models.profile_model import (
    FILTER_ROLE,
    FOCUS_ROLE,
    INDICATOR_ROLE,
    SORT_ROLE,
    ProfileTableModel,
)

R = Qt.ItemDataRole


@pytest.fixture
def model(qapp) -> ProfileTableModel:
    columns = (Column("indicator"), Column("city", "cn-210100"), Column("city", "cn-210200"),
               Column("gap"), Column("median"))
    rows = (
        (TableCell("GDP", "GDP"), TableCell("5,546", 5546.0, "NBS yearbook", BETTER),
         TableCell("6,810", 6810.0), TableCell("+3.2%", 3.2, tone=BETTER),
         TableCell("5,300", 5300.0)),
        (TableCell("Population", "Population"), TableCell("829", 829.0, other_year=True),
         TableCell("—", None), TableCell("−1.0%", -1.0, tone=WORSE),
         TableCell("700", 700.0, tone=WORSE)),
    )
    table = ProfileTable(columns, rows, ("gdp", "population"), focus_column=1,
                         search_texts=("gdp 地区生产总值", "population 人口"))
    model = ProfileTableModel()
    model.set_table(table, ["Indicator", "Shenyang", "Dalian", "Gap", "Median"],
                    ["", "", "", "", ""])
    return model


def _data(model: ProfileTableModel, row: int, column: int, role: int) -> object:
    return model.data(model.index(row, column), role)


def test_texts_alignment_and_lookups(model: ProfileTableModel) -> None:
    assert _data(model, 0, 1, R.DisplayRole) == "5,546"
    assert _data(model, 0, 0, R.TextAlignmentRole) & Qt.AlignmentFlag.AlignLeft
    assert _data(model, 0, 3, R.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert _data(model, 0, 1, R.ToolTipRole) == "NBS yearbook"
    assert _data(model, 0, 2, R.ToolTipRole) is None
    assert _data(model, 1, 2, SORT_ROLE) == float("-inf")  # a missing value sorts last
    assert _data(model, 0, 2, SORT_ROLE) == 6810.0
    assert _data(model, 1, 3, INDICATOR_ROLE) == "population"
    assert _data(model, 1, 0, FILTER_ROLE) == "population 人口"
    assert _data(model, 0, 1, FOCUS_ROLE) is True and _data(model, 0, 2, FOCUS_ROLE) is False
    assert _data(model, 0, 1, R.DecorationRole) is None
    assert model.data(QModelIndex(), R.DisplayRole) is None


def test_focus_column_stands_out_and_tones_colour_only_focus_and_gaps(
        model: ProfileTableModel) -> None:
    assert _data(model, 0, 1, R.FontRole).bold()
    assert _data(model, 0, 2, R.FontRole) is None
    assert _data(model, 0, 1, R.BackgroundRole) is not None
    assert _data(model, 0, 2, R.BackgroundRole) is None
    better, worse = _data(model, 0, 3, R.ForegroundRole), _data(model, 1, 3, R.ForegroundRole)
    assert better.color().green() > better.color().red()
    assert worse.color().red() > worse.color().green()
    assert _data(model, 0, 1, R.ForegroundRole) == better  # the focus city's own tone
    assert _data(model, 1, 4, R.ForegroundRole) is None  # a median is not "worse"


def test_a_value_from_another_year_is_italic_and_grey(model: ProfileTableModel) -> None:
    assert _data(model, 1, 1, R.FontRole).italic()
    grey = _data(model, 1, 1, R.ForegroundRole).color()
    assert grey.red() == grey.green() == grey.blue()
