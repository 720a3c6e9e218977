"""Changing the language without a restart (issue 15 item 4): Preferences › Language switches
the whole window at once, menus, toolbar, table headings, charts and findings, and back."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox

from desktop.ui.plots.chart_panel import MAP, RANKING, STRUCTURE

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.ui

HAN = re.compile(r"[\u4e00-\u9fff]")


def _headers(window: MainWindow) -> list[str]:
    model = window.profile_view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


@pytest.fixture
def switched(window: MainWindow):
    """The window switched to Chinese, and back to English afterwards whatever happens (the
    translators belong to the whole test process)."""
    window.controller.set_language("zh")
    yield window
    window.controller.set_language("en")


def test_chinese_at_once_everywhere(switched: MainWindow, qtbot) -> None:
    window = switched
    assert window.file_menu.title() == "文件(&F)"
    assert window.copy_chart_action.text().startswith("复制图表")
    assert window.focus_label.text().strip() == "重点城市"
    assert _headers(window)[:2] == ["指标", "单位"]
    assert "沈阳市" in _headers(window)
    assert window.chart_panel.tabs.tabText(0) == "随时间变化"
    assert window.chart.title.text().startswith("地区生产总值")
    assert window.peer_picker.peer_list.item(0).text().startswith("大连市")
    assert HAN.search(window.indicator_list.topLevelItem(0).text(0))
    assert window.findings_strip.lines and all(HAN.search(line)
                                               for line in window.findings_strip.lines)
    assert "沈阳市" in window.windowTitle()
    # a tab drawn after the switch is Chinese too
    window.chart_panel.tabs.setCurrentIndex(RANKING)
    assert window.chart_panel.current.title.text().startswith("地区生产总值")
    window.chart_panel.tabs.setCurrentIndex(MAP)
    assert "年" in window.chart_panel.current.title.text()


def test_a_tab_built_before_the_switch_speaks_the_new_language(window: MainWindow,
                                                               qtbot) -> None:
    panel = window.chart_panel
    panel.tabs.setCurrentIndex(STRUCTURE)
    english = panel.current
    assert english.findChildren(QGroupBox)[0].title() == "Location quotients"
    try:
        window.controller.set_language("zh")
        assert panel.current is not english
        assert panel.current.findChildren(QGroupBox)[0].title() == "区位商"
    finally:
        window.controller.set_language("en")


def test_and_back_to_english_keeping_the_session(switched: MainWindow, qtbot) -> None:
    window = switched
    controller = window.controller
    window.indicator_list.sig_indicator_chosen.emit("gdp_per_capita")
    selection = controller.state
    assert controller.history.can_undo
    controller.set_language("en")
    assert window.file_menu.title() == "&File"
    assert _headers(window)[:2] == ["Indicator", "Unit"]
    assert window.chart.title.text().startswith("GDP per capita")
    assert window.chart_panel.tabs.tabText(0) == "Over time"
    assert not any(HAN.search(line) for line in window.findings_strip.lines)
    assert window.year_box.itemText(0) == "Latest shared"
    assert controller.state == selection and controller.history.can_undo
    controller.undo()  # the history survived the switch
    assert controller.state.indicator_id == "gdp"


def test_the_preferences_dialog_switches_the_language(window: MainWindow, qtbot) -> None:
    try:
        window.project_controller.apply_settings({"language": "zh"})
        assert window.controller.lang == "zh"
        assert window.edit_menu.title() == "编辑(&E)"
    finally:
        window.controller.set_language("en")
    assert window.edit_menu.title() == "&Edit"
