"""Fault injection on the real program: `python -m desktop` in a subprocess (offscreen, user
dirs in tmp) is killed, crashed natively, started on damaged settings and damaged projects.

The app is driven by its test hook (CITY_PROFILES_TEST_HOOK, desktop/ui/startup.py TestHook):
choose a peer group, wait for the autosave, print the state as JSON, segfault, quit.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

REPO = Path(__file__).resolve().parents[2]
HOT_SPOTS = ["cn-110100", "cn-330100", "cn-440300"]
NORTH_EAST = ["cn-210200", "cn-230100", "cn-220100"]
#: A start on this machine takes 2-4 s; a hang (the issue's loading page for ever, 181 s for
#: 100,000 recent files) is far beyond this.
START_BOUND_S = 30

pytestmark = [pytest.mark.ui, pytest.mark.slow]


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("CITY_PROFILES_")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"), **extra)
    return env


def _app_dir(home: Path) -> Path:
    return home / "data" / "City Profiles" / "City Profiles"


def _run(home: Path, hook: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop"], cwd=REPO,
                          env=_env(home, CITY_PROFILES_TEST_HOOK=hook, **extra),
                          capture_output=True, text=True, timeout=120)


def _state(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, result.stdout + result.stderr
    return json.loads(lines[0])


def _start_and_kill(home: Path, hook: str, ready: str) -> None:
    """Start the app, wait until it prints `ready`, then SIGKILL it: no clean-up runs."""
    process = subprocess.Popen([sys.executable, "-m", "desktop"], cwd=REPO,
                               env=_env(home, CITY_PROFILES_TEST_HOOK=hook),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line == ready, line + process.stderr.read()
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL


def test_after_sigkill_the_next_start_offers_the_session_and_restores_it(
        tmp_path: Path) -> None:
    _start_and_kill(tmp_path, "group=hot_spots,autosaved", "autosaved")
    state = _state(_run(tmp_path, "state,quit", CITY_PROFILES_RECOVERY_ANSWER="restore"))
    assert state["offered"] is True and state["answer"] is True
    assert (state["group"], state["peers"]) == ("hot_spots", HOT_SPOTS)
    assert state["modified"] is True  # the restored changes are still unsaved
    # That start ended cleanly: the next one has nothing to offer, and starts as usual.
    state = _state(_run(tmp_path, "state,quit"))
    assert state["offered"] is False and state["notes"] == []
    assert (state["group"], state["peers"]) == ("north_east", NORTH_EAST)


def test_start_fresh_after_sigkill_shows_the_default_cities(tmp_path: Path) -> None:
    _start_and_kill(tmp_path, "group=hot_spots,autosaved", "autosaved")
    state = _state(_run(tmp_path, "state,quit", CITY_PROFILES_RECOVERY_ANSWER="fresh"))
    assert state["offered"] is True and state["answer"] is False
    assert state["group"] == "north_east"


def test_a_segfault_writes_a_crash_log_and_the_next_start_reports_it(tmp_path: Path) -> None:
    crashed = _run(tmp_path, "segfault")
    assert crashed.returncode == -signal.SIGSEGV, crashed.stderr
    logs = list((_app_dir(tmp_path) / "logs").glob("native-crash-*.log"))
    assert len(logs) == 1
    log_text = logs[0].read_text(encoding="utf-8")
    assert "Segmentation fault" in log_text and "startup.py" in log_text
    state = _state(_run(tmp_path, "state,quit"))
    assert state["offered"] is False  # nothing was changed before the crash: nothing to offer
    assert state["notes"] == [f"City Profiles crashed last time; what it was doing is in "
                              f"{logs[0]}."]
    # a clean run leaves no empty log behind
    assert list((_app_dir(tmp_path) / "logs").glob("native-crash-*.log")) == logs


def _big_csv(path: Path, rows: int = 300_000) -> None:
    lines = ["城市,指标,年份,数值,单位"]
    lines += [f"沈阳市,地区生产总值,{1000 + n % 1000},{n},亿元" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_file_being_read_when_the_app_died_is_not_reread_at_the_next_start(
        tmp_path: Path) -> None:
    """The issue's 'aborts on every start': the last project's data file kills the
    process while it is read (here SIGKILL at that moment); the next start skips it."""
    data = tmp_path / "killer.csv"
    _big_csv(data)
    project = tmp_path / "last.cityprofiles.json"
    view = {"focus_id": "cn-210100", "peer_ids": NORTH_EAST, "indicator_id": "gdp",
            "year": None, "group_id": "north_east"}
    project.write_text(json.dumps({
        "app": "City Profiles", "project_version": 2, "view": view,
        "data_files": [{"path": str(data), "recipe": {"recipe_version": 1}}]}),
        encoding="utf-8")
    settings = QSettings(str(tmp_path / "config" / "CityProfiles" / "CityProfiles.ini"),
                         QSettings.Format.IniFormat)
    settings.setValue("last_session", str(project))
    settings.sync()
    del settings
    run_file = _app_dir(tmp_path) / "recovery" / "run.json"
    process = subprocess.Popen([sys.executable, "-m", "desktop"], cwd=REPO, env=_env(tmp_path),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if json.loads(run_file.read_text(encoding="utf-8"))["reading"]:
                    break
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.01)
        else:
            pytest.fail("the start never recorded reading the last project's data file")
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(30)
    state = _state(_run(tmp_path, "state,quit"))
    assert state["notes"] and "did not close normally" in state["notes"][0]
    assert "killer.csv" in state["notes"][0]
    assert state["status"].startswith("Not read again at start-up: killer.csv (it was being "
                                      "read when City Profiles stopped last time)")


def _write_settings(home: Path, values: dict[str, object]) -> None:
    path = home / "config" / "CityProfiles" / "CityProfiles.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in values.items():
        settings.setValue(key, value)
    settings.sync()


@pytest.mark.parametrize("values", [
    {"custom_groups": '{"version": 1, "groups": 5}'},  # the hang
    {"custom_groups": '{"version": 1, "groups": [{"id": "custom:x", "city_ids": {"a": 1}}]}',
     "default_group": ["north_east", "hot_spots"]},
    {"recent_files": [f"/data/file{n}.xlsx" for n in range(100_000)]},
    {"recent_files": {"a": 1}, "window_geometry": "garbage", "window_state": 12,
     "language": ["en", "zh"], "theme": 5, "restore_last_session": "perhaps"},
    {"window_geometry": QByteArray(b"\x01\xd9\xd0\xcb" + b"\xff" * 60),
     "last_session": "/nowhere/gone.cityprofiles.json"},
], ids=["groups-int", "groups-dict-cities", "recent-100k", "wrong-types", "bad-geometry"])
def test_damaged_settings_start_normally_and_quickly(tmp_path: Path,
                                                     values: dict[str, object]) -> None:
    _write_settings(tmp_path, values)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "desktop"], cwd=REPO,
                            env=_env(tmp_path, CITY_PROFILES_STARTUP_PROBE="1"),
                            capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["first_paint", "ready"], result.stdout + result.stderr
    assert elapsed < START_BOUND_S
    assert "Traceback" not in result.stderr
    if "window_geometry" not in values or len(values) > 2:
        notes = [line for line in result.stderr.splitlines() if "settings ignored" in line]
        assert len(notes) == 1, result.stderr


def _damaged_project(kind: str, path: Path) -> None:
    good = {"app": "City Profiles", "project_version": 2,
            "view": {"focus_id": "cn-230100", "peer_ids": NORTH_EAST, "indicator_id": "gdp",
                     "year": None, "group_id": None}}
    if kind == "truncated":
        path.write_text(json.dumps(good, indent=1)[:70], encoding="utf-8")
        return
    if kind == "wrong-types":
        good["view"]["peer_ids"] = {"cn-210200": True}
    elif kind == "missing-field":
        del good["view"]
    elif kind == "newer":
        good["project_version"] = 99
    path.write_text(json.dumps(good), encoding="utf-8")


@pytest.mark.parametrize("kind, says", [
    ("truncated", "the project file is damaged: it is not valid JSON at line 5, column 3"),
    ("wrong-types", "the project file is damaged: the field view.peer_ids has an invalid "
                    "value"),
    ("missing-field", "the project file is damaged: the field view is missing."),
    ("newer", "was saved by a newer version of City Profiles (project format 99"),
])
def test_a_damaged_last_project_is_named_in_one_line_at_start(tmp_path: Path, kind: str,
                                                              says: str) -> None:
    project = tmp_path / "last.cityprofiles.json"
    _damaged_project(kind, project)
    _write_settings(tmp_path, {"last_session": str(project)})
    state = _state(_run(tmp_path, "state,quit"))
    assert state["status"].startswith("last.cityprofiles.json")
    assert says in state["status"]
    assert state["focus"] == "cn-210100"  # the window shows the default cities instead
