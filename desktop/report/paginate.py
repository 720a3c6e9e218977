"""Page breaking by our own rules, on measured heights: pure arithmetic, no Qt.

Qt's QTextDocument pagination splits images and leaves headings alone at the foot of a page,
so printing.py measures every block and lets this module decide where pages break:
- a box (chart, paragraph, heading) is never split; it moves to the next page whole;
- a table breaks only between rows, and its header rows repeat at the top of each page;
  a page never ends with fewer than MIN_TABLE_ROWS of a table's rows, nor starts with fewer;
  a table of up to WHOLE_TABLE_ROWS rows (four cities, three sectors and their total) is
  never split: it moves to the next page whole;
- a box marked keep_with_next starts on the same page as the start of what follows it
  (a heading never ends a page), chains of such boxes included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: A table continues on the next page only if this many body rows fit after its heading.
MIN_TABLE_ROWS = 2
#: A table with at most this many body rows is kept on one page (when it fits on one).
WHOLE_TABLE_ROWS = 4


@dataclass(frozen=True)
class Box:
    """A measured block. Tables give `rows` (heights, header rows first) instead of one height."""

    height: float
    rows: tuple[float, ...] = ()
    header_rows: int = 0
    keep_with_next: bool = False
    break_before: bool = False
    space_before: float = 0.0
    #: a table's "continued" title, printed above its header on each continuation page
    continued: float = 0.0

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


@dataclass(frozen=True)
class Slice:
    """Part of a box placed on a page: all of it, or table body rows [first_row, end_row)."""

    box: int
    y: float
    height: float
    first_row: int = 0
    end_row: int = 0
    repeat_header: bool = False


def _first_chunk(box: Box) -> float:
    """The least of a box that must fit for it to start on the current page."""
    if not box.is_table:
        return box.height
    body = box.rows[box.header_rows:]
    if len(body) <= WHOLE_TABLE_ROWS:
        return sum(box.rows)
    return sum(box.rows[: box.header_rows]) + sum(body[:MIN_TABLE_ROWS])


def _needed(boxes: Sequence[Box], index: int) -> float:
    """Height that must fit to start box `index`: its first chunk, plus what it keeps with."""
    total = 0.0
    while True:
        box = boxes[index]
        if not box.keep_with_next or index + 1 >= len(boxes):
            return total + _first_chunk(box)
        total += box.height
        index += 1
        if boxes[index].break_before:
            return total
        total += boxes[index].space_before


def paginate(boxes: Sequence[Box], page_height: float) -> list[list[Slice]]:
    """Place the boxes on pages of `page_height`; returns the slices of each page."""
    pages: list[list[Slice]] = [[]]
    y = 0.0

    def new_page() -> None:
        nonlocal y
        pages.append([])
        y = 0.0

    for index, box in enumerate(boxes):
        if box.break_before and pages[-1]:
            new_page()
        space = box.space_before if pages[-1] else 0.0
        if pages[-1] and y + space + _needed(boxes, index) > page_height:
            new_page()
            space = 0.0
        if not box.is_table:
            pages[-1].append(Slice(index, y + space, box.height))
            y += space + box.height
            continue
        header = sum(box.rows[: box.header_rows])
        row = box.header_rows
        while row < len(box.rows):
            top = y + space
            height, first = header, row
            if first > box.header_rows:
                height += box.continued
            while row < len(box.rows) and top + height + box.rows[row] <= page_height:
                height += box.rows[row]
                row += 1
            left = len(box.rows) - row
            if 0 < left < MIN_TABLE_ROWS and row - first - (MIN_TABLE_ROWS - left) >= \
                    MIN_TABLE_ROWS:
                back = MIN_TABLE_ROWS - left  # no lonely last row on the next page
                height -= sum(box.rows[row - back: row])
                row -= back
            if row == first:
                if pages[-1]:
                    new_page()
                    space = 0.0
                    continue
                height += box.rows[row]  # a single row taller than a page: place it anyway
                row += 1
            pages[-1].append(Slice(index, top, height, first, row, first > box.header_rows))
            y = top + height
            if row < len(box.rows):
                new_page()
                space = 0.0
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages
