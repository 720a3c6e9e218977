"""A stale value in the window's profile table: greyed, italic, its year shown, and a tooltip
that says why (issue #13). The table comes from the real builder, not hand-made cells."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.analysis.profile_table import selection_table
from desktop.ui.models.profile_model import ProfileTableModel

pytestmark = pytest.mark.ui

HANDMADE = Path(__file__).resolve().parents[1] / "analysis"


def test_stale_cell_is_grey_italic_with_its_reason(qapp) -> None:
    sys.path.insert(0, str(HANDMADE))
    try:
        from handmade import build_dataset, city, indicator
    finally:
        sys.path.remove(str(HANDMADE))
    # f and c have 2016; a's latest is 2014
    dataset = build_dataset([("f", "v", 2016, 10.0), ("a", "v", 2014, 7.0),
                             ("c", "v", 2016, 12.0)],
                            [city("f"), city("a"), city("c")], [indicator("v")])
    table = selection_table(dataset, "f", ["a", "c"], ["v"], 2016)
    model = ProfileTableModel()
    model.set_table(table, [""] * len(table.columns), [""] * len(table.columns))
    stale = model.index(0, table.focus_column + 1)  # a
    fresh = model.index(0, table.focus_column + 2)  # c
    assert model.data(stale) == "7 (2014)"
    assert model.data(stale, Qt.ItemDataRole.FontRole).italic()
    assert model.data(stale, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(stale, Qt.ItemDataRole.ToolTipRole).startswith(
        "2014 value; the comparison year is 2016.")
    assert model.data(fresh) == "12"
    assert model.data(fresh, Qt.ItemDataRole.FontRole) is None


def test_suspect_cell_is_grey_italic_with_the_registers_reason(qapp) -> None:
    """Dalian's 2008 FDI (582 between 3,163 and 6,017 million US$) is in the breaks register as
    suspect: the window greys it and says why, and it is not ranked."""
    from desktop.core.storage import load_bundled

    dataset = load_bundled()
    table = selection_table(dataset, "cn-210100", ["cn-210200", "cn-230100", "cn-220100"],
                            ["fdi_utilised"], 2008)
    model = ProfileTableModel()
    model.set_table(table, [""] * len(table.columns), [""] * len(table.columns))
    dalian = model.index(0, table.focus_column + 1)
    assert "⚠" in model.data(dalian)
    assert model.data(dalian, Qt.ItemDataRole.FontRole).italic()
    assert model.data(dalian, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(dalian, Qt.ItemDataRole.ToolTipRole).startswith("⚠ Dalian's utilised FDI")
    harbin = model.index(0, table.focus_column + 2)
    assert "⚠" not in model.data(harbin)
