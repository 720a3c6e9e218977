"""Settings are typed and bounded; an unhandled error is logged and shown, the app lives on."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, QTimer

from desktop.ui.crash import CrashReporter
from desktop.ui.settings import KEYS, MAX_CUSTOM_GROUPS, MAX_RECENT, Settings

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.ui


def make_settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_settings_have_typed_defaults_and_refuse_unknown_keys(tmp_path: Path, qtbot: QtBot) -> None:
    settings = make_settings(tmp_path)
    assert settings.get("language") == "en"
    assert settings.get("default_focus") == "cn-210100"
    assert settings.get("report_landscape") is False
    with pytest.raises(KeyError):
        settings.get("colour_of_the_sky")
    with pytest.raises(TypeError):
        settings.set("report_landscape", "yes")
    settings.set("report_landscape", True)
    settings.sync()
    assert make_settings(tmp_path).get("report_landscape") is True


def test_recent_files_are_deduplicated_and_capped(tmp_path: Path, qtbot: QtBot) -> None:
    settings = make_settings(tmp_path)
    for n in range(MAX_RECENT + 5):
        settings.add_recent_file(f"/data/file{n}.xlsx")
    recent = settings.add_recent_file("/data/file3.xlsx")
    assert recent[0] == "/data/file3.xlsx"
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_an_error_in_a_slot_is_logged_and_shown_and_the_app_keeps_running(
    tmp_path: Path, qtbot: QtBot
) -> None:
    reporter = CrashReporter(folder=tmp_path)
    reporter.install()
    try:
        def broken_slot() -> None:
            raise RuntimeError("the chart axis is upside down")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: reporter.dialog is not None, timeout=3000)
    finally:
        reporter.uninstall()
    assert sys.excepthook is not reporter.handle
    assert reporter.last_log is not None
    log = reporter.last_log.read_text(encoding="utf-8")
    assert "RuntimeError: the chart axis is upside down" in log and "broken_slot" in log
    assert "the chart axis is upside down" in reporter.dialog.text()
    assert "Traceback" not in reporter.dialog.text()  # the traceback is in the details
    assert "broken_slot" in reporter.dialog.detailedText()
    reporter.dialog.close()
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True], timeout=2000)  # the event loop still runs


CUSTOM_GROUPS_OF_EVERY_WRONG_SHAPE = [
    "{ not json", "[" * 100_000, "5", '"text"', "[]", "null", '{"version": 2, "groups": []}',
    '{"version": 1, "groups": 5}', '{"version": 1, "groups": "abc"}',
    '{"version": 1, "groups": {"a": 1}}', '{"version": 1, "groups": [1, null, "x", []]}',
    '{"version": 1, "groups": [{"id": "custom:A", "name_en": "A", "name_zh": "A", '
    '"city_ids": 5}]}',
    '{"version": 1, "groups": [{"id": "custom:A", "name_en": "A", "name_zh": "A", '
    '"city_ids": [1, {"x": 2}]}]}',
    '{"version": 1, "groups": [{"id": 3, "name_en": "A", "name_zh": "A", "city_ids": []}]}',
    '{"version": 1, "groups": [{"id": "north_east", "name_en": "A", "name_zh": "A", '
    '"city_ids": []}]}',
]


@pytest.mark.parametrize("stored", CUSTOM_GROUPS_OF_EVERY_WRONG_SHAPE)
def test_saved_groups_of_any_shape_read_as_none_and_are_said(tmp_path: Path, qtbot: QtBot,
                                                             stored: str) -> None:
    settings = make_settings(tmp_path)
    settings._store.setValue("custom_groups", stored)
    assert settings.custom_groups() == []
    assert "custom_groups" in settings.ignored_line() or stored in ("[]", "null")
    group = settings.save_custom_group("Rust belt twins", ["us-detroit", "us-cleveland"])
    assert settings.custom_groups() == [group]  # saving still works, over the damage


def test_readable_groups_are_kept_beside_damaged_ones(tmp_path: Path, qtbot: QtBot) -> None:
    settings = make_settings(tmp_path)
    good = {"id": "custom:Twins", "name_en": "Twins", "name_zh": "Twins",
            "city_ids": ["cn-210200"]}
    settings._store.setValue("custom_groups", json.dumps(
        {"version": 1, "groups": [good, {"id": "custom:Bad", "city_ids": 5}]}))
    assert [g.id for g in settings.custom_groups()] == ["custom:Twins"]
    assert "1 unreadable group(s) skipped" in settings.ignored_line()


@pytest.mark.parametrize("key, stored", [
    ("language", ["en", "zh"]), ("language", "klingon"), ("theme", 5),
    ("number_style", {"a": 1}), ("report_landscape", "perhaps"),
    ("restore_last_session", [True]), ("default_focus", ["cn-210100", "cn-210200"]),
    ("last_session", 12), ("window_geometry", "not bytes"), ("window_state", [1, 2]),
    ("recent_files", {"a": "b"}), ("recent_files", 5.5),
])
def test_every_getter_gives_its_default_for_a_damaged_value(tmp_path: Path, qtbot: QtBot,
                                                            key: str, stored: object) -> None:
    settings = make_settings(tmp_path)
    settings._store.setValue(key, stored)
    default = KEYS[key].default
    assert settings.get(key) == default
    assert key in settings.ignored_line()
    settings.set("language", "zh")  # the rest is kept and still works
    assert settings.get("language") == "zh" or key == "language"


def test_100000_recent_files_read_quickly_as_ten_distinct_ones(tmp_path: Path,
                                                               qtbot: QtBot) -> None:
    path = tmp_path / "settings.ini"
    writer = QSettings(str(path), QSettings.Format.IniFormat)
    entries = [f"/data/file{n % 50_000}.xlsx" for n in range(100_000)]
    writer.setValue("recent_files", ["", *entries])
    writer.sync()
    del writer
    started = time.perf_counter()
    settings = make_settings(tmp_path)
    recent = settings.get("recent_files")
    assert time.perf_counter() - started < 2.0
    assert recent == [f"/data/file{n}.xlsx" for n in range(MAX_RECENT)]
    assert "100,001 entries" in settings.ignored_line()
    settings.repair()
    settings.sync()
    assert path.stat().st_size < 2_000  # the next start reads ten entries, not 100,000
    assert make_settings(tmp_path).get("recent_files") == recent


def test_a_huge_list_of_saved_groups_is_cut_to_what_the_picker_can_show(
        tmp_path: Path, qtbot: QtBot) -> None:
    settings = make_settings(tmp_path)
    groups = [{"id": f"custom:G{n}", "name_en": f"G{n}", "name_zh": f"G{n}",
               "city_ids": ["cn-210200"]} for n in range(5_000)]
    settings._store.setValue("custom_groups", json.dumps({"version": 1, "groups": groups}))
    started = time.perf_counter()
    read = settings.custom_groups()
    assert time.perf_counter() - started < 2.0
    assert [g.id for g in read] == [f"custom:G{n}" for n in range(MAX_CUSTOM_GROUPS)]
    assert "5,000 groups" in settings.ignored_line()
