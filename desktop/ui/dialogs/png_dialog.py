"""Save chart as PNG: the picture's size in pixels (typed, or from a preset) and its DPI.

The choices are remembered in Settings (png_width, png_height, png_dpi), so the next export
offers the same size. The dialog only returns values; the chart panel renders and writes.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.settings import Settings

DPIS = (96, 150, 300)
#: Presets: (name, width, height), named for what the picture is for.
PRESETS = (
    (QT_TRANSLATE_NOOP("PngDialog", "Slide, 16:9"), 1920, 1080),
    (QT_TRANSLATE_NOOP("PngDialog", "Document, half a page"), 1600, 1000),
    (QT_TRANSLATE_NOOP("PngDialog", "Print, A4 width at 300 DPI"), 2480, 1550),
)
MIN_SIDE, MAX_SIDE = 320, 10_000


class PngDialog(QDialog):
    """Asks for the size and DPI of a PNG; `choice()` gives them after it is accepted."""

    def __init__(self, screen_size: tuple[int, int], settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save chart as PNG"))
        self._settings = settings
        self._screen = screen_size
        self.preset_box = QComboBox()
        self.preset_box.setAccessibleName(self.tr("Picture size preset"))
        self.preset_box.addItem(self.tr("As on screen ({0} × {1})").format(*screen_size),
                                screen_size)
        for name, width, height in PRESETS:
            self.preset_box.addItem(
                f"{QCoreApplication.translate('PngDialog', name)} ({width} × {height})",
                (width, height))
        self.preset_box.addItem(self.tr("Custom size"), None)
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, name in ((self.width_box, self.tr("Width in pixels")),
                          (self.height_box, self.tr("Height in pixels"))):
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSuffix(self.tr(" px"))
            box.setAccessibleName(name)
            box.valueChanged.connect(self._follow_size)
        self.dpi_box = QComboBox()
        self.dpi_box.setAccessibleName(self.tr("Resolution (DPI)"))
        self.dpi_box.setToolTip(self.tr(
            "Dots per inch: at 150 or 300 the chart's text and lines are drawn larger, for "
            "print, and the file records the resolution"))
        for dpi in DPIS:
            self.dpi_box.addItem(str(dpi), dpi)
        self.preset_box.activated.connect(self._use_preset)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_box)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_box)
        form = QFormLayout()
        form.addRow(self.tr("&Preset:"), self.preset_box)
        form.addRow(self.tr("&Size:"), size_row)
        form.addRow(self.tr("&DPI:"), self.dpi_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._show_remembered()

    def _show_remembered(self) -> None:
        if self._settings is None:
            width, height, dpi = (*self._screen, DPIS[0])
        else:
            width, height = self._settings.get("png_width"), self._settings.get("png_height")
            dpi = self._settings.get("png_dpi")
            if not width or not height:  # never chosen: the chart as on screen
                width, height = self._screen
        self.dpi_box.setCurrentIndex(max(self.dpi_box.findData(dpi), 0))
        self._set_size(width, height)

    def _set_size(self, width: int, height: int) -> None:
        for box, value in ((self.width_box, width), (self.height_box, height)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._follow_size()

    def _use_preset(self, index: int) -> None:
        size = self.preset_box.itemData(index)
        if size is not None:
            self._set_size(*size)

    def _follow_size(self) -> None:
        """The preset box names the size shown, or says Custom."""
        size = (self.width_box.value(), self.height_box.value())
        index = next((i for i in range(self.preset_box.count())
                      if self.preset_box.itemData(i) == size), self.preset_box.count() - 1)
        self.preset_box.setCurrentIndex(index)

    def choice(self) -> tuple[tuple[int, int], int]:
        """((width, height) in pixels, DPI)."""
        return (self.width_box.value(), self.height_box.value()), self.dpi_box.currentData()

    def accept(self) -> None:
        if self._settings is not None:
            (width, height), dpi = self.choice()
            self._settings.set("png_width", width)
            self._settings.set("png_height", height)
            self._settings.set("png_dpi", dpi)
            self._settings.sync()
        super().accept()
