"""Indicators grouped by category; choosing one charts it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.core.bilingual import pick
from desktop.core.catalog import Indicator
from desktop.text.phrases import category_name

INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 20


class IndicatorList(QTreeWidget):
    sig_indicator_chosen = Signal(str)

    def __init__(self, categories: Mapping[str, Sequence[Indicator]], lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setHeaderHidden(True)
        # whole names, scrolling sideways in a narrow side panel rather than cut with "…"
        # (each name's other language, definition and notes are in its tooltip)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.setAccessibleName(self.tr("Indicators"))
        self.setRootIsDecorated(True)
        self._items: dict[str, QTreeWidgetItem] = {}
        self.set_categories(categories)
        self.currentItemChanged.connect(self._on_current_changed)

    def set_categories(self, categories: Mapping[str, Sequence[Indicator]]) -> None:
        """(Re)build the tree, e.g. after an import added indicators."""
        self._categories = categories
        self.blockSignals(True)
        self.clear()
        self._items = {}
        for category, indicators in categories.items():
            parent_item = QTreeWidgetItem(self, [category_name(category, self._lang)])
            parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = parent_item.font(0)
            font.setBold(True)
            parent_item.setFont(0, font)
            for indicator in indicators:
                item = QTreeWidgetItem(parent_item, [indicator.label(self._lang)])
                item.setData(0, INDICATOR_ROLE, indicator.id)
                other_label = pick(self._lang, indicator.label_zh, indicator.label_en)
                texts = (other_label, indicator.definition(self._lang),
                         indicator.notes(self._lang))
                tip = "\n".join(t for t in texts if t)
                item.setToolTip(0, tip)
                self._items[indicator.id] = item
        self.expandAll()
        self.blockSignals(False)

    def set_language(self, lang: str) -> None:
        """Name the categories and indicators in `lang`, keeping the choice and what is
        greyed out."""
        current = self.currentItem()
        chosen = current.data(0, INDICATOR_ROLE) if current is not None else None
        disabled = {i for i, item in self._items.items() if item.isDisabled()}
        self._lang = lang
        self.setAccessibleName(self.tr("Indicators"))
        self.set_categories(self._categories)
        self.set_available(set(self._items) - disabled)
        if chosen:
            self.set_indicator(chosen)

    def set_available(self, available: set[str]) -> None:
        """Grey out indicators that none of the selected cities has."""
        for indicator_id, item in self._items.items():
            disabled = indicator_id not in available
            if item.isDisabled() != disabled:
                item.setDisabled(disabled)

    def set_indicator(self, indicator_id: str) -> None:
        item = self._items.get(indicator_id)
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            indicator_id = current.data(0, INDICATOR_ROLE)
            if indicator_id:
                self.sig_indicator_chosen.emit(indicator_id)
