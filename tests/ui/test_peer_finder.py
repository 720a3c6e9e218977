"""The peer finder dialog, its effect on the window, saved peer groups and the profile's
detail columns and filter box."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.analysis.peers import default_indicators, find_peers
from desktop.session.selection import Selection
from desktop.ui.dialogs.peer_finder import CITY_ID_ROLE, SHARES_ROLE, PeerFinderDialog
from desktop.ui.settings import Settings

from .conftest import NORTH_EAST

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from desktop.core.dataset import Dataset
    from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.ui

HANDMADE = Path(__file__).resolve().parents[1] / "analysis"


@pytest.fixture
def small() -> Dataset:
    import sys

    sys.path.insert(0, str(HANDMADE))
    try:
        from handmade import build_dataset, city, indicator
    finally:
        sys.path.remove(str(HANDMADE))
    # 2020 values (x, y): f (10, 10), a (11, 10), b (10, 13), c (20, 20), d (0, 30)
    values = {"f": (10, 10), "a": (11, 10), "b": (10, 13), "c": (20, 20), "d": (0, 30)}
    rows = [(c, i, 2020, float(v)) for c, xy in values.items()
            for i, v in zip(("x", "y"), xy, strict=True)]
    return build_dataset(rows, [city(c) for c in values], [indicator("x"), indicator("y")])


def wait_for(qtbot: QtBot, dialog: PeerFinderDialog, **expected: object) -> None:
    def done() -> bool:
        result = dialog.peer_result
        return result is not None and all(getattr(result, k) == v for k, v in expected.items())

    qtbot.waitUntil(done, timeout=5000)


def test_proposes_the_nearest_cities_and_shows_why(qtbot: QtBot, small: Dataset) -> None:
    dialog = PeerFinderDialog(small, "f", indicator_ids=["x", "y"])
    qtbot.addWidget(dialog)
    dialog.scaling_box.setCurrentIndex(dialog.scaling_box.findData("minmax"))
    dialog.k_box.setValue(2)
    wait_for(qtbot, dialog, scaling="minmax", k=2)
    # min-max: x over 0..20 -> f .5, a .55, b .5, c 1, d 0; y over 10..30 -> f 0, a 0, b .15,
    # c .5, d 1; weights 1/2 each: d(a) = sqrt(.05² / 2) = 0.035 (all from x),
    # d(b) = sqrt(.15² / 2) = 0.106 (all from y), d(c) = 0.5, d(d) = 0.79
    assert dialog.peer_result.peer_ids == ("a", "b")
    table = dialog.result_table
    assert table.rowCount() == 3  # the focus city first, as the reference
    assert table.item(0, 0).data(CITY_ID_ROLE) == "f"
    assert [table.item(r, 0).text() for r in (1, 2)] == ["A", "B"]
    assert [table.item(r, 1).text() for r in (1, 2)] == ["0.035", "0.106"]
    shares_a = [s for s, _c in table.item(1, 2).data(SHARES_ROLE)]
    shares_b = [s for s, _c in table.item(2, 2).data(SHARES_ROLE)]
    assert shares_a == pytest.approx([1.0, 0.0]) and shares_b == pytest.approx([0.0, 1.0])
    assert table.item(1, 3).text() == "11  ·  100%"  # a's x, and x's share of its distance
    assert "Compared 4 of 4 cities" in dialog.note_label.text()
    assert dialog.chosen_ids() == ("a", "b")
    table.item(2, 0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.chosen_ids() == ("a",)


def test_weights_change_the_answer(qtbot: QtBot, small: Dataset) -> None:
    dialog = PeerFinderDialog(small, "f", indicator_ids=["x", "y"])
    qtbot.addWidget(dialog)
    dialog.scaling_box.setCurrentIndex(dialog.scaling_box.findData("minmax"))
    dialog.k_box.setValue(1)
    dialog.weight_boxes["x"].setValue(10.0)
    dialog.weight_boxes["y"].setValue(0.5)
    wait_for(qtbot, dialog, scaling="minmax", k=1)
    # x weighs 10/10.5: d(a)² = .0025 x .952 = .0024; d(b)² = .0225 x .048 = .0011 -> b first
    assert dialog.peer_result.weights["x"] == pytest.approx(10 / 10.5)
    assert dialog.peer_result.peer_ids == ("b",)


def test_no_indicator_ticked_says_so(qtbot: QtBot, small: Dataset) -> None:
    dialog = PeerFinderDialog(small, "f", indicator_ids=["x"])
    qtbot.addWidget(dialog)
    wait_for(qtbot, dialog)
    dialog.set_indicators([])
    qtbot.waitUntil(lambda: dialog.peer_result is None, timeout=5000)
    assert "at least one indicator" in dialog.note_label.text()
    assert not dialog.use_button.isEnabled()


def headers(window: MainWindow) -> list[str]:
    model = window.profile_view.proxy
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_use_as_peers_updates_the_table_and_the_chart(
    qtbot: QtBot, window: MainWindow, dataset: Dataset
) -> None:
    dialog = window.controller.open_peer_finder()
    wait_for(qtbot, dialog)
    expected = find_peers(dataset, "cn-210100",
                          default_indicators(dataset, "cn-210100")).peer_ids
    assert dialog.peer_result.peer_ids == expected and len(expected) == 5
    dialog.use_button.click()
    names = [dataset.cities[c].name_en for c in expected]
    assert headers(window)[3:9] == ["Shenyang", *names]
    assert [s.label for s in window.chart.spec.series] == ["Shenyang", *names]
    assert window.controller.state.peer_ids == expected
    assert window.controller.state.group_id is None
    assert window.peer_picker.group_box.currentData() is None


def test_close_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.controller.open_peer_finder()
    wait_for(qtbot, dialog)
    dialog.reject()
    assert window.controller.state.peer_ids == NORTH_EAST


def test_the_menu_opens_the_finder(qtbot: QtBot, window: MainWindow) -> None:
    assert window.peer_finder_action.shortcut().toString() == "Ctrl+Shift+P"
    window.peer_finder_action.trigger()
    dialog = window.controller.peer_finder
    assert dialog is not None and dialog.isVisible()
    wait_for(qtbot, dialog)
    dialog.reject()


def _settings(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def _window(qtbot: QtBot, dataset: Dataset, settings: Settings) -> MainWindow:
    from desktop.ui.app import build_main_window

    window = build_main_window(dataset, Selection("cn-210100", NORTH_EAST, "gdp", "north_east"),
                               "en", settings)
    window.close_guard = None
    qtbot.addWidget(window)
    return window


def test_saved_group_is_kept_listed_after_a_restart_and_deleted(
    qtbot: QtBot, dataset: Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "settings.ini"
    first = _window(qtbot, dataset, _settings(path))
    dialog = first.controller.open_peer_finder()
    wait_for(qtbot, dialog)
    dialog.k_box.setValue(3)
    wait_for(qtbot, dialog, k=3)
    group = dialog.save_group("  Like   Shenyang ")
    assert group is not None and group.name_en == "Like Shenyang"
    assert group.city_ids == dialog.peer_result.peer_ids
    box = first.peer_picker.group_box
    default_count = len(dataset.groups)
    assert box.itemData(default_count) == group.id  # after the default groups
    assert box.itemData(box.count() - 1) is None  # "Custom selection" stays last
    dialog.reject()
    first.project_controller.settings.sync()

    # A restart: new Settings on the same file, a new window.
    reread = _settings(path)
    assert [(g.id, g.city_ids) for g in reread.custom_groups()] == [(group.id, group.city_ids)]
    second = _window(qtbot, dataset, reread)
    picker = second.peer_picker
    index = picker.group_box.findData(group.id)
    assert index == default_count
    assert picker.group_box.itemText(index).startswith("Like Shenyang (")
    assert not picker.delete_group_button.isVisibleTo(picker)  # a default group is shown
    picker.group_box.setCurrentIndex(index)
    picker.group_box.activated.emit(index)
    assert second.controller.state.peer_ids == group.city_ids
    assert second.controller.state.group_id == group.id
    assert picker.delete_group_button.isVisibleTo(picker)

    picker.delete_group_button.click()
    assert picker.group_box.findData(group.id) == -1
    assert picker.group_box.currentData() is None
    assert second.controller.state.peer_ids == group.city_ids  # the cities stay
    assert second.controller.state.group_id is None
    assert _settings(path).custom_groups() == []


def test_unreadable_custom_groups_are_ignored(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "s.ini")
    settings.set("custom_groups", "{not json")
    assert settings.custom_groups() == []
    with pytest.raises(ValueError):
        settings.save_custom_group("   ", ("cn-210200",))


# --- the profile's detail columns and filter box ---------------------------------------------
def test_window_shows_the_detail_columns(window: MainWindow) -> None:
    assert headers(window)[7:] == [
        "Peer median", "Gap to median", "Rank", "Rank in pool", "Percentile", "Index",
        "1-yr change", "5-yr change", "10-yr change", "CAGR 5 yr", "CAGR 10 yr", "In words"]
    model = window.profile_view.proxy
    pool_rank = model.index(0, 10).data()
    assert pool_rank.endswith(f" of {pool_rank.split(' of ')[1]}")
    assert model.index(0, 18).data().startswith("Shenyang's GDP")
    assert model.index(0, 17).data().endswith("†")  # 2011-2021 crosses the 2016 break
    window.detail_box.setChecked(False)
    assert headers(window)[7:] == ["Peer median", "Gap to median", "Rank"]


def test_detail_columns_sort_numerically(window: MainWindow) -> None:
    view = window.profile_view
    view._sort_by(10)  # rank in pool: "31 of 306" must sort as 31, not as text
    values = [view.proxy.index(r, 10).data(view.proxy.sortRole())
              for r in range(view.proxy.rowCount())]
    finite = [v for v in values if v != float("-inf")]
    assert all(isinstance(v, int | float) for v in finite)
    assert finite == sorted(finite, reverse=True)


def test_filter_box_matches_english_or_chinese(window: MainWindow) -> None:
    view = window.profile_view
    total = view.proxy.rowCount()
    window.table_filter.setText("wage")
    english = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert english == ["Average wage of employees", "Total wages of employees"]
    window.table_filter.setText("工资")
    assert view.proxy.rowCount() == 2
    assert view.table_text().count("\n") == 2  # the copy holds the visible rows
    window.table_filter.clear()
    assert view.proxy.rowCount() == total


def test_a_refused_query_is_explained_in_the_windows_language(
        qtbot: QtBot, small: Dataset) -> None:
    from desktop.analysis.peers import PeerQueryError

    dialog = PeerFinderDialog(small, "f", lang="zh", indicator_ids=["x", "y"])
    qtbot.addWidget(dialog)
    wait_for(qtbot, dialog)
    dialog._on_failed(PeerQueryError("peer_no_data", city_id="f", city="F"))
    assert "没有所选指标" in dialog.note_label.text()
    assert "has none" not in dialog.note_label.text()


POPULATION, CHAOYANG = "population_registered", "cn-211300"


def test_the_finder_follows_include_suspect_values(
    qtbot: QtBot, window: MainWindow, dataset: Dataset
) -> None:
    """Chaoyang's 1994 population (33 million, a slip the register judges suspect) stays out
    of the distances and the dialog says so, until View > Include suspect values is on."""
    dialog = PeerFinderDialog(dataset, "cn-210100", indicator_ids=[POPULATION], year=1994)
    qtbot.addWidget(dialog)
    wait_for(qtbot, dialog)
    assert dialog.peer_result.missing.suspect == ((CHAOYANG, POPULATION),)
    assert "treated as missing" in dialog.note_label.text()
    assert "Chaoyang" in dialog.note_label.text()

    window.include_suspect_action.setChecked(True)
    counted = window.controller.open_peer_finder()
    assert counted.include_suspect
    counted.reject()
    both = PeerFinderDialog(dataset, "cn-210100", indicator_ids=[POPULATION], year=1994,
                            include_suspect=True)
    qtbot.addWidget(both)
    wait_for(qtbot, both)
    assert "counted in the distances" in both.note_label.text()
    assert both.peer_result.matches[0].distance != pytest.approx(
        dialog.peer_result.matches[0].distance)
