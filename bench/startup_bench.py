"""Start-up time as whole processes, against two baselines measured in the same run.

(a) process start to the first painted main window, against a bare PySide6 window;
(b) process start to the window fully usable (bundled data loaded, table and chart drawn),
    against a script that merely imports PySide6, pyqtgraph, pandas and openpyxl and shows a plot.
Targets (issue 6): (a) at most 1.5x the bare window; (b) no slower than the import script.
Each figure is the median of several runs, offscreen; the three programs run in turns (this
VM's speed drifts over seconds, and turns put them in the same conditions). Settings go to a
temporary folder. Our modules are byte-compiled first, as an installed or frozen app has them
(the libraries are, by pip): with PYTHONDONTWRITEBYTECODE set, every start would otherwise
compile ~70 modules from source.
Run: .venv/bin/python bench/startup_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 7

BARE_WINDOW = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1600, 1000)
class P(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print("first_paint", flush=True); print("ready", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
p = P(); w.installEventFilter(p); w.show(); app.exec()
"""

IMPORT_EVERYTHING = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import pyqtgraph as pg, pandas, openpyxl
app = QApplication([])
w = pg.PlotWidget(); w.resize(1600, 1000); w.plot([1, 2, 3], [3, 1, 2])
class P(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print("first_paint", flush=True); print("ready", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
p = P(); w.viewport().installEventFilter(p); w.show(); app.exec()
"""


def timed_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    marks: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        marks[line.strip()] = time.perf_counter() - start
        if line.strip() == "ready":
            break
    try:
        process.wait(60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()
    if "ready" not in marks:
        raise SystemExit(f"{command} never became ready")
    return marks["first_paint"], marks["ready"]


def medians_in_turns(commands: list[list[str]], env: dict[str, str], runs: int
                     ) -> list[tuple[float, float]]:
    """(first paint, ready) medians of each command, the commands taking turns run by run."""
    for command in commands:
        timed_run(command, env)  # warm the file cache
    marks: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for command, found in zip(commands, marks, strict=True):
            found.append(timed_run(command, env))
    return [(statistics.median(r[0] for r in found), statistics.median(r[1] for r in found))
            for found in marks]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    compileall.compile_dir(REPO / "desktop", quiet=1)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home,
               "XDG_DATA_HOME": home, "CITY_PROFILES_STARTUP_PROBE": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        (bare_paint, _), (_, everything_ready), (app_paint, app_ready) = medians_in_turns(
            [[sys.executable, "-c", BARE_WINDOW], [sys.executable, "-c", IMPORT_EVERYTHING],
             [sys.executable, "-m", "desktop"]], env, args.runs)
    ratio_paint = app_paint / bare_paint
    ratio_ready = app_ready / everything_ready
    print(f"bare PySide6 window, first paint:     {bare_paint:.2f} s")
    print(f"import-everything script, plot shown: {everything_ready:.2f} s")
    print(f"City Profiles, first paint:           {app_paint:.2f} s ({ratio_paint:.2f}x bare)")
    print(f"City Profiles, usable with data:      {app_ready:.2f} s "
          f"({ratio_ready:.2f}x import-everything)")
    ok = ratio_paint <= 1.5 and ratio_ready <= 1.0
    print(f"startup_bench: first paint {ratio_paint:.2f}x bare, usable {ratio_ready:.2f}x "
          f"import-everything (target <= 1.5x, <= 1.0x) {'ok' if ok else 'short'}")


if __name__ == "__main__":
    main()
