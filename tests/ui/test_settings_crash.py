"""Settings are typed and bounded; an unhandled error is logged and shown, the app lives on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, QTimer

from desktop.ui.crash import CrashReporter
from desktop.ui.settings import MAX_RECENT, Settings

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
