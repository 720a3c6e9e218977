"""Test-wide set-up: offscreen Qt, PySide6 for pyqtgraph, user dirs redirected to tmp.

The environment variables are set at import time, before pytest-qt or any test module
imports Qt, so they hold for the whole session and for subprocesses started by tests.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from pathlib import Path

import pytest

from desktop.ui.pyqtgraph_import import import_pyqtgraph

# pyqtgraph as the app imports it, so every test that draws runs on the same lazy Qt mirrors.
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
