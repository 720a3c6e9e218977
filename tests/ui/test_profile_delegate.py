"""The profile table's own cell painter draws exactly what Qt's item delegate drew: the same
pixels for the focus column, tones, stale and suspect values, the selected row, Chinese units
and elided labels, after sorting, filtering and in the dark theme's colours."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyledItemDelegate

from desktop.analysis.profile_table import BETTER, WORSE, Column, ProfileTable, TableCell
from desktop.ui.panels.profile_delegate import ProfileCellDelegate
from desktop.ui.panels.profile_view import ProfileView

pytestmark = pytest.mark.ui

HEADERS = ["Indicator", "Unit", "Shenyang", "Dalian", "Harbin", "Gap"]


def _table(scale: float = 1.0) -> ProfileTable:
    columns = (Column("indicator"), Column("unit"), Column("city", "cn-210100"),
               Column("city", "cn-210200"), Column("city", "cn-230100"), Column("gap"))
    rows = tuple(
        (TableCell(label, label), TableCell(unit, unit),
         TableCell(f"{value * scale:,.2f}", value * scale, tone=BETTER if i % 2 else WORSE),
         TableCell(f"{value * scale / 2:,.0f} (2014)", value / 2, other_year=True) if i == 1
         else TableCell(f"{value * 1.1 * scale:,.1f}", value * 1.1),
         TableCell("582 ⚠", 582.0, suspect="Dalian's FDI") if i == 2
         else TableCell(f"{value * 0.9 * scale:,.1f}", value * 0.9),
         TableCell(f"{i - 2:+.1f}%", i - 2.0, tone=BETTER if i > 2 else WORSE))
        for i, (label, unit, value) in enumerate((
            ("GDP (current prices)", "亿元", 7249.7),
            ("Secondary industry share of GDP, a label too long for its column", "%", 32.6),
            ("Foreign direct investment, utilised", "million US$", 581.6),
            ("Registered population (year-end)", "万人", 763.4),
            ("Average wage of employees", "yuan", 98765.0))))
    return ProfileTable(columns, rows, tuple(f"i{n}" for n in range(len(rows))),
                        focus_column=2, search_texts=tuple(r[0].text.lower() for r in rows))


def _pixels(view: ProfileView) -> np.ndarray:
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return bits.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()].copy()


@pytest.fixture
def view(qtbot) -> ProfileView:
    view = ProfileView()
    qtbot.addWidget(view)
    view.resize(760, 200)
    view.profile_model.set_table(_table(), HEADERS, [""] * len(HEADERS))
    view.resize_columns()
    view.setColumnWidth(0, 150)  # the long labels are elided
    view.show()
    qtbot.waitExposed(view)
    view.select_indicator("i1")
    return view


def _same_as_qt(view: ProfileView, qtbot) -> np.ndarray:
    """The view drawn by its own delegate and by Qt's QStyledItemDelegate are identical
    (returned)."""
    qtbot.wait(1)
    ours = _pixels(view)
    assert isinstance(view.itemDelegate(), ProfileCellDelegate)
    view.setItemDelegate(QStyledItemDelegate(view))
    qtbot.wait(1)
    theirs = _pixels(view)
    view.setItemDelegate(view.cell_delegate)
    differ = np.argwhere((ours != theirs).any(axis=2))
    assert differ.size == 0, f"{len(differ)} pixels differ, first at (y, x) {differ[0]}"
    assert len(np.unique(ours.reshape(-1, 4), axis=0)) > 20  # text, tones, focus: drawn
    return ours


def test_cells_look_as_qt_draws_them(view: ProfileView, qtbot) -> None:
    _same_as_qt(view, qtbot)


def test_sorted_and_filtered_rows_are_drawn_from_their_own_cells(view: ProfileView,
                                                                   qtbot) -> None:
    view._sort_by(2)  # Shenyang's values, largest first: rows move
    assert view.model().index(0, 0).data() == "Average wage of employees"
    _same_as_qt(view, qtbot)
    view.set_filter_text("gdp")
    assert view.model().rowCount() == 2
    _same_as_qt(view, qtbot)


def test_new_values_and_the_dark_theme_colours_are_drawn(view: ProfileView, qtbot) -> None:
    view.profile_model.set_table(_table(scale=3.0), HEADERS, [""] * len(HEADERS))
    light = _same_as_qt(view, qtbot)
    view.profile_model.set_dark(True)
    dark = _same_as_qt(view, qtbot)
    focus = view.columnViewportPosition(2) + 3, view.rowViewportPosition(0) + 3
    assert (light[focus[1], focus[0]] != dark[focus[1], focus[0]]).any()  # the focus shade
