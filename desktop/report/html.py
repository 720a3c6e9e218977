"""Report blocks as HTML: fragments Qt's rich text can lay out, and one self-contained page.

The fragments use the HTML subset QTextDocument understands (table attributes, bgcolor, simple
class selectors), so the printed pages and the HTML file show the same words and tables. The
standalone page adds print CSS (break-inside: avoid, repeated table headers) and inline SVG.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from desktop.report.model import (
    ChartBlock,
    ContentsBlock,
    CoverBlock,
    Heading,
    PageBreak,
    Paragraph,
    ReportDocument,
    TableBlock,
)
from desktop.report.palette import BETTER, BREAK, WORSE
from desktop.report.sparkline import HEIGHT as SPARK_HEIGHT
from desktop.report.sparkline import WIDTH as SPARK_WIDTH
from desktop.report.sparkline import data_uri, sparkline_svg
from desktop.text.translator import N_, translator

#: Font families: DejaVu Sans for Latin text and digits (Qt's PDF text extraction of Noto CJK
#: digits is unreliable), Noto Sans CJK SC for Chinese. Qt and browsers fall back per glyph.
FONT_FAMILIES = ("DejaVu Sans", "Noto Sans CJK SC")

#: The style Qt's rich text applies to every fragment (desktop/ui/printing.py sets it).
QT_CSS = """
h1 { font-size: 17pt; font-weight: 600; color: #1d2b3a; margin-top: 0; margin-bottom: 6px; }
h2 { font-size: 12pt; font-weight: 600; color: #1d2b3a; margin-top: 0; margin-bottom: 2px; }
p { margin-top: 0; margin-bottom: 0; }
p.body { font-size: 9.5pt; }
p.lead { font-size: 10pt; color: #333333; }
p.sentence { font-size: 10pt; }
p.note { font-size: 7.5pt; color: #333333; }
p.chart-title { font-size: 10.5pt; font-weight: 600; }
p.unit { font-size: 8pt; color: #555555; }
p.legend { font-size: 8.5pt; }
p.chart-note { font-size: 7.5pt; color: #7a4b00; }
p.source { font-size: 7.5pt; color: #555555; }
p.cover-title { font-size: 28pt; font-weight: 600; color: #1d2b3a; }
p.cover-subtitle { font-size: 14pt; color: #444444; }
p.cover-label { font-size: 9pt; color: #666666; }
p.cover-value { font-size: 12pt; }
p.cover-source { font-size: 8.5pt; color: #444444; }
p.table-note { font-size: 7.5pt; color: #555555; }
p.continued { font-size: 9pt; font-weight: 600; color: #1d2b3a; }
table.data { font-size: 8pt; }
table.contents { font-size: 11pt; }
th { font-size: 7.5pt; font-weight: 600; background-color: #e8ecf1; }
td { font-size: 8pt; }
"""

_TONE_COLORS = {1: BETTER, -1: WORSE}
#: A cell of a no-wrap column longer than this may wrap after all ("index, a year earlier =
#: 100"): kept on one line it would squeeze the other columns into many lines.
NOWRAP_MAX = 16


def esc(value: str) -> str:
    return html.escape(value, quote=True)


def heading_html(block: Heading) -> str:
    anchor = f'<a name="{esc(block.anchor)}"></a>' if block.anchor else ""
    tag = "h1" if block.level <= 1 else "h2"
    return f"<{tag}>{anchor}{esc(block.text)}</{tag}>"


def paragraph_html(block: Paragraph) -> str:
    prefix = "• " if block.role == "sentence" else ""
    text = esc(block.text)
    if block.term and block.text.startswith(block.term):
        text = f"<b>{esc(block.term)}</b>{esc(block.text[len(block.term):])}"
    return f'<p class="{esc(block.role)}">{prefix}{text}</p>'


def spark_resource(row: int) -> str:
    """The name printing.py registers row `row`'s sparkline image under."""
    return f"spark-{row}"


def _spark_img(block: TableBlock, row: int, src: Callable[[int], str] | None) -> str:
    line = block.sparklines[row] if row < len(block.sparklines) else None
    if line is None:
        return ""
    uri = src(row) if src else data_uri(sparkline_svg(line))
    return f'<img src="{esc(uri)}" width="{SPARK_WIDTH}" height="{SPARK_HEIGHT}" alt="">'


def table_html(block: TableBlock, header: bool = True,
               spark_src: Callable[[int], str] | None = None) -> str:
    """The table: header row shaded, the focus column bold on a light tint, zebra rows.
    Sparklines are data: URIs unless `spark_src` names each row's image (Qt's resources)."""
    total = sum(block.widths) or 1
    parts = ['<table class="data" width="100%" cellspacing="0" cellpadding="3" border="0">']
    if header:
        parts.append("<thead><tr>")
        for index, title in enumerate(block.columns):
            align = "left" if block.align[index] == "l" else "right"
            width = round(100 * block.widths[index] / total)
            parts.append(f'<th width="{width}%" align="{align}" bgcolor="#e8ecf1">'
                         f"{esc(title)}</th>")
        parts.append("</tr></thead>")
    parts.append("<tbody>")
    for number, row in enumerate(block.rows):
        shade = "#f6f7f9" if number % 2 else "#ffffff"
        if row.emphasis:
            shade = "#fff4d6"
        parts.append(f'<tr bgcolor="{shade}">')
        for index, cell in enumerate(row.cells):
            align = "left" if block.align[index] == "l" else "right"
            width = round(100 * block.widths[index] / total)
            style = []
            if index == block.focus_column:
                style.append("font-weight: 600")
            tone = row.tones[index] if index < len(row.tones) else 0
            if tone and index >= (block.focus_column or 0):
                style.append(f"color: {_TONE_COLORS[tone]}")
            tint = ' bgcolor="#fbeaea"' if index == block.focus_column and not row.emphasis else ""
            if index in block.nowrap and len(cell) <= NOWRAP_MAX:
                style.append("white-space: nowrap")
            css = f' style="{"; ".join(style)}"' if style else ""
            content = _spark_img(block, number, spark_src) if index == block.spark_column \
                else esc(cell)
            parts.append(f'<td width="{width}%" align="{align}"{tint}{css}>{content}</td>')
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def table_note_html(block: TableBlock) -> str:
    """The note under a table (values of another year), when it applies, and the colour key
    when the table colours values green or red."""
    parts = []
    if block.note and any("(" in c for r in block.rows for c in r.cells[3:]):
        parts.append(esc(block.note))
    if block.tone_key and any(t for r in block.rows for t in r.tones):
        better, worse = block.tone_key
        parts.append(f'<span style="color: {BETTER}">■</span>&nbsp;{esc(better)}&nbsp;&nbsp; '
                     f'<span style="color: {WORSE}">■</span>&nbsp;{esc(worse)}')
    return f'<p class="table-note">{"&nbsp;&nbsp;&nbsp; ".join(parts)}</p>' if parts else ""


#: Above a table's repeated header on the next page.
CONTINUED = N_("{title} (continued)")


def continued_html(block: TableBlock, lang: str) -> str:
    """The table's title marked as continued, for the top of a continuation page."""
    if not block.title:
        return ""
    return (f'<p class="continued">'
            f"{esc(translator(lang).gettext(CONTINUED, title=block.title))}</p>")


def chart_caption_html(block: ChartBlock) -> str:
    unit = f'<p class="unit">{esc(block.unit)}</p>' if block.unit else ""
    return f'<p class="chart-title">{esc(block.title)}</p>{unit}'


def chart_footer_html(block: ChartBlock) -> str:
    """Legend (coloured marks, focus bold), series-break and definition notes, source."""
    items = []
    for entry in block.legend:
        name = f"<b>{esc(entry.label)}</b>" if entry.is_focus else esc(entry.label)
        mark = "━━" if block.kind == "line" else "■"
        items.append(f'<span style="color: {entry.color}">{mark}</span>&nbsp;{name}')
    parts = [f'<p class="legend">{"&nbsp;&nbsp;&nbsp; ".join(items)}</p>']
    for note in block.notes:
        mark = "⚠ " if note[:4].isdigit() else ""
        parts.append(f'<p class="chart-note"><span style="color: {BREAK}">{mark}</span>'
                     f"{esc(note)}</p>")
    if block.source:
        parts.append(f'<p class="source">{esc(block.source)}</p>')
    return "".join(parts)


def cover_html(block: CoverBlock) -> str:
    parts = [f'<p class="cover-title">{esc(block.title)}</p>',
             f'<p class="cover-subtitle">{esc(block.subtitle)}</p><p>&nbsp;</p>']
    # label beside value: the facts and the contents share the cover's page
    rows = [(label, f'<p class="cover-value">{esc(value)}</p>') for label, value in block.facts]
    rows.append((block.sources_label,
                 f'<p class="cover-source">{" · ".join(esc(s) for s in block.sources)}</p>'))
    parts.append('<table width="100%" cellspacing="0" cellpadding="4">')
    parts.extend(f'<tr><td width="20%"><p class="cover-label">{esc(label)}</p></td>'
                 f"<td>{value}</td></tr>" for label, value in rows)
    parts.append("</table><p>&nbsp;</p>")
    return "".join(parts)


def contents_rows(block: ContentsBlock, pages: Mapping[str, int] | None) -> list[str]:
    """One `<tr>` per entry with links (HTML); on paper, page numbers and two columns read
    downwards, so that the contents fit on the cover's page."""
    style = ' style="font-size: 11pt"'
    cells = []
    for entry in block.entries:
        if pages is None:
            title = f'<a href="#{esc(entry.anchor)}">{esc(entry.text)}</a>'
            page = ""
        else:
            title = esc(entry.text)
            page = str(pages.get(entry.anchor, "")) if pages else "000"
        cells.append(f'<td width="38%"{style}>{title}</td>'
                     f'<td width="8%" align="right"{style}>{page}</td>')
    if pages is None:
        return [f"<tr>{cell}</tr>" for cell in cells]
    half = (len(cells) + 1) // 2
    gap = '<td width="8%"></td>'
    return [f"<tr>{left}{gap}{right}</tr>"
            for left, right in zip(cells[:half], [*cells[half:], ""][:half], strict=True)]


def contents_html(block: ContentsBlock, pages: Mapping[str, int] | None) -> str:
    rows = "".join(contents_rows(block, pages))
    return (f"<h1>{esc(block.title)}</h1>"
            f'<table class="contents" width="100%" cellpadding="4" cellspacing="0">{rows}'
            "</table>")


# --- the self-contained HTML page ---------------------------------------------------------

_PAGE_CSS = """
@page { size: %(paper)s; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: "%(page_word)s " counter(page) " / " counter(pages);
                   font-size: 8pt; color: #555; } }
body { font-family: %(fonts)s; color: #1b1b1b; max-width: 60em; margin: 2em auto;
       padding: 0 1em; line-height: 1.4; font-size: 10pt; }
h1 { break-after: avoid; page-break-after: avoid; margin-top: 1.2em; }
h2 { break-after: avoid; page-break-after: avoid; margin: 1em 0 0.3em 0; }
p { margin: 0.2em 0; }
table.data { border-collapse: collapse; width: 100%%; margin: 0.3em 0 0.8em 0; }
table.data th, table.data td { padding: 3px 5px; }
table.data thead { display: table-header-group; }
tr, figure, .cover, .keep { break-inside: avoid; page-break-inside: avoid; }
figure.chart { margin: 0.6em 0 1em 0; }
figure.chart svg { width: 100%%; height: auto; display: block; }
.page-break { break-after: page; page-break-after: always; height: 0; }
.cover { min-height: 60vh; }
@media screen { .page-break { border-top: 1px dashed #ccc; margin: 2em 0; } }
"""


def _page_css(document: ReportDocument) -> str:
    paper = "A4" if document.options.paper == "a4" else "letter"
    orientation = " landscape" if document.options.landscape else ""
    fonts = ", ".join(f"'{f}'" for f in FONT_FAMILIES) + ", sans-serif"
    page_word = translator(document.lang).pgettext("page footer", "Page")
    return QT_CSS + _PAGE_CSS % {"paper": paper + orientation, "fonts": fonts,
                                 "page_word": page_word}


_SVG_PROLOG = re.compile(r"^\s*<\?xml[^>]*>\s*(<!DOCTYPE[^>]*>\s*)?", re.DOTALL)


def inline_svg(svg: str) -> str:
    """An SVG file's text made embeddable: no XML prolog, scales with the page width."""
    body = _SVG_PROLOG.sub("", svg)
    body = re.sub(r"<svg\b([^>]*?)\swidth=\"[^\"]*\"", r"<svg\1", body, count=1)
    body = re.sub(r"<svg\b([^>]*?)\sheight=\"[^\"]*\"", r"<svg\1", body, count=1)
    return body


def render_html(document: ReportDocument, charts: Mapping[str, str]) -> str:
    """The whole report as one HTML file: charts inline (SVG text or data: URIs), no links out.

    `charts` maps chart_id to SVG markup or to a `data:image/png;base64,...` URI.
    """
    body: list[str] = []
    for block in document.blocks:
        if isinstance(block, PageBreak):
            body.append('<div class="page-break"></div>')
        elif isinstance(block, CoverBlock):
            body.append(f'<section class="cover">{cover_html(block)}</section>')
        elif isinstance(block, ContentsBlock):
            body.append(f"<nav>{contents_html(block, None)}</nav>")
        elif isinstance(block, Heading):
            body.append(heading_html(block).replace('<a name="', '<a id="'))
        elif isinstance(block, Paragraph):
            body.append(paragraph_html(block))
        elif isinstance(block, TableBlock):
            body.append(table_html(block) + table_note_html(block))
        elif isinstance(block, ChartBlock):
            body.append(_figure_html(block, charts.get(block.chart_id, "")))
    lang = translator(document.lang).html_lang
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(document.title)}</title>\n"
        f'<meta name="generator" content="City Profiles">\n'
        f"<style>{_page_css(document)}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f'\n<p class="source">{esc(document.header)} · {esc(document.date)}</p>\n'
        "</body>\n</html>\n"
    )


def _figure_html(block: ChartBlock, chart: str) -> str:
    if chart.startswith("data:"):
        drawing = f'<img src="{chart}" alt="{esc(block.alt)}" style="width:100%">'
    else:
        drawing = (f'<div role="img" aria-label="{esc(block.alt)}">{inline_svg(chart)}</div>'
                   if chart else "")
    return (f'<figure class="chart" id="{esc(block.chart_id)}">'
            f"{chart_caption_html(block)}{drawing}{chart_footer_html(block)}</figure>")
