"""The one wiring place: a widget's signal becomes a session transition
(desktop.session.session), and the new session is drawn, redrawing only what changed."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.analysis.comparison import available_indicators
from desktop.analysis.currency import view_dataset
from desktop.analysis.profile_table import selection_table
from desktop.core.bilingual import pick
from desktop.core.catalog import Source
from desktop.core.dataset import Dataset
from desktop.session import session as transitions
from desktop.session.chart_options import ChartOptions
from desktop.session.history import History
from desktop.session.selection import Selection
from desktop.session.session import Session
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner

# How long the status bar says what a reopened project's data repeated: longer than the
# routine 5 s notes, as it is about which numbers are shown.
REOPEN_NOTE_MS = 15_000
# The findings strip waits for the selection to rest this long: a run of clicks (or the
# interaction bench) pays the table, not the 10-30 ms of findings per intermediate state.
FINDINGS_DELAY_MS = 150


def plural(count: int, one: str, many: str) -> str:
    """`one` (already translated) for exactly 1, else `many` with the count written as
    1,234. Qt's %n forms would need an English catalogue, which only Chinese gets; Chinese
    translates both forms alike."""
    return one if count == 1 else many.format(f"{count:,}")


if TYPE_CHECKING:  # imports, reports and projects load their code when first used:
    # ~0.17 s less at start-up
    from desktop.importers.merge import MergeDuplicate, MergeSummary
    from desktop.importers.run import ImportOutcome
    from desktop.report.model import ReportOptions
    from desktop.session.project import DataFile, Project
    from desktop.session.recovery import RecoveryStore
    from desktop.ui.dialogs.import_dialog import ImportDialog
    from desktop.ui.dialogs.peer_finder import PeerFinderDialog
    from desktop.ui.dialogs.report_dialog import ReportDialog


def read_marked(recovery: RecoveryStore | None, path: Path,
                read: Callable[[], ImportOutcome]) -> ImportOutcome:
    """In a worker: `read()` with `path` noted in the recovery record while it runs, and
    noted as refused when it fails (a cancelled read is neither)."""
    if recovery is None:
        return read()
    from desktop.core.errors import CityProfilesError
    from desktop.core.progress import CancelledError

    recovery.reading(str(path))
    try:
        outcome = read()
    except CancelledError:
        recovery.done(str(path))
        raise
    except Exception as error:
        if isinstance(error, CityProfilesError):
            from desktop.session.messages import error_line

            reason = error_line(error)
        else:
            reason = f"{type(error).__name__}: {error}"
        recovery.done(str(path), refused=reason)
        raise
    recovery.done(str(path))
    return outcome


class Controller(QObject):
    """Holds the session and its undo history; everything else is drawn from them."""

    # The selection changed (by the user, an undo, or an opened project).
    sig_state_changed = Signal(object)
    sig_dataset_changed = Signal(object)
    # Anything in the session changed: the selection, the chart or report options, the data,
    # the project's path or its unsaved-changes flag (the title and the autosave follow).
    sig_session_changed = Signal()
    # A project (or a recovered session) was opened: it is now the session.
    sig_project_opened = Signal()
    # A project's data files could not be read: nothing of it was applied.
    sig_project_failed = Signal()

    def __init__(self, dataset: Dataset, window: MainWindow, state: Selection,
                 lang: str = "en", settings: Settings | None = None) -> None:
        super().__init__(window)
        self.settings = settings  # read for report defaults; None: the built-in defaults
        self.window = window
        self.lang = lang
        self.session = transitions.start(dataset, state)
        self.history = History()
        self._rendering = False  # drawing a session: the widgets' echoes are not changes
        window.focus_box.sig_city_chosen.connect(lambda c: self.set_state(self.state.with_focus(c)))
        window.peer_picker.sig_peers_changed.connect(
            lambda peers, group: self.set_state(self.state.with_peers(tuple(peers), group))
        )
        window.indicator_list.sig_indicator_chosen.connect(self._choose_indicator)
        window.profile_view.sig_indicator_chosen.connect(self._choose_indicator)
        window.year_box.activated.connect(
            lambda i: self.set_state(self.state.with_year(window.year_box.itemData(i)))
        )
        window.currency_box.activated.connect(
            lambda i: self.set_state(self.state.with_currency(window.currency_box.itemData(i)))
        )
        window.prices_box.activated.connect(
            lambda i: self.set_state(self.state.with_prices(window.prices_box.itemData(i)))
        )
        window.sig_import_requested.connect(self.open_import)
        window.report_action.triggered.connect(self.open_report)
        # The run's crash-recovery record (desktop.session.recovery): which data file is
        # being read is written there first, so a file that kills the process is not read
        # again unasked at the next start. None: no recovery (tests, screenshots).
        self.recovery: RecoveryStore | None = None
        self.report_dialog: ReportDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self._imports = 0
        self._project_runner = TaskRunner(self)
        self._project_runner.sig_finished.connect(self._on_project_files_read)
        self._project_runner.sig_failed.connect(self._on_project_files_failed)
        # The project whose files are being read, where it is, and its unsaved state.
        self._pending: tuple[Project, Path | None, bool] | None = None
        self._table_key: tuple | None = None
        # Peer finder, saved peer groups and the detailed profile table (issue 4).
        self.peer_finder: PeerFinderDialog | None = None
        window.peer_finder_action.triggered.connect(self.open_peer_finder)
        window.detail_box.toggled.connect(self.set_profile_detail)
        # View > Include suspect values and the chart controls are chart options of the
        # session; the chart panel, the menu item and the table follow the session
        window.include_suspect_action.toggled.connect(self.set_include_suspect)
        window.chart_panel.sig_options_changed.connect(self._on_chart_options)
        window.undo_action.triggered.connect(self.undo)
        window.redo_action.triggered.connect(self.redo)
        if settings is not None:
            window.peer_picker.use_custom_groups(settings)
            window.chart_panel.settings = settings  # the PNG dialog remembers its choices
        # The findings strip (issue 15): recomputed only when what it depends on changed
        # (never for another charted indicator or the detail switch), after a pause.
        self._findings_key: tuple | None = None
        self._findings_timer = QTimer(self)
        self._findings_timer.setSingleShot(True)
        self._findings_timer.setInterval(FINDINGS_DELAY_MS)
        self._findings_timer.timeout.connect(self._findings_due)
        # When the last change's update ended (time.monotonic): the pause counts from there,
        # so a slow change does not eat it and the findings do not join its frame.
        self._changed_at = 0.0
        self.refresh()
        self._update_undo_actions()

    # --- the session ----------------------------------------------------------------------
    @property
    def state(self) -> Selection:
        """What the view shows."""
        return self.session.selection

    @property
    def dataset(self) -> Dataset:
        return self.session.dataset

    @property
    def base_dataset(self) -> Dataset:
        """The bundled data, before any import."""
        return self.session.base

    @property
    def data_files(self) -> list[DataFile]:
        """The imported files with their recipes (a copy: change them by a transition)."""
        return list(self.session.data_files)

    @data_files.setter
    def data_files(self, files: list[DataFile]) -> None:
        self.session = replace(self.session, data_files=tuple(files))

    @property
    def report_options(self) -> ReportOptions | None:
        """The report dialog's last choices (None: none yet, or a hand-edited project's
        that cannot be read: the defaults)."""
        from desktop.report.model import ReportOptions

        report = self.session.report
        try:
            return ReportOptions.from_json(dict(report)) if report else None
        except (KeyError, TypeError, ValueError):
            return None

    @report_options.setter
    def report_options(self, options: ReportOptions | None) -> None:
        self.commit(transitions.set_report_options(
            self.session, options.to_json() if options is not None else {}), record=False)

    @property
    def profile_detail(self) -> bool:
        return self.state.detail

    def commit(self, session: Session, record: bool = True) -> None:
        """Make `session` the current one and draw what changed. `record`: the change can
        be undone (the history ignores what is not undoable)."""
        old = self.session
        if session == old:
            return
        if record:
            self.history = self.history.record(old, session)
        self.session = session
        if session.dataset is not old.dataset:
            self.window.set_dataset(session.dataset)
        self._render(old)
        if session.selection != old.selection:
            self.sig_state_changed.emit(session.selection)
        if session.dataset is not old.dataset:
            self.sig_dataset_changed.emit(session.dataset)
        self._update_undo_actions()
        self.sig_session_changed.emit()

    def undo(self) -> None:
        self.history, session = self.history.undo(self.session)
        self.commit(session, record=False)
        self._update_undo_actions()

    def redo(self) -> None:
        self.history, session = self.history.redo(self.session)
        self.commit(session, record=False)
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        self.window.undo_action.setEnabled(self.history.can_undo)
        self.window.redo_action.setEnabled(self.history.can_redo)

    def _on_chart_options(self, options: ChartOptions) -> None:
        if not self._rendering:
            self.commit(transitions.set_chart_options(self.session, options))

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

        recovery = self.recovery
        if recovery is not None:  # the dialog reads the file: note it until it closes
            recovery.reading(str(path))
        dialog = ImportDialog(Path(path), self.dataset.lookup, self.window, lang=self.lang,
                              dataset=self.dataset)
        dialog.accepted.connect(lambda: self.apply_import(dialog))
        if recovery is not None:
            dialog.finished.connect(lambda _result: recovery.done(str(path)))
        self.import_dialog = dialog
        dialog.open()

    def _merge(self, dataset: Dataset, path: Path, outcome: ImportOutcome,
               replace: bool = False) -> tuple[Dataset, MergeSummary]:
        from desktop.importers.merge import merge_import
        from desktop.importers.report_text import reading_note

        self._imports += 1
        report = outcome.report
        source = Source(
            id=f"import-{self._imports}",
            file=path.name,
            sheet=report.sheet,
            publisher=self.tr("Imported by the user"),
            title=path.name,
            origin=str(path),
            notes=reading_note(report, "en"),
            notes_zh=reading_note(report, "zh"),
        )
        return merge_import(dataset, outcome.frame, source, replace=replace)

    def apply_import(self, dialog: ImportDialog) -> None:
        """Merge the dialog's result into a new dataset; on any problem the old one stays."""
        outcome = dialog.outcome
        if outcome is None or outcome.frame.empty:
            return
        report = outcome.report
        try:
            dataset, summary = self._merge(self.dataset, dialog.path, outcome,
                                           replace=dialog.replace_bundled)
        except (ValueError, KeyError) as error:
            QMessageBox.warning(self.window, self.tr("Import failed"),
                                self.tr("Nothing was changed: {0}").format(error))
            return
        from desktop.importers.report_text import report_text
        from desktop.session.project import DataFile

        self.commit(transitions.apply_import(self.session, dataset,
                                             DataFile(str(dialog.path), dialog.recipe)))
        message = QMessageBox(self.window)
        message.setIcon(QMessageBox.Icon.Information)
        message.setWindowTitle(self.tr("Import report"))
        text = self._summary_text(summary, dialog.path.name)
        details = report_text(report, self.lang)
        if summary.duplicates:
            sentence, listing = self._repeats_text(dataset, summary)
            text, details = f"{text}\n\n{sentence}", f"{details}\n\n{listing}"
        if summary.overlaps:  # what happened to values the data had (issue #12)
            from desktop.importers.merge_text import merge_lines

            first, *rest = merge_lines(dataset, summary, self.lang, hint="window")
            text, details = f"{text}\n\n{first}", "\n".join([details, "", first, *rest])
        message.setText(text)
        message.setDetailedText(details)
        message.open()
        self.import_report_box = message

    def _summary_text(self, summary: MergeSummary, file_name: str) -> str:
        """The report's first sentence, each count in its singular or plural form."""
        return self.tr("Imported {0} from {1}: {2}, {3}, {4}.").format(
            plural(summary.values_added, self.tr("1 value"), self.tr("{0} values")),
            file_name,
            plural(len(summary.cities_added), self.tr("1 new city"),
                   self.tr("{0} new cities")),
            plural(len(summary.indicators_added), self.tr("1 new indicator"),
                   self.tr("{0} new indicators")),
            plural(summary.values_replaced, self.tr("1 bundled value replaced"),
                   self.tr("{0} bundled values replaced")))

    def _repeat_counts(self, summary: MergeSummary) -> tuple[str, str]:
        """How many imported values were not kept as repeats ("2 imported values"), and
        whether they differ from the kept one ("1 with a different value")."""
        dropped = [(d.kept.value, cell.value) for d in summary.duplicates for cell in d.dropped]
        total, differ = len(dropped), sum(kept != value for kept, value in dropped)
        values = plural(total, self.tr("1 imported value"), self.tr("{0} imported values"))
        if total == 1:
            return values, (self.tr("with a different value") if differ
                            else self.tr("with the same value"))
        return values, (self.tr("{0} with a different value").format(f"{differ:,}") if differ
                        else self.tr("all with the same value"))

    def _repeats_text(self, dataset: Dataset, summary: MergeSummary,
                      shown: int = 20) -> tuple[str, str]:
        """The report's sentence on imported rows that became one city, indicator and year
        once names were matched, and the first `shown` of them with rows and values: the
        merge kept the first row, and the user must see that it did."""
        sentence = self.tr(
            "{0} repeated a city, indicator and year under another name ({1}); the first "
            "was kept (details below).").format(*self._repeat_counts(summary))
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
        unit_label = pick(self.lang, unit.label_en, unit.label_zh)
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
                                  self.window, year=self.state.year,
                                  include_suspect=self.include_suspect)
        dialog.accepted.connect(
            lambda: self.set_state(self.state.with_peers(dialog.chosen_ids(), None)))
        dialog.sig_group_saved.connect(
            lambda _group: self.window.peer_picker.reload_custom_groups())
        self.peer_finder = dialog
        dialog.open()
        return dialog

    @property
    def include_suspect(self) -> bool:
        """Whether suspect values count in medians, ranks and sentences (View menu)."""
        return self.session.chart.include_suspect

    def set_include_suspect(self, include: bool) -> None:
        self.commit(transitions.set_chart_options(
            self.session, replace(self.session.chart, include_suspect=include)))

    def set_profile_detail(self, detail: bool) -> None:
        """Show (True) or hide the detail columns of the profile table."""
        self.set_state(self.state.with_detail(detail))

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
        # the report's money defaults to the view's one currency choice
        options = replace(options, currency=state.currency, prices=state.prices)
        from desktop.ui.dialogs.report_dialog import ReportDialog

        self.report_dialog = ReportDialog(self.dataset, options, self.window, ui_lang=self.lang)
        # the report counts suspect values as the window does (View > Include suspect values)
        self.report_dialog.include_suspect = self.include_suspect
        self.report_dialog.sig_options_changed.connect(self._remember_report_options)
        self.report_dialog.open()

    def _remember_report_options(self, options: ReportOptions) -> None:
        self.commit(transitions.set_report_options(self.session, options.to_json()),
                    record=False)

    # --- projects -------------------------------------------------------------------------
    def load_project(self, project: Project, files: list[DataFile], base: Path,
                     path: Path | None = None, dirty: bool = False) -> None:
        """Re-read the project's files onto the bundled data in a worker, then make the
        project the session (`path`: where it is saved, None for a recovered session never
        saved; `dirty`: its unsaved changes). The current session stays until then."""
        from desktop.importers.run import import_file

        lookup = self.base_dataset.lookup
        jobs = [(Path(f.path) if Path(f.path).is_absolute() else base / f.path, f)
                for f in files]
        self._pending = (project, path, dirty)

        recovery = self.recovery

        def read_all(progress: object) -> list[tuple[Path, DataFile, ImportOutcome]]:
            return [(path, data_file,
                     read_marked(recovery, path, lambda p=path, f=data_file: import_file(
                         p, f.recipe, lookup, progress)))
                    for path, data_file in jobs]

        self._project_runner.start(read_all)

    def _on_project_files_read(self, results: object) -> None:
        """Show the project on its data; say what its imports repeated, as the first import
        of each file did (the first of the repeated values is kept again)."""
        dataset = self.base_dataset
        data_files, notes = [], []
        for path, data_file, outcome in results:
            if not outcome.frame.empty:
                dataset, summary = self._merge(dataset, path, outcome)
                data_files.append(data_file)
                if summary.duplicates:
                    notes.append(self._reopen_repeats_text(path.name, summary))
        pending, self._pending = self._pending, None
        if pending is None:
            return
        project, path, dirty = pending
        try:
            session = transitions.open_project(self.session, project, dataset,
                                               tuple(data_files), path, dirty)
        except transitions.ProjectFocusMissingError:  # e.g. an imported city, file skipped
            self._project_failed(self.tr(
                "The project's focus city is not in the data that was read (is a data file "
                "missing?), so the project was not opened."))
            return
        if session.report and self._report_from(session) is None:
            session = replace(session, report={})  # a hand-edited file: the defaults
        self.history = History()  # a new comparison: its own history
        self.commit(session, record=False)
        self.sig_project_opened.emit()
        if notes:
            self.window.statusBar().showMessage(" ".join(notes), REOPEN_NOTE_MS)

    @staticmethod
    def _report_from(session: Session) -> ReportOptions | None:
        from desktop.report.model import ReportOptions

        try:
            return ReportOptions.from_json(dict(session.report))
        except (KeyError, TypeError, ValueError):
            return None

    def _reopen_repeats_text(self, file_name: str, summary: MergeSummary) -> str:
        return self.tr("{0}: {1} repeated a city, indicator and year under another name "
                       "({2}); the first was kept.").format(
            file_name, *self._repeat_counts(summary))

    def _on_project_files_failed(self, error: object) -> None:
        self._project_failed(self.tr("The project was not opened: {0}").format(error))

    def _project_failed(self, text: str) -> None:
        """Say why; nothing of the project is applied, so the window stays as it was."""
        self._pending = None
        QMessageBox.warning(self.window, self.tr("Could not read the project's data"), text)
        self.sig_project_failed.emit()

    # --- display --------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Show everything in `lang` now, without a restart: Qt's translators, the window's
        own words, then the table, charts and findings drawn again in the new language (city
        and indicator names, headings, notes). The session and its history stay as they are."""
        if lang == self.lang:
            return
        from PySide6.QtCore import QCoreApplication

        from desktop.ui.i18n import switch_language

        switch_language(QCoreApplication.instance(), lang)
        self.lang = lang
        self.window.retranslate(lang)
        self.window.show_dataset_summary(self.dataset)
        self._table_key = self._findings_key = None
        self.refresh()
        self.update_findings()  # at once: nothing to wait for, the selection is at rest

    def set_number_style(self, style: str) -> None:
        """Write large amounts in `style` ("chinese" 亿元, "international" bn yuan) in every
        view: the table, the charts, reports and exports all read `indicator.display` from
        this dataset, and projects are re-read onto the base data. The values stay the same
        (and so do the view's choices, such as the Structure tab's years), and the project
        is not changed."""
        session = transitions.restyled(self.session, style)
        if session.dataset is not self.session.dataset:
            self.session = session
            self.refresh()
        else:
            self.session = session

    def _choose_indicator(self, indicator_id: str) -> None:
        self.set_state(self.state.with_indicator(indicator_id))

    def set_state(self, state: Selection) -> None:
        """Show `state` (undoable)."""
        self.commit(transitions.select(self.session, state))

    def _priced_or_current(self, state: Selection) -> Selection:
        """`state` when its constant prices can be shown for this selection, else the state
        at current prices with the reason in the status bar (data without a deflator, a base
        year a country lacks): never a table that silently stays current."""
        from desktop.analysis.prices import MissingDeflatorError

        try:
            view_dataset(self.dataset, [state.focus_id, *state.peer_ids], state.currency,
                         state.prices)
        except MissingDeflatorError as error:
            year = error.params.get("year")
            self.window.statusBar().showMessage(
                self.tr("Constant prices need every country's GDP deflator and exchange rate "
                        "in {0}; shown at current prices.").format(year) if year else
                self.tr("Constant prices need every country's GDP deflator; shown at current "
                        "prices."), REOPEN_NOTE_MS)
            return state.with_prices("current")
        return state

    def _render(self, old: Session) -> None:
        """Draw the session after `old`, only what changed: the table and charts when the
        selection, the data or the suspect-values switch did (refresh redraws each only if
        its inputs changed), then the chart controls when they differ from the panel's."""
        session, panel = self.session, self.window.chart_panel
        self._rendering = True
        try:
            if (session.selection != old.selection or session.dataset is not old.dataset
                    or session.chart.include_suspect != old.chart.include_suspect):
                self.refresh()  # the table and charts (each redrawn only if its inputs changed)
            # after the selection, whose year the panel follows by itself: set the controls
            # only when something else changed (an undo), so a year alone redraws no more
            if session.chart != old.chart and session.chart != panel.options:
                panel.set_options(session.chart)
                self._adopt_chart_options()
        finally:
            self._rendering = False

    def update_findings(self) -> None:
        """Show the ranked findings of the current selection above the table (the report's
        own, desktop.analysis.findings), in the view's money and language."""
        from desktop.analysis.comparison import build_profile
        from desktop.analysis.findings import TITLE, findings
        from desktop.text.translator import translator

        self._findings_timer.stop()
        state, include = self.state, self.include_suspect
        cities = [state.focus_id, *state.peer_ids]
        view = view_dataset(self.dataset, cities, state.currency, state.prices)
        profile = build_profile(view, state.focus_id, state.peer_ids,
                                available_indicators(view, cities), state.year,
                                include_suspect=include)
        tr = translator(self.lang)
        found = findings(view, profile, tr, include_suspect=include)
        self.window.findings_strip.set_findings([f.text for f in found], tr.gettext(TITLE))

    def _defer_findings(self) -> None:
        """Update the findings once the selection has rested FINDINGS_DELAY_MS (every change
        starts the pause again)."""
        self._findings_timer.start(FINDINGS_DELAY_MS)

    def _findings_due(self) -> None:
        """The pause is over, unless it began before the end of a change that took longer
        than it: then wait FINDINGS_DELAY_MS from that end, so that the findings are never
        computed in the event pass that paints the change."""
        waited = (time.monotonic() - self._changed_at) * 1000
        if waited < FINDINGS_DELAY_MS:
            self._findings_timer.start(max(int(FINDINGS_DELAY_MS - waited), 1))
            return
        self.update_findings()

    def _adopt_chart_options(self) -> None:
        """The panel's controls as drawn (ranges filled from the data, its year following
        the view's) are what the session keeps and a project saves: not a change."""
        options = self.window.chart_panel.options
        if options != self.session.chart:
            self.session = replace(self.session, chart=options)

    def _show_switches(self) -> None:
        """The Details box, View › Include suspect values and the panel's own switch say
        what the session says (without echoing back as changes)."""
        window, include = self.window, self.include_suspect
        if window.chart_panel.include_suspect != include:
            self._rendering, rendering = True, self._rendering
            try:
                window.chart_panel.set_include_suspect(include)
            finally:
                self._rendering = rendering
        for switch, on in ((window.include_suspect_action, include),
                           (window.detail_box, self.state.detail)):
            if switch.isChecked() != on:
                switch.blockSignals(True)
                switch.setChecked(on)
                switch.blockSignals(False)

    def refresh(self) -> None:
        """Recompute the profile and the chart for the current state and show them."""
        self._show_switches()
        state, dataset, window = self.state, self.dataset, self.window
        cities = [state.focus_id, *state.peer_ids]
        available = available_indicators(dataset, cities)
        if available and state.indicator_id not in available:
            state = state.with_indicator(available[0])
        # The table does not depend on the charted indicator: choosing another indicator only
        # redraws the chart and moves the selection (keeps that path within one frame).
        include = self.include_suspect
        if state.prices != "current":
            state = self._priced_or_current(state)
        if state != self.state:
            self.session = transitions.normalize(self.session, state)
        table_key = (dataset, state.focus_id, state.peer_ids, state.year, state.currency,
                     state.prices, self.lang, state.detail, include)
        if table_key != self._table_key:
            window.show_profile(dataset, selection_table(
                dataset, state.focus_id, state.peer_ids, available, state.year, self.lang,
                detail=state.detail, currency=state.currency, prices=state.prices,
                include_suspect=include), self.lang)
            self._table_key = table_key
        findings_key = (dataset, state.focus_id, state.peer_ids, state.year, state.currency,
                        state.prices, self.lang, include)
        if findings_key != self._findings_key:
            self._findings_key = findings_key
            self._defer_findings()
        elif self._findings_timer.isActive():
            self._defer_findings()  # still moving (e.g. another indicator): wait for rest
        # The charts read the same money as the table: the dataset in the view's currency.
        # Their ranking and scatter follow the table's year rule (a year, the latest shared
        # year, or each city's latest).
        window.chart_panel.set_selection(
            view_dataset(dataset, cities, state.currency, state.prices), state.focus_id,
            state.peer_ids, state.indicator_id, state.year, self.lang)
        self._adopt_chart_options()
        window.focus_box.set_city(state.focus_id)
        window.peer_picker.set_peers(state.peer_ids, state.group_id)
        window.indicator_list.set_available(set(available))
        window.indicator_list.set_indicator(state.indicator_id)
        window.profile_view.select_indicator(state.indicator_id)
        year_index = window.year_box.findData(state.year) if state.year else 0
        window.year_box.setCurrentIndex(max(year_index, 0))
        window.currency_box.setCurrentIndex(max(window.currency_box.findData(state.currency), 0))
        window.prices_box.setCurrentIndex(max(window.prices_box.findData(state.prices), 0))
        focus = dataset.cities[state.focus_id].name(self.lang)
        window.setWindowTitle(
            self.tr("City Profiles — {0} and {1} peers[*]").format(focus, len(state.peer_ids))
        )
        self._changed_at = time.monotonic()
