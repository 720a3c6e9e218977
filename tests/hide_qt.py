"""A pytest plugin (`-p tests.hide_qt`) that makes Qt look uninstalled: PySide6, shiboken6 and
pyqtgraph fail to import and `importlib.util.find_spec` finds none of them."""

import sys

for _name in ("PySide6", "shiboken6", "pyqtgraph"):
    sys.modules[_name] = None  # type: ignore[assignment]  (None: "not importable")
