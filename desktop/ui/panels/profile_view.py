"""The side-by-side profile table: sortable, filterable, copyable, focus column highlighted."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.ui.models.profile_model import (
    FILTER_ROLE,
    INDICATOR_ROLE,
    SORT_ROLE,
    ProfileTableModel,
)

#: Width of the plain-language column; the full sentence is in its tooltip.
SENTENCE_WIDTH = 420


class ProfileView(QTableView):
    sig_indicator_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile_model = ProfileTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.profile_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.proxy)
        self.setAccessibleName(self.tr("Side-by-side profile"))
        self.setSortingEnabled(False)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Columns are fitted once per new table (resize_columns); a ResizeToContents header
        # would re-measure every cell on each selection change (~25 ms per change).
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.horizontalHeader().setSectionsClickable(True)
        self.horizontalHeader().sectionClicked.connect(self._sort_by)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._filtering = False
        self._fitted_shape: tuple = ()
        self.selectionModel().currentRowChanged.connect(self._on_row_changed)
        QShortcut(QKeySequence.StandardKey.Copy, self, activated=self.copy_table)

    def resize_columns(self) -> None:
        """Fit columns to their contents, then give spare width to the indicator column."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table = self.profile_model.table
        shape = tuple((c.key, c.city_id is not None) for c in table.columns) if table else ()
        if shape == self._fitted_shape:
            return  # same columns as before (e.g. only the focus changed): keep the widths
        self._fitted_shape = shape
        self.resizeColumnsToContents()
        keys = [c.key for c in table.columns] if table else []
        if "sentence" in keys:  # wide: the sentence takes the spare width, the rest fit
            column = keys.index("sentence")
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(column == len(keys) - 1)
            self.setColumnWidth(column, SENTENCE_WIDTH)
        elif self.model().columnCount() > 0:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def set_filter_text(self, text: str) -> None:
        """Show only indicators whose English or Chinese label (or id) contains `text`.

        Filtering moves the current row; that is not the analyst choosing an indicator (and a
        redraw in the middle of the proxy's change would reset the model under it)."""
        self._filtering = True
        try:
            self.proxy.setFilterFixedString(text.strip().casefold())
        finally:
            self._filtering = False

    def _sort_by(self, column: int) -> None:
        """First click sorts descending (largest first), the next ascending, then unsorted."""
        if column != self._sort_column:
            self._sort_column, self._sort_order = column, Qt.SortOrder.DescendingOrder
        elif self._sort_order == Qt.SortOrder.DescendingOrder:
            self._sort_order = Qt.SortOrder.AscendingOrder
        else:
            self._sort_column = -1
        self.proxy.sort(self._sort_column, self._sort_order)
        self.horizontalHeader().setSortIndicatorShown(self._sort_column >= 0)
        self.horizontalHeader().setSortIndicator(self._sort_column, self._sort_order)

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filtering:
            indicator_id = current.data(INDICATOR_ROLE)
            if indicator_id:
                self.sig_indicator_chosen.emit(indicator_id)

    def select_indicator(self, indicator_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(INDICATOR_ROLE) == indicator_id:
                if self.currentIndex().row() != row:
                    self.blockSignals(True)
                    self.selectionModel().blockSignals(True)
                    self.setCurrentIndex(index)
                    self.selectRow(row)
                    self.selectionModel().blockSignals(False)
                    self.blockSignals(False)
                return

    def table_text(self) -> str:
        """The visible table as tab-separated text (headers first), for the clipboard."""
        model = self.proxy
        lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                           for c in range(model.columnCount()))]
        for row in range(model.rowCount()):
            lines.append("\t".join(str(model.index(row, c).data() or "")
                                   for c in range(model.columnCount())))
        return "\n".join(lines)

    def copy_table(self) -> None:
        QGuiApplication.clipboard().setText(self.table_text())
