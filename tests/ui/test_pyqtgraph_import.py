"""pyqtgraph imported the app's way: the same Qt classes, without creating all of them first.

Each check runs in a new interpreter, since this one has imported pyqtgraph long ago.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent("""
    import json, sys
    from PySide6 import QtCore, QtGui, QtWidgets

    def created():
        return sum(isinstance(value, type) for module in (QtCore, QtGui, QtWidgets)
                   for value in module.__dict__.values())

    if sys.argv[1] == "app":
        from desktop.ui.pyqtgraph_import import import_pyqtgraph
        pg = import_pyqtgraph()
    else:
        import pyqtgraph as pg
    after_import = created()
    mirrors = pg.Qt.QtCore, pg.Qt.QtGui, pg.Qt.QtWidgets
    same = all(getattr(mirror, name) is getattr(module, name)
               for mirror, module in zip(mirrors, (QtCore, QtGui, QtWidgets))
               for name in dir(module) if not name.startswith("__"))
    app = QtWidgets.QApplication([])
    plot = pg.PlotWidget()
    plot.setBackground("w")
    plot.plot([0, 1, 2], [0, 2, 1], pen=pg.mkPen("#c00000", width=4))
    plot.resize(300, 200)
    image = plot.grab().toImage()
    red = sum(image.pixelColor(x, y).name() == "#c00000"
              for x in range(image.width()) for y in range(image.height()))
    print(json.dumps({
        "created_by_import": after_import,
        "same_objects": same,
        "lazy_mirrors": all(mirror is sys.modules[mirror.__name__] and
                            "__getattr__" in mirror.__dict__ for mirror in mirrors),
        "pyside_listing": [len(dir(module)) for module in (QtCore, QtGui, QtWidgets)],
        "mirror_listing_has_qpointf": "QPointF" in dir(pg.Qt.QtCore),
        "file_system_model": pg.Qt.QtGui.QFileSystemModel is QtWidgets.QFileSystemModel,
        "red_pixels": red,
    }))
""")


def _probe(way: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYQTGRAPH_QT_LIB": "PySide6"}
    done = subprocess.run([sys.executable, "-c", PROBE, way], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_apps_import_creates_a_fraction_of_the_qt_classes_and_draws_the_same() -> None:
    plain, app = _probe("plain"), _probe("app")
    # If this fails, pyqtgraph changed how it mirrors Qt: the app still works (it gets the
    # plain import), but the start is ~0.15 s slower — see desktop/ui/pyqtgraph_import.py.
    assert app["lazy_mirrors"]
    assert app["created_by_import"] < plain["created_by_import"] / 3
    assert app["same_objects"] and plain["same_objects"]
    assert app["file_system_model"]
    assert app["pyside_listing"] == plain["pyside_listing"]  # PySide6's own listing is back
    assert app["mirror_listing_has_qpointf"]
    assert app["red_pixels"] == plain["red_pixels"] > 100
