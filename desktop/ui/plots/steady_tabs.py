"""Tabs that do not repaint their whole page for a label's new text.

A label's new text (the chart's hover read-out, its notes) asks the layouts above it to
recompute, up to the QTabWidget holding the chart; QTabWidget answers every such request by
placing its tab bar and pages again and repainting itself and the whole page, even when
nothing moved: every hover move over a chart repainted the entire chart tab (~13 ms CPU a
move, ~6 ms without), and every selection change its frame once more.

The filter lets a layout request through only when what the tab widget's layout depends on
changed: its size, the tab bar's size and visibility. When only the pages' size hints changed
(a longer chart title widens the page's minimum), the places of the bar and the pages stay
as they are: the tab widget tells its parent layout of its new hints (updateGeometry)
without laying itself out and repainting its whole area again (~6 ms CPU on an indicator
change).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTabWidget


class _SteadyTabs(QObject):
    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._laid_out: tuple | None = None
        self._hints: tuple | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.LayoutRequest:
            return False
        tabs = self._tabs
        bar = tabs.tabBar()
        page = tabs.currentWidget()
        pages = page.parentWidget() if page is not None else None  # the tab widget's stack
        key = (tabs.size().toTuple(), bar.isVisibleTo(tabs), bar.sizeHint().toTuple(),
               tabs.tabPosition(), tabs.documentMode(), tabs.count())
        hints = ((pages.minimumSizeHint().toTuple(), pages.sizeHint().toTuple())
                 if pages is not None else None)
        if key == self._laid_out:
            if hints != self._hints:  # the parent's layout may place the tabs otherwise
                self._hints = hints
                tabs.updateGeometry()
            return True  # the same layout again: no repaint of the whole page
        self._laid_out, self._hints = key, hints
        return False


def keep_tabs_steady(tabs: QTabWidget) -> None:
    """Lay `tabs` out again only when a layout request can change it (see the module)."""
    tabs.installEventFilter(_SteadyTabs(tabs))
