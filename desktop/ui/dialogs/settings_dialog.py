"""Preferences: language, theme, number style, the cities shown at start, report paper and
start-up.

The dialog reads its values from Settings and, on OK, writes them back through Settings only
(typed keys; an unknown key is an error there). It never reaches into the window: it reports the
keys that changed on sig_settings_changed and the caller applies them (the theme, the number
style and the language at once, the default cities at the next start).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dataset import Dataset
from desktop.ui.i18n import LANGUAGE_NAMES
from desktop.ui.main_window import comparable_cities
from desktop.ui.panels.city_picker import CitySearchBox
from desktop.ui.settings import KEYS, Settings

#: The keys this dialog edits, in the order they are shown.
EDITED_KEYS = ("language", "theme", "number_style", "default_focus", "default_group",
               "restore_last_session", "report_paper", "report_landscape")


class SettingsDialog(QDialog):
    sig_settings_changed = Signal(object)  # {key: new value} for the keys that changed

    def __init__(self, settings: Settings, dataset: Dataset, lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self._dataset = dataset

        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGE_NAMES.items():  # each language named in its own language
            self.language_box.addItem(name, code)
        language_note = QLabel(self.tr("The window changes to the new language at once."))
        language_note.setWordWrap(True)
        language_note.setEnabled(False)
        self.theme_box = QComboBox()
        self.theme_box.setAccessibleName(self.tr("Theme"))
        self.theme_box.addItem(self.tr("Follow the system"), "system")
        self.theme_box.addItem(self.tr("Light"), "light")
        self.theme_box.addItem(self.tr("Dark"), "dark")
        self.theme_box.setToolTip(self.tr("Charts stay white, like the printed report"))
        self.number_box = QComboBox()
        self.number_box.setAccessibleName(self.tr("Number style"))
        self.number_box.addItem(self.tr("Chinese units (亿元, 万人)"), "chinese")
        self.number_box.addItem(self.tr("International units (bn yuan, million)"),
                                "international")
        self.number_box.setToolTip(self.tr(
            "How large amounts are written in the table, the charts, reports and exports; "
            "the values themselves do not change"))
        general = QGroupBox(self.tr("Appearance"))
        general_form = QFormLayout(general)
        general_form.addRow(self.tr("&Language:"), self.language_box)
        general_form.addRow("", language_note)
        general_form.addRow(self.tr("&Theme:"), self.theme_box)
        general_form.addRow(self.tr("&Numbers:"), self.number_box)

        self.focus_box = CitySearchBox(comparable_cities(dataset),
                                       self.tr("Find a city (English or 中文)…"), lang)
        self.focus_box.setAccessibleName(self.tr("Default focus city"))
        self.group_box = QComboBox()
        self.group_box.setAccessibleName(self.tr("Default peer group"))
        for group in dataset.groups.values():
            self.group_box.addItem(group.name(lang), group.id)
        self.restore_box = QCheckBox(self.tr("&Reopen the last project at start"))
        start_note = QLabel(self.tr(
            "The default cities are shown at start when no project is reopened and none are "
            "named on the command line."))
        start_note.setWordWrap(True)
        start_note.setEnabled(False)
        start = QGroupBox(self.tr("At start"))
        start_form = QFormLayout(start)
        start_form.addRow(self.tr("Default &focus city:"), self.focus_box)
        start_form.addRow(self.tr("Default &peer group:"), self.group_box)
        start_form.addRow(self.restore_box)
        start_form.addRow(start_note)

        self.paper_box = QComboBox()
        self.paper_box.setAccessibleName(self.tr("Report paper size"))
        self.paper_box.addItem(self.tr("A4"), "a4")
        self.paper_box.addItem(self.tr("US Letter"), "letter")
        self.landscape_box = QCheckBox(self.tr("L&andscape pages"))
        report = QGroupBox(self.tr("Reports"))
        report_form = QFormLayout(report)
        report_form.addRow(self.tr("Pa&per:"), self.paper_box)
        report_form.addRow(self.landscape_box)

        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self._show({key: KEYS[key].default for key in EDITED_KEYS}))
        layout = QVBoxLayout(self)
        for box in (general, start, report):
            layout.addWidget(box)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._show({key: settings.get(key) for key in EDITED_KEYS})

    def _show(self, values: dict[str, Any]) -> None:
        for box, key in ((self.language_box, "language"), (self.theme_box, "theme"),
                         (self.number_box, "number_style"), (self.group_box, "default_group"),
                         (self.paper_box, "report_paper")):
            box.setCurrentIndex(max(box.findData(values[key]), 0))
        focus = values["default_focus"]
        self.focus_box.set_city(focus if focus in self._dataset.cities
                                else KEYS["default_focus"].default)
        self.restore_box.setChecked(bool(values["restore_last_session"]))
        self.landscape_box.setChecked(bool(values["report_landscape"]))

    def values(self) -> dict[str, Any]:
        """The choices on screen, by settings key."""
        return {
            "language": self.language_box.currentData(),
            "theme": self.theme_box.currentData(),
            "number_style": self.number_box.currentData(),
            "default_focus": self.focus_box.currentData() or KEYS["default_focus"].default,
            "default_group": self.group_box.currentData() or KEYS["default_group"].default,
            "restore_last_session": self.restore_box.isChecked(),
            "report_paper": self.paper_box.currentData(),
            "report_landscape": self.landscape_box.isChecked(),
        }

    def save(self) -> dict[str, Any]:
        """Write the choices through Settings; returns the keys that changed, with new values."""
        changed = {key: value for key, value in self.values().items()
                   if value != self._settings.get(key)}
        for key, value in changed.items():
            self._settings.set(key, value)
        self._settings.sync()
        return changed

    def accept(self) -> None:
        changed = self.save()
        super().accept()
        if changed:
            self.sig_settings_changed.emit(changed)
