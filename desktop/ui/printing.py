"""Report pages: measure blocks with QTextDocument, break pages by our rules, paint them.

Why we paginate ourselves instead of QTextDocument.print(): Qt's own pagination splits charts
(images) across pages and lets a heading end a page. Here every block is its own small
QTextDocument (or a chart: caption, SVG, legend), measured once; desktop.report.paginate decides
where pages break (rows never split, table headers repeat, headings stay with what follows);
then each page is painted, with a running header and "page X of Y".

Units: everything is laid out in 1/96 inch, against a fixed 96-dpi QImage as the text layout's
paint device (so layout does not depend on the screen), with design metrics (so positions scale
exactly). PDF writers and printers are set to 96 dpi as well; charts are SVG drawn by
QSvgRenderer, text stays text, so the output is vector at any zoom.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextTable,
)
from PySide6.QtSvg import QSvgRenderer

from desktop.core.storage import remove_stale_temps, write_atomically
from desktop.report import html as report_html
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
from desktop.report.paginate import Box, Slice, paginate
from desktop.report.pdf_meta import OutlineEntry, PdfInfo, finish_pdf
from desktop.report.sparkline import HEIGHT as SPARK_HEIGHT
from desktop.report.sparkline import WIDTH as SPARK_WIDTH
from desktop.report.sparkline import sparkline_svg
from desktop.text.phrases import text
from desktop.text.translator import translator
from desktop.ui.pdf_text import fix_cjk_text_mapping
from desktop.ui.plots.painting import painting

if TYPE_CHECKING:  # QtPrintSupport only where a printer is used, not for PDF or HTML output
    from PySide6.QtPrintSupport import QPrinter

LAYOUT_DPI = 96.0
MARGINS_MM = QMarginsF(16.0, 12.0, 16.0, 12.0)  # left, top, right, bottom
HEADER_HEIGHT = 30.0  # running header band inside the margins, in layout units
FOOTER_HEIGHT = 26.0
BODY_POINT_SIZE = 9.5
CHART_GAP = 4.0
SPACE = {"h1": 16.0, "h2": 14.0, "paragraph": 5.0, "sentence": 3.0, "note": 2.5, "table": 6.0,
         "chart": 10.0}
#: A last page filled less than this is avoided when tighter notes make it go.
LAST_PAGE_MIN_FILL = 0.25
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def page_layout(paper: str = "a4", landscape: bool = False) -> QPageLayout:
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(QPageSize(PAPER_SIZES.get(paper, QPageSize.PageSizeId.A4)), orientation,
                       MARGINS_MM, QPageLayout.Unit.Millimeter)


@dataclass(frozen=True)
class PageGeometry:
    """The printable area in layout units, split into header band, body and footer band."""

    width: float
    height: float

    @classmethod
    def of(cls, layout: QPageLayout) -> PageGeometry:
        rect = layout.paintRect(QPageLayout.Unit.Inch)
        return cls(rect.width() * LAYOUT_DPI, rect.height() * LAYOUT_DPI)

    @property
    def body_top(self) -> float:
        return HEADER_HEIGHT

    @property
    def body_height(self) -> float:
        return self.height - HEADER_HEIGHT - FOOTER_HEIGHT


def chart_size(geometry: PageGeometry, block: ChartBlock | None = None) -> QSize:
    """Charts span the text width; short enough that two fit on a portrait page.

    Bar charts are as tall as their bars need (about 40 units a bar), never taller.
    """
    width = geometry.width
    # landscape: a fifth of the page's height, so that a section's chart and table share it
    share = 0.30 if geometry.width < geometry.height else 0.22
    height = min(width * 0.42, geometry.body_height * share)
    if block is not None and block.kind == "bar":
        height = min(height, 46.0 + 40.0 * len(block.spec.bars))
    return QSize(round(width), round(height))


def report_font(point_size: float = BODY_POINT_SIZE) -> QFont:
    """The report's font; no ligatures, so that text copied or extracted from the PDF reads
    'profile', not 'proﬁle'."""
    font = QFont()
    font.setFamilies(list(report_html.FONT_FAMILIES))
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


@cache
def _reference_device() -> QImage:
    """A 96-dpi paint device: text is measured the same way on any screen and any printer.

    One for the whole process: every QTextDocument layout keeps a plain pointer to it, so it
    must outlive all of them (with a device per ReportLayout, garbage collection could free
    it before the layout's documents).
    """
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_meter = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    return image


@dataclass
class _Item:
    """One measured block: its documents or chart, and the Box the paginator sees."""

    kind: str  # text, table, chart
    box: Box
    doc: QTextDocument | None = None
    footer: QTextDocument | None = None
    svg: QSvgRenderer | None = None
    chart_height: float = 0.0
    boundaries: list[float] = field(default_factory=list)  # table: y of each row edge
    anchor: str = ""
    offset: float = 0.0  # blank space above a text block (the cover starts lower)
    label: str = ""  # for tests and debugging: heading text, chart id, table role
    level: int = 0  # a heading's level: a bookmark in the PDF's outline
    continued: QTextDocument | None = None  # a table's title on its continuation pages


@dataclass(frozen=True)
class Placement:
    """Where something landed: for tests that check the layout rules on the produced pages."""

    page: int
    kind: str
    label: str
    top: float
    bottom: float
    rows: tuple[int, int] = (0, 0)


class ReportLayout:
    """A report measured and paginated for one page size; paints any of its pages."""

    def __init__(self, document: ReportDocument, charts: Mapping[str, str],
                 layout: QPageLayout) -> None:
        self.document = document
        self.page_layout = layout
        self.geometry = PageGeometry.of(layout)
        self._device = _reference_device()
        self._charts = charts
        self.items: list[_Item] = []
        self._contents: tuple[int, ContentsBlock] | None = None
        self._measure()
        self.pages: list[list[Slice]] = paginate([i.box for i in self.items],
                                                 self.geometry.body_height)
        self._avoid_a_near_empty_last_page()
        self.anchor_pages = self._anchor_pages()
        if self._contents is not None:
            index, block = self._contents
            self.items[index].doc = self._table_doc(
                _contents_table(block, self.anchor_pages))

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def _avoid_a_near_empty_last_page(self) -> None:
        """A last page holding a few lines of notes is set tighter instead: the notes'
        paragraph spacing goes, and the pages are broken again (boxes only, no re-measuring)."""
        if len(self.pages) < 2 or self.page_fill(len(self.pages)) >= LAST_PAGE_MIN_FILL:
            return
        tight = [_with(i.box, space_before=0.0) if i.label == "paragraph:note" else i.box
                 for i in self.items]
        pages = paginate(tight, self.geometry.body_height)
        if len(pages) < len(self.pages):
            for item, box in zip(self.items, tight, strict=True):
                item.box = box
            self.pages = pages

    def page_fill(self, number: int) -> float:
        """How much of page `number`'s (1-based) body is used, 0 to 1."""
        slices = self.pages[number - 1]
        bottom = max((piece.y + piece.height for piece in slices), default=0.0)
        return bottom / self.geometry.body_height

    # --- measuring -------------------------------------------------------------------------
    def _doc(self, fragment: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setUseDesignMetrics(True)
        doc.documentLayout().setPaintDevice(self._device)
        doc.setDefaultFont(report_font())
        doc.setDefaultStyleSheet(report_html.QT_CSS)
        doc.setDocumentMargin(0)
        doc.setHtml(fragment)
        doc.setTextWidth(self.geometry.width)
        return doc

    def _table_doc(self, fragment: str) -> QTextDocument:
        return self._doc(fragment)

    def _measure(self) -> None:
        break_next = False
        for block in self.document.blocks:
            if isinstance(block, PageBreak):
                break_next = True
                continue
            for item in self._items_for(block):
                if break_next:
                    item.box = _with(item.box, break_before=True)
                    break_next = False
                self.items.append(item)

    def _items_for(self, block: object) -> list[_Item]:
        if isinstance(block, Heading):
            doc = self._doc(report_html.heading_html(block))
            space = SPACE["h1"] if block.level <= 1 else SPACE["h2"]
            return [_Item("text", Box(_height(doc), keep_with_next=True, space_before=space),
                          doc, anchor=block.anchor, label=f"heading:{block.text}",
                          level=block.level)]
        if isinstance(block, Paragraph):
            doc = self._doc(report_html.paragraph_html(block))
            space = SPACE.get(block.role, SPACE["paragraph"])
            return [_Item("text", Box(_height(doc), space_before=space), doc,
                          label=f"paragraph:{block.role}")]
        if isinstance(block, TableBlock):
            items = [self._data_table_item(block)]
            note = report_html.table_note_html(block)
            if note:
                doc = self._doc(note)
                items.append(_Item("text", Box(_height(doc), space_before=2.0), doc,
                                   label="paragraph:table-note"))
            return items
        if isinstance(block, ChartBlock):
            return [self._chart_item(block)]
        if isinstance(block, CoverBlock):
            doc = self._doc(report_html.cover_html(block))
            offset = self.geometry.body_height * 0.05
            return [_Item("text", Box(_height(doc) + offset), doc, offset=offset,
                          label="cover")]
        if isinstance(block, ContentsBlock):
            title = self._doc(f"<h1>{report_html.esc(block.title)}</h1>")
            table = self._table_item(_contents_table(block, {}), 0, "table:contents")
            self._contents = (len(self.items) + 1, block)
            return [_Item("text", Box(_height(title), keep_with_next=True), title,
                          label=f"heading:{block.title}", level=1), table]
        raise TypeError(f"unknown block {block!r}")

    def _data_table_item(self, block: TableBlock) -> _Item:
        """A report table: its sparklines as the document's image resources, its title as
        the "continued" line of its continuation pages."""
        spark_src = report_html.spark_resource if block.sparklines else None
        item = self._table_item(report_html.table_html(block, spark_src=spark_src), 1,
                                f"table:{block.role}", block)
        continued = report_html.continued_html(block, self.document.lang)
        if continued and item.kind == "table":
            item.continued = self._doc(continued)
            item.box = _with(item.box, continued=_height(item.continued) + 3.0)
        return item

    def _table_item(self, fragment: str, header_rows: int, label: str,
                    block: TableBlock | None = None) -> _Item:
        doc = self._table_doc(fragment)
        if block is not None:
            _add_sparklines(doc, block)
        boundaries = _row_boundaries(doc)
        rows = tuple(b - a for a, b in pairwise(boundaries))
        if len(rows) <= header_rows:
            return _Item("text", Box(_height(doc), space_before=SPACE["table"]), doc,
                         label=label)
        box = Box(_height(doc), rows=rows, header_rows=header_rows, space_before=SPACE["table"])
        return _Item("table", box, doc, boundaries=boundaries, label=label)

    def _chart_item(self, block: ChartBlock) -> _Item:
        caption = self._doc(report_html.chart_caption_html(block))
        footer = self._doc(report_html.chart_footer_html(block))
        svg_text = self._charts.get(block.chart_id, "")
        renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8"))) if svg_text else None
        chart_height = 0.0
        if renderer is not None and renderer.isValid():
            view = renderer.viewBoxF()
            chart_height = self.geometry.width * view.height() / max(view.width(), 1.0)
        height = _height(caption) + CHART_GAP + chart_height + CHART_GAP + _height(footer)
        return _Item("chart", Box(height, space_before=SPACE["chart"]), caption, footer,
                     renderer, chart_height, label=f"chart:{block.chart_id}")

    def _anchor_pages(self) -> dict[str, int]:
        pages: dict[str, int] = {}
        for number, page in enumerate(self.pages, start=1):
            for piece in page:
                anchor = self.items[piece.box].anchor
                if anchor and anchor not in pages:
                    pages[anchor] = number
        return pages

    # --- painting --------------------------------------------------------------------------
    def paint_page(self, painter: QPainter, index: int) -> None:
        """Paint page `index` (0-based); the painter's origin is the printable area's corner."""
        self._paint_running_text(painter, index)
        for piece in self.pages[index]:
            item = self.items[piece.box]
            painter.save()
            painter.translate(0.0, self.geometry.body_top + piece.y)
            if item.kind == "table":
                self._paint_table(painter, item, piece)
            elif item.kind == "chart":
                self._paint_chart(painter, item)
            elif item.doc is not None:
                painter.translate(0.0, item.offset)
                item.doc.drawContents(painter)
            painter.restore()

    def _paint_table(self, painter: QPainter, item: _Item, piece: Slice) -> None:
        edges = item.boundaries
        header = item.box.header_rows
        doc = item.doc
        assert doc is not None
        width = self.geometry.width
        top = 0.0
        if piece.repeat_header and item.continued is not None:
            item.continued.drawContents(painter)
            painter.translate(0.0, item.box.continued)
        if header:
            _draw_band(painter, doc, edges[0], edges[header], width)
            top = edges[header] - edges[0]
        painter.translate(0.0, top)
        _draw_band(painter, doc, edges[piece.first_row], edges[piece.end_row], width)

    def _paint_chart(self, painter: QPainter, item: _Item) -> None:
        assert item.doc is not None and item.footer is not None
        item.doc.drawContents(painter)
        y = _height(item.doc) + CHART_GAP
        if item.svg is not None:
            item.svg.render(painter, QRectF(0.0, y, self.geometry.width, item.chart_height))
        painter.translate(0.0, y + item.chart_height + CHART_GAP)
        item.footer.drawContents(painter)

    def _paint_running_text(self, painter: QPainter, index: int) -> None:
        font = QFont(report_font())
        font.setPixelSize(round(7.5 * LAYOUT_DPI / 72))
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor("#555555"))
        width, height = self.geometry.width, self.geometry.height
        line = QFontMetricsF(font).height()
        header = QRectF(0.0, 0.0, width, line)
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.document.header)
        painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         self.document.date)
        painter.setPen(QPen(QColor("#b8c0cc"), 0.8))
        painter.drawLine(0.0, line + 4.0, width, line + 4.0)
        painter.drawLine(0.0, height - FOOTER_HEIGHT + 8.0, width, height - FOOTER_HEIGHT + 8.0)
        painter.setPen(QColor("#555555"))
        footer = QRectF(0.0, height - line, width, line)
        painter.drawText(footer, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                         text("page_of", self.document.lang, page=index + 1,
                              pages=self.page_count))
        painter.restore()

    def outline(self) -> list[OutlineEntry]:
        """The PDF's bookmarks: the cover, then every heading on the page it starts on."""
        entries = [OutlineEntry(self.document.title, 0, 1)]
        for number, page in enumerate(self.pages):
            for piece in page:
                item = self.items[piece.box]
                if item.level and piece.first_row == 0:
                    entries.append(OutlineEntry(item.label.removeprefix("heading:"), number,
                                                min(item.level, 2)))
        return entries

    # --- for tests ---------------------------------------------------------------------------
    def placements(self) -> list[Placement]:
        """Every slice as page number, kind, label and its vertical extent on the page."""
        found = []
        for number, page in enumerate(self.pages, start=1):
            for piece in page:
                item = self.items[piece.box]
                top = self.geometry.body_top + piece.y
                found.append(Placement(number, item.kind, item.label, top, top + piece.height,
                                       (piece.first_row, piece.end_row)))
        return found


def _with(box: Box, **changes: object) -> Box:
    from dataclasses import replace

    return replace(box, **changes)


#: Sparklines are drawn at this multiple of their layout size: sharp on paper at 384 dpi.
SPARK_SCALE = 4


def _add_sparklines(doc: QTextDocument, block: TableBlock) -> None:
    """Register each row's sparkline (SVG from desktop.report.sparkline) as the image its
    <img> names; the <img> carries its size, so the layout does not wait for it."""
    for row, line in enumerate(block.sparklines):
        if line is None:
            continue
        svg = QSvgRenderer(QByteArray(sparkline_svg(line).encode("utf-8")))
        image = QImage(SPARK_WIDTH * SPARK_SCALE, SPARK_HEIGHT * SPARK_SCALE,
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        with painting(image) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            svg.render(painter)
        doc.addResource(QTextDocument.ResourceType.ImageResource,
                        QUrl(report_html.spark_resource(row)), image)


def _height(doc: QTextDocument) -> float:
    return float(doc.documentLayout().documentSize().height())


def _draw_band(painter: QPainter, doc: QTextDocument, top: float, bottom: float,
               width: float) -> None:
    """Paint the strip [top, bottom) of `doc` at the painter's origin, nothing outside it."""
    painter.save()
    painter.translate(0.0, -top)
    doc.drawContents(painter, QRectF(0.0, top, width, bottom - top))
    painter.restore()


def _row_boundaries(doc: QTextDocument) -> list[float]:
    """y of the top of each table row and the bottom of the last, from the text layout.

    A boundary is the midpoint between the lowest text of one row and the highest of the next:
    with equal cell padding and no cell spacing that is exactly the edge between the cells.
    """
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    if not tables:
        return [0.0, _height(doc)]
    table = tables[0]
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for row in range(table.rows()):
        row_top, row_bottom = float("inf"), 0.0
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            first = layout.blockBoundingRect(cell.firstCursorPosition().block())
            last = layout.blockBoundingRect(cell.lastCursorPosition().block())
            row_top = min(row_top, first.top())
            row_bottom = max(row_bottom, last.bottom())
        tops.append(row_top)
        bottoms.append(row_bottom)
    frame = layout.frameBoundingRect(table)
    edges = [frame.top()]
    edges += [(bottoms[r - 1] + tops[r]) / 2 for r in range(1, table.rows())]
    edges.append(max(frame.bottom(), _height(doc)))
    return edges


def _contents_table(block: ContentsBlock, pages: Mapping[str, int]) -> str:
    rows = "".join(report_html.contents_rows(block, pages))
    return (f'<table class="contents" width="100%" cellpadding="4" cellspacing="0">{rows}'
            "</table>")


# --- outputs ---------------------------------------------------------------------------------
def paint_report(layout: ReportLayout, device: QPagedPaintDevice) -> None:
    """Paint every page onto a PDF writer or a printer (already set to the page layout)."""
    with painting(device) as painter:
        scale = device.logicalDpiX() / LAYOUT_DPI
        for index in range(layout.page_count):
            if index:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            layout.paint_page(painter, index)
            painter.restore()


def pdf_bytes(document: ReportDocument, charts: Mapping[str, str],
              layout: QPageLayout | None = None) -> tuple[bytes, ReportLayout]:
    """The report as PDF file content (fonts embedded as subsets) and its page layout."""
    page = layout or page_layout(document.options.paper, document.options.landscape)
    report_layout = ReportLayout(document, charts, page)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(int(LAYOUT_DPI))
    writer.setPageLayout(page)
    writer.setTitle(document.title)
    writer.setCreator("City Profiles")
    paint_report(report_layout, writer)
    buffer.close()
    return finish(bytes(data), report_layout), report_layout


def finish(pdf: bytes, layout: ReportLayout) -> bytes:
    """Qt's PDF made complete: a text layer in the characters printed, bookmarks, metadata."""
    return finish_pdf(fix_cjk_text_mapping(pdf), pdf_info(layout.document), layout.outline())


def pdf_info(document: ReportDocument) -> PdfInfo:
    """What File › Properties shows: title, what is compared, names to search by, when."""
    keywords = (document.meta.get("focus", ""), *document.meta.get("peers", "").split("\n"),
                document.meta.get("group", ""), document.meta.get("kind", ""))
    return PdfInfo(document.title, document.meta.get("subject", document.title),
                   tuple(k for k in keywords if k), dt.datetime.now(dt.UTC),
                   translator(document.lang).html_lang)


def print_report(document: ReportDocument, charts: Mapping[str, str], printer: QPrinter) -> int:
    """Lay out for the printer's current page settings and print; returns the page count.

    A printer set to print into a PDF file (the print dialog's "Print to File") paints into a
    temp file beside it, which becomes the file only when complete: a failed print never
    leaves a half-written PDF, and Chinese text in it is copyable like in a saved PDF.
    """
    printer.setResolution(int(LAYOUT_DPI))
    report_layout = ReportLayout(document, charts, printer.pageLayout())
    target = printer.outputFileName()
    # The engine, not the output format, says where the pages go: a print preview paints a
    # printer set to a PDF file through its own engine, and that file must stay untouched.
    engine = printer.paintEngine()
    if not target or engine is None or engine.type() != QPaintEngine.Type.Pdf:
        paint_report(report_layout, printer)
        return report_layout.page_count
    path = Path(target)
    remove_stale_temps(path)
    # Named like write_atomically's temps, so a print killed midway is cleaned up later too.
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                                    dir=path.parent)
    os.close(handle)
    printer.setOutputFileName(temp)  # not a .pdf name: the output format stays PDF
    try:
        paint_report(report_layout, printer)
        write_atomically(path, finish(Path(temp).read_bytes(), report_layout))
    finally:
        Path(temp).unlink(missing_ok=True)
        printer.setOutputFileName(target)
    return report_layout.page_count


# --- headless use (the CLI and the benchmark) -----------------------------------------------
def ensure_app() -> object:
    """A QApplication for rendering; offscreen when there is no display."""
    import os
    import sys

    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        def quiet(mode: object, context: object, message: str) -> None:
            if "propagateSizeHints" not in message:
                sys.stderr.write(message + "\n")

        qInstallMessageHandler(quiet)
        app = QApplication(sys.argv[:1])
    return app


def chart_sizer(document: ReportDocument) -> Callable[[ChartBlock], QSize]:
    """The size each chart is rendered at for the document's paper and orientation."""
    geometry = PageGeometry.of(page_layout(document.options.paper, document.options.landscape))
    return lambda block: chart_size(geometry, block)


def render_output(document: ReportDocument, kind: str,
                  charts: Mapping[str, str] | None = None) -> tuple[bytes, int]:
    """The report file's bytes (PDF or HTML) and its page count (0 for HTML), in one call."""
    if charts is None:
        from desktop.ui.pyqtgraph_import import import_pyqtgraph

        import_pyqtgraph()  # before report_charts imports it plainly: ~0.15 s less
        from desktop.ui.report_charts import ChartRenderer, render_all_svg

        renderer = ChartRenderer()
        try:
            charts = render_all_svg(renderer, document.charts(), chart_sizer(document))
        finally:
            renderer.close()
    if kind == "pdf":
        data, layout = pdf_bytes(document, charts)
        return data, layout.page_count
    return report_html.render_html(document, charts).encode("utf-8"), 0
