"""Garbage collection around the start: paused while it runs, then the start's objects frozen.

A start creates about a million long-lived objects (pandas, pyqtgraph, the Qt bindings, the
bundled data, the window). With the collector running, Python walked them in ~260 collections
during the start, two of them full ones (35 and 77 ms): ~0.2 s of a 1.5 s start. Frozen
(gc.freeze) once the window is usable, they are also left out of every later collection, so
a full collection in the middle of a click no longer walks them either.

Objects are still freed by their reference counts; only reference cycles among the frozen
objects are never reclaimed, so nothing may rely on the collector to free a dataset
(tests/analysis/test_dataset_lifetime.py). The start itself leaves ~750 objects of cyclic
garbage (measured with gc.collect() at settle: 120 ms to find them); frozen with the rest,
they stay — a few hundred KB, against a pause of that length.

Only a program start pauses the collector (commands.main.main reading sys.argv); a test calling
main([...]) or building windows leaves the collector alone, and settle() is then a no-op.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused = False


def pause() -> None:
    """No collections until settle(): called first thing in a program start."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def settle() -> None:
    """The start is over: freeze what it made and collect as usual from here on."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection while making many small objects that hold no cycles (tuples of
    numbers and text): the collector would run every 700 new objects, the older generations
    over every live object, ~3x the time to find nothing. The previous state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
