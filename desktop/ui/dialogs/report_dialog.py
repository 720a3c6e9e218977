"""Choose what a profile report holds, then preview, print or save it (PDF or HTML).

Generation runs in two stages so the window never freezes and Cancel always works:
1. the document (comparisons, sentences, tables, chart descriptions) is built by plain Python in
   a TaskRunner worker thread;
2. charts are pyqtgraph scenes, which live on the GUI thread only: ChartBatch renders one chart
   per event-loop turn, checking Cancel between charts. Page layout and output follow.
The dialog returns its choices as ReportOptions (sig_options_changed) for the session to keep;
it never reaches into its parent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.comparison import available_indicators
from desktop.core.dataset import Dataset
from desktop.core.storage import write_atomically
from desktop.report.build import build_report
from desktop.report.html import render_html
from desktop.report.model import LATEST_EACH, SECTIONS, ReportDocument, ReportOptions
from desktop.text.phrases import SECTION_NAMES, category_name
from desktop.ui.printing import chart_sizer, page_layout, pdf_bytes, print_report
from desktop.ui.report_charts import ChartBatch, ChartRenderer
from desktop.ui.tasks import TaskRunner

BUILD_SHARE = 0.3  # of the progress bar: building the document in the worker
CHART_SHARE = 0.65  # rendering charts on the GUI thread; the rest is layout and output


class ReportDialog(QDialog):
    sig_options_changed = Signal(object)  # ReportOptions, whenever a report is generated
    sig_report_written = Signal(str)  # path of a saved PDF or HTML file
    sig_printed = Signal(int)  # pages sent to a printer (or a PDF file through a printer)
    sig_failed = Signal(str)
    sig_cancelled = Signal()

    def __init__(self, dataset: Dataset, options: ReportOptions,
                 parent: QWidget | None = None, ui_lang: str = "en") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print profile report"))
        self._ui_lang = ui_lang
        self._dataset = dataset
        self._options = options
        self._runner = TaskRunner(self)
        self._runner.sig_progress_changed.connect(
            lambda fraction, _message: self._show_progress(fraction * BUILD_SHARE))
        self._runner.sig_finished.connect(self._on_document)
        self._runner.sig_failed.connect(self._on_failed)
        self._runner.sig_cancelled.connect(self._on_cancelled)
        self._batch: ChartBatch | None = None
        self._renderer: ChartRenderer | None = None
        self._then: Callable[[ReportDocument, dict[str, str]], None] | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.preview_pages = 0  # pages the open preview painted (0 before it painted)
        self._print_printer: QPrinter | None = None
        self._build_ui()
        self._load(options)

    # --- widgets ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.section_boxes: dict[str, QCheckBox] = {}
        sections = QGroupBox(self.tr("Sections"))
        section_layout = QVBoxLayout(sections)
        titles = {
            "cover": self.tr("Cover page"), "contents": self.tr("Table of contents"),
            "summary": self.tr("Summary with comparisons"),
            "categories": self.tr("Indicator sections with charts"),
            "notes": self.tr("Notes: sources, definitions, series breaks"),
            "appendix": self.tr("Appendix: full data table"),
        }
        for key in SECTIONS:
            box = QCheckBox(titles.get(key, SECTION_NAMES[key]))
            self.section_boxes[key] = box
            section_layout.addWidget(box)

        charts = QGroupBox(self.tr("Charts"))
        chart_layout = QVBoxLayout(charts)
        self.line_box = QCheckBox(self.tr("Line chart over time"))
        self.bar_box = QCheckBox(self.tr("Bar chart of the comparison year"))
        chart_layout.addWidget(self.line_box)
        chart_layout.addWidget(self.bar_box)

        self.lang_box = QComboBox()
        self.lang_box.setAccessibleName(self.tr("Report language"))
        # Language names are shown in their own language, never translated.
        self.lang_box.addItem("English", "en")
        self.lang_box.addItem("中文（简体）", "zh")
        self.paper_box = QComboBox()
        self.paper_box.setAccessibleName(self.tr("Paper size"))
        self.paper_box.addItem(self.tr("A4"), "a4")
        self.paper_box.addItem(self.tr("US Letter"), "letter")
        self.orientation_box = QComboBox()
        self.orientation_box.setAccessibleName(self.tr("Orientation"))
        self.orientation_box.addItem(self.tr("Portrait"), False)
        self.orientation_box.addItem(self.tr("Landscape"), True)
        self.year_box = QComboBox()
        self.year_box.setAccessibleName(self.tr("Comparison year"))
        self.year_box.addItem(self.tr("Latest shared year"), None)
        # every city's latest value, its year beside it (issue #13)
        self.year_box.addItem(self.tr("Each city's latest year"), LATEST_EACH)
        for year in reversed(self._dataset.years()):
            self.year_box.addItem(str(year), year)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.lang_box)
        form.addRow(self.tr("Paper:"), self.paper_box)
        form.addRow(self.tr("Orientation:"), self.orientation_box)
        form.addRow(self.tr("Comparison year:"), self.year_box)
        self.currency_box = QComboBox()
        self.currency_box.setAccessibleName(self.tr("Currency of money values"))
        self.currency_box.setToolTip(self.tr("The window's currency unless changed here"))
        for text, choice in ((self.tr("Automatic"), "auto"), (self.tr("Yuan"), "cny"),
                             (self.tr("US$ (annual exchange rate)"), "usd"),
                             (self.tr("International $ (PPP)"), "ppp")):
            self.currency_box.addItem(text, choice)
        form.addRow(self.tr("Currency:"), self.currency_box)

        left = QVBoxLayout()
        left.addWidget(sections)
        left.addWidget(charts)
        left.addLayout(form)
        left.addStretch(1)

        self.indicator_list = QListWidget()
        self.indicator_list.setAccessibleName(self.tr("Indicators in the report"))
        all_button = QPushButton(self.tr("All"))
        none_button = QPushButton(self.tr("None"))
        all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        pick = QHBoxLayout()
        pick.addWidget(all_button)
        pick.addWidget(none_button)
        pick.addStretch(1)
        right = QVBoxLayout()
        indicators_label = QLabel(self.tr("Indicators:"))
        indicators_label.setBuddy(self.indicator_list)
        right.addWidget(indicators_label)
        right.addWidget(self.indicator_list, 1)
        right.addLayout(pick)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Report progress"))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Report status"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress, 1)
        status_row.addWidget(self.status)
        status_row.addWidget(self.cancel_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = buttons.addButton(self.tr("Preview…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton(self.tr("Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(self.tr("Save PDF…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.html_button = buttons.addButton(self.tr("Save HTML…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.html_button.clicked.connect(lambda: self.save("html"))
        buttons.rejected.connect(self.reject)
        self._action_buttons = (self.preview_button, self.print_button, self.pdf_button,
                                self.html_button)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(status_row)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _load(self, options: ReportOptions) -> None:
        for key, box in self.section_boxes.items():
            box.setChecked(key in options.sections)
        self.line_box.setChecked("line" in options.chart_types)
        self.bar_box.setChecked("bar" in options.chart_types)
        self.lang_box.setCurrentIndex(max(self.lang_box.findData(options.lang), 0))
        self.paper_box.setCurrentIndex(max(self.paper_box.findData(options.paper), 0))
        self.orientation_box.setCurrentIndex(1 if options.landscape else 0)
        self.year_box.setCurrentIndex(max(self.year_box.findData(options.year), 0)
                                      if options.year else 0)
        self.currency_box.setCurrentIndex(max(self.currency_box.findData(options.currency), 0))
        cities = [options.focus_id, *options.peer_ids]
        available = set(available_indicators(self._dataset, cities))
        chosen = set(options.indicator_ids) if options.indicator_ids else available
        self.indicator_list.clear()
        for category, indicators in self._dataset.categories().items():
            shown = [i for i in indicators if i.id in available]
            if not shown:
                continue
            header = QListWidgetItem(category_name(category, self._ui_lang))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.indicator_list.addItem(header)
            for indicator in shown:
                item = QListWidgetItem(f"  {indicator.label_en} · {indicator.label_zh}")
                item.setData(Qt.ItemDataRole.UserRole, indicator.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if indicator.id in chosen
                                   else Qt.CheckState.Unchecked)
                self.indicator_list.addItem(item)

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.indicator_list.count()):
            item = self.indicator_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole):
                item.setCheckState(state)

    def options(self) -> ReportOptions:
        """The choices on screen as options (the session stores these)."""
        indicators = tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in (self.indicator_list.item(r) for r in range(self.indicator_list.count()))
            if item.data(Qt.ItemDataRole.UserRole) and item.checkState() == Qt.CheckState.Checked
        )
        charts = tuple(kind for kind, box in (("line", self.line_box), ("bar", self.bar_box))
                       if box.isChecked())
        return replace(
            self._options,
            indicator_ids=indicators,
            sections=tuple(k for k, box in self.section_boxes.items() if box.isChecked()),
            chart_types=charts,
            lang=self.lang_box.currentData(),
            paper=self.paper_box.currentData(),
            landscape=bool(self.orientation_box.currentData()),
            year=self.year_box.currentData(),
            currency=self.currency_box.currentData(),
        )

    # --- generation --------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._then is not None

    def generate(self, then: Callable[[ReportDocument, dict[str, str]], None]) -> None:
        """Build the document in a worker, render charts stepwise, then call `then`."""
        options = self.options()
        if not options.indicator_ids:
            self.status.setText(self.tr("Choose at least one indicator."))
            return
        self._options = options
        self.sig_options_changed.emit(options)
        self._then = then
        self._set_busy(True)
        dataset = self._dataset
        include = getattr(self, "include_suspect", False)  # the window's View menu switch
        self._runner.start(lambda progress: build_report(dataset, options, progress, include))

    def _on_document(self, document: ReportDocument) -> None:
        if self._then is None:
            return
        if self._renderer is None:
            self._renderer = ChartRenderer()
        self.status.setText(self.tr("Drawing charts…"))
        batch = ChartBatch(self._renderer, document.charts(), chart_sizer(document), self)
        batch.sig_progress_changed.connect(
            lambda fraction, _chart: self._show_progress(BUILD_SHARE + CHART_SHARE * fraction))
        batch.sig_finished.connect(lambda charts: self._on_charts(document, charts))
        batch.sig_cancelled.connect(self._on_cancelled)
        self._batch = batch
        batch.start()

    def _on_charts(self, document: ReportDocument, charts: dict[str, str]) -> None:
        then, self._then, self._batch = self._then, None, None
        self.status.setText(self.tr("Laying out pages…"))
        self._show_progress(BUILD_SHARE + CHART_SHARE)
        try:
            if then is not None:
                then(document, charts)
        except OSError as error:
            self._on_failed(error)
            return
        finally:
            self._set_busy(False)

    def cancel(self) -> None:
        """Stop the current generation; nothing is written."""
        if self._batch is not None:
            self._batch.cancel()
        elif self._runner.busy:
            self._runner.cancel()
        else:
            self._on_cancelled()

    def _on_cancelled(self) -> None:
        self._then, self._batch = None, None
        self._set_busy(False)
        self.status.setText(self.tr("Cancelled."))
        self.sig_cancelled.emit()

    def _on_failed(self, error: object) -> None:
        self._then, self._batch = None, None
        self._set_busy(False)
        message = self.tr("The report could not be made: {0}").format(error)
        self.status.setText(message)
        self.sig_failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for button in self._action_buttons:
            button.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)
            self.status.setText(self.tr("Building the report…"))

    def _show_progress(self, fraction: float) -> None:
        self.progress.setValue(round(1000 * min(max(fraction, 0.0), 1.0)))

    # --- outputs -----------------------------------------------------------------------------
    # Qt's print dialogs keep plain pointers to the QPrinter they are given and never own it;
    # a temporary printer freed by Python while the dialog still used it was the preview's
    # segfault (issue 12). The preview therefore gets a printer of its own, owned by Qt, and
    # the Print… path keeps its printer on this dialog, which outlives the print dialog.
    def _apply_page_layout(self, printer: QPrinter) -> None:
        options = self.options()
        printer.setPageLayout(page_layout(options.paper, options.landscape))

    def preview(self) -> None:
        """Open Qt's print preview on the generated report (non-blocking)."""
        def show(document: ReportDocument, charts: dict[str, str]) -> None:
            self._close_preview()
            dialog = QPrintPreviewDialog(self)  # makes and owns its printer
            self._apply_page_layout(dialog.printer())
            dialog.setWindowTitle(self.tr("Report preview"))
            dialog.paintRequested.connect(
                lambda printer: self._paint_preview(document, charts, printer))
            self.preview_dialog = dialog
            self.status.clear()
            dialog.open()

        self.generate(show)

    def _paint_preview(self, document: ReportDocument, charts: dict[str, str],
                       printer: QPrinter) -> None:
        self.preview_pages = print_report(document, charts, printer)

    def _close_preview(self) -> None:
        """Close and delete the preview (Qt deletes its printer with it)."""
        dialog, self.preview_dialog = self.preview_dialog, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()

    def print_(self) -> None:
        """Ask for a printer, then print (the page settings chosen there are used)."""
        if self._print_printer is None:
            self._print_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer = self._print_printer
        self._apply_page_layout(printer)
        dialog = QPrintDialog(printer, self)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()  # a child of this dialog: it would stay, pointing at printer
        if accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Generate the report and print it on `printer` (a printer or a PDF file), with the
        printer's page settings; sig_printed gives the page count. `printer` must outlive
        the generation: print_ keeps its printer on this dialog."""
        def send(document: ReportDocument, charts: dict[str, str]) -> None:
            pages = print_report(document, charts, printer)
            target = printer.outputFileName()
            self.status.setText(self.tr("Saved {0}").format(target) if target else "")
            self.sig_printed.emit(pages)

        self.generate(send)

    def save(self, kind: str, path: str | None = None) -> None:
        """Save as PDF or HTML; asks for a file name unless `path` is given."""
        if path is None:
            name_filter = (self.tr("PDF files (*.pdf)") if kind == "pdf"
                           else self.tr("Web pages (*.html)"))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), "",
                                                  name_filter)
            if not path:
                return
            if not path.lower().endswith((".pdf", ".html", ".htm")):
                path += ".pdf" if kind == "pdf" else ".html"
        target = Path(path)

        def write(document: ReportDocument, charts: dict[str, str]) -> None:
            if kind == "pdf":
                data, _layout = pdf_bytes(document, charts)
            else:
                data = render_html(document, charts).encode("utf-8")
            write_atomically(target, data)
            self.status.setText(self.tr("Saved {0}").format(str(target)))
            self.sig_report_written.emit(str(target))

        self.generate(write)

    def done(self, result: int) -> None:
        """Closing (Close, Esc, the title bar's button: all end here) stops the work and lets
        the chart widgets go: they are hidden top-level windows, and while they lived the app
        did not end when its main window closed (issue 12)."""
        if self.busy:
            self.cancel()
        self._close_preview()
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None
        super().done(result)
