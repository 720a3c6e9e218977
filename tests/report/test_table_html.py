"""Report tables as HTML and on pages: units on one line, a colour key, continuation titles."""

from __future__ import annotations

import re

from desktop.report.html import table_html, table_note_html
from desktop.report.model import Sparkline, TableBlock, TableRow
from desktop.report.paginate import Box, paginate


def _table(tones: tuple[int, ...] = (0, 0, 0)) -> TableBlock:
    return TableBlock(
        columns=("Indicator", "Unit", "Shenyang"),
        rows=(TableRow(("GDP", "billion US$", "112.42"), tones=tones),
              TableRow(("New-home price index", "index, a year earlier = 100", "99.7"))),
        align=("l", "l", "r"), widths=(40, 30, 30), focus_column=2, nowrap=(1,),
        tone_key=("better than the peer median", "worse than the peer median"),
    )


def _cell(html: str, text: str) -> str:
    return re.search(rf"<td[^>]*>{re.escape(text)}</td>", html).group(0)


def test_a_unit_stays_on_one_line_unless_it_is_a_phrase() -> None:
    html = table_html(_table())
    assert "white-space: nowrap" in _cell(html, "billion US$")
    # kept on one line, a long unit would squeeze the indicator into many lines
    assert "nowrap" not in _cell(html, "index, a year earlier = 100")
    assert "nowrap" not in _cell(html, "GDP")


def test_colour_key_only_where_colours_are_used() -> None:
    assert table_note_html(_table()) == ""
    note = table_note_html(_table(tones=(0, 0, -1)))
    assert "#1a7f37" in note and "better than the peer median" in note
    assert "#b42318" in note and "worse than the peer median" in note
    assert "color: #b42318" in _cell(table_html(_table(tones=(0, 0, -1))), "112.42")


def test_sparkline_cells_are_images_named_for_qt_or_inline_for_html() -> None:
    block = TableBlock(columns=("Indicator", "Trend"), rows=(TableRow(("GDP", "")),),
                       align=("l", "l"), widths=(50, 50), spark_column=1,
                       sparklines=(Sparkline(((2010, 1.0), (2011, 2.0))),))
    assert 'src="data:image/svg+xml;base64,' in table_html(block)
    assert 'src="spark-0"' in table_html(block, spark_src=lambda row: f"spark-{row}")


def test_a_continuation_page_makes_room_for_the_tables_title() -> None:
    rows = (10.0, *(20.0,) * 10)  # header, ten rows of 20
    plain = paginate([Box(210.0, rows=rows, header_rows=1)], 120.0)
    titled = paginate([Box(210.0, rows=rows, header_rows=1, continued=15.0)], 120.0)
    assert [(s.first_row, s.end_row) for s in plain[1]] == [(6, 11)]
    # title (15) + header (10) leave room for four rows, not five; the last of the five
    # would be alone on page 3, so two go there
    assert [(s.first_row, s.end_row) for s in titled[1]] == [(6, 9)]
    assert [(s.first_row, s.end_row) for s in titled[2]] == [(9, 11)]
    assert titled[1][0].height == 15.0 + 10.0 + 3 * 20.0 and titled[1][0].repeat_header
    assert titled[0][0].height == plain[0][0].height  # the first page has no such title
