"""Draws the profile table's cells from the model's per-row records, as the style would.

A table repaint drew ~260 cells (10 cities, 1600 px) through QStyledItemDelegate: ~10 data()
calls per cell through the sort proxy into Python, then the style eliding and laying out each
text again (~29 -> 16 ms CPU per repaint). Here a cell is one look-up in the model's per-row
record, a fill when it has a background, and the draw of a text laid out once per text and
width, at the place the style puts it (tests/ui/test_profile_delegate.py compares pixels)."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.models.profile_model import BOLD, ITALIC, ProfileTableModel

# State flags as plain ints: a Python enum `&` costs ~5 us, and a repaint draws ~250 cells.
_SELECTED = QStyle.StateFlag.State_Selected.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
#: Laid-out texts kept (~3.5 KB each): ~15 screens of a 10-city table, ~14 MB at most.
_KEPT_LAYOUTS = 4_000
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
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
        self._rows: list[int] | None = None
        for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted,
                       proxy.rowsRemoved, proxy.rowsMoved):
            signal.connect(self._forget_rows)
        self._fonts: list[QFont] = []
        self._metrics: list[QFontMetricsF] = []
        self._laid_out: dict[tuple[int, int, int, str], tuple[QTextLayout, int]] = {}
        self._margin = 0
        self._palette: dict[int, tuple[QColor, QColor]] = {}  # by colour group

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        state = option.state.value
        if state & _HAS_FOCUS:
            super().paint(painter, option, index)
            return
        rows = self._rows
        if rows is None:
            rows = self._source_rows()
        text, alignment, kind, colour, background = self._model.row_looks(
            rows[index.row()])[index.column()]
        if not self._fonts:
            self._set_fonts(option.font, option.widget)
        rect = option.rect
        # the colour group the style picks: disabled, or normal / inactive by the window
        group = 0 if not state & _ENABLED else (2 if state & _ACTIVE else 1)
        colours = self._palette.get(group) or self._colours(option, group)
        # No save()/restore() (a tenth of the repaint): the pen is set for every cell, the
        # font is the laid-out text's, and the view sets its own pen for the grid it draws
        # after the cells.
        if state & _SELECTED:  # the style's own selection panel (native looks differ)
            if background is not None:
                option.backgroundBrush = background
            widget = option.widget
            widget.style().drawPrimitive(_PANEL, option, painter, widget)
            painter.setPen(colours[0])
        else:
            if background is not None:
                painter.fillRect(rect, background)
            painter.setPen(colour if colour is not None else colours[1])
        if text:
            margin = self._margin
            width = rect.width() - 2 * margin
            layout, height = self._laid_out.get((kind, alignment, width, text)) or self._layout(
                kind, alignment, text, width)
            # where the style puts it: the line box, whole pixels high, centred in whole pixels
            layout.draw(painter, QPointF(rect.x() + margin,
                                         rect.y() + (rect.height() - height) // 2))

    def _source_rows(self) -> list[int]:
        """The model's row shown at each row of the proxy (sorted and filtered), kept until
        the proxy's rows change: one list look-up per cell instead of a mapToSource."""
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

    def _set_fonts(self, font: QFont, widget: QWidget | None) -> None:
        """The view's font and its bold and italic variants (what the model's font roles
        resolve to), with their metrics and the style's text margin."""
        bold, italic = QFont(font), QFont(font)
        bold.setBold(True)
        italic.setItalic(True)
        fonts = [QFont(font), QFont(font), QFont(font)]
        fonts[BOLD], fonts[ITALIC] = bold, italic
        self._fonts = fonts
        self._metrics = [QFontMetricsF(f) for f in self._fonts]
        style = widget.style() if widget is not None else None
        self._margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget)
                        + 1) if style is not None else 1
        self._laid_out.clear()

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
