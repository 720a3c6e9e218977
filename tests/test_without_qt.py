"""`pytest -m "not ui"` is the suite of a machine without Qt (issue 14 item 7): every test that
needs Qt is marked ui (tests/conftest.py), and no other test module imports Qt when collected.

The whole non-ui suite was run this way by hand (1,437 passed); here collection is checked,
which is where a Qt import at a test module's top would fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_non_ui_suite_collects_with_qt_hidden() -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.hide_qt", "-p", "no:pytest-qt",
         "-p", "no:cacheprovider", "--collect-only", "-q", "-m", "not ui", "tests"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=environment, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "error" not in done.stdout.lower().split("collected")[-1]
    collected = [line for line in done.stdout.splitlines() if "::" in line]
    assert len(collected) > 1000  # the non-ui tests are there, not skipped away
    assert not any(line.startswith("tests/ui/") for line in collected)


def test_qt_is_really_hidden_by_the_plugin() -> None:
    """The check above proves nothing if the plugin lets PySide6 through."""
    code = ("import tests.hide_qt, importlib.util\n"
            "assert importlib.util.find_spec('PySide6') is None\n"
            "try:\n    import pyqtgraph\nexcept ImportError:\n    print('hidden')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.stdout.strip() == "hidden", done.stderr
