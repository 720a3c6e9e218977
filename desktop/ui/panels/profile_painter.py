"""Paints the profile table's visible cells in one pass, as QTableView's own paintEvent does.

QTableView calls its item delegate once per cell through the Python binding: ~20 us a cell
before the delegate draws anything (the option, painter and index wrapped each time), about
two thirds of a table repaint (~14 ms for 10 cities at 1600 px, ~5 ms of it with a delegate
that draws nothing). This pass walks the same cells in the same order, lets the style draw
each row panel (alternate rows, the selection) as QTableView does, draws the cell through
the delegate's `draw` and the grid after the cells; the cell with the keyboard focus goes
through the delegate's full `paint` with the option Qt would build. Spans, hidden rows, a
right-to-left layout and other delegates are left to Qt (`can_paint`).
tests/ui/test_profile_delegate.py compares the pixels with Qt's own painting.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRect, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QRegion,
)
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from desktop.ui.panels.profile_delegate import ProfileCellDelegate

_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_MOUSE_OVER = QStyle.StateFlag.State_MouseOver.value
_ROW_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewRow
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_NO_FEATURES = QStyleOptionViewItem.ViewItemFeature.None_


def can_paint(view: QTableView) -> bool:
    """Whether this pass draws `view` as Qt would: its delegate is the profile's, and none
    of what the pass leaves to Qt is in use."""
    vertical = view.verticalHeader()
    return (isinstance(view.itemDelegate(), ProfileCellDelegate)
            and not view.isRightToLeft()
            and not vertical.sectionsHidden() and not vertical.sectionsMoved()
            and not view.horizontalHeader().sectionsMoved()
            and view.model() is not None and view.model().rowCount() > 0
            and view.model().columnCount() > 0)


def paint_cells(view: QTableView, painter: QPainter, region: QRegion) -> None:
    """Draw the cells of `view` that meet `region`, then its grid (QTableView::paintEvent and
    QTableViewPrivate::drawCell, without spans, drag and drop or hidden rows)."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, ProfileCellDelegate)
    model = view.model()
    horizontal, vertical = view.horizontalHeader(), view.verticalHeader()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    base_state = option.state.value
    if base_state & _ENABLED:  # every cell of the profile model is enabled
        palette = option.palette
        palette.setCurrentColorGroup(palette.ColorGroup.Normal)
        option.palette = palette
    delegate.prepare(option.font, view)
    style = view.style()
    grid = 1 if view.showGrid() else 0
    alternating = view.alternatingRowColors()
    # the style's row panel: a plain fill for an alternate row and nothing for another
    # (then drawn here as that fill), else the style draws each cell's panel
    row_fill = _row_panel_fill(view, option)
    right_edge = horizontal.length() - horizontal.offset() - 1
    bottom_edge = vertical.length() - vertical.offset() - 1
    source_rows = delegate.source_rows()
    looks_of = delegate.looks_of_row
    current = view.currentIndex()
    focused = current.isValid() and (view.hasFocus() or view.viewport().hasFocus())
    focus_cell = (current.row(), current.column()) if focused else None
    hover_cell = _hovered_cell(view)
    selected = _selected_cells(view)
    column_count, row_count = horizontal.count(), vertical.count()
    several = region.rectCount() > 1
    drawn: set[tuple[int, int]] = set()  # cells met by more than one rectangle, once
    for dirty in region:
        dirty = QRect(dirty)
        dirty.setBottom(min(dirty.bottom(), bottom_edge))
        dirty.setRight(min(dirty.right(), right_edge))
        if not dirty.isValid():
            continue
        left = horizontal.visualIndexAt(dirty.left())
        right = horizontal.visualIndexAt(dirty.right())
        left = 0 if left < 0 else left
        right = column_count - 1 if right < 0 else right
        top = vertical.visualIndexAt(dirty.top())
        bottom = vertical.visualIndexAt(dirty.bottom())
        bottom = row_count - 1 if bottom < 0 else bottom
        if top < 0 or top > bottom:
            continue
        visible = [(column, horizontal.sectionViewportPosition(column),
                    horizontal.sectionSize(column) - grid)
                   for column in range(left, right + 1) if not horizontal.isSectionHidden(column)]
        if not visible:
            continue
        plain = delegate.plain_drawer(painter, base_state, option)
        for row in range(top, bottom + 1):
            y = vertical.sectionViewportPosition(row)
            height = vertical.sectionSize(row) - grid
            looks = looks_of(source_rows[row])
            alternate = alternating and row & 1
            under = row_fill if alternate else None  # the panel as a fill, cell by cell
            chosen = selected.get(row)
            for column, x, width in visible:
                if several:
                    if (row, column) in drawn:
                        continue
                    drawn.add((row, column))
                special = (chosen is not None and chosen[0] <= column <= chosen[1]) or (
                    focus_cell == (row, column)) or hover_cell == (row, column)
                if not special and row_fill is not None:
                    if under is not None:
                        painter.fillRect(x, y, width, height, under)
                    plain(x, y, width, height, looks[column])
                    continue
                state = base_state
                if chosen is not None and chosen[0] <= column <= chosen[1]:
                    state |= _SELECTED
                if focus_cell == (row, column):
                    state |= _HAS_FOCUS
                if hover_cell == (row, column):
                    state |= _MOUSE_OVER
                rect = QRect(x, y, width, height)
                option.rect = rect
                option.state = QStyle.StateFlag(state)
                option.features = _ALTERNATE if alternate else _NO_FEATURES
                # the row panel as QTableView draws it (a selected, focused or hovered
                # cell's, or any cell's in a style whose panel is more than a fill)
                style.drawPrimitive(_ROW_PANEL, option, painter, view)
                if state & _HAS_FOCUS:
                    delegate.paint(painter, QStyleOptionViewItem(option),
                                   model.index(row, column))
                else:
                    delegate.draw(painter, rect, looks[column], state,
                                  QStyleOptionViewItem(option))
                plain = delegate.plain_drawer(painter, base_state, option)  # pen unknown now
        if grid:
            _draw_grid(view, painter, option, dirty, range(top, bottom + 1),
                       [c for c, _x, _w in visible])


def _row_panel_fill(view: QTableView, option: QStyleOptionViewItem) -> QBrush | None:
    """The brush an alternate row's panel is, when the style draws it as a plain fill of
    the palette's AlternateBase and a plain row's as nothing (QCommonStyle, Fusion):
    then a fill stands for each cell's panel. None when the style draws
    something else (a native look): every cell's panel is left to the style. Tried once
    per style and palette, by drawing both into a small image."""
    style = view.style()
    group = (QPalette.ColorGroup.Normal if view.isEnabled() else QPalette.ColorGroup.Disabled)
    if group == QPalette.ColorGroup.Normal and not option.state & QStyle.StateFlag.State_Active:
        group = QPalette.ColorGroup.Inactive
    brush = option.palette.brush(group, QPalette.ColorRole.AlternateBase)
    key = (id(style), style.name(), option.palette.cacheKey(), group, option.state.value)
    known = _FILLS.get(key)
    if known is None:
        known = _FILLS[key] = _is_fill(style, view, option, brush)
    return brush if known else None


_FILLS: dict[tuple, bool] = {}


def _is_fill(style: QStyle, view: QTableView, option: QStyleOptionViewItem,
             brush: QBrush) -> bool:
    sample = QStyleOptionViewItem(option)
    sample.rect = QRect(0, 0, 24, 12)
    images = []
    for features, fill in ((_ALTERNATE, brush), (_NO_FEATURES, None)):
        drawn, expected = (QImage(24, 12, QImage.Format.Format_ARGB32_Premultiplied)
                           for _ in range(2))
        for image in (drawn, expected):
            image.fill(QColor(1, 2, 3, 255))
        sample.features = features
        painter = QPainter(drawn)
        style.drawPrimitive(_ROW_PANEL, sample, painter, view)
        painter.end()
        if fill is not None:
            painter = QPainter(expected)
            painter.fillRect(sample.rect, fill)
            painter.end()
        images.append(drawn == expected)
    return all(images)


def _hovered_cell(view: QTableView) -> tuple[int, int] | None:
    """The cell under the pointer when the view tracks hovering (QTableView marks it
    State_MouseOver, which some native styles draw)."""
    viewport = view.viewport()
    if not (viewport.testAttribute(Qt.WidgetAttribute.WA_Hover) and viewport.underMouse()):
        return None
    index = view.indexAt(viewport.mapFromGlobal(QCursor.pos()))
    return (index.row(), index.column()) if index.isValid() else None


def _selected_cells(view: QTableView) -> dict[int, tuple[int, int]]:
    """Selected rows -> (first, last) selected column: a profile selection is one row (or
    none); wider selections come as ranges of rows and columns."""
    selection = view.selectionModel()
    out: dict[int, tuple[int, int]] = {}
    if selection is None:
        return out
    for chosen in selection.selection():
        for row in range(chosen.top(), chosen.bottom() + 1):
            first, last = out.get(row, (chosen.left(), chosen.right()))
            out[row] = (min(first, chosen.left()), max(last, chosen.right()))
    return out


def _draw_grid(view: QTableView, painter: QPainter, option: QStyleOptionViewItem,
               dirty: QRect, rows: range, columns: list[int]) -> None:
    """The grid lines after the cells: one below each row and one right of each column,
    across the dirty rectangle, in the style's grid colour and the view's pen style."""
    style = view.style()
    hint = style.styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
    painter.setPen(QPen(QColor.fromRgba(hint & 0xFFFFFFFF), 1, view.gridStyle()))
    horizontal, vertical = view.horizontalHeader(), view.verticalHeader()
    lines = []
    for row in rows:
        y = vertical.sectionViewportPosition(row) + vertical.sectionSize(row) - 1 + 0.5
        lines.append(QLineF(dirty.left() + 0.5, y, dirty.right() + 0.5, y))
    for column in columns:
        x = horizontal.sectionViewportPosition(column) + horizontal.sectionSize(column) - 1 + 0.5
        lines.append(QLineF(x, dirty.top() + 0.5, x, dirty.bottom() + 0.5))
    if (style.styleHint(QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines, option, view)
            and vertical.isHidden()):
        x = horizontal.sectionViewportPosition(horizontal.logicalIndex(
            horizontal.visualIndexAt(0))) + 0.5
        lines.append(QLineF(x, dirty.top() + 0.5, x, dirty.bottom() + 0.5))
    if (style.styleHint(QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines, option, view)
            and horizontal.isHidden()):
        y = vertical.sectionViewportPosition(vertical.logicalIndex(
            vertical.visualIndexAt(0))) + 0.5
        lines.append(QLineF(dirty.left() + 0.5, y, dirty.right() + 0.5, y))
    painter.drawLines(lines)



