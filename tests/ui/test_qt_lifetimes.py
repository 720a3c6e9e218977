"""Qt objects that Python owns must outlive what Qt does with them (issue 12).

Each failure here was a crash, a crash dialog or a process that would not end; the ones that
could segfault run in a subprocess, so that they fail the test instead of ending pytest.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.core.progress import check_cancelled
from desktop.ui.tasks import TaskRunner, shutdown_all

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parents[2]


def _run(function: str, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    """Run `function` of this module in a fresh interpreter (offscreen, like the tests)."""
    code = f"from tests.ui.test_qt_lifetimes import {function}; {function}()"
    return subprocess.run([sys.executable, "-X", "faulthandler", "-c", code], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


# --- painters ----------------------------------------------------------------------------------
def failing_chart_exports() -> None:
    """A chart export whose drawing fails midway, many times over; prints what was raised."""
    import gc

    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from desktop.core.storage import load_bundled
    from desktop.report.build import build_report
    from desktop.report.model import ReportOptions
    from desktop.ui.report_charts import ChartRenderer

    app = QApplication(sys.argv[:1])
    options = ReportOptions("cn-210100", ("cn-210200",), ("gdp",), 2016,
                            chart_types=("line", "bar"))
    blocks = build_report(load_bundled(), options).charts()
    renderer = ChartRenderer()

    def broken_paint(plot: object, painter: object, size: QSize) -> None:
        painter.drawLine(0, 0, 10, 10)  # the painter is active on the device...
        raise ValueError("the chart could not be drawn")  # ...when drawing fails

    renderer._paint = broken_paint
    raised = []
    for _ in range(10):
        for block, render in [(b, r) for b in blocks[:2]
                              for r in (renderer.render_svg, renderer.render_image)]:
            try:
                render(block, QSize(300, 200))
            except ValueError as error:
                raised.append(str(error))
            gc.collect()
    renderer.close()
    app.processEvents()
    print(len(raised), raised[0])


def test_a_chart_export_that_fails_midway_raises_instead_of_crashing() -> None:
    """Unwinding freed the image or SVG generator before its still-active painter: segfault."""
    result = _run("failing_chart_exports")
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split(maxsplit=1) == ["40", "the chart could not be drawn\n"]


# --- workers -----------------------------------------------------------------------------------
def quit_with_a_worker_running() -> None:
    """The app quits while a worker runs (it would run 60 s); prints what the worker saw."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    runner = TaskRunner()
    started = threading.Event()
    seen: list[str] = []

    def work(progress: object) -> None:
        started.set()
        for _ in range(6000):
            if progress.cancelled():
                seen.append("cancelled")
                return
            time.sleep(0.01)
        seen.append("ran to the end")

    runner.start(work)
    started.wait(10)
    QTimer.singleShot(100, app.quit)
    app.exec()
    print(*seen or ["still running"])


def test_quitting_cancels_workers_and_the_process_ends() -> None:
    """Qt's exit waits for the thread pool without a bound: a worker nobody cancelled kept
    a quit app's process alive."""
    started = time.monotonic()
    try:
        result = _run("quit_with_a_worker_running", timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("the process did not end within 20 s of quitting")
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "cancelled"
    assert time.monotonic() - started < 15


def test_a_worker_outliving_its_runner_ends_quietly(qtbot, monkeypatch) -> None:
    """A dialog deleted while its worker ran: the result has nobody to go to, and the worker
    must not raise into the crash reporter ("Signal source has been deleted")."""
    import shiboken6
    from PySide6.QtCore import QObject

    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, error, _trace: hooked.append(error))
    owner = QObject()
    runner = TaskRunner(owner)
    release, returned = threading.Event(), threading.Event()

    def work(progress: object) -> int:
        release.wait(10)
        progress.report(0.5, "half")
        returned.set()
        return 1

    runner.start(work)
    shiboken6.delete(owner)  # the runner and its signals object go with their owner
    release.set()
    assert returned.wait(10)
    qtbot.wait(200)  # the job's end, on the pool thread
    assert hooked == []


def test_shutdown_waits_for_cooperative_workers_and_gives_up_on_stubborn_ones(qtbot) -> None:
    runner = TaskRunner()
    runner.start(lambda progress: [check_cancelled(progress) or time.sleep(0.01)
                                   for _ in range(3000)])
    before = time.monotonic()
    assert runner.shutdown(5000)
    assert time.monotonic() - before < 2

    stop = threading.Event()
    runner.start(lambda _progress: stop.wait(30))  # never looks at cancel
    before = time.monotonic()
    assert not runner.shutdown(300)
    assert 0.25 < time.monotonic() - before < 2
    stop.set()
    assert runner.wait(5000)


def test_quitting_waits_once_for_all_runners_not_once_each(qtbot) -> None:
    """Three stubborn workers cost one bounded wait at quit, not three."""
    stop = threading.Event()
    runners = [TaskRunner() for _ in range(3)]
    for runner in runners:
        runner.start(lambda _progress: stop.wait(30))
    before = time.monotonic()
    assert not shutdown_all(400)
    assert time.monotonic() - before < 1.0
    stop.set()
    assert runners[0].wait(5000)
    assert shutdown_all(100)
