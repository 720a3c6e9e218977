"""The recovery record: a run that dies is noticed, its session and the file it was reading
come back to the next start, a clean end or a second window leave nothing to recover."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.session.recovery import (
    CRASHED,
    REFUSED,
    RUN_FILE,
    SESSION_FILE,
    RecoveryStore,
    SessionSnapshot,
)

REPO = Path(__file__).resolve().parents[2]
PROJECT = {"app": "City Profiles", "project_version": 2,
           "view": {"focus_id": "cn-210100", "peer_ids": ["cn-110100"], "indicator_id": "gdp",
                    "year": None, "group_id": None}}

#: A run that saves its session, starts reading a file and dies without ending (os._exit:
#: no clean-up runs, as after SIGKILL; the kernel drops its lock).
DYING_RUN = """
import os, sys
from pathlib import Path
from desktop.session.recovery import RecoveryStore, SessionSnapshot
store = RecoveryStore(Path(sys.argv[1]))
store.begin(Path(sys.argv[2]))
store.save_session(SessionSnapshot({PROJECT!r}, "/home/me/shenyang.cityprofiles.json", True))
store.reading("/data/ok.csv")
store.done("/data/ok.csv")
store.reading("/data/killer.xlsx")
Path(sys.argv[2]).write_text("Fatal Python error: Segmentation fault", encoding="utf-8")
os._exit(1)
""".replace("{PROJECT!r}", repr(PROJECT))


def _dying_run(folder: Path, log: Path) -> None:
    result = subprocess.run([sys.executable, "-c", DYING_RUN, str(folder), str(log)],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr


def test_a_first_start_has_nothing_to_recover(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    previous = store.begin()
    assert not previous.crashed and previous.session is None and previous.blocked == ()
    record = json.loads((tmp_path / "recovery" / RUN_FILE).read_text(encoding="utf-8"))
    assert record["ended_cleanly"] is False  # until this run ends cleanly
    store.end()


def test_a_run_that_died_is_reported_with_its_session_log_and_file(tmp_path: Path) -> None:
    folder, log = tmp_path / "recovery", tmp_path / "native.log"
    _dying_run(folder, log)
    store = RecoveryStore(folder)
    previous = store.begin()
    assert previous.crashed and previous.offers_session
    assert previous.crash_log == log
    assert previous.reading == ("/data/killer.xlsx",)  # the file read without trouble is not
    assert [(b.path, b.reason) for b in previous.blocked] == [("/data/killer.xlsx", CRASHED)]
    assert previous.session is not None
    assert previous.session.project == PROJECT
    assert previous.session.project_path == "/home/me/shenyang.cityprofiles.json"
    assert previous.session.dirty is True
    # this run keeps the file blocked until it is read without trouble
    assert store.is_blocked("/data/killer.xlsx") is not None
    store.end()
    after = RecoveryStore(folder)
    assert not after.begin().crashed
    after.end()


def test_a_blocked_file_stays_blocked_across_clean_runs_until_read(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    _dying_run(folder, tmp_path / "native.log")
    for _ in range(2):  # clean runs that never read it
        store = RecoveryStore(folder)
        store.begin()
        store.end()
    store = RecoveryStore(folder)
    previous = store.begin()
    assert not previous.crashed and previous.session is None  # nothing to offer back...
    assert store.is_blocked("/data/killer.xlsx") is not None  # ...but not read unasked
    store.reading("/data/killer.xlsx")
    store.done("/data/killer.xlsx")
    assert store.is_blocked("/data/killer.xlsx") is None
    store.end()


def test_a_refused_file_is_blocked_with_its_reason_and_can_be_allowed(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.begin()
    store.reading("/data/bomb.xlsx")
    store.done("/data/bomb.xlsx", refused="bomb.xlsx: a zip bomb (ratio 5000:1)")
    blocked = store.is_blocked("/data/bomb.xlsx")
    assert blocked is not None and blocked.reason == REFUSED and "zip bomb" in blocked.detail
    store.end()
    store = RecoveryStore(tmp_path)
    store.begin()
    assert store.is_blocked("/data/bomb.xlsx") is not None
    store.allow("/data/bomb.xlsx")
    assert store.is_blocked("/data/bomb.xlsx") is None
    store.end()


def test_a_clean_end_removes_the_session_and_an_empty_crash_log(tmp_path: Path) -> None:
    log = tmp_path / "native.log"
    log.write_text("", encoding="utf-8")
    store = RecoveryStore(tmp_path / "recovery")
    store.begin(log)
    assert store.save_session(SessionSnapshot(PROJECT))
    assert (tmp_path / "recovery" / SESSION_FILE).is_file()
    store.end()
    assert not (tmp_path / "recovery" / SESSION_FILE).exists()
    assert not log.exists()
    assert not store.save_session(SessionSnapshot(PROJECT))  # the run is over


def test_a_second_window_does_not_call_the_first_one_crashed(tmp_path: Path) -> None:
    first = RecoveryStore(tmp_path)
    first.begin()
    first.save_session(SessionSnapshot(PROJECT))
    before = (tmp_path / RUN_FILE).read_bytes()
    second = RecoveryStore(tmp_path)
    previous = second.begin()
    assert not previous.crashed and not second.active
    assert not second.save_session(SessionSnapshot({"other": 1}))
    assert (tmp_path / RUN_FILE).read_bytes() == before
    first.end()


@pytest.mark.parametrize("run, session", [
    ("{ not json", "[1, 2"),
    ('{"recovery_version": 1, "reading": 5, "blocked": {"a": 1}, "pid": "x", '
     '"crash_log": 7}', '{"recovery_version": 1, "project": [1]}'),
    ('{"recovery_version": 1, "blocked": [5, {"path": 3}, {"path": "/x", "reason": "?"}]}',
     '{"recovery_version": 99, "project": {}}'),
    ("[" * 100_000, "{}"),
    ('"just a string"', "\x00\xff garbage"),
])
def test_damaged_recovery_files_never_stop_the_start(tmp_path: Path, run: str,
                                                      session: str) -> None:
    (tmp_path / RUN_FILE).write_text(run, encoding="utf-8")
    (tmp_path / SESSION_FILE).write_text(session, encoding="utf-8")
    store = RecoveryStore(tmp_path)
    previous = store.begin()
    assert previous.session is None and previous.blocked == ()
    assert store.active  # and this run's record replaced the damaged one
    assert json.loads((tmp_path / RUN_FILE).read_text(encoding="utf-8"))["ended_cleanly"] is False
    store.end()
