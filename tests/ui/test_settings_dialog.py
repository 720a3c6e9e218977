"""Preferences: values go through Settings and back; the theme applies at once; the defaults
decide the cities shown at start; controls can be named by a screen reader and tabbed through."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

from desktop.session.selection import Selection
from desktop.ui.dialogs.settings_dialog import EDITED_KEYS, SettingsDialog
from desktop.ui.project_controller import profile_frame
from desktop.ui.settings import KEYS, Settings

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from desktop.core.dataset import Dataset
    from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.ui


def make_settings(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "settings.ini")


def test_dialog_shows_the_stored_values(qtbot: QtBot, dataset: Dataset,
                                        settings: Settings) -> None:
    settings.set("language", "zh")
    settings.set("default_focus", "cn-210200")
    settings.set("report_landscape", True)
    dialog = SettingsDialog(settings, dataset)
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert values["language"] == "zh"
    assert dialog.language_box.currentText() == "简体中文"
    assert values["default_focus"] == "cn-210200"
    assert values["default_group"] == "north_east"
    assert values["report_landscape"] is True
    assert values["theme"] == "system"
    assert set(values) == set(EDITED_KEYS)


def test_round_trip_through_settings(qtbot: QtBot, dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    settings = make_settings(path)
    dialog = SettingsDialog(settings, dataset)
    qtbot.addWidget(dialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh"))
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.number_box.setCurrentIndex(dialog.number_box.findData("international"))
    dialog.focus_box.set_city("cn-230100")  # Harbin
    dialog.group_box.setCurrentIndex(dialog.group_box.findData("hot_spots"))
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("letter"))
    dialog.landscape_box.setChecked(True)
    dialog.restore_box.setChecked(False)
    with qtbot.waitSignal(dialog.sig_settings_changed) as blocker:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    expected = {"language": "zh", "theme": "dark", "number_style": "international",
                "default_focus": "cn-230100",
                "default_group": "hot_spots", "report_paper": "letter",
                "report_landscape": True, "restore_last_session": False}
    assert blocker.args[0] == expected
    reread = make_settings(path)  # a fresh reader of the same file
    assert {key: reread.get(key) for key in expected} == expected
    # Nothing changed the second time: no signal, nothing written.
    again = SettingsDialog(reread, dataset)
    qtbot.addWidget(again)
    assert again.save() == {}


def test_restore_defaults_and_cancel_write_nothing(qtbot: QtBot, dataset: Dataset,
                                                   settings: Settings) -> None:
    settings.set("theme", "dark")
    dialog = SettingsDialog(settings, dataset)
    qtbot.addWidget(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.values() == {key: KEYS[key].default for key in EDITED_KEYS}
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert settings.get("theme") == "dark"


def test_settings_refuse_unknown_keys_and_values_outside_their_choices(
        qtbot: QtBot, settings: Settings) -> None:
    with pytest.raises(KeyError):
        settings.set("number_of_the_beast", "666")
    with pytest.raises(KeyError):
        settings.get("colour_scheme")
    with pytest.raises(ValueError):
        settings.set("language", "fr")
    with pytest.raises(ValueError):
        settings.set("theme", "solarized")
    with pytest.raises(TypeError):
        settings.set("restore_last_session", "yes")


def test_a_hand_edited_value_outside_the_choices_falls_back(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[General]\ntheme=neon\nlanguage=zh\n", encoding="utf-8")
    settings = make_settings(path)
    assert settings.get("theme") == "system"
    assert settings.get("language") == "zh"


def test_default_cities_decide_the_start(qtbot: QtBot, dataset: Dataset,
                                         settings: Settings) -> None:
    from desktop.ui.app import default_selection

    cli_default = Selection("cn-210100", ("cn-210200", "cn-230100", "cn-220100"), "gdp",
                            "north_east")
    settings.set("default_focus", "cn-230100")
    settings.set("default_group", "hot_spots")
    chosen = default_selection(dataset, cli_default, settings)
    group = dataset.groups["hot_spots"]
    assert chosen.focus_id == "cn-230100"
    assert chosen.group_id == "hot_spots"
    assert chosen.peer_ids == tuple(c for c in group.city_ids if c != "cn-230100")
    assert chosen.indicator_id == "gdp"
    # A city or group that is no longer in the data falls back to what the CLI resolved.
    settings.set("default_focus", "xx-gone")
    settings.set("default_group", "gone")
    assert default_selection(dataset, cli_default, settings).focus_id == "cn-210100"


def test_preferences_action_opens_the_dialog_and_the_theme_applies_at_once(
        qtbot: QtBot, window: MainWindow) -> None:
    from desktop.ui.theme import apply_theme, is_dark

    controller = window.project_controller
    assert window.preferences_action.shortcut().toString() != ""
    assert window.preferences_action in window.edit_menu.actions()
    window.preferences_action.trigger()
    dialog = controller.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    try:
        dialog.accept()
        assert is_dark(QApplication.palette())
        qtbot.waitUntil(lambda: is_dark(window.palette()), timeout=2000)
        # The chart stays white, like paper; the table's colours follow the dark palette.
        chart_palette = window.chart.palette()
        assert chart_palette.color(chart_palette.ColorRole.Window).name() == "#ffffff"
        assert window.profile_view.profile_model._shade == 1
    finally:
        apply_theme(QApplication.instance(), "system")
        controller.settings.set("theme", "system")
    assert not is_dark(QApplication.palette())


def test_report_defaults_come_from_the_settings(qtbot: QtBot, window: MainWindow) -> None:
    settings = window.project_controller.settings
    settings.set("report_paper", "letter")
    settings.set("report_landscape", True)
    window.controller.report_options = None
    window.controller.open_report()
    options = window.controller.report_dialog.options()
    window.controller.report_dialog.close()
    assert (options.paper, options.landscape) == ("letter", True)


def _unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs a screen reader could not name: no accessible name and no label buddy."""
    buddies = {label.buddy() for label in root.findChildren(QWidget)
               if hasattr(label, "buddy") and label.buddy() is not None}
    kinds = (QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView)
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
            continue  # a combo box's own editor: the combo box carries the name
        if widget.window() is not root:
            continue  # popups (combo box lists, completers) belong to their owner
        if not widget.accessibleName() and widget not in buddies:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_controls_have_accessible_names(qtbot: QtBot, window: MainWindow, dataset: Dataset,
                                        settings: Settings) -> None:
    assert _unnamed_inputs(window) == []
    dialog = SettingsDialog(settings, dataset)
    qtbot.addWidget(dialog)
    assert _unnamed_inputs(dialog) == []
    window.controller.open_report()
    report = window.controller.report_dialog
    try:
        assert _unnamed_inputs(report) == []
    finally:
        report.close()


def test_tab_moves_through_the_window_in_reading_order(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    picker = window.peer_picker
    expected = [window.focus_box, window.year_box, picker.group_box, picker.peer_list,
                picker.add_box, picker.clear_button, window.indicator_list, window.profile_view,
                window.chart.plot_widget]
    seen: list[QWidget] = []
    widget = window.focus_box
    for _ in range(500):  # the focus chain is circular; walk it once around
        if widget in expected and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert seen == expected


def _cell(window: MainWindow, indicator_id: str, key: str) -> str:
    """The text the profile table shows for an indicator in a column ('unit', 'city', ...)."""
    table = window.profile_view.profile_model.table
    assert table is not None
    column = table.focus_column if key == "city" else table.column_index(key)
    return table.rows[table.indicator_ids.index(indicator_id)][column].text


def _choose_year(window: MainWindow, year: int) -> None:
    index = window.year_box.findData(year)
    window.year_box.setCurrentIndex(index)
    window.year_box.activated.emit(index)


def test_the_number_style_changes_every_view_at_once(qtbot: QtBot, window: MainWindow) -> None:
    projects = window.project_controller
    _choose_year(window, 2016)
    projects.dirty = False
    assert _cell(window, "gdp", "city") == "5,546.45"  # CRE_Gdpct line 8457: 5546.4498 亿元
    assert _cell(window, "gdp", "unit") == "亿元"
    assert _cell(window, "population_registered", "unit") == "万人"
    assert "亿元" in window.chart.spec.y_label

    window.preferences_action.trigger()
    dialog = projects.settings_dialog
    assert dialog is not None
    assert dialog.values()["number_style"] == "chinese"
    dialog.number_box.setCurrentIndex(dialog.number_box.findData("international"))
    try:
        dialog.accept()
        _check_international(window)
    finally:  # the window's Settings file outlives the test (Qt keeps its first path)
        window.preferences_action.trigger()
        dialog = projects.settings_dialog
        dialog.number_box.setCurrentIndex(dialog.number_box.findData("chinese"))
        dialog.accept()
    assert projects.settings.get("number_style") == "chinese"
    assert _cell(window, "gdp", "city") == "5,546.45"
    assert _cell(window, "gdp", "unit") == "亿元"


def _check_international(window: MainWindow) -> None:
    projects = window.project_controller
    assert projects.settings.get("number_style") == "international"
    assert _cell(window, "gdp", "city") == "554.645"
    assert _cell(window, "gdp", "unit") == "bn yuan"
    assert _cell(window, "population_registered", "unit") == "million"
    assert _cell(window, "gdp_share_tertiary", "unit") == "%"
    assert "bn yuan" in window.chart.spec.y_label
    # Exports (and reports) read the same dataset; the values themselves never change.
    frame = profile_frame(window.controller)
    gdp = frame[(frame.indicator_id == "gdp") & (frame.city == "Shenyang")].iloc[0]
    assert gdp.value == 554_644_980_000.0
    assert gdp.display_value == pytest.approx(554.64498)
    assert gdp.display_unit == "bn yuan"
    assert not projects.dirty  # a preference, not a change to the comparison


def test_the_number_style_applies_from_the_start(qtbot: QtBot, dataset: Dataset,
                                                 settings: Settings) -> None:
    from desktop.ui.app import build_main_window

    settings.set("number_style", "international")
    selection = Selection("cn-210100", ("cn-210200", "cn-230100"), "population_registered",
                          "north_east")
    window = build_main_window(dataset, selection, settings=settings)
    window.close_guard = None
    qtbot.addWidget(window)
    assert _cell(window, "population_registered", "unit") == "million"
    assert "million" in window.chart.spec.y_label
    assert window.controller.base_dataset.indicator("gdp").display.suffix_en == "bn yuan"
    assert not window.project_controller.dirty
    # The bundled dataset the window was given is not changed (shared by every test).
    assert dataset.indicator("gdp").display.suffix_en == "亿元"


def test_the_number_style_choices_are_the_ones_units_knows() -> None:
    """Settings spells the styles out (to keep units out of the start); they must agree."""
    from desktop.core.units import NUMBER_STYLES as KNOWN
    from desktop.ui.settings import KEYS, NUMBER_STYLES

    assert NUMBER_STYLES == KNOWN
    assert KEYS["number_style"].choices == KNOWN
