"""File-level actions: open/save projects, recent files, export the table, help windows,
the unsaved-changes prompt and applying preferences. Works through the view Controller and
its session (desktop.session.session): the project's path and unsaved-changes flag are the
session's, saving writes the session, opening is the session's open_project transition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop import __version__
from desktop.analysis.comparison import available_indicators, build_profile
from desktop.core.storage import check_writable
from desktop.session import session as transitions
from desktop.session.chart_options import chart_options_from_json
from desktop.ui.controller import Controller
from desktop.ui.settings import Settings
from desktop.ui.theme import apply_theme

if TYPE_CHECKING:  # the dialogs are imported when first opened, to keep the start short
    # (and projects and exports when first saved or opened: with the import recipes they
    # hold, ~15 ms of dataclasses)
    from desktop.session.project import DataFile, Project, ProjectError
    from desktop.ui.dialogs.settings_dialog import SettingsDialog
    from desktop.ui.dialogs.text_dialogs import TextDialog


# How long the status bar names the data files the start did not read again.
SKIPPED_NOTE_MS = 30_000


def _resolve(path: str, base: Path) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() else base / candidate


class _Opening(NamedTuple):
    """A project whose data files are being read: until they are, the window keeps its
    project (path, title, unsaved changes, recent files), so a failed open changes nothing."""

    project: Project
    files: list[DataFile]
    path: Path | None  # None: a recovered session that was never saved
    dirty: bool = False  # a recovered session's unsaved changes


class ProjectController(QObject):
    # The project's path or its unsaved-changes state changed (the autosave listens).
    sig_session_changed = Signal()

    def __init__(self, controller: Controller, settings: Settings) -> None:
        super().__init__(controller)
        self.controller = controller
        self.settings = settings
        self.window = controller.window
        self.dialogs: list[object] = []
        window = self.window
        window.open_action.triggered.connect(lambda: self.open_project())
        window.save_action.triggered.connect(lambda: self.save_project())
        window.save_as_action.triggered.connect(lambda: self.save_project(ask=True))
        window.export_action.triggered.connect(lambda: self.export_table())
        window.sources_action.triggered.connect(self.show_sources)
        window.guide_action.triggered.connect(self.show_guide)
        window.about_action.triggered.connect(self.show_about)
        window.preferences_action.triggered.connect(self.show_preferences)
        self.settings_dialog: SettingsDialog | None = None
        self._opening: _Opening | None = None
        controller.sig_session_changed.connect(self._update_title)
        controller.sig_dataset_changed.connect(self._on_dataset_changed)
        controller.sig_project_opened.connect(self._on_opened)
        controller.sig_project_failed.connect(self._on_open_failed)
        window.close_guard = self.may_close
        window.set_recent_files(settings.get("recent_files"), self.open_project)
        # Normally a no-op: the start hands the Controller a dataset already in this style.
        self.apply_number_style(settings.get("number_style"))
        self._update_title()

    # --- state ----------------------------------------------------------------------------
    @property
    def project_path(self) -> Path | None:
        return self.controller.session.project_path

    @project_path.setter
    def project_path(self, path: Path | None) -> None:
        self.controller.session = replace(self.controller.session, project_path=path)
        self._update_title()

    @property
    def dirty(self) -> bool:
        """Unsaved changes (the session's flag)."""
        return self.controller.session.dirty

    @dirty.setter
    def dirty(self, dirty: bool) -> None:
        self.controller.session = replace(self.controller.session, dirty=dirty)
        self._update_title()

    def _on_dataset_changed(self, _dataset: object) -> None:
        """Indicators new to the data (an import, an opened project's files) are written in
        the preferred number style too."""
        self.apply_number_style(self.settings.get("number_style"))

    def _on_opened(self) -> None:
        """The project being read is now the session: remember where it is."""
        opening, self._opening = self._opening, None
        if opening is not None and opening.path is not None:
            self._remember(opening.path)
        self._update_title()

    def _on_open_failed(self) -> None:
        """The project's files could not be read (the controller said why): the window
        keeps the project it had."""
        self._opening = None

    def restore_view(self, project: Project) -> None:
        """Show the project's Details switch and chart controls (defaults where it has none),
        without reading its data again."""
        options = chart_options_from_json(project.chart)
        if "year" not in project.chart:
            options = replace(options, year=project.view.year)
        controller = self.controller
        controller.commit(replace(controller.session, chart=options,
                                  selection=controller.state.with_detail(project.detail)),
                          record=False)

    def _update_title(self) -> None:
        name = self.project_path.name if self.project_path else self.tr("Untitled")
        self.window.setWindowFilePath(name)
        self.window.setWindowModified(self.dirty)
        self.sig_session_changed.emit()

    def current_project(self) -> Project:
        return transitions.to_project(self.controller.session, self.controller.lang)

    # --- save and open --------------------------------------------------------------------
    def save_project(self, ask: bool = False, path: Path | None = None) -> bool:
        from desktop.session.project import SUFFIX
        from desktop.session.project import save_project as write_project

        target = path or (None if ask else self.project_path)
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save project"), f"comparison{SUFFIX}",
                self.tr("City Profiles projects (*{0})").format(SUFFIX))
            if not name:
                return False
            target = Path(name)
        try:
            write_project(self.current_project(), target)
        except OSError as error:
            QMessageBox.warning(self.window, self.tr("Could not save"),
                                self.tr("{0} was not saved: {1}").format(target, error))
            return False
        self.controller.commit(transitions.saved(self.controller.session, target),
                               record=False)
        self._remember(target)
        self._update_title()
        return True

    def open_project(self, path: str | None = None, startup: bool = False) -> bool:
        """Open a project (ask for it when `path` is None). `startup`: opened by the start,
        not the user, so data files that were refused or being read when the app last
        stopped are left out (and named in the status bar) rather than read unasked."""
        from desktop.session.project import SUFFIX, ProjectError, load_project

        if not self.may_close():
            return False
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open project"), "",
                self.tr("City Profiles projects (*{0});;All files (*)").format(SUFFIX))
            if not path:
                return False
        target = Path(path)
        try:
            project = load_project(target)
        except ProjectError as error:
            text = self._project_error_text(target, error)
            if startup:  # nobody asked for it: a line, not a box in the way of the window
                self.window.statusBar().showMessage(text, SKIPPED_NOTE_MS)
            else:
                QMessageBox.warning(self.window, self.tr("Could not open project"), text)
            return False
        if startup:
            project = self._without_blocked_files(project, target.parent)
        files = self._locate_missing(project, target.parent)
        if files is None:  # the user chose not to open it after all
            return False
        # It becomes the current project once its files are read (_on_opened).
        self._opening = _Opening(project, files, target)
        self.controller.load_project(project, files, target.parent, target)
        return True

    def restore_session(self, data: dict[str, Any], path: str | None, dirty: bool) -> bool:
        """Show an autosaved session (a project's JSON, its file and unsaved state) after a
        crash; its data files are read again except those that stopped the app or were
        refused. False, with the reason in the status bar, when it cannot be read."""
        from desktop.session.project import ProjectError, project_from_json

        try:
            project = project_from_json(data)
        except ProjectError as error:
            self.window.statusBar().showMessage(self.tr(
                "The recovered session could not be restored: {0}").format(
                    self._damage_text(error.params)), SKIPPED_NOTE_MS)
            return False
        target = Path(path) if path else None
        base = target.parent if target is not None else Path.cwd()
        project = self._without_blocked_files(project, base, drop_missing=True)
        files = list(project.data_files)
        self._opening = _Opening(project, files, target, dirty or target is None)
        self.controller.load_project(project, files, base, target, dirty or target is None)
        return True

    def _without_blocked_files(self, project: Project, base: Path,
                               drop_missing: bool = False) -> Project:
        """`project` without the data files the recovery record says not to read unasked
        (and, `drop_missing`, without those no longer there); the status bar names each
        one and why."""
        recovery = self.controller.recovery
        kept, notes = [], []
        for data_file in project.data_files:
            path = _resolve(data_file.path, base)
            blocked = recovery.is_blocked(str(path)) if recovery is not None else None
            if drop_missing and not path.is_file():
                notes.append(self.tr("{0} (not found)").format(path.name))
            elif blocked is None:
                kept.append(data_file)
            elif blocked.reason == "crashed":
                notes.append(self.tr("{0} (it was being read when City Profiles stopped "
                                     "last time)").format(Path(data_file.path).name))
            else:
                notes.append(self.tr("{0} (it was refused last time: {1})").format(
                    Path(data_file.path).name, blocked.detail))
        if notes:
            self.window.statusBar().showMessage(self.tr(
                "Not read again at start-up: {0}. Open the project to read it.").format(
                    "; ".join(notes)), SKIPPED_NOTE_MS)
        return replace(project, data_files=tuple(kept))

    def _project_error_text(self, path: Path, error: ProjectError) -> str:
        reason = error.params.get("reason")
        if reason == "newer_version":
            return self.tr("{0} was saved by a newer version of City Profiles (project "
                           "format {1}; this version reads up to {2}). Please update the app."
                           ).format(path.name, error.params.get("version"),
                                    error.params.get("supported"))
        if reason == "not_a_project":
            return self.tr("{0} is not a City Profiles project.").format(path.name)
        return self.tr("{0}: the project file is damaged: {1}").format(
            path.name, self._damage_text(error.params))

    def _damage_text(self, params: Mapping[str, Any]) -> str:
        """What is wrong, as precisely as the file allows: where the JSON breaks, or which
        field is missing or invalid."""
        if params.get("line") is not None:
            return self.tr("it is not valid JSON at line {0}, column {1} ({2}).").format(
                params["line"], params["column"], params.get("detail", ""))
        if params.get("problem") == "missing":
            return self.tr("the field {0} is missing.").format(params.get("field"))
        if params.get("problem") == "invalid":
            return self.tr("the field {0} has an invalid value {1}.").format(
                params.get("field"), params.get("value", ""))
        return self.tr("it cannot be read ({0}).").format(params.get("detail", ""))

    def _locate_missing(self, project: Project, base: Path) -> list[DataFile] | None:
        """Ask for each data file that has moved; files the user skips are left out. None:
        the user cancelled, and the project is not opened."""
        from desktop.session.project import DataFile

        buttons = (QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                   | QMessageBox.StandardButton.Cancel)
        located = []
        for data_file in project.data_files:
            path = Path(data_file.path)
            path = path if path.is_absolute() else base / path
            if not path.is_file():
                answer = QMessageBox.question(
                    self.window, self.tr("Data file not found"),
                    self.tr("{0} is not where the project says. Locate it?\n\nNo opens the "
                            "project without its values; Cancel keeps the current comparison."
                            ).format(path.name), buttons, QMessageBox.StandardButton.Yes)
                if answer == QMessageBox.StandardButton.Cancel:
                    return None
                if answer != QMessageBox.StandardButton.Yes:
                    continue
                name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Locate {0}")
                                                      .format(path.name), str(base))
                if not name:
                    continue
                path = Path(name)
            located.append(DataFile(str(path), data_file.recipe))
        return located

    def _remember(self, path: Path) -> None:
        recent = self.settings.add_recent_file(str(path))
        self.settings.set("last_session", str(path))
        self.window.set_recent_files(recent, self.open_project)

    def may_close(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("Save the changes to this comparison first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_project()
        return answer == QMessageBox.StandardButton.Discard

    # --- export and help ------------------------------------------------------------------
    def export_table(self, path: Path | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export table"), "profile.xlsx",
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
            if not name:
                return False
            path = Path(name)
        try:
            check_writable(path)
            frame = profile_frame(self.controller)
            from desktop.core.export import write_csv, write_xlsx

            (write_csv if path.suffix.lower() == ".csv" else write_xlsx)(frame, path)
        except Exception as error:  # shown to the user, nothing half-written (atomic write)
            QMessageBox.warning(self.window, self.tr("Could not export"),
                                self.tr("{0} was not written: {1}").format(path.name, error))
            return False
        self.window.statusBar().showMessage(self.tr("Exported {0}").format(path), 5000)
        return True

    def show_sources(self) -> None:
        from desktop.ui.dialogs.text_dialogs import TextDialog, sources_html

        lang = self.controller.lang
        self._show(TextDialog(self.tr("Data sources"),
                              sources_html(self.controller.dataset, lang), self.window))

    def show_guide(self) -> None:
        from desktop.ui.dialogs.text_dialogs import TextDialog, guide_html

        self._show(TextDialog(self.tr("User guide"), guide_html(self.controller.lang),
                              self.window))

    # --- preferences ----------------------------------------------------------------------
    def show_preferences(self) -> None:
        """The settings dialog (non-blocking); changes are applied when it is accepted."""
        from desktop.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.controller.dataset, self.controller.lang,
                                self.window)
        dialog.sig_settings_changed.connect(self.apply_settings)
        self.settings_dialog = dialog
        dialog.open()

    def apply_settings(self, changed: dict[str, object]) -> None:
        """Apply what can change at once (the theme, the number style); say when the rest
        takes effect."""
        if "theme" in changed:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, str(changed["theme"]))
        if "number_style" in changed:
            self.apply_number_style(str(changed["number_style"]))
        if "language" in changed and changed["language"] != self.controller.lang:
            self.controller.set_language(str(changed["language"]))  # at once (issue 15)
        if {"default_focus", "default_group"} & changed.keys():
            self.window.statusBar().showMessage(
                self.tr("The default cities are used from the next start."), 5000)

    def apply_number_style(self, style: str) -> None:
        """The number style preference, in every view (Controller.set_number_style). Only
        the display changes, so the project is not modified."""
        self.controller.set_number_style(style)

    def show_about(self) -> None:
        QMessageBox.about(
            self.window, self.tr("About City Profiles"),
            self.tr("<h3>City Profiles {0}</h3><p>Compare a city side by side with its peers, "
                    "on sourced data. Every number can be traced to its file, sheet and row."
                    "</p>").format(__version__))

    def _show(self, dialog: TextDialog) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()


def profile_frame(controller: Controller) -> pd.DataFrame:
    """The profile as a long, numeric table with each value's source, for export."""
    dataset, state = controller.dataset, controller.state
    cities = [state.focus_id, *state.peer_ids]
    profile = build_profile(dataset, state.focus_id, state.peer_ids,
                            available_indicators(dataset, cities), state.year)
    records = []
    for row in profile.rows:
        indicator = dataset.indicator(row.indicator_id)
        for cell in row.cells:
            provenance = cell.provenance
            records.append({
                "indicator": indicator.label(controller.lang),
                "indicator_id": indicator.id,
                "city": dataset.cities[cell.city_id].name(controller.lang),
                "year": cell.year,
                "value": cell.value,
                "unit": indicator.unit,
                "display_value": (indicator.display.scaled(cell.value)
                                  if cell.value is not None else None),
                "display_unit": indicator.display.suffix(controller.lang),
                "rank": cell.rank,
                "gap_to_peer_median": cell.gap,
                "gap_unit": row.gap_unit,
                "source_file": provenance.source.file if provenance else "",
                "source_sheet": provenance.source.sheet if provenance else "",
                "source_row": provenance.row if provenance else None,
                "source_column": provenance.column if provenance else "",
            })
    frame = pd.DataFrame.from_records(records)
    for column in ("year", "rank", "source_row"):
        frame[column] = frame[column].astype("Int64")  # whole numbers stay whole, gaps stay empty
    return frame
