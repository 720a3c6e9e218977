"""Import pyqtgraph without creating every Qt class it might ever use.

PySide6 creates the Python class of a Qt type on first access. pyqtgraph.Qt keeps its own
mirrors of QtCore, QtGui and QtWidgets and fills them by copying every name (`dir()`, then
`getattr()` of each): so a plain `import pyqtgraph` creates ~630 classes with their enums,
about 0.19 s on the UI thread in the middle of the start (measured), where the whole start
needs ~270 of them.

Here the mirrors are put in place first, as modules that look a name up in PySide6 when it is
first asked for, and PySide6's modules list no names to the copy that fills those mirrors
(to anyone else, all of them). pyqtgraph then reads the very same class objects, only later;
what it adds to its mirrors stays in them. Should pyqtgraph change how it mirrors, it gets
the plain import and tests/ui/test_pyqtgraph_import.py says the saving is gone.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any


def _mirror(source: types.ModuleType) -> types.ModuleType:
    """A module standing for pyqtgraph.Qt.<name>: its own names first, then PySide6's."""
    name = source.__name__.rpartition(".")[2]
    mirror = types.ModuleType(f"pyqtgraph.Qt.{name}", f"pyqtgraph's lazy mirror of {name}")

    def __getattr__(attribute: str) -> Any:  # noqa: N807 - the module hook (PEP 562)
        value = getattr(source, attribute)
        setattr(mirror, attribute, value)  # later reads are plain lookups, as after the copy
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted(set(dir(source)) | set(mirror.__dict__))

    mirror.__getattr__ = __getattr__  # type: ignore[method-assign]
    mirror.__dir__ = __dir__  # type: ignore[method-assign]
    return mirror


def _listing_hidden_from(mirrors: tuple[types.ModuleType, ...], source: types.ModuleType,
                         listing: Callable[[], list[str]] | None) -> Callable[[], list[str]]:
    """`source.__dir__` for the import: no names when the caller is copying into one of
    `mirrors` (pyqtgraph.Qt's `_copy_attrs(src, dst)`), the usual ones otherwise."""

    def __dir__() -> list[str]:  # noqa: N807
        destination = sys._getframe(1).f_locals.get("dst")
        if any(destination is mirror for mirror in mirrors):
            return []
        return listing() if listing is not None else list(source.__dict__)

    return __dir__


def import_pyqtgraph() -> types.ModuleType:
    """pyqtgraph, bound to PySide6, with its Qt mirrors filled on demand."""
    if "pyqtgraph" in sys.modules:
        return sys.modules["pyqtgraph"]
    from PySide6 import QtCore, QtGui, QtWidgets

    sources = (QtCore, QtGui, QtWidgets)
    mirrors = {f"pyqtgraph.Qt.{m.__name__.rpartition('.')[2]}": _mirror(m) for m in sources}
    listings = {source: source.__dict__.get("__dir__") for source in sources}
    sys.modules.update(mirrors)
    for source, listing in listings.items():
        source.__dir__ = _listing_hidden_from(  # type: ignore[method-assign]
            tuple(mirrors.values()), source, listing)
    try:
        import pyqtgraph
    except BaseException:
        for name in mirrors:
            sys.modules.pop(name, None)
        raise
    finally:
        for source, listing in listings.items():
            if listing is None:
                del source.__dir__
            else:
                source.__dir__ = listing  # type: ignore[method-assign]
    qt = sys.modules.get("pyqtgraph.Qt")
    if qt is None or any(getattr(qt, name.rpartition(".")[2], None) is not mirror
                         for name, mirror in mirrors.items()):
        for name, mirror in mirrors.items():
            if sys.modules.get(name) is mirror:
                del sys.modules[name]
    return pyqtgraph
