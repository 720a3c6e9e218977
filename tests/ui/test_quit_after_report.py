"""Quit after making a report ends the process (issue 12: the window went, the process stayed).

The app runs as a user starts it (`python -m desktop`, offscreen, its own settings folders);
`drive` schedules what the user did: Print report, Save PDF, Close, File › Quit, then Save or
Discard at the unsaved-changes question. The process must be gone 5 s after Quit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.ui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
DRIVER = "from tests.ui.test_quit_after_report import drive; drive()"
QUIT_WITHIN_S = 5.0
START_TIMEOUT_S = 240.0  # start and report; generous: the test machine may be busy


def drive() -> None:
    """In the subprocess: the app's own start, with timers doing what the user did.

    argv: PDF path, "save" or "discard", project path (where Save puts the project).
    Prints one line per step; "quit" just before File › Quit is triggered.
    """
    import runpy

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    pdf, answer, project = sys.argv[1], sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])  # the start takes the existing application

    def say(*words: object) -> None:
        print(*words, flush=True)

    def main_window() -> object:
        from desktop.ui.main_window import MainWindow

        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow) and hasattr(widget, "project_controller"):
                return widget
        return None

    def make_report() -> None:
        window = main_window()
        if window is None:
            QTimer.singleShot(100, make_report)
            return
        window.report_action.trigger()  # File › Print report…
        dialog = window.controller.report_dialog
        dialog.sig_report_written.connect(lambda _path: QTimer.singleShot(0, quit_app))
        dialog.sig_failed.connect(lambda message: say("failed", message))
        dialog.save("pdf", pdf)  # Save PDF… with the file name given
        say("report started")

    def quit_app() -> None:
        window = main_window()
        window.controller.report_dialog.reject()  # the dialog's Close button
        QTimer.singleShot(50, answer_questions)
        say("quit")
        window.quit_action.trigger()  # File › Quit

    def answer_questions() -> None:
        box = app.activeModalWidget()
        if isinstance(box, QMessageBox):
            button = (QMessageBox.StandardButton.Save if answer == "save"
                      else QMessageBox.StandardButton.Discard)
            say("answered", answer)
            box.button(button).click()
        elif isinstance(box, QFileDialog):
            say("project file", project)
            box.selectFile(project)
            box.accept()
        QTimer.singleShot(50, answer_questions)

    QTimer.singleShot(0, make_report)
    sys.argv = sys.argv[:1]
    runpy.run_module("desktop", run_name="__main__", alter_sys=True)


@pytest.mark.parametrize("answer", ["discard", "save"])
def test_quit_after_saving_a_report_ends_the_process(tmp_path: Path, answer: str) -> None:
    pdf = tmp_path / "report.pdf"
    project = tmp_path / "comparison.cityprofiles.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYQTGRAPH_QT_LIB": "PySide6",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-X", "faulthandler", "-c", DRIVER, str(pdf), answer,
             str(project)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr,
            text=True)
        watchdog = threading.Timer(START_TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            lines = []
            for line in process.stdout:
                lines.append(line.strip())
                if line.strip() == "quit":
                    break
            quit_at = time.monotonic()
            try:
                code = process.wait(timeout=QUIT_WITHIN_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                pytest.fail(f"still running {QUIT_WITHIN_S:g} s after Quit; steps: {lines}")
            lines += [line.strip() for line in process.stdout]
        finally:
            watchdog.cancel()
            process.stdout.close()
    took = time.monotonic() - quit_at
    assert "quit" in lines, f"never got to Quit: {lines}\n{errors.read_text()[-3000:]}"
    assert code == 0, errors.read_text()[-3000:]
    assert f"answered {answer}" in lines
    assert pdf.read_bytes().startswith(b"%PDF")
    if answer == "save":
        assert project.is_file() and project.stat().st_size > 0
    else:
        assert not project.exists()
    assert took < QUIT_WITHIN_S
