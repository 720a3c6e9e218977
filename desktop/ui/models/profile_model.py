"""A thin Qt adapter over a ProfileTable: strings are precomputed, data() only looks up."""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.analysis.lazy_rows import column_cells
from desktop.analysis.profile_table import (
    BETTER,
    WORSE,
    ProfileTable,
    SentenceCell,
    TableCell,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 2
FOCUS_ROLE = Qt.ItemDataRole.UserRole + 3
FILTER_ROLE = Qt.ItemDataRole.UserRole + 4  # English + Chinese label and id, lower case

# (light theme, dark theme): the tones keep a readable contrast on either table background.
_FOCUS_BACKGROUND = (QBrush(QColor(255, 244, 214)), QBrush(QColor(74, 62, 30)))
_BETTER = (QBrush(QColor(22, 120, 60)), QBrush(QColor(110, 210, 140)))
_WORSE = (QBrush(QColor(180, 35, 35)), QBrush(QColor(255, 128, 118)))
_OTHER_YEAR = (QBrush(QColor(110, 110, 110)), QBrush(QColor(160, 160, 160)))
_ANY_INDEX = QModelIndex | QPersistentModelIndex
_TONED = frozenset({BETTER, WORSE})
_TONE_COLOUR = {BETTER: tuple(b.color() for b in _BETTER), WORSE: tuple(b.color() for b in _WORSE)}
_OTHER_YEAR_COLOUR = tuple(b.color() for b in _OTHER_YEAR)

# Roles as plain ints: a view asks data() for ~10 roles of every cell it paints, and comparing
# with `Qt.ItemDataRole.X` costs an attribute chain each time (~0.5 us, measured).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _BACKGROUND, _FOREGROUND, _FONT,
                       SORT_ROLE, INDICATOR_ROLE, FOCUS_ROLE, FILTER_ROLE})
_LOOK_ROLES = frozenset({_ALIGNMENT, _FONT, _FOREGROUND, _BACKGROUND})
_HEADER_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FONT})
_HORIZONTAL = Qt.Orientation.Horizontal
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

#: A cell's font: the view's own, bold (the focus city) or italic (stale or suspect).
PLAIN, BOLD, ITALIC = 0, 1, 2
#: How a cell is drawn, for the table's delegate: (text, alignment, font kind, text colour or
#: None for the palette's, background brush or None).
CellLook = tuple[str, int, int, QColor | None, QBrush | None]


def _other_columns(table: ProfileTable) -> list[tuple[str, int | None]]:
    return [(c.key, c.horizon) for c in table.columns if c.city_id is None]


#: What a view draws or sorts by of a cell (its tooltip is asked for on hovering, never kept).
_drawn = attrgetter("text", "sort_value", "tone", "other_year", "suspect")


def _drawn_alike(a: TableCell, b: TableCell) -> bool:
    """Whether two cells are drawn and sorted alike, without writing a sentence not yet read
    (two sentences not yet written count as different: the view asks for the shown ones)."""
    if isinstance(a, SentenceCell) or isinstance(b, SentenceCell):
        return False
    return _drawn(a) == _drawn(b)


def _changed_columns(old: ProfileTable, new: ProfileTable) -> list[tuple[int, int]]:
    """(first, last) runs of the columns whose cells are drawn or sorted differently
    between two tables of the same shape; every column when the rows are other indicators
    (their roles differ too)."""
    count = len(new.columns)
    if old.indicator_ids != new.indicator_ids or old.search_texts != new.search_texts:
        return [(0, count - 1)]
    runs: list[tuple[int, int]] = []
    for column in range(count):
        # (rows not yet made, e.g. a new year's, are made when drawn: their columns
        # after the label and unit count as changed, without making them to compare)
        before, after = column_cells(old.rows, column), column_cells(new.rows, column)
        if before is None or after is None or any(
                a is not b and not _drawn_alike(a, b)
                for a, b in zip(before, after, strict=True)):
            if runs and runs[-1][1] == column - 1:
                runs[-1] = (runs[-1][0], column)
            else:
                runs.append((column, column))
    return runs


class ProfileTableModel(QAbstractTableModel):
    """Rows are indicators; columns are indicator, unit, year, cities, median, gap, rank."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: ProfileTable | None = None
        self._headers: list[str] = []
        self._header_tips: list[str] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        self._shade = 0  # 0: colours for a light table, 1: for a dark one
        self._looks: dict[int, list[CellLook]] = {}  # by row, filled as rows are drawn
        self._row_count = self._column_count = 0

    def set_dark(self, dark: bool) -> None:
        """Use the colours that read well on a dark (True) or light table background."""
        shade = 1 if dark else 0
        if shade != self._shade:
            self._shade = shade
            self._looks.clear()
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_table(self, table: ProfileTable, headers: list[str], header_tips: list[str]) -> None:
        """Show `table`. A table of the same shape (e.g. another year, or another focus city
        with as many peers) replaces the cells in place (dataChanged): the view keeps its
        selection, sort order and scroll position and is not laid out from scratch. Another
        shape resets the model (cheaper in Qt than removing or inserting peer columns)."""
        old = self._table
        if old is None or len(old.rows) != len(table.rows) or not table.rows or (
                len(old.columns) != len(table.columns)) or (
                _other_columns(old) != _other_columns(table)) or (
                old.focus_column != table.focus_column):
            self.beginResetModel()
            self._set(table, headers, header_tips)
            self.endResetModel()
            return
        headers_changed = headers != self._headers or header_tips != self._header_tips
        self._set(table, headers, header_tips)
        last_row = len(table.rows) - 1
        for first, last in _changed_columns(old, table):
            # the view repaints only these columns: drawing a cell's text is most of a
            # table repaint, and the indicator and unit columns rarely change
            self.dataChanged.emit(self.index(0, first), self.index(last_row, last))
        if headers_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(table.columns) - 1)

    def _set(self, table: ProfileTable, headers: list[str], header_tips: list[str]) -> None:
        self._table = table
        self._row_count, self._column_count = len(table.rows), len(table.columns)
        self._headers = headers
        self._header_tips = header_tips
        self._looks.clear()

    def row_looks(self, row: int) -> list[CellLook]:
        """How each cell of `row` is drawn, worked out once per table and shade: the delegate
        paints a cell from this one record instead of asking data() for ~10 roles per cell
        through the sort proxy (a third of a table repaint)."""
        looks = self._looks.get(row)
        if looks is None:
            looks = self._looks[row] = self._row_looks(row)
        return looks

    def _row_looks(self, row: int) -> list[CellLook]:
        table = self._table
        assert table is not None
        shade, focus = self._shade, table.focus_column
        plain_text = _ALIGN_RIGHT
        looks: list[CellLook] = []
        for column, cell in enumerate(table.rows[row]):
            is_focus = column == focus
            colour = None
            if cell.other_year or cell.suspect:  # stale or suspect: grey italic, with its reason
                kind, colour = ITALIC, _OTHER_YEAR_COLOUR[shade]
            else:
                kind = BOLD if is_focus else PLAIN
                if cell.tone in _TONED and (is_focus or self._is_gap(column)):
                    colour = _TONE_COLOUR[cell.tone][shade]
            looks.append((cell.text, plain_text if column else _ALIGN_LEFT, kind, colour,
                           _FOCUS_BACKGROUND[shade] if is_focus else None))
        return looks

    @property
    def table(self) -> ProfileTable | None:
        return self._table

    # Qt asks for the counts ~900 times per change of a 10-city table (index checks of the
    # proxy, selection and views): kept as plain ints.
    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count

    def data(self, index: _ANY_INDEX, role: int = _DISPLAY) -> object:
        if role not in _ANSWERED or self._table is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        cell = self._table.rows[row][column]
        if role == _DISPLAY:
            return cell.text
        if role in _LOOK_ROLES:  # what the delegate draws, the same for other views
            look = self.row_looks(row)[column]
            if role == _ALIGNMENT:
                return look[1]
            if role == _FONT:
                return (None, self._bold, self._italic)[look[2]]
            if role == _FOREGROUND:
                return None if look[3] is None else QBrush(look[3])
            return look[4]
        if role == _TOOLTIP:
            return cell.tooltip or None
        if role == SORT_ROLE:
            return cell.sort_value if cell.sort_value is not None else float("-inf")
        if role == INDICATOR_ROLE:
            return self._table.indicator_ids[row]
        if role == FILTER_ROLE:
            texts = self._table.search_texts
            return texts[row] if texts else cell.text
        return column == self._table.focus_column  # FOCUS_ROLE

    def _is_gap(self, column: int) -> bool:
        """Columns about the focus city alone, coloured by `higher_is_better`."""
        return self._table is not None and self._table.columns[column].key in (
            "gap", "index", "change", "cagr")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> object:
        # asked ~300 times per new table (each heading's roles, painted and measured): the
        # roles the model has no answer for leave first, on plain int comparisons
        if role not in _HEADER_ROLES or orientation is not _HORIZONTAL or not (
                0 <= section < len(self._headers)):
            return None
        if role == _DISPLAY:
            return self._headers[section]
        if role == _TOOLTIP:
            return self._header_tips[section] or None
        if self._table and section == self._table.focus_column:  # the font
            return self._bold
        return None
