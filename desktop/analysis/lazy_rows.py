"""A table's rows made when first read: the window draws a fifth of a long profile table.

desktop.analysis.profile_table builds the window's table through it; whoever reads every
row (fitting columns, sorting, copying, the report) makes them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.analysis.profile_table import TableCell


class LazyRows(Sequence[tuple["TableCell", ...]]):
    """A table's rows, each made when first read; the label and unit cells of every row
    are made at once (`head_column`).

    The window draws a fifth of a 100-indicator table, and making every row's cells was
    nearly all of a new year's or focus city's table (27.9 ms for 100 indicators, 6.6 ms
    for 20, cold). Whatever reads every row (fitting the columns, sorting, copying the
    table) makes them all; a row, once made, is kept."""

    __slots__ = ("_heads", "_left", "_made", "_make")

    def __init__(self, heads: Sequence[tuple[TableCell, TableCell]],
                 make: Callable[[int], tuple[TableCell, ...]]) -> None:
        self._heads = list(heads)
        self._made: list[tuple[TableCell, ...] | None] = [None] * len(self._heads)
        self._make: Callable[[int], tuple[TableCell, ...]] | None = make
        self._left = len(self._heads)

    def __len__(self) -> int:
        return len(self._heads)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        row = self._made[index]
        if row is None:
            assert self._make is not None
            row = self._made[index] = self._make(index % len(self))
            self._left -= 1
            if not self._left:
                self._make = None  # every row made: let go of what made them
        return row

    def __iter__(self) -> Iterator[tuple[TableCell, ...]]:
        """Every row, all made first (a reader of every row makes them all anyway; a plain
        list iterates ~10x faster than a row at a time through __getitem__)."""
        if self._left:
            for i, row in enumerate(self._made):
                if row is None:
                    self[i]
        return iter(self._made)  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyRows | tuple | list):
            return len(self) == len(other) and all(
                a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    @property
    def complete(self) -> bool:
        """Whether every row is made."""
        return not self._left

    def head_column(self, column: int) -> list[TableCell]:
        """Column 0 (labels) or 1 (units) of every row, without making the rows (a made
        row's label may be another cell drawn the same: its tooltip led by a sentence)."""
        return [head[column] for head in self._heads]


def column_cells(rows: Sequence[tuple[TableCell, ...]], column: int
                 ) -> list[TableCell] | None:
    """Every row's cell in `column`, or None when that would make rows not yet made (a
    LazyRows' columns after the label and unit)."""
    if isinstance(rows, LazyRows):
        if column < 2:
            return rows.head_column(column)
        if not rows.complete:
            return None
    return [row[column] for row in rows]
