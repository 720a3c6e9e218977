"""The findings strip above the profile table: the 3-5 ranked findings, one numbered line
each, elided to the strip's width so it never takes more than MAX_LINES lines (fewer in a
short window: set_max_lines); the full sentences are in its tooltip."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MAX_LINES = 5


class FindingsStrip(QLabel):
    """Rich-text label fed by the controller with sentences already in the view's language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(False)  # one line per finding: elided instead, at most MAX_LINES
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self._lines: tuple[str, ...] = ()
        self._sentences: list[str] = []
        self._title = ""
        self.max_lines = MAX_LINES
        self._drawn_width = -1
        self.hide()

    @property
    def lines(self) -> tuple[str, ...]:
        """The numbered findings shown (before elision)."""
        return self._lines

    def set_findings(self, sentences: list[str], title: str) -> None:
        """Show `sentences` (best first) under `title`; hidden when there are none. The same
        findings again change nothing: no new text, so no re-layout of the window."""
        if list(sentences) == self._sentences and title == self._title and (
                len(self._lines) == min(len(sentences), self.max_lines)):
            return
        self._sentences, self._title = list(sentences), title
        every = [f"{n}. {s}" for n, s in enumerate(sentences[:MAX_LINES], 1)]
        self._lines = tuple(every[:self.max_lines])
        self.setAccessibleName(title)
        self.setToolTip("<br>".join(html.escape(line) for line in every))  # all of them
        self._drawn_width = -1
        self._draw()
        self.setVisible(bool(self._lines))

    def set_max_lines(self, lines: int) -> None:
        """Show at most `lines` findings (the best ones): a short window keeps its table."""
        lines = max(1, min(lines, MAX_LINES))
        if lines != self.max_lines:
            self.max_lines = lines
            if self._sentences:
                self.set_findings(self._sentences, self._title)

    def _draw(self) -> None:
        width = max(self.contentsRect().width(), 200)
        if width == self._drawn_width:
            return
        metrics = self.fontMetrics()
        elided = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                  for line in self._lines]
        self.setText("<br>".join(html.escape(line) for line in elided))
        self._drawn_width = width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._lines:
            self._draw()
