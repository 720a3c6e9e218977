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

Once the app runs, the youngest generation is collected every YOUNG_THRESHOLD new objects
instead of Python's 700: a selection change makes ~5,000 tracked objects (table cells, their
lazy tooltips, changes), so the default ran ~7 young and, every ~15 changes, one full
collection per change; on 3,000 places x 100 indicators a full one walked ~300,000 cached
objects in 20-35 ms, in the middle of a click. At 5,000: one young collection per change,
no full one in 80 changes (bench/scale_bench.py; the collector's time over 80 changes
200 -> 66 ms).

Only a program start pauses the collector (commands.main.main reading sys.argv); a test calling
main([...]) or building windows leaves the collector alone, and settle() is then a no-op.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused = False
#: New tracked objects between collections of the youngest generation, once the app runs.
YOUNG_THRESHOLD = 5_000


def pause() -> None:
    """No collections until settle(): called first thing in a program start."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def settle() -> None:
    """The start is over: freeze what it made and collect as a running app does (steady)."""
    global _paused
    if _paused:
        _paused = False
        steady()
        gc.enable()


def steady() -> None:
    """What a running app collects: the objects made so far frozen, young objects collected
    every YOUNG_THRESHOLD (the benchmarks call this as the program's start does)."""
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])


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
