"""Edit › Undo / Redo in the window: the cities and the chart controls go back and forth,
the widgets show it, and an opened project starts a new history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from .test_file_actions import choose_focus, qtbot_wait_until

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def test_undo_and_redo_a_focus_and_a_chart_mode(window: MainWindow) -> None:
    controller, panel = window.controller, window.chart_panel
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    choose_focus(window, "cn-230100")  # Harbin
    panel.mode_box.setCurrentIndex(panel.mode_box.findData("indexed"))
    assert window.undo_action.isEnabled()

    window.undo_action.trigger()  # the chart mode goes back, the focus stays
    assert panel.mode_box.currentData() == "absolute" and panel.options.mode == "absolute"
    assert controller.state.focus_id == "cn-230100"
    window.undo_action.trigger()  # then the focus
    assert controller.state.focus_id == "cn-210100"
    assert window.focus_box.currentData() == "cn-210100"
    assert "cn-230100" in controller.state.peer_ids  # Harbin is a peer again
    assert not window.undo_action.isEnabled() and window.redo_action.isEnabled()

    window.redo_action.trigger()
    window.redo_action.trigger()
    assert controller.state.focus_id == "cn-230100" and panel.options.mode == "indexed"
    assert window.project_controller.dirty and window.isWindowModified()


def test_the_shortcuts_are_the_usual_ones(window: MainWindow) -> None:
    assert QKeySequence("Ctrl+Z") in window.undo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert window.undo_action in window.edit_menu.actions()


def test_the_details_switch_and_suspect_values_are_undone(window: MainWindow) -> None:
    window.detail_box.setChecked(False)
    window.include_suspect_action.trigger()
    assert window.chart_panel.include_suspect
    window.undo_action.trigger()
    assert not window.chart_panel.include_suspect
    assert not window.include_suspect_action.isChecked()
    window.undo_action.trigger()
    assert window.detail_box.isChecked() and window.controller.profile_detail


def test_an_opened_project_starts_a_new_history(window: MainWindow, tmp_path: Path) -> None:
    projects = window.project_controller
    choose_focus(window, "cn-230100")
    path = tmp_path / "harbin.cityprofiles.json"
    assert projects.save_project(path=path)
    choose_focus(window, "cn-220100")
    projects.dirty = False  # opening must not stop on the unsaved-changes question
    assert projects.open_project(str(path))
    qtbot_wait_until(lambda: projects._opening is None)
    assert window.controller.state.focus_id == "cn-230100"
    assert not window.undo_action.isEnabled()
