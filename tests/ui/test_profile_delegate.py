"""The profile table's own cell painter draws exactly what Qt's item delegate drew: the same
pixels for the focus column, tones, stale and suspect values, the selected row, Chinese units
and elided labels, after sorting, filtering and in the dark theme's colours."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QRegion
from PySide6.QtWidgets import QStyledItemDelegate

from desktop.analysis.profile_table import BETTER, WORSE, Column, ProfileTable, TableCell
from desktop.ui.panels import profile_painter
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


def test_texts_drawn_at_first_sight_look_as_qt_draws_them(view: ProfileView, qtbot) -> None:
    """A text met for the first time is drawn straight (drawText at an offset worked out
    from its characters' advances), a text that comes back is laid out once and kept:
    both give Qt's pixels, and the straight drawing is the one taken for new values."""
    view.profile_model.set_table(_table(scale=7.0), HEADERS, [""] * len(HEADERS))
    qtbot.wait(1)
    delegate = view.cell_delegate
    delegate._laid_out.clear()
    delegate._seen.clear()
    first = _pixels(view)  # one paint, every text new
    assert len(delegate._seen) > 20  # the values, units and plain labels: drawn straight
    assert delegate._laid_out  # the elided label and Chinese units: laid out
    again = _pixels(view)  # the same texts, now laid out and kept
    assert (first == again).all()
    assert len(delegate._laid_out) > len(delegate._seen) / 2
    _same_as_qt(view, qtbot)


def test_a_texts_width_is_the_sum_of_its_characters(view: ProfileView) -> None:
    """What lets a new text skip laying out: with shaping off, a string's advance is its
    characters' advances added up (numbers, signs and Latin words)."""
    delegate = view.cell_delegate
    metrics = QFontMetricsF(view.font())
    for text in ("7,249.68", "−3.4 pp", "+12.5%", "98,765 (2014)", "GDP per capita",
                 "Average wage of employees — yuan…"):
        width = 1000
        offset = delegate._direct_offset(0, int(Qt.AlignmentFlag.AlignRight), text, width)
        assert offset is not None
        assert width - offset == pytest.approx(metrics.horizontalAdvance(text), abs=0.01)
    assert delegate._direct_offset(0, int(Qt.AlignmentFlag.AlignLeft), "亿元", 1000) is None
    assert delegate._direct_offset(0, int(Qt.AlignmentFlag.AlignLeft), "GDP", 5) is None


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


def _region_pixels(view: ProfileView, region: QRegion) -> np.ndarray:
    """The viewport drawn into an image for a paint event of `region` only."""
    image = QImage(view.viewport().size(), QImage.Format.Format_RGB32)
    image.fill(0)
    view.viewport().render(image, QPoint(), region)
    bits = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return bits.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()].copy()


def _same_as_qt_loop(view: ProfileView, region: QRegion | None = None) -> None:
    """The one-pass painter gives the pixels of QTableView's own loop over the same
    delegate, for the whole viewport or the part of it in `region`."""
    region = region if region is not None else QRegion(view.viewport().rect())
    ours = _region_pixels(view, region)
    view.own_painting = False
    try:
        theirs = _region_pixels(view, region)
    finally:
        view.own_painting = True
    differ = np.argwhere((ours != theirs).any(axis=2))
    assert differ.size == 0, f"{len(differ)} pixels differ, first at (y, x) {differ[0]}"
    assert len(np.unique(ours.reshape(-1, 4), axis=0)) > 10


def test_one_pass_painting_draws_what_the_table_view_draws(view: ProfileView, qtbot) -> None:
    _same_as_qt_loop(view)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())  # scrolled
    view.resize(420, 120)  # rows and columns cut at the edges
    qtbot.wait(1)
    _same_as_qt_loop(view)
    view.setFocus()  # the current cell draws its focus frame
    qtbot.waitUntil(view.hasFocus)
    _same_as_qt_loop(view)
    view.setShowGrid(False)
    view.setAlternatingRowColors(False)
    _same_as_qt_loop(view)


def test_one_pass_painting_of_part_of_the_table(view: ProfileView) -> None:
    rows = QRegion(QRect(0, view.rowViewportPosition(1), 300, view.rowHeight(1)))
    rows += QRegion(QRect(200, view.rowViewportPosition(3) + 3, 250, 30))
    _same_as_qt_loop(view, rows)


def test_a_style_whose_row_panel_is_not_a_fill_draws_each_panel(view: ProfileView,
                                                                monkeypatch) -> None:
    """A native style may draw more than a fill under a row: then the style draws each
    cell's panel, as QTableView has it do."""
    monkeypatch.setattr(profile_painter, "_is_fill", lambda *_args: False)
    profile_painter._FILLS.clear()
    try:
        _same_as_qt_loop(view)
    finally:
        profile_painter._FILLS.clear()


def test_choosing_another_indicator_repaints_both_highlighted_rows(view: ProfileView,
                                                                   qtbot) -> None:
    """The chart's indicator moves the highlight: the row it leaves and the row it joins are
    painted again (the selection changes with its signals held)."""
    qtbot.wait(1)
    painted: list[QRegion] = []

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is view.viewport() and event.type() == QEvent.Type.Paint:
                painted.append(QRegion(event.region()))
            return False

    spy = Painted()
    view.viewport().installEventFilter(spy)
    view.select_indicator("i3")
    qtbot.waitUntil(lambda: bool(painted))
    view.viewport().removeEventFilter(spy)
    for row in (1, 3):  # i1 was highlighted
        middle = QPoint(view.viewport().width() // 2, view.rowViewportPosition(row) + 2)
        assert any(region.contains(middle) for region in painted), row
