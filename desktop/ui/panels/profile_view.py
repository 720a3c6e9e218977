"""The side-by-side profile table: sortable, filterable, copyable, focus column highlighted."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from desktop.analysis.profile_table import Column
from desktop.ui.models.profile_model import (
    FILTER_ROLE,
    INDICATOR_ROLE,
    SORT_ROLE,
    ProfileTableModel,
)
from desktop.ui.panels.profile_delegate import ProfileCellDelegate
from desktop.ui.panels.profile_painter import can_paint, paint_cells

#: Width of the plain-language column; the full sentence is in its tooltip.
SENTENCE_WIDTH = 420
#: The narrowest the indicator and unit columns get in a narrow window (_fit_to_viewport).
INDICATOR_MIN_WIDTH, UNIT_MIN_WIDTH = 190, 60


def unshaped(font: QFont) -> QFont:
    """`font`, telling Qt to skip text shaping where a script does not need it (Latin digits
    and words, Chinese): each repaint lays out every visible cell's text again, and shaping
    was about a sixth of a table repaint (34 -> 29 ms CPU for a 10-city detailed table).
    Kerning is the one thing it drops; the font still follows the window's otherwise."""
    font = QFont(font)
    font.setStyleStrategy(font.styleStrategy() | QFont.StyleStrategy.PreferNoShaping)
    return font


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
        self.cell_delegate = ProfileCellDelegate(self.proxy, self.profile_model, self)
        self.setItemDelegate(self.cell_delegate)
        self.setFont(unshaped(self.font()))
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
        self._sorted_by: Column | None = None  # the column sorted by, to follow its moves
        self._filtering = False
        self._charted: str | None = None  # the indicator the chart shows (the highlight's)
        self._fitted_shape: tuple = ()
        self._forget_widths()
        self.selectionModel().currentRowChanged.connect(self._on_row_changed)
        # Ctrl+C is the window's "Copy table" action: a second shortcut here would make the
        # key ambiguous, and Qt then runs neither.
        self.frozen = _FrozenIndicatorColumn(self)

    #: Paint the cells in one pass (profile_painter) rather than one delegate call a cell;
    #: False draws through QTableView's own paintEvent (the tests compare the two).
    own_painting = True

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.own_painting or not can_paint(self):
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        try:
            paint_cells(self, painter, event.region())
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_viewport()
        self.frozen.fit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if dx:
            self.frozen.fit()

    def retranslate(self) -> None:
        """After a language switch: its name, and the columns fitted again to the new
        headings and texts when the table is next shown."""
        self.setAccessibleName(self.tr("Side-by-side profile"))
        self._fitted_shape = None

    def resize_columns(self) -> None:
        """Fit columns to their contents, then give spare width to the indicator column."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table = self.profile_model.table
        shape = tuple((c.key, c.city_id is not None) for c in table.columns) if table else ()
        if shape == self._fitted_shape:
            return  # same columns as before (e.g. only the focus changed): keep the widths
        self._fitted_shape = shape
        self._follow_sorted_column()
        # The header keeps quiet while the columns are fitted: each section it announces
        # resized makes the view start a timer that repaints the table once more in the
        # next event pass (after the change was painted: a second full table paint per
        # change). The view's geometry and the frozen column follow once, here.
        header.blockSignals(True)
        try:
            self.fit_columns()
            keys = [c.key for c in table.columns] if table else []
            if "sentence" in keys:  # wide: the sentence takes the spare width, the rest fit
                column = keys.index("sentence")
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.setStretchLastSection(column == len(keys) - 1)
                header.resizeSection(column, SENTENCE_WIDTH)
            elif self.model().columnCount() > 0:
                header.setStretchLastSection(False)
                header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            self._fit_to_viewport()
        finally:
            header.blockSignals(False)
        self.updateGeometries()
        self.viewport().update()
        self.frozen.fit()

    def _fit_to_viewport(self) -> None:
        """In a narrow window (1024 px) the indicator and unit columns give up width, their
        texts elided, so that the focus city, the peers, median, gap and rank are on screen
        (at their full width they pushed the focus city's numbers off the edge); in a wide
        window they keep their whole texts."""
        table = self.profile_model.table
        header = self.horizontalHeader()
        if (table is None or len(self._natural) < 2 or header.count() < 2
                or header.sectionResizeMode(0) != QHeaderView.ResizeMode.Interactive):
            return
        keys = [c.key for c in table.columns]
        end = keys.index("rank") + 1 if "rank" in keys else len(keys)
        others = sum(self.columnWidth(c) for c in range(2, end))
        deficit = max(self._natural[0] + self._natural[1] + others
                      - self.viewport().width(), 0)
        indicator = max(min(INDICATOR_MIN_WIDTH, self._natural[0]), self._natural[0] - deficit)
        deficit -= self._natural[0] - indicator
        unit = max(min(UNIT_MIN_WIDTH, self._natural[1]), self._natural[1] - deficit)
        for column, width in ((0, indicator), (1, unit)):
            if self.columnWidth(column) != width:
                header.resizeSection(column, width)

    def fit_columns(self) -> None:
        """Each column as wide as its widest text or its heading (what resizeColumnsToContents
        gives), measured from the table's strings: Qt's own fitting asks the model for ten
        roles of every visible cell through the proxy (~20 ms for a 10-city detailed table).
        Widths of texts and headings are remembered until the font or style changes. The
        sentence column is left to resize_columns (it has a fixed width)."""
        table = self.profile_model.table
        if table is None:
            return
        if len(self._text_widths) > 20_000:
            self._text_widths.clear()
        if not self._fonts:
            plain = self.font()
            bold, italic = QFont(plain), QFont(plain)
            bold.setBold(True)
            italic.setItalic(True)
            self._fonts = [QFontMetricsF(plain), QFontMetricsF(bold), QFontMetricsF(italic)]
            self._margin = 2 * (self.style().pixelMetric(
                QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + (
                1 if self.showGrid() else 0)
        if len(self._column_widths) > 2_000:
            self._column_widths.clear()
        fonts, known, columns_known = self._fonts, self._text_widths, self._column_widths
        header = self.horizontalHeader()
        sorted_column = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
        for column, spec in enumerate(table.columns):
            if spec.key == "sentence":
                continue
            bold = column == table.focus_column
            # A column whose texts were fitted before (a city's values under another peer
            # set, the focus city's details) has the same width: its texts (a stale one
            # marked, it is italic) look it up at once instead of text by text.
            cells = [row[column] for row in table.rows]
            texts = (bold, tuple([f"\0{cell.text}" if cell.other_year else cell.text
                                  for cell in cells]))
            widest = columns_known.get(texts)
            if widest is None:
                widest = 0
                for cell in cells:
                    key = (2 if cell.other_year else int(bold), cell.text)
                    width = known.get(key)
                    if width is None:
                        width = known[key] = math.ceil(
                            fonts[key[0]].horizontalAdvance(cell.text))
                    if width > widest:
                        widest = width
                columns_known[texts] = widest
            title = (self.profile_model.headerData(column, Qt.Orientation.Horizontal), bold,
                     column == sorted_column)
            heading = self._heading_widths.get(title)
            if heading is None:
                heading = self._heading_widths[title] = header.sectionSizeHint(column)
            header.resizeSection(column, max(widest + self._margin, heading))
            if column < 2:  # the indicator and unit: what _fit_to_viewport may narrow
                self._natural[column] = max(widest + self._margin, heading)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_widths()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.PaletteChange):
            self.cell_delegate.forget()
        super().changeEvent(event)

    def _forget_widths(self) -> None:
        self._natural: dict[int, int] = {}  # the indicator's and unit's fitted widths
        self._fonts: list[QFontMetricsF] = []
        self._margin = 0
        self._text_widths: dict[tuple[int, str], int] = {}
        self._column_widths: dict[tuple, int] = {}  # by (bold, the column's texts)
        self._heading_widths: dict[tuple, int] = {}

    def set_filter_text(self, text: str) -> None:
        """Show only indicators whose English or Chinese label (or id) contains `text`.

        Filtering moves the current row; that is not the analyst choosing an indicator (and a
        redraw in the middle of the proxy's change would reset the model under it)."""
        charted = self._charted
        self._filtering = True
        try:
            self.proxy.setFilterFixedString(text.strip().casefold())
            # the highlighted row stays the charted indicator's, or none when it is filtered
            # out (Qt would move the highlight to another row the chart does not show)
            self.selectionModel().blockSignals(True)
            self.selectionModel().clear()
            self.selectionModel().blockSignals(False)
            if charted:
                self.select_indicator(charted)
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
        self._sort()

    def _sort(self) -> None:
        table = self.profile_model.table
        column = self._sort_column
        self._sorted_by = table.columns[column] if table and 0 <= column < len(
            table.columns) else None
        self.proxy.sort(column, self._sort_order)
        self.horizontalHeader().setSortIndicatorShown(column >= 0)
        self.horizontalHeader().setSortIndicator(column, self._sort_order)

    def _follow_sorted_column(self) -> None:
        """After the columns changed (another number of peers), sort by the same column
        (e.g. the rank, or a city still shown) at its new place, or not at all."""
        table = self.profile_model.table
        if self._sort_column < 0 or table is None:
            return
        found = [i for i, c in enumerate(table.columns) if c == self._sorted_by]
        column = found[0] if found else -1
        if column != self._sort_column:
            self._sort_column = column
            self._sort()

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filtering:
            indicator_id = current.data(INDICATOR_ROLE)
            if indicator_id:
                self._charted = indicator_id
                self.sig_indicator_chosen.emit(indicator_id)

    def select_indicator(self, indicator_id: str) -> None:
        self._charted = indicator_id
        table = self.profile_model.table
        if table is None or indicator_id not in table.indicator_ids:
            return
        source = self.profile_model.index(table.indicator_ids.index(indicator_id), 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():  # filtered out
            return
        row = index.row()
        previous = self.currentIndex().row()
        if previous != row:
            self.blockSignals(True)
            self.selectionModel().blockSignals(True)
            self.setCurrentIndex(index)
            self.selectRow(row)
            self.selectionModel().blockSignals(False)
            self.blockSignals(False)
            # with the selection's signals held, the views do not hear of the change: the
            # rows that lose and gain the highlight are repainted here (only those)
            self._repaint_rows(previous, row)

    def _repaint_rows(self, *rows: int) -> None:
        for view in (self, self.frozen):
            width = view.viewport().width()
            for row in rows:
                if row >= 0:
                    view.viewport().update(
                        QRect(0, view.rowViewportPosition(row), width, view.rowHeight(row)))

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


class _FrozenIndicatorColumn(QTableView):
    """The Indicator column drawn over the table's first column, so that it stays in view when
    the value and detail columns scroll sideways (Qt's "frozen column" pattern): the same model
    and selection, its own vertical scrolling kept in step with the table's."""

    def __init__(self, table: ProfileView) -> None:
        super().__init__(table)
        self._table = table
        self.setModel(table.model())
        self.setItemDelegate(table.cell_delegate)  # drawn as the table's own first column
        self.setSelectionModel(table.selectionModel())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionsClickable(True)
        self.horizontalHeader().sectionClicked.connect(table.horizontalHeader().sectionClicked)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(table.verticalScrollMode())
        self.setStyleSheet("QTableView { border: none; }")
        table.viewport().stackUnder(self)
        table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        for signal in (table.model().modelReset, table.model().columnsInserted,
                       table.model().columnsRemoved, table.model().layoutChanged):
            signal.connect(self._hide_value_columns)
        self._hide_value_columns()

    def _hide_value_columns(self, *_args: object) -> None:
        for column in range(1, self.model().columnCount()):
            self.setColumnHidden(column, True)
        self.fit()

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self.fit()

    def fit(self) -> None:
        """Lie exactly over the table's first column (header included); shown only while the
        table is scrolled sideways, when that column would otherwise leave the view."""
        table = self._table
        self.setColumnWidth(0, table.columnWidth(0))
        self.horizontalHeader().setFixedHeight(table.horizontalHeader().height())
        frame = table.frameWidth()
        self.setGeometry(frame, frame, table.columnWidth(0) + 1,
                         table.viewport().height() + table.horizontalHeader().height())
        header = table.horizontalHeader()
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == 0:
            self.horizontalHeader().setSortIndicatorShown(True)
            self.horizontalHeader().setSortIndicator(0, header.sortIndicatorOrder())
        else:
            self.horizontalHeader().setSortIndicatorShown(False)
        self.setVisible(table.horizontalScrollBar().value() > 0)
