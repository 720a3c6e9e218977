"""The frame every chart widget shares: paper colours, the title, the plot set up by
chart_plot, the read-out / notes / source labels under it (notes in a NotesArea that scrolls
past NOTES_LINES lines), and the legend box of the pyqtgraph-legend charts. Split from
line_chart.py: the ranking, scatter, small-multiples and map charts use it too."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.plots.chart_style import (
    SCREEN,
    chart_plot,
)


def use_paper(widget: QWidget) -> None:
    """Dark on white in every theme: charts are drawn as on paper (see LineChart)."""
    paper = QPalette(widget.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        paper.setColor(group, QPalette.ColorRole.Window, QColor("#ffffff"))
        paper.setColor(group, QPalette.ColorRole.WindowText, QColor("#222222"))
        paper.setColor(group, QPalette.ColorRole.Text, QColor("#222222"))
    widget.setPalette(paper)
    widget.setAutoFillBackground(True)


def title_label(widget: QWidget) -> QLabel:
    label = QLabel()
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def start_chart(chart: QWidget, left: pg.AxisItem, bottom: pg.AxisItem, name: str,
                grid: tuple[bool, bool] = (True, True)) -> None:
    """What every chart widget starts with: paper colours, no caption yet, a word-wrapped
    title and the styled plot (chart.title, chart.plot_widget, chart.plot_item)."""
    use_paper(chart)
    chart.caption = ""  # type: ignore[attr-defined]
    chart.title = title_label(chart)  # type: ignore[attr-defined]
    chart.plot_widget, chart.plot_item = chart_plot(  # type: ignore[attr-defined]
        left, bottom, name, SCREEN, grid)


#: Most lines of notes and source shown under a chart before they scroll.
NOTES_LINES = 6
#: The notes' preferred width: wrapped text fits any width the chart has.
NOTES_HINT_WIDTH = 200


class NotesArea(QScrollArea):
    """The notes and source under a chart, as tall as their text up to NOTES_LINES lines and
    scrolling beyond: a chart with many notes (breaks, conversions, vintages) used to grow
    taller than the window, squeezing the table or the plot to nothing."""

    def __init__(self, notes: QLabel, source: QLabel) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder.setAutoFillBackground(False)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(notes)
        layout.addWidget(source)
        layout.addStretch(1)  # the text at the top when the area is taller than it
        self.setWidget(holder)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        holder.installEventFilter(self)
        self._labels = (notes, source)
        self._fitted_width = 0
        self._tallest = 0

    def cap(self) -> int:
        """NOTES_LINES lines, but at most a quarter of the chart (two lines at least): in a
        small window the plot keeps most of the height."""
        line = self.fontMetrics().lineSpacing()
        chart = self.parentWidget()
        room = int(chart.height() * 0.25) if chart is not None and chart.height() > 0 else 10**6
        return max(2 * line, min(line * NOTES_LINES, room)) + 6

    def content_height(self, width: int) -> int:
        """The notes' height at `width` (0 when both labels are empty)."""
        inner = max(width - self.verticalScrollBar().sizeHint().width(), 50)
        shown = [label for label in self._labels if label.text() and not label.isHidden()]
        if not shown:
            return 0
        return sum(label.heightForWidth(inner) for label in shown) + 2 * (len(shown) - 1)

    def fit(self) -> None:
        """As tall as the text up to the cap, but never shorter than it has been at this
        width: a height that followed every selection moved and resized the plot above, and
        Qt then repainted the whole chart and the window under it (~40 ms a change)."""
        width = self.width() or 600
        if width != self._fitted_width:
            self._fitted_width, self._tallest = width, 0
        self._tallest = max(self._tallest, min(self.content_height(width), self.cap()))
        if self.height() != self._tallest or self.minimumHeight() != self._tallest:
            self.setFixedHeight(self._tallest)

    def sizeHint(self) -> QSize:
        # The height it has kept (fit), not the new text's: a hint that followed each new
        # note laid out the chart page, the splitter and the tab widget once more after
        # every selection change was painted, and painted the labels again. The width is
        # the wrapped text's to decide, not its one-line length.
        height = self._tallest or min(self.content_height(self.width() or 600), self.cap())
        return QSize(NOTES_HINT_WIDTH, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a label's text changed
            self.fit()
        return False

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        self.fit()


def stack_chart(chart: QWidget) -> None:
    """Every chart reads top to bottom the same way: title, plot, read-out, notes, source
    (the last two in a NotesArea, so that the plot keeps the height)."""
    layout = QVBoxLayout(chart)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(chart.title)
    layout.addWidget(getattr(chart, "plot_area", chart.plot_widget), 1)
    layout.addWidget(chart.readout)
    chart.notes_area = NotesArea(chart.notes, chart.source)
    layout.addWidget(chart.notes_area)
    for label in (chart.title, chart.readout):  # their height too only grows at one width
        label._steady = _SteadyHeight(label)  # type: ignore[attr-defined]


def finish_chart(chart: QWidget, legend_offset: tuple[int, int] | None = None) -> None:
    """What every chart widget ends with: the read-out, notes and source labels under the
    plot (chart.readout, .notes, .source), stacked, and the read-out following the pointer
    (chart._on_mouse_moved); with `legend_offset`, pyqtgraph's boxed legend there
    (chart.legend)."""
    if legend_offset is not None:
        chart.legend = boxed_legend(chart.plot_item, legend_offset)
    chart.plot_widget.scene().sigMouseMoved.connect(chart._on_mouse_moved)
    chart.readout, chart.notes, chart.source = note_labels()
    stack_chart(chart)


def over_plot(chart: QWidget, position: QPointF) -> bool:
    """Whether the pointer (scene `position`) is over the plot of a chart with something
    drawn (chart._spec not empty): only then does its read-out follow the pointer."""
    spec = chart._spec  # type: ignore[attr-defined]
    return (spec is not None and not spec.is_empty
            and chart.plot_item.sceneBoundingRect().contains(position))


class _SteadyHeight(QObject):
    """Keeps a word-wrapped label at the tallest height it has needed at its current width, so
    that a shorter title or read-out does not move the plot (see NotesArea.fit)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self._label = label
        self._width = 0
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            label = self._label
            width = label.width()
            if width != self._width:
                self._width = width
                label.setMinimumHeight(0)
            needed = label.heightForWidth(width) if label.wordWrap() else \
                label.sizeHint().height()
            if needed > label.minimumHeight():
                label.setMinimumHeight(needed)
        return False


def boxed_legend(plot_item: pg.PlotItem, offset: tuple[int, int]) -> pg.LegendItem:
    """pyqtgraph's legend on a white, lightly framed box (ranking and scatter charts)."""
    return plot_item.addLegend(offset=offset, labelTextColor="#222",
                               brush=pg.mkBrush(255, 255, 255, 220), pen=pg.mkPen("#bbb"))


class WrappedLabel(QLabel):
    """A word-wrapped label whose size hints cost one text layout per text and width.

    QLabel works out a wrapped text's hints by laying it out at several widths, again
    after every new text, and layouts ask for them and for heightForWidth several times a
    pass: ~2 ms for the chart's coloured read-out on every selection change. Here the
    height for a width is remembered per text, and the hints are that height at the
    label's width with a modest width (wrapped text fits whatever width the layout
    gives it)."""

    #: the preferred and the least width a wrapped label asks for
    HINT_WIDTH, LEAST_WIDTH = 200, 80

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self._heights: dict[tuple[str, int], int] = {}

    def heightForWidth(self, width: int) -> int:
        key = (self.text(), width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 64:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def sizeHint(self) -> QSize:
        return QSize(self.HINT_WIDTH, self.heightForWidth(self.width() or self.HINT_WIDTH))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.LEAST_WIDTH, self.heightForWidth(self.width() or self.HINT_WIDTH))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


def note_labels() -> tuple[QLabel, QLabel, QLabel]:
    """(read-out, notes, source) labels under a chart."""
    readout_label = WrappedLabel()
    readout_label.setTextFormat(Qt.TextFormat.RichText)
    readout_label.setMinimumHeight(readout_label.fontMetrics().height() + 6)
    notes = WrappedLabel()
    notes.setStyleSheet("color: #7a4b00;")
    source = WrappedLabel()
    source.setStyleSheet("color: #555;")
    for label in (notes, source):
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return readout_label, notes, source
