"""Test-wide set-up: offscreen Qt, PySide6 for pyqtgraph, user dirs redirected to tmp, and
the `ui` marker on every test that needs Qt (those under tests/ui/, or using qtbot/qapp), so
that `pytest -m "not ui"` is the suite of a machine without Qt.

The environment variables are set at import time, before pytest-qt or any test module
imports Qt, so they hold for the whole session and for subprocesses started by tests.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
os.environ["PYTEST_QT_API"] = "pyside6"  # (not in pyproject: without pytest-qt, an unknown key)

import importlib.util
from pathlib import Path

import pytest

#: Qt (PySide6 and pyqtgraph) is needed only by the tests marked `ui`: `pytest -m "not ui"`
#: runs on a machine without it (tests/test_without_qt.py checks that).
QT_AVAILABLE = all(importlib.util.find_spec(name) is not None
                   for name in ("PySide6", "pyqtgraph"))
#: Fixtures that mean a test needs a QApplication.
QT_FIXTURES = frozenset({"qtbot", "qapp", "qapp_args", "qapp_cls"})
TESTS = Path(__file__).resolve().parent

if QT_AVAILABLE:
    from desktop.ui.pyqtgraph_import import import_pyqtgraph

    # pyqtgraph as the app imports it, so every test that draws runs on the same lazy mirrors
    import_pyqtgraph()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings, recent files and caches out of the real home directory.

    Qt on Linux reads these on first use of QSettings/QStandardPaths, so UI tests that create
    settings after this fixture runs write under tmp_path.
    """
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Without Qt, tests/ui/ is not even imported (its modules import Qt at the top)."""
    if not QT_AVAILABLE and TESTS / "ui" in (collection_path, *collection_path.parents):
        return True
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ui = pytest.mark.ui
    for item in items:
        path = Path(str(item.path))
        if TESTS / "ui" in path.parents or QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(ui)
