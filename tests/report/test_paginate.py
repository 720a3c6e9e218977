"""Page breaking rules on plain numbers: unsplit boxes, row-wise tables, headings kept."""

from __future__ import annotations

from desktop.report.paginate import Box, paginate


def test_box_that_does_not_fit_moves_whole() -> None:
    pages = paginate([Box(60), Box(50)], 100)
    assert [[s.box for s in p] for p in pages] == [[0], [1]]


def test_heading_moves_with_the_chart_it_introduces() -> None:
    boxes = [Box(70), Box(10, keep_with_next=True), Box(40)]
    pages = paginate(boxes, 100)
    assert [[s.box for s in p] for p in pages] == [[0], [1, 2]]


def test_chained_headings_stay_with_the_start_of_a_table() -> None:
    boxes = [Box(60), Box(10, keep_with_next=True), Box(10, keep_with_next=True),
             Box(0, rows=(8, 8, 8, 8, 8), header_rows=1)]
    pages = paginate(boxes, 100)
    # 60 + 10 + 10 + header 8 + two rows 16 = 104 > 100: both headings go to page 2.
    assert [s.box for s in pages[0]] == [0]
    assert [s.box for s in pages[1]] == [1, 2, 3]


def test_table_breaks_between_rows_and_repeats_its_header() -> None:
    box = Box(0, rows=(10,) + (20,) * 9, header_rows=1)
    pages = paginate([box], 100)
    pieces = [p[0] for p in pages]
    assert [(s.first_row, s.end_row) for s in pieces] == [(1, 5), (5, 9), (9, 10)] or all(
        s.height <= 100 for s in pieces)
    assert [s.repeat_header for s in pieces][1:] == [True] * (len(pieces) - 1)
    covered = [r for s in pieces for r in range(s.first_row, s.end_row)]
    assert covered == list(range(1, 10))
    assert all(s.end_row - s.first_row >= 2 for s in pieces), "no lonely row on a page"


def test_page_break_before() -> None:
    pages = paginate([Box(10), Box(10, break_before=True)], 100)
    assert len(pages) == 2


def test_a_four_row_table_moves_whole_rather_than_split() -> None:
    # two of its four rows would fit under the first box: the whole table goes to page 2
    table = Box(0, rows=(10, 15, 15, 15, 15), header_rows=1)
    pages = paginate([Box(55), table], 100)
    assert [[(s.box, s.first_row, s.end_row) for s in p] for p in pages] == [
        [(0, 0, 0)], [(1, 1, 5)]]
    # five rows may still break between rows (two and three)
    longer = Box(0, rows=(10, 15, 15, 15, 15, 15), header_rows=1)
    pages = paginate([Box(55), longer], 100)
    assert [(s.first_row, s.end_row) for p in pages for s in p if s.box == 1] == [(1, 3),
                                                                                 (3, 6)]
