"""A painter whose lifetime Python and Qt cannot get wrong.

A QPainter keeps a plain pointer to its device. When drawing raises, the unwinding frame frees
its locals in Python's order, the device (made first) before the painter: Qt then ends a
painter on freed memory, a segfault instead of the exception. `painting` ends the painter in
every case, before the device can go.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QPaintDevice, QPainter


@contextmanager
def painting(device: QPaintDevice) -> Iterator[QPainter]:
    """A painter active on `device` for the block; ended even when drawing raises."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting on the output device")
    try:
        yield painter
    finally:
        painter.end()

