"""A thin Qt adapter over a ProfileTable: strings are precomputed, data() only looks up."""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.analysis.profile_table import BETTER, WORSE, ProfileTable

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
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _other_columns(table: ProfileTable) -> list[tuple[str, int | None]]:
    return [(c.key, c.horizon) for c in table.columns if c.city_id is None]


#: What a view draws or sorts by of a cell (its tooltip is asked for on hovering, never kept).
_drawn = attrgetter("text", "sort_value", "tone", "other_year", "suspect")


def _changed_columns(old: ProfileTable, new: ProfileTable) -> list[tuple[int, int]]:
    """(first, last) runs of the columns whose cells are drawn or sorted differently
    between two tables of the same shape; every column when the rows are other indicators
    (their roles differ too)."""
    count = len(new.columns)
    if old.indicator_ids != new.indicator_ids or old.search_texts != new.search_texts:
        return [(0, count - 1)]
    runs: list[tuple[int, int]] = []
    for column in range(count):
        if any(_drawn(a[column]) != _drawn(b[column])
               for a, b in zip(old.rows, new.rows, strict=True)):
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

    def set_dark(self, dark: bool) -> None:
        """Use the colours that read well on a dark (True) or light table background."""
        shade = 1 if dark else 0
        if shade != self._shade:
            self._shade = shade
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
        self._headers = headers
        self._header_tips = header_tips

    @property
    def table(self) -> ProfileTable | None:
        return self._table

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.rows)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.columns)

    def data(self, index: _ANY_INDEX, role: int = _DISPLAY) -> object:
        if role not in _ANSWERED or self._table is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        cell = self._table.rows[row][column]
        if role == _DISPLAY:
            return cell.text
        is_focus = column == self._table.focus_column
        if role == _ALIGNMENT:
            return _ALIGN_LEFT if column == 0 else _ALIGN_RIGHT
        if role == _FONT:
            if cell.other_year or cell.suspect:  # stale or suspect: italic, with its reason
                return self._italic
            return self._bold if is_focus else None
        if role == _FOREGROUND:
            if cell.other_year or cell.suspect:
                return _OTHER_YEAR[self._shade]
            if cell.tone == BETTER and (is_focus or self._is_gap(column)):
                return _BETTER[self._shade]
            if cell.tone == WORSE and (is_focus or self._is_gap(column)):
                return _WORSE[self._shade]
            return None
        if role == _BACKGROUND:
            return _FOCUS_BACKGROUND[self._shade] if is_focus else None
        if role == _TOOLTIP:
            return cell.tooltip or None
        if role == SORT_ROLE:
            return cell.sort_value if cell.sort_value is not None else float("-inf")
        if role == INDICATOR_ROLE:
            return self._table.indicator_ids[row]
        if role == FILTER_ROLE:
            texts = self._table.search_texts
            return texts[row] if texts else cell.text
        return is_focus  # FOCUS_ROLE

    def _is_gap(self, column: int) -> bool:
        """Columns about the focus city alone, coloured by `higher_is_better`."""
        return self._table is not None and self._table.columns[column].key in (
            "gap", "index", "change", "cagr")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section] or None
        if role == Qt.ItemDataRole.FontRole and self._table and (
            section == self._table.focus_column
        ):
            return self._bold
        return None
