"""Draws the profile table's cells from the model's per-row records, as the style would.

A table repaint drew ~260 cells (10 cities, 1600 px) through QStyledItemDelegate: ~10 data()
calls per cell through the sort proxy into Python, then the style eliding and laying out each
text again (~29 -> 16 ms CPU per repaint). Here a cell is one look-up in the model's per-row
record, a fill when it has a background, and the draw of a text laid out once per text and
width, at the place the style puts it (tests/ui/test_profile_delegate.py compares pixels)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.models.profile_model import BOLD, ITALIC, CellLook, ProfileTableModel

# State flags as plain ints: a Python enum `&` costs ~5 us, and a repaint draws ~250 cells.
_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
#: Laid-out texts kept (~3.5 KB each): ~15 screens of a 10-city table, ~14 MB at most.
_KEPT_LAYOUTS = 4_000
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_HORIZONTAL = Qt.AlignmentFlag.AlignHorizontal_Mask.value
_RIGHT = Qt.AlignmentFlag.AlignRight.value
_CENTRE = Qt.AlignmentFlag.AlignHCenter.value
#: Characters a text may have to be drawn straight (_direct_offset): printable ASCII and the
#: signs numbers are written with.
_DIRECT_CHARS = frozenset(chr(c) for c in range(0x20, 0x7F)) | frozenset("−–—…·%")
_GROUPS = (QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Normal)


class ProfileCellDelegate(QStyledItemDelegate):
    """Paints a cell as QStyledItemDelegate with the common style does (focus background,
    tone or grey text, bold focus column, italic stale or suspect values, the selection's
    colours, the text elided at the right), from `ProfileTableModel.row_looks`; left to
    right, as the app's languages are. The cell with the keyboard focus is left to the
    style, which draws its focus frame, and so is the selected row's panel (native styles
    draw their own)."""

    def __init__(self, proxy: QSortFilterProxyModel, model: ProfileTableModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self._model = model
        #: How each cell of a model row is drawn (ProfileTableModel.row_looks).
        self.looks_of_row = model.row_looks
        self._rows: list[int] | None = None
        for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted,
                       proxy.rowsRemoved, proxy.rowsMoved):
            signal.connect(self._forget_rows)
        self._fonts: list[QFont] = []
        self._metrics: list[QFontMetricsF] = []
        self._laid_out: dict[tuple[int, int, int, str], tuple[QTextLayout, int]] = {}
        self._margin = 0
        self._palette: dict[int, tuple[QColor, QColor]] = {}  # by colour group
        #: Texts drawn once straight with drawText (see _direct_offset), by layout key: laid
        #: out when they come back.
        self._seen: set[tuple[int, int, int, str]] = set()
        self._ascents: list[float] = []
        self._line_heights: list[int] = []
        #: per font kind, the advance of each character met (None: not in the font)
        self._advances: list[dict[str, float | None]] = []

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        state = option.state.value
        if state & _HAS_FOCUS:
            super().paint(painter, option, index)
            return
        rows = self._rows
        if rows is None:
            rows = self.source_rows()
        if not self._fonts:
            self.prepare(option.font, option.widget)
        self.draw(painter, option.rect, self._model.row_looks(rows[index.row()])[index.column()],
                  state, option)

    def draw(self, painter: QPainter, rect: QRect, look: CellLook, state: int,
             option: QStyleOptionViewItem) -> None:
        """Draw one cell's `look` in `rect` for the view `state` (plain int flags), after
        the view drew the row's panel; `option` is read only for a selected cell, whose
        panel the style draws (its backgroundBrush is left set). `prepare` first."""
        if state & _SELECTED:  # the style's own selection panel (native looks differ)
            text, alignment, kind, _tone, background = look
            if background is not None:
                option.backgroundBrush = background
            widget = option.widget
            widget.style().drawPrimitive(_PANEL, option, painter, widget)
            # on the panel: the text in the selection's colour, nothing filled under it
            look = (text, alignment, kind, self._group_colours(state, option)[0], None)
        self.plain_drawer(painter, state, option)(rect.x(), rect.y(), rect.width(),
                                                  rect.height(), look)

    def plain_drawer(self, painter: QPainter, state: int,
                     option: QStyleOptionViewItem) -> Callable[[int, int, int, int, CellLook],
                                                               None]:
        """`draw` for the cells of one paint that are neither selected nor focused, with the
        colours, margin and pen resolved once: (x, y, width, height, look) -> drawn. The
        pen is set only when a cell's colour differs from the last cell's."""
        plain = self._group_colours(state, option)[1]
        # No save()/restore() (a tenth of the repaint): the pen is set when the colour
        # changes, the font is the laid-out text's, and the view sets its own pen for the
        # grid it draws after the cells.
        margin, laid_out, lay_out = self._margin, self._laid_out, self._layout
        direct, seen, fonts = self._direct_offset, self._seen, self._fonts
        lines, ascents = self._line_heights, self._ascents
        fill, set_pen, set_font = painter.fillRect, painter.setPen, painter.setFont
        draw_text = painter.drawText
        pen: list[QColor | None] = [None]
        font = [-1]  # the kind whose font the painter has (-1: unknown)

        def draw(x: int, y: int, width: int, height: int, look: CellLook) -> None:
            text, alignment, kind, colour, background = look
            if background is not None:
                fill(x, y, width, height, background)
            colour = plain if colour is None else colour
            if colour is not pen[0]:
                set_pen(colour)
                pen[0] = colour
            if text:
                inner = width - 2 * margin
                key = (kind, alignment, inner, text)
                known = laid_out.get(key)
                if known is None:
                    dx = None if key in seen else direct(kind, alignment, text, inner)
                    if dx is not None:  # first sight of a plain text that fits: drawn as is
                        if len(seen) > _KEPT_LAYOUTS:
                            seen.clear()
                        seen.add(key)
                        if kind != font[0]:
                            set_font(fonts[kind])
                            font[0] = kind
                        draw_text(QPointF(x + margin + dx,
                                          y + (height - lines[kind]) // 2 + ascents[kind]), text)
                        return
                    known = lay_out(kind, alignment, text, inner)
                layout, line = known
                layout.draw(painter, QPointF(x + margin, y + (height - line) // 2))
                font[0] = -1

        return draw

    def _group_colours(self, state: int, option: QStyleOptionViewItem) -> tuple[QColor, QColor]:
        """(selected, plain) text colours of the colour group the style picks for `state`:
        disabled, or normal / inactive by the window."""
        group = 0 if not state & _ENABLED else (2 if state & _ACTIVE else 1)
        return self._palette.get(group) or self._colours(option, group)

    def source_rows(self) -> list[int]:
        """The model's row shown at each row of the proxy (sorted and filtered), kept until
        the proxy's rows change: one list look-up per cell instead of a mapToSource."""
        if self._rows is not None:
            return self._rows
        proxy = self._proxy
        self._rows = [proxy.mapToSource(proxy.index(row, 0)).row()
                      for row in range(proxy.rowCount())]
        return self._rows

    def _forget_rows(self, *_args: object) -> None:
        self._rows = None

    def _colours(self, option: QStyleOptionViewItem, group: int) -> tuple[QColor, QColor]:
        """The selected and the plain text colour of the view's palette in colour `group`
        (0 disabled, 1 inactive, 2 normal), kept until the palette changes (forget)."""
        palette, role = option.palette, QPalette.ColorRole
        colours = self._palette[group] = (palette.color(_GROUPS[group], role.HighlightedText),
                                          palette.color(_GROUPS[group], role.Text))
        return colours

    def forget(self) -> None:
        """After the view's font, style or palette changed: fonts, margin, colours and
        laid-out texts anew."""
        self._fonts = []
        self._palette.clear()

    def prepare(self, font: QFont, widget: QWidget | None) -> None:
        """The view's font and its bold and italic variants (what the model's font roles
        resolve to), with their metrics and the style's text margin: once, before `draw`,
        until `forget`."""
        if self._fonts:
            return
        bold, italic = QFont(font), QFont(font)
        bold.setBold(True)
        italic.setItalic(True)
        fonts = [QFont(font), QFont(font), QFont(font)]
        fonts[BOLD], fonts[ITALIC] = bold, italic
        self._fonts = fonts
        self._metrics = [QFontMetricsF(f) for f in self._fonts]
        # a line's ascent and height as QTextLine has them (the height in whole pixels up;
        # the metrics' is fractional): a text drawn straight sits where a laid-out one does
        samples = [self._layout(kind, 0, "0", 100) for kind in range(len(fonts))]
        self._ascents = [layout.lineAt(0).ascent() for layout, _ in samples]
        self._line_heights = [height for _, height in samples]
        self._advances = [{} for _ in self._fonts]
        self._seen.clear()
        style = widget.style() if widget is not None else None
        self._margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget)
                        + 1) if style is not None else 1
        self._laid_out.clear()

    def _direct_offset(self, kind: int, alignment: int, text: str, width: int) -> float | None:
        """Where a text drawn straight with drawText starts in a cell `width` wide for
        `alignment`, when it needs neither eliding nor a fallback font (Latin letters,
        digits, signs in the view's font); else None. A new text costs a third of laying it
        out (a new year or city brings ~250 of them, ~14 ms laid out): its width is the sum
        of its characters' advances, which is exact with shaping off (`unshaped`: no
        kerning, no ligatures; tests/ui/test_profile_delegate.py holds it to the font's)."""
        advances = self._advances[kind]
        total = 0.0
        for char in text:
            advance = advances.get(char, False)
            if advance is False:
                metrics = self._metrics[kind]
                advance = advances[char] = metrics.horizontalAdvance(char) if (
                    char in _DIRECT_CHARS and metrics.inFontUcs4(ord(char))) else None
            if advance is None:
                return None
            total += advance
        if total > width:
            return None
        horizontal = alignment & _HORIZONTAL
        if horizontal & _RIGHT:
            return width - total
        if horizontal & _CENTRE:
            return (width - total) / 2
        return 0.0

    def _layout(self, kind: int, alignment: int, text: str,
                width: int) -> tuple[QTextLayout, int]:
        """`text` cut with "…" at the right to fit `width` and laid out in one line as the
        style lays it out (a fallback font for Chinese makes the line taller), and its
        height; remembered, as the same texts at the same widths come back on every repaint."""
        key = (kind, alignment, width, text)
        known = self._laid_out.get(key)
        if known is None:
            if len(self._laid_out) > _KEPT_LAYOUTS:
                self._laid_out.clear()
            font = self._fonts[kind]
            layout = QTextLayout(self._metrics[kind].elidedText(text, _ELIDE_RIGHT, width), font)
            option = QTextOption(Qt.AlignmentFlag(alignment))
            option.setWrapMode(QTextOption.WrapMode.ManualWrap)
            layout.setTextOption(option)
            layout.setCacheEnabled(True)
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(width)
            line.setPosition(QPointF(0, 0))
            layout.endLayout()
            known = self._laid_out[key] = (layout, int(line.height()))
        return known
