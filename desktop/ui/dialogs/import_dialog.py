"""Import a spreadsheet: choose sheet, encoding, delimiter, decimal separator, header rows,
layout and column roles, see the file and the normalised result, then import. The reader's
choices show what was detected. Reading runs in a worker with progress and Cancel; every
change of a choice re-reads in the background and cancels the previous read.

Given the dataset, the dialog also compares the import with it (in the same worker): when
imported values differ from the data for the same city and year, it lists them before and
after and offers the choice "Keep as a separate series" (the default: the data stays as it
is) or "Replace the bundled values".

The dialog returns the outcome, the recipe and that choice; it never changes the window or the
dataset.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.catalog import CityLookup, Source
from desktop.core.dataset import Dataset
from desktop.importers.merge import MergeSummary, merge_import
from desktop.importers.merge_text import conflict_cities, conflict_rows, ui_text
from desktop.importers.model import LAYOUTS, ImportRejectedError, ReadOptions
from desktop.importers.recipe import Recipe, RecipeError, load_recipe, save_recipe
from desktop.importers.report_text import report_text
from desktop.importers.run import ImportOutcome, import_file
from desktop.ui.tasks import TaskRunner

PREVIEW_ROWS = 300
#: How many differing keys the "Compared with the data" tab lists (the largest first).
CONFLICT_ROWS = 2000
#: The id of the throw-away source the comparison merges under (never kept).
_PREVIEW_SOURCE = "import-preview"
_HEADER_BRUSH = QBrush(QColor(214, 230, 250))
_SKIPPED_BRUSH = QBrush(QColor(238, 238, 238))
_SKIPPED_TEXT = QBrush(QColor(130, 130, 130))
#: Column roles: the code the recipe stores, and the name shown (translated when shown).
ROLES = ("city", "indicator", "year", "value", "unit", "ignore")
ROLE_NAMES = {
    "city": QT_TRANSLATE_NOOP("ImportDialog", "city"),
    "indicator": QT_TRANSLATE_NOOP("ImportDialog", "indicator"),
    "year": QT_TRANSLATE_NOOP("ImportDialog", "year"),
    "value": QT_TRANSLATE_NOOP("ImportDialog", "value"),
    "unit": QT_TRANSLATE_NOOP("ImportDialog", "unit"),
    "ignore": QT_TRANSLATE_NOOP("ImportDialog", "ignore"),
}
ENCODINGS = ("utf-8", "gb18030", "utf-16", "big5", "latin-1")
DELIMITERS = ((",", QT_TRANSLATE_NOOP("ImportDialog", "comma ,")),
              (";", QT_TRANSLATE_NOOP("ImportDialog", "semicolon ;")),
              ("\t", QT_TRANSLATE_NOOP("ImportDialog", "tab")),
              ("|", QT_TRANSLATE_NOOP("ImportDialog", "bar |")))
#: Decimal separators; the numbers parser takes the other mark (and spaces) as the thousands
#: separator: '1,234.5' with '.', '1.234,5' with ','.
DECIMALS = ((".", QT_TRANSLATE_NOOP("ImportDialog", "point . (thousands , or space)")),
            (",", QT_TRANSLATE_NOOP("ImportDialog", "comma , (thousands . or space)")))


class _RowsModel(QAbstractTableModel):
    """A read-only grid of already-formatted strings, with its own row labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._columns: list[str] = []
        self._row_labels: list[str] = []
        self._row_kinds: list[str] = []

    def set_rows(self, rows: list[list[str]], columns: list[str], row_labels: list[str],
                 row_kinds: list[str] | None = None) -> None:
        """`row_kinds`: 'header', 'skipped' or 'data' per row, shown as colours."""
        self.beginResetModel()
        self._rows, self._columns, self._row_labels = rows, columns, row_labels
        self._row_kinds = row_kinds or []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        kind = self._row_kinds[index.row()] if index.row() < len(self._row_kinds) else "data"
        if role == Qt.ItemDataRole.BackgroundRole and kind != "data":
            return _HEADER_BRUSH if kind == "header" else _SKIPPED_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and kind == "skipped":
            return _SKIPPED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and kind != "data":
            return {"header": self.tr("Header row"),
                    "skipped": self.tr("Not data: title, note or repeated header")}[kind]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section] if section < len(self._columns) else None
        return self._row_labels[section] if section < len(self._row_labels) else None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def compare_with(dataset: Dataset, outcome: ImportOutcome) -> MergeSummary | None:
    """What merging the import into `dataset` would do (nothing is kept): which values it
    has for keys the data already has, and which differ. None for an empty import."""
    if outcome.frame.empty:
        return None
    source_id = _PREVIEW_SOURCE
    while source_id in dataset.sources:
        source_id += "+"
    source = Source(id=source_id, file=outcome.report.file, publisher="", title="")
    return merge_import(dataset, outcome.frame, source)[1]


class ImportDialog(QDialog):
    def __init__(self, path: Path, lookup: CityLookup | None,
                 parent: QWidget | None = None, recipe: Recipe | None = None,
                 lang: str = "en", dataset: Dataset | None = None) -> None:
        super().__init__(parent)
        self._lang = lang  # of the import report's text
        self._dataset = dataset  # to compare the import with; None: no comparison
        self._comparison: MergeSummary | None = None
        self.setWindowTitle(self.tr("Import {0}").format(path.name))
        self.resize(1100, 760)
        self.path = path
        self._lookup = lookup
        self._recipe = recipe or Recipe()
        self._outcome: ImportOutcome | None = None
        self._outcome_recipe: Recipe | None = None
        self._import_when_done = False
        self._runner = TaskRunner(self)
        self._runner.sig_progress_changed.connect(self._on_progress)
        self._runner.sig_finished.connect(self._on_finished)
        self._runner.sig_failed.connect(self._on_failed)
        self._runner.sig_cancelled.connect(self._on_cancelled)

        self.sheet_box = QComboBox()
        self.sheet_box.setAccessibleName(self.tr("Sheet"))
        self.encoding_box = QComboBox()
        self.encoding_box.setAccessibleName(self.tr("Encoding"))
        self.encoding_box.addItem(self.tr("Detect"), None)
        for encoding in ENCODINGS:
            self.encoding_box.addItem(encoding, encoding)
        self.delimiter_box = QComboBox()
        self.delimiter_box.setAccessibleName(self.tr("Delimiter"))
        self.delimiter_box.addItem(self.tr("Detect"), None)
        for delimiter, label in DELIMITERS:
            self.delimiter_box.addItem(QCoreApplication.translate("ImportDialog", label),
                                       delimiter)
        self.decimal_box = QComboBox()
        self.decimal_box.setAccessibleName(self.tr("Decimal separator"))
        self.decimal_box.addItem(self.tr("Detect"), None)
        for mark, label in DECIMALS:
            self.decimal_box.addItem(QCoreApplication.translate("ImportDialog", label), mark)
        self.decimal_box.setToolTip(self.tr(
            "The mark before the decimals in text files; the other mark and spaces are read "
            "as thousands separators"))
        self.layout_box = QComboBox()
        self.layout_box.setAccessibleName(self.tr("Layout"))
        self.layout_box.addItem(self.tr("Detect"), None)
        layout_names = {
            "long": self.tr("Long: a row per city, indicator and year (time goes down)"),
            "wide_years": self.tr("Wide by year: years as columns (time goes right)"),
            "wide_indicators": self.tr("Wide by indicator: a column per indicator"),
            "sdmx": self.tr("SDMX-CSV (OECD, Eurostat API)"),
            "eurostat": self.tr("Eurostat bulk TSV"),
        }
        for layout in LAYOUTS:
            self.layout_box.addItem(layout_names.get(layout, layout), layout)
        self.header_start = QSpinBox()
        self.header_start.setRange(0, 1_000_000)
        self.header_start.setSpecialValueText(self.tr("Detect"))
        self.header_start.setToolTip(self.tr("Source row where the header starts"))
        self.header_start.setAccessibleName(self.tr("Header starts at row"))
        self.header_count = QSpinBox()
        self.header_count.setAccessibleName(self.tr("Number of header rows"))
        self.header_count.setRange(1, 10)
        self.header_count.setSuffix(self.tr(" row(s)"))
        self.year_box = QSpinBox()
        self.year_box.setRange(1899, 2100)
        self.year_box.setSpecialValueText(self.tr("From the table"))
        self.year_box.setValue(1899)
        self.year_box.setAccessibleName(self.tr("Year of the table"))
        self.year_box.setToolTip(self.tr(
            "For a table without a year column, such as a yearbook table: the year it covers"))
        self.city_edit = QLineEdit()
        self.city_edit.setPlaceholderText(self.tr("From the table"))
        self.city_edit.setToolTip(self.tr("For a table without a city column: the city"))
        self.city_edit.setAccessibleName(self.tr("City of the table"))

        choices = QFormLayout()
        choices.addRow(self.tr("Sheet"), self.sheet_box)
        choices.addRow(self.tr("Encoding"), self.encoding_box)
        choices.addRow(self.tr("Delimiter"), self.delimiter_box)
        choices.addRow(self.tr("Decimal separator"), self.decimal_box)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header_start)
        header_row.addWidget(self.header_count)
        choices.addRow(self.tr("Header starts at row"), header_row)
        choices.addRow(self.tr("Layout"), self.layout_box)
        choices.addRow(self.tr("Year of the table"), self.year_box)
        choices.addRow(self.tr("City of the table"), self.city_edit)

        self.roles_table = QTableWidget(0, 2)
        self.roles_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Role")])
        self.roles_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.roles_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.roles_table.verticalHeader().setVisible(False)
        self.roles_table.setAccessibleName(self.tr("Column roles"))
        left = QVBoxLayout()
        left.addLayout(choices)
        roles_label = QLabel(self.tr("Column roles"))
        roles_label.setBuddy(self.roles_table)
        left.addWidget(roles_label)
        left.addWidget(self.roles_table, 1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMaximumWidth(420)

        self.file_model = _RowsModel(self)
        self.result_model = _RowsModel(self)
        self.file_view = QTableView()
        self.file_view.setModel(self.file_model)
        self.file_view.setAccessibleName(self.tr("File preview"))
        self.result_view = QTableView()
        self.result_view.setModel(self.result_model)
        self.result_view.setAccessibleName(self.tr("Result preview"))
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setAccessibleName(self.tr("Import report"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.file_view, self.tr("File"))
        self.tabs.addTab(self.result_view, self.tr("Result"))
        self.tabs.addTab(self.report_view, self.tr("Report"))
        self.conflicts_table = QTableWidget(0, 8)
        self.conflicts_table.setHorizontalHeaderLabels(ui_text("columns", lang).split("|"))
        self.conflicts_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts_table.verticalHeader().setVisible(False)
        self.conflicts_table.setAccessibleName(ui_text("tab", lang))
        if dataset is not None:
            self.tabs.addTab(self.conflicts_table, ui_text("tab", lang))

        self.merge_box = QGroupBox(ui_text("group", lang))
        self.merge_note = QLabel()
        self.merge_note.setWordWrap(True)
        # a wrapped label gets one line's height in this layout: room for three
        self.merge_note.setMinimumHeight(self.merge_note.fontMetrics().lineSpacing() * 3 + 4)
        self.keep_button = QRadioButton(ui_text("keep", lang))
        self.replace_button = QRadioButton(ui_text("replace", lang))
        self.keep_button.setChecked(True)
        self._merge_choice = QButtonGroup(self)
        for button in (self.keep_button, self.replace_button):
            self._merge_choice.addButton(button)
            button.setEnabled(False)
        merge_layout = QVBoxLayout(self.merge_box)
        merge_layout.addWidget(self.merge_note)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.keep_button)
        choice_row.addWidget(self.replace_button)
        choice_row.addStretch(1)
        merge_layout.addLayout(choice_row)
        self.merge_box.setVisible(dataset is not None)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Import summary"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Reading progress"))
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.stop_button = QPushButton(self.tr("Stop reading"))
        self.stop_button.clicked.connect(lambda: self._runner.cancel())

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        load_button = self.buttons.addButton(self.tr("Load recipe…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        save_button = self.buttons.addButton(self.tr("Save recipe…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        load_button.clicked.connect(self._load_recipe)
        save_button.clicked.connect(self._save_recipe)
        self.buttons.accepted.connect(self._on_import_clicked)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(left_widget)
        body.addWidget(self.tabs, 1)
        status = QHBoxLayout()
        status.addWidget(self.progress, 1)
        status.addWidget(self.stop_button)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(self.merge_box)
        outer.addWidget(self.summary)
        outer.addLayout(status)
        outer.addWidget(self.buttons)

        self._fill_sheets()
        self._show_recipe(self._recipe)
        for box in (self.sheet_box, self.encoding_box, self.delimiter_box, self.decimal_box,
                    self.layout_box):
            box.activated.connect(self._choices_changed)
        self.header_start.editingFinished.connect(self._choices_changed)
        self.year_box.editingFinished.connect(self._choices_changed)
        self.city_edit.editingFinished.connect(self._choices_changed)
        self.header_count.editingFinished.connect(self._choices_changed)
        self._read()

    # --- results for the caller -------------------------------------------------------------
    @property
    def outcome(self) -> ImportOutcome | None:
        return self._outcome

    @property
    def recipe(self) -> Recipe:
        return self._recipe

    @property
    def replace_bundled(self) -> bool:
        """The user chose "Replace the bundled values" (never the default)."""
        return self.replace_button.isChecked()

    @property
    def comparison(self) -> MergeSummary | None:
        """What merging the current outcome would do to the data (None: not compared)."""
        return self._comparison

    # --- choices ----------------------------------------------------------------------------
    def _fill_sheets(self) -> None:
        from desktop.importers.readers import list_sheets

        self.sheet_box.addItem(self.tr("All visible sheets"), None)
        try:
            sheets = list_sheets(self.path)
        except ImportRejectedError:
            sheets = []  # the read below reports why, in the summary line
        for sheet in sheets:
            if not sheet.name:
                continue
            label = sheet.name + (self.tr(" (hidden)") if sheet.hidden else "")
            self.sheet_box.addItem(label, sheet.name)
        self.sheet_box.setEnabled(self.sheet_box.count() > 1)

    def _show_recipe(self, recipe: Recipe) -> None:
        for box, value in ((self.sheet_box, recipe.read.sheet),
                           (self.encoding_box, recipe.read.encoding),
                           (self.delimiter_box, recipe.read.delimiter),
                           (self.decimal_box, recipe.read.decimal),
                           (self.layout_box, recipe.table.layout)):
            index = box.findData(value)
            box.setCurrentIndex(max(index, 0))
        self.year_box.setValue(recipe.table.year or self.year_box.minimum())
        self.city_edit.setText(recipe.table.city or "")

    def _recipe_from_choices(self) -> Recipe:
        read = ReadOptions(
            sheet=self.sheet_box.currentData(),
            encoding=self.encoding_box.currentData(),
            delimiter=self.delimiter_box.currentData(),
            decimal=self.decimal_box.currentData(),
            include_hidden_sheets=self._recipe.read.include_hidden_sheets,
        )
        header_rows = None
        grid = self._outcome.grids[0] if self._outcome and self._outcome.grids else None
        start = self.header_start.value()
        if start and grid is not None and start in grid.row_numbers:
            first = grid.row_numbers.index(start)
            header_rows = tuple(range(first, first + self.header_count.value()))
        roles = self._roles_from_table()
        year = self.year_box.value() if self.year_box.value() > self.year_box.minimum() else None
        table = replace(self._recipe.table, layout=self.layout_box.currentData(),
                        header_rows=header_rows, roles=roles or self._recipe.table.roles,
                        year=year, city=self.city_edit.text().strip() or None)
        return Recipe(read, table)

    def _roles_from_table(self) -> dict[str, str] | None:
        roles: dict[str, str] = {}
        changed = False
        for row in range(self.roles_table.rowCount()):
            header = self.roles_table.item(row, 0)
            box = self.roles_table.cellWidget(row, 1)
            if header is None or not isinstance(box, QComboBox):
                continue
            role = box.currentData()
            roles[header.text()] = role
            changed = changed or box.property("detected") != role
        return roles if changed else None

    def _choices_changed(self, *_args: object) -> None:
        self._recipe = self._recipe_from_choices()
        self._read()

    # --- background reading -----------------------------------------------------------------
    def _read(self) -> None:
        path, recipe, lookup, dataset = self.path, self._recipe, self._lookup, self._dataset
        self._outcome = None
        self._comparison = None
        self.import_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setValue(0)
        self.summary.setText(self.tr("Reading {0}…").format(path.name))
        if dataset is not None:
            self.merge_note.setText(ui_text("checking", self._lang))

        def read(progress: object) -> tuple[Recipe, ImportOutcome, MergeSummary | None]:
            outcome = import_file(path, recipe, lookup, progress)
            return recipe, outcome, compare_with(dataset, outcome) if dataset else None

        self._runner.start(read)

    def _on_progress(self, fraction: float, _message: str) -> None:
        self.progress.setValue(int(fraction * 1000))

    def _on_finished(self, result: object) -> None:
        recipe, outcome, comparison = result
        self._outcome, self._outcome_recipe = outcome, recipe
        self._comparison = comparison
        self.stop_button.setEnabled(False)
        self.progress.setValue(1000)
        self._show_outcome(outcome)
        self._show_comparison(comparison)
        report = outcome.report
        self.import_button.setEnabled(report.rows_imported > 0)
        if self._import_when_done and report.rows_imported > 0:
            self.accept()

    def _on_failed(self, error: object) -> None:
        self.stop_button.setEnabled(False)
        self.progress.setValue(0)
        self._import_when_done = False
        if isinstance(error, ImportRejectedError):
            from desktop.importers.report_text import issue_line

            text = issue_line(error.issue, self._lang)
        else:
            text = self.tr("Could not read {0}: {1}").format(self.path.name, error)
        self.summary.setText(text)
        self.report_view.setPlainText(text)
        self.tabs.setCurrentWidget(self.report_view)

    def _on_cancelled(self) -> None:
        self.stop_button.setEnabled(False)
        self._import_when_done = False
        self.summary.setText(self.tr("Reading stopped. Change a choice to read again."))

    def _show_outcome(self, outcome: ImportOutcome) -> None:
        report = outcome.report
        if outcome.grids:
            grid = outcome.grids[0]
            rows = [[_cell_text(v) for v in r] for r in grid.rows[:PREVIEW_ROWS]]
            from desktop.importers.model import column_letter

            plan = outcome.plans[0] if outcome.plans else None
            headers = set(getattr(plan, "header_rows", ()))
            skipped = set(getattr(plan, "metadata_rows", ())) | set(
                getattr(plan, "footer_rows", ()))
            kinds = ["header" if i in headers else "skipped" if i in skipped else "data"
                     for i in range(len(rows))]
            self.file_model.set_rows(rows, [column_letter(i) for i in range(grid.width)],
                                     [str(n) for n in grid.row_numbers[:PREVIEW_ROWS]], kinds)
        frame = outcome.frame.head(PREVIEW_ROWS)
        self.result_model.set_rows(
            [[_cell_text(v) for v in row] for row in frame.itertuples(index=False)],
            [str(c) for c in frame.columns],
            [str(i + 1) for i in range(len(frame))],
        )
        self.report_view.setPlainText(report_text(report, self._lang))
        self.summary.setText(
            self.tr("{0} values from {1} rows · {2} cities ({3} new) · {4} indicators · "
                    "{5} warnings · {6} errors").format(
                f"{report.rows_imported:,}", f"{report.rows_read:,}", len(report.cities),
                len(report.cities_new), len(report.indicators), len(report.warnings),
                len(report.errors))
        )
        if report.header_rows:
            self.header_start.setValue(report.header_rows[0])
            self.header_count.setValue(len(report.header_rows))
        self._show_detected(outcome)
        plan = outcome.plans[0] if outcome.plans else None
        self._show_roles(getattr(plan, "roles", None) or {})
        layout_index = self.layout_box.findData(report.layout or None)
        if self._recipe.table.layout is None:
            self.layout_box.setToolTip(self.tr("Detected: {0}").format(report.layout))
        elif layout_index >= 0:
            self.layout_box.setCurrentIndex(layout_index)

    def _show_comparison(self, comparison: MergeSummary | None) -> None:
        """Say whether the import differs from the data, list the differing keys before and
        after, and offer the choice only when there is one to make."""
        if self._dataset is None:
            return
        lang, dataset = self._lang, self._dataset
        conflicts = comparison.conflicts if comparison is not None else []
        if conflicts:
            note = ui_text("differ", lang, n=f"{len(conflicts):,}",
                           cities=conflict_cities(dataset, comparison, lang))
        elif comparison is not None and comparison.overlaps:
            note = ui_text("equal", lang, n=f"{len(comparison.overlaps):,}")
        else:
            note = ui_text("none", lang)
        self.merge_note.setText(note)
        for button in (self.keep_button, self.replace_button):
            button.setEnabled(bool(conflicts))
        if not conflicts:
            self.keep_button.setChecked(True)
        rows = conflict_rows(dataset, comparison, lang)[:CONFLICT_ROWS] if conflicts else []
        table = self.conflicts_table
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = _read_only_item(text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()

    def _show_detected(self, outcome: ImportOutcome) -> None:
        """What the reader detected, in the 'Detect' entry of each reader choice."""
        grid = outcome.grids[0] if outcome.grids else None
        delimiters = dict(DELIMITERS)
        delimiter = outcome.report.delimiter
        detected = (
            (self.encoding_box, outcome.report.encoding),
            (self.delimiter_box, QCoreApplication.translate("ImportDialog", delimiters[delimiter])
             if delimiter in delimiters else delimiter),
            # numbers in workbooks are numbers: the mark matters only for text files
            (self.decimal_box, grid.decimal if grid is not None and grid.encoding else ""),
        )
        for box, value in detected:
            if box.currentData() is not None:
                continue  # the user's choice was read, not a detected one
            box.setItemText(0, self.tr("Detected: {0}").format(value) if value
                            else self.tr("Detect"))
            box.setItemData(0, self.tr("Detected when the file is read; choose another "
                                       "entry to override it"), Qt.ItemDataRole.ToolTipRole)

    def _show_roles(self, roles: dict[str, str]) -> None:
        self.roles_table.setRowCount(0)
        for header, role in roles.items():
            row = self.roles_table.rowCount()
            self.roles_table.insertRow(row)
            self.roles_table.setItem(row, 0, _read_only_item(header))
            box = QComboBox()
            box.setAccessibleName(self.tr("Role of column {0}").format(header))
            options = list(ROLES)
            if role not in options:
                options.append(role)
            for option in options:
                name = ROLE_NAMES.get(option)
                box.addItem(QCoreApplication.translate("ImportDialog", name) if name else option,
                            option)
            box.setCurrentIndex(options.index(role))
            box.setProperty("detected", role)
            box.activated.connect(self._choices_changed)
            self.roles_table.setCellWidget(row, 1, box)

    # --- buttons ----------------------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        if self._outcome is not None and self._outcome_recipe == self._recipe:
            self.accept()
        else:
            self._import_when_done = True
            self._read()

    def _load_recipe(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Load import recipe"), "",
                                              self.tr("Import recipes (*.json)"))
        if not name:
            return
        try:
            self._recipe = load_recipe(Path(name))
        except RecipeError as error:
            self.summary.setText(f"{error.file}: {error.reason_in(self._lang)}")
            return
        self._show_recipe(self._recipe)
        self._read()

    def _save_recipe(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save import recipe"),
                                              f"{self.path.stem}.recipe.json",
                                              self.tr("Import recipes (*.json)"))
        if name:
            try:
                save_recipe(self._recipe, Path(name))
            except OSError as error:
                self.summary.setText(self.tr("Could not save the recipe: {0}").format(error))

    def reject(self) -> None:
        self._runner.cancel(quiet=True)
        super().reject()


def _read_only_item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item
