"""Background tasks: results arrive on the UI thread, cancel stops work, old results never land."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

import pytest

from desktop.core.progress import check_cancelled
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.ui


def test_result_and_progress_reach_the_ui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[float] = []
    runner.sig_progress_changed.connect(lambda fraction, _message: seen.append(fraction))
    ui_thread = threading.get_ident()
    threads: list[int] = []

    def work(progress: object) -> int:
        threads.append(threading.get_ident())
        for step in range(1, 5):
            progress.report(step / 4, "step")
        return 42

    with qtbot.waitSignal(runner.sig_finished, timeout=5000) as blocker:
        runner.start(work)
    assert blocker.args == [42]
    assert threads and threads[0] != ui_thread
    qtbot.waitUntil(lambda: seen == [0.25, 0.5, 0.75, 1.0], timeout=2000)
    assert not runner.busy


def test_errors_are_delivered_not_lost(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def work(_progress: object) -> None:
        raise ValueError("broken file")

    with qtbot.waitSignal(runner.sig_failed, timeout=5000) as blocker:
        runner.start(work)
    assert isinstance(blocker.args[0], ValueError)


def test_cancel_stops_the_work_and_reports_cancelled(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    finished_steps: list[int] = []

    def work(progress: object) -> None:
        started.set()
        for step in range(500):
            check_cancelled(progress)
            finished_steps.append(step)
            time.sleep(0.01)

    results: list[object] = []
    runner.sig_finished.connect(results.append)
    with qtbot.waitSignal(runner.sig_cancelled, timeout=5000):
        runner.start(work)
        assert started.wait(5)
        runner.cancel()
    runner.wait(5000)
    assert len(finished_steps) < 500
    qtbot.wait(50)
    assert results == []


def test_a_new_task_supersedes_the_old_one(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()

    def slow(_progress: object) -> str:
        release.wait(5)
        return "old"

    results: list[object] = []
    runner.sig_finished.connect(results.append)
    runner.start(slow)
    with qtbot.waitSignal(runner.sig_finished, timeout=5000):
        runner.start(lambda _progress: "new")
    release.set()
    runner.wait(5000)
    qtbot.wait(50)
    assert results == ["new"]
