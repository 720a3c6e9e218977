"""The one wiring place: panel signals change the view state; a new state redraws the views."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.analysis.comparison import available_indicators
from desktop.analysis.profile_table import selection_table
from desktop.core.catalog import Source
from desktop.core.dataset import Dataset
from desktop.session.state import ViewState
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # imports, reports and projects load their code when first used:
    # ~0.17 s less at start-up
    from desktop.importers.merge import MergeDuplicate, MergeSummary
    from desktop.importers.run import ImportOutcome
    from desktop.report.model import ReportOptions
    from desktop.session.project import DataFile, Project
    from desktop.ui.dialogs.import_dialog import ImportDialog
    from desktop.ui.dialogs.peer_finder import PeerFinderDialog
    from desktop.ui.dialogs.report_dialog import ReportDialog


class Controller(QObject):
    sig_state_changed = Signal(object)
    sig_dataset_changed = Signal(object)

    def __init__(self, dataset: Dataset, window: MainWindow, state: ViewState,
                 lang: str = "en", settings: Settings | None = None) -> None:
        super().__init__(window)
        self.settings = settings  # read for report defaults; None: the built-in defaults
        self.dataset = dataset
        self.base_dataset = dataset  # the bundled data, before any import
        self.data_files: list[DataFile] = []
        self.window = window
        self.lang = lang
        self.state = state
        window.focus_box.sig_city_chosen.connect(lambda c: self.set_state(self.state.with_focus(c)))
        window.peer_picker.sig_peers_changed.connect(
            lambda peers, group: self.set_state(self.state.with_peers(tuple(peers), group))
        )
        window.indicator_list.sig_indicator_chosen.connect(self._choose_indicator)
        window.profile_view.sig_indicator_chosen.connect(self._choose_indicator)
        window.year_box.activated.connect(
            lambda i: self.set_state(self.state.with_year(window.year_box.itemData(i)))
        )
        window.sig_import_requested.connect(self.open_import)
        window.report_action.triggered.connect(self.open_report)
        self.report_options: ReportOptions | None = None
        self.report_dialog: ReportDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self._imports = 0
        self._project_runner = TaskRunner(self)
        self._project_runner.sig_finished.connect(self._on_project_files_read)
        self._project_runner.sig_failed.connect(self._on_project_files_failed)
        self._pending_state: ViewState | None = None
        self._table_key: tuple | None = None
        # Peer finder, saved peer groups and the detailed profile table (issue 4).
        self.peer_finder: PeerFinderDialog | None = None
        self.profile_detail = window.detail_box.isChecked()
        window.peer_finder_action.triggered.connect(self.open_peer_finder)
        window.detail_box.toggled.connect(self.set_profile_detail)
        if settings is not None:
            window.peer_picker.use_custom_groups(settings)
        self.refresh()

    # --- import -------------------------------------------------------------------------
    def open_import(self, path: str = "") -> None:
        """Ask for a file if none was given, then open the import dialog (non-blocking)."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import data"), "",
                self.tr("Spreadsheets (*.csv *.tsv *.txt *.gz *.xlsx *.xlsm *.xls);;"
                        "All files (*)"),
            )
            if not path:
                return
        from desktop.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(Path(path), self.dataset.lookup, self.window)
        dialog.accepted.connect(lambda: self.apply_import(dialog))
        self.import_dialog = dialog
        dialog.open()

    def _merge(self, dataset: Dataset, path: Path, outcome: ImportOutcome
               ) -> tuple[Dataset, MergeSummary]:
        from desktop.importers.merge import merge_import

        self._imports += 1
        report = outcome.report
        source = Source(
            id=f"import-{self._imports}",
            file=path.name,
            sheet=report.sheet,
            publisher=self.tr("Imported by the user"),
            title=path.name,
            origin=str(path),
            notes=f"layout {report.layout}; encoding {report.encoding or '-'}",
        )
        return merge_import(dataset, outcome.frame, source)

    def _set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.window.set_dataset(dataset)
        self.refresh()
        self.sig_dataset_changed.emit(dataset)

    def apply_import(self, dialog: ImportDialog) -> None:
        """Merge the dialog's result into a new dataset; on any problem the old one stays."""
        outcome = dialog.outcome
        if outcome is None or outcome.frame.empty:
            return
        report = outcome.report
        try:
            dataset, summary = self._merge(self.dataset, dialog.path, outcome)
        except (ValueError, KeyError) as error:
            QMessageBox.warning(self.window, self.tr("Import failed"),
                                self.tr("Nothing was changed: {0}").format(error))
            return
        from desktop.importers.report_text import report_text
        from desktop.session.project import DataFile

        self.data_files.append(DataFile(str(dialog.path), dialog.recipe))
        self._set_dataset(dataset)
        message = QMessageBox(self.window)
        message.setIcon(QMessageBox.Icon.Information)
        message.setWindowTitle(self.tr("Import report"))
        text = self.tr("Imported {0} values from {1}: {2} new cities, {3} new indicators, "
                       "{4} bundled values replaced.").format(
            f"{summary.values_added:,}", dialog.path.name, len(summary.cities_added),
            len(summary.indicators_added), f"{summary.values_replaced:,}")
        details = report_text(report)
        if summary.duplicates:
            sentence, listing = self._repeats_text(dataset, summary)
            text, details = f"{text}\n\n{sentence}", f"{details}\n\n{listing}"
        message.setText(text)
        message.setDetailedText(details)
        message.open()
        self.import_report_box = message

    def _repeats_text(self, dataset: Dataset, summary: MergeSummary,
                      shown: int = 20) -> tuple[str, str]:
        """The report's sentence on imported rows that became one city, indicator and year
        once names were matched, and the first `shown` of them with rows and values: the
        merge kept the first row, and the user must see that it did."""
        dropped = [(d.kept.value, cell.value) for d in summary.duplicates for cell in d.dropped]
        sentence = self.tr(
            "{0} imported values repeated a city, indicator and year under another name "
            "({1} with a different value); the first was kept (details below).").format(
            f"{len(dropped):,}", f"{sum(kept != value for kept, value in dropped):,}")
        lines = [self.tr("Repeated after matching names (the first row kept, the others not "
                         "imported):")]
        lines += [self._repeat_line(dataset, d) for d in summary.duplicates[:shown]]
        if len(summary.duplicates) > shown:
            lines.append(self.tr("… and {0} more.").format(
                f"{len(summary.duplicates) - shown:,}"))
        return sentence, "\n".join(lines)

    def _repeat_line(self, dataset: Dataset, duplicate: MergeDuplicate) -> str:
        """One repeated key: the city, indicator and year, the row kept and the rows not,
        each with its value exactly (canonical unit), so a conflict can be checked."""
        indicator = dataset.indicators[duplicate.indicator_id]
        unit = indicator.unit_info
        unit_label = unit.label_zh if self.lang == "zh" else unit.label_en
        cells = [self.tr("row {0}, column {1}: {2} {3}").format(
                     cell.row, cell.column, f"{cell.value:,.15g}", unit_label)
                 for cell in (duplicate.kept, *duplicate.dropped)]
        line = (self.tr("{0} / {1} / {2}: kept {3}; not kept: {4}") if duplicate.values_differ
                else self.tr("{0} / {1} / {2}: kept {3}; the same value again: {4}"))
        return line.format(dataset.cities[duplicate.city_id].name(self.lang),
                           indicator.label(self.lang), duplicate.year, cells[0],
                           "; ".join(cells[1:]))

    # --- peer finder and the profile's detail ----------------------------------------------
    def open_peer_finder(self) -> PeerFinderDialog:
        """The peer finder for the focus city (non-blocking); "Use as peers" applies its cities,
        a saved group appears in the peer picker."""
        from desktop.ui.dialogs.peer_finder import PeerFinderDialog

        dialog = PeerFinderDialog(self.dataset, self.state.focus_id, self.lang, self.settings,
                                  self.window, year=self.state.year)
        dialog.accepted.connect(
            lambda: self.set_state(self.state.with_peers(dialog.chosen_ids(), None)))
        dialog.sig_group_saved.connect(
            lambda _group: self.window.peer_picker.reload_custom_groups())
        self.peer_finder = dialog
        dialog.open()
        return dialog

    def set_profile_detail(self, detail: bool) -> None:
        """Show (True) or hide the detail columns of the profile table."""
        if detail != self.profile_detail:
            self.profile_detail = detail
            self.refresh()

    # --- reports --------------------------------------------------------------------------
    def open_report(self) -> None:
        """The report dialog for the current selection, with the choices made last time."""
        state = self.state
        paper, landscape = "a4", False
        if self.settings is not None:
            paper = self.settings.get("report_paper")
            landscape = self.settings.get("report_landscape")
        from desktop.report.model import ReportOptions

        options = self.report_options or ReportOptions(
            state.focus_id, state.peer_ids, lang=self.lang, paper=paper, landscape=landscape)
        options = options.with_selection(state.focus_id, state.peer_ids, state.group_id)
        from desktop.ui.dialogs.report_dialog import ReportDialog

        self.report_dialog = ReportDialog(self.dataset, options, self.window, ui_lang=self.lang)
        self.report_dialog.sig_options_changed.connect(self._remember_report_options)
        self.report_dialog.open()

    def _remember_report_options(self, options: ReportOptions) -> None:
        self.report_options = options
        self.sig_state_changed.emit(self.state)  # the project has changed

    # --- projects -------------------------------------------------------------------------
    def load_project(self, project: Project, files: list[DataFile], base: Path) -> None:
        """Start again from the bundled data, re-read the project's files in a worker, then
        show the project's view. The current dataset stays until the files have been read."""
        from desktop.importers.run import import_file
        from desktop.report.model import ReportOptions

        lookup = self.base_dataset.lookup
        jobs = [(Path(f.path) if Path(f.path).is_absolute() else base / f.path, f)
                for f in files]
        self._pending_state = project.view
        self.report_options = (ReportOptions.from_json(project.report) if project.report
                               else None)

        def read_all(progress: object) -> list[tuple[Path, DataFile, ImportOutcome]]:
            return [(path, data_file, import_file(path, data_file.recipe, lookup, progress))
                    for path, data_file in jobs]

        self._project_runner.start(read_all)

    def _on_project_files_read(self, results: object) -> None:
        dataset = self.base_dataset
        data_files = []
        for path, data_file, outcome in results:
            if not outcome.frame.empty:
                dataset, _ = self._merge(dataset, path, outcome)
                data_files.append(data_file)
        self.data_files = data_files
        self.dataset = dataset
        self.window.set_dataset(dataset)
        state = self._pending_state or self.state
        known = [c for c in (state.focus_id, *state.peer_ids) if c in dataset.cities]
        if state.focus_id in known:
            self.state = state.with_peers(tuple(p for p in state.peer_ids if p in known),
                                          state.group_id)
        self.refresh()
        self.sig_dataset_changed.emit(dataset)

    def _on_project_files_failed(self, error: object) -> None:
        QMessageBox.warning(self.window, self.tr("Could not read the project's data"),
                            self.tr("The project was not opened: {0}").format(error))

    def _choose_indicator(self, indicator_id: str) -> None:
        self.set_state(self.state.with_indicator(indicator_id))

    def set_state(self, state: ViewState) -> None:
        if state == self.state:
            return
        self.state = state
        self.refresh()
        self.sig_state_changed.emit(state)

    def refresh(self) -> None:
        """Recompute the profile and the chart for the current state and show them."""
        state, dataset, window = self.state, self.dataset, self.window
        cities = [state.focus_id, *state.peer_ids]
        available = available_indicators(dataset, cities)
        if available and state.indicator_id not in available:
            self.state = state = state.with_indicator(available[0])
        # The table does not depend on the charted indicator: choosing another indicator only
        # redraws the chart and moves the selection (keeps that path within one frame).
        table_key = (dataset, state.focus_id, state.peer_ids, state.year, self.lang,
                     self.profile_detail)
        if table_key != self._table_key:
            window.show_profile(dataset, selection_table(
                dataset, state.focus_id, state.peer_ids, available, state.year, self.lang,
                detail=self.profile_detail), self.lang)
            self._table_key = table_key
        window.chart_panel.set_selection(dataset, state.focus_id, state.peer_ids,
                                         state.indicator_id, state.year, self.lang)
        window.focus_box.set_city(state.focus_id)
        window.peer_picker.set_peers(state.peer_ids, state.group_id)
        window.indicator_list.set_available(set(available))
        window.indicator_list.set_indicator(state.indicator_id)
        window.profile_view.select_indicator(state.indicator_id)
        year_index = window.year_box.findData(state.year) if state.year else 0
        window.year_box.setCurrentIndex(max(year_index, 0))
        focus = dataset.cities[state.focus_id].name(self.lang)
        window.setWindowTitle(
            self.tr("City Profiles — {0} and {1} peers[*]").format(focus, len(state.peer_ids))
        )
