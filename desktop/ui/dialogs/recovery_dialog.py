"""After a crash: what happened, what the saved session holds, and Restore or Start fresh.

Window-modal but not blocking (open(), an answer signal), so the event loop and tests go on;
answer() is the same as a click. A data file that was being read when the app stopped is
listed with a box, unticked: it is read again only if the user ticks it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class RecoveryDialog(QDialog):
    sig_answered = Signal(bool)  # True: restore the saved session; False: start fresh

    def __init__(self, what_happened: str, session_text: str,
                 files: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        """`files`: (path, reason) of the session's data files not to read unasked, reason
        "crashed" (being read when the app stopped) or "refused"."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore the last session?"))
        self.answered: bool | None = None
        layout = QVBoxLayout(self)
        for text in (what_happened, session_text):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.file_boxes: dict[str, QCheckBox] = {}
        for path, reason in files:
            text = (self.tr("Read {0} again (it was being read when City Profiles stopped)")
                    if reason == "crashed" else
                    self.tr("Read {0} again (it was refused last time)"))
            box = QCheckBox(text.format(Path(path).name))
            box.setToolTip(path)
            layout.addWidget(box)
            self.file_boxes[path] = box
        hint = QLabel(self.tr("Start fresh shows the default cities; your last project stays "
                              "in File › Open recent."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.restore_button: QPushButton = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.fresh_button: QPushButton = buttons.addButton(
            self.tr("&Start fresh"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(lambda result: self._answer(result == QDialog.DialogCode.Accepted))
        self.resize(520, self.sizeHint().height())

    def files_to_read(self) -> list[str]:
        """The listed files the user ticked: read them again."""
        return [path for path, box in self.file_boxes.items() if box.isChecked()]

    def answer(self, restore: bool) -> None:
        """As a click on Restore (True) or Start fresh (False)."""
        (self.restore_button if restore else self.fresh_button).click()

    def _answer(self, restore: bool) -> None:
        if self.answered is None:
            self.answered = restore
            self.sig_answered.emit(restore)
