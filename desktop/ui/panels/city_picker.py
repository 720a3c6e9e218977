"""Pickers for cities: a searchable focus-city box and the peer list with default groups."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.bilingual import pick
from desktop.core.catalog import City, CityLookup, PeerGroup
from desktop.text.translator import translator

if TYPE_CHECKING:
    from desktop.ui.settings import Settings

CITY_ID_ROLE = Qt.ItemDataRole.UserRole + 10


def city_entry(city: City, lang: str = "en") -> str:
    """'Shenyang · 沈阳市 · Liaoning' ('沈阳市 · Shenyang · 辽宁省' in Chinese): searchable by
    English or Chinese name, the UI language's name first."""
    parts = [city.name(lang)]
    other = pick(lang, city.name_zh, city.name_en)  # the other language's name
    if other and other not in parts:
        parts.append(other)
    region = pick(lang, city.province_en, city.province_zh) or city.kind_label(lang)
    if region and region not in parts:
        parts.append(region)
    return " · ".join(parts)


class CitySearchBox(QComboBox):
    """An editable combo box that finds cities by any part of their English or Chinese name."""

    sig_city_chosen = Signal(str)

    def __init__(self, cities: Iterable[City], placeholder: str, lang: str = "en",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._lang = lang
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        # as wide as a typical name, not the longest of 571 (which set a 1024 px window's
        # side panel to a third of it); the popup still lists whole names (set_cities)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self._ids: list[str] = []
        self._lookup = CityLookup(())
        self._matches: list[str] = []  # the ids the popup lists, best match first
        self.set_cities(cities)
        self.lineEdit().setPlaceholderText(placeholder)
        # The popup lists the lookup's ranking (exact name, then prefix, then substring, then
        # province), not Qt's model order: 'Hangzhou' must list Hangzhou before Changzhou.
        self._completion_model = QStringListModel(self)
        completer = QCompleter(self._completion_model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._on_text_edited)
        self.lineEdit().returnPressed.connect(self._on_return)
        self.activated.connect(self._on_activated)
        completer.activated[QModelIndex].connect(self._on_completed)

    def set_cities(self, cities: Iterable[City]) -> None:
        """Replace the list (after an import added cities), keeping the current city."""
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        cities = list(cities)
        self._cities = cities
        self._lookup = CityLookup(cities)
        self._ids = [city.id for city in cities]
        # One call for the ~570 texts, then the ids: half the time of addItem per city.
        self.addItems([city_entry(city, self._lang) for city in cities])
        for row, city_id in enumerate(self._ids):
            self.setItemData(row, city_id)
        if current is not None:
            self.setCurrentIndex(self.findData(current))
        self.blockSignals(False)

    def _on_activated(self, index: int) -> None:
        if 0 <= index < len(self._ids):
            self.sig_city_chosen.emit(self._ids[index])

    def _on_text_edited(self, text: str) -> None:
        """Rank the cities for what is typed and show them, best first."""
        found = self._lookup.search(text, limit=40) if text.strip() else []
        self._matches = [city.id for city in found]
        self._completion_model.setStringList([city_entry(city, self._lang) for city in found])
        if found:
            self.completer().complete()

    def _on_return(self) -> None:
        """Enter takes the best match of what is typed (the popup's first line), or the city
        whose whole entry was typed."""
        text = self.lineEdit().text()
        exact = self.findText(text)
        if exact >= 0:
            self._choose(self._ids[exact])
            return
        found = self._lookup.search(text, limit=1) if text.strip() else []
        if found:
            self._choose(found[0].id)

    def _on_completed(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._matches):
            self._choose(self._matches[index.row()])

    def _choose(self, city_id: str) -> None:
        index = self.findData(city_id)
        if index >= 0:
            self.setCurrentIndex(index)
            self.completer().popup().hide()
            self.sig_city_chosen.emit(city_id)

    def set_language(self, lang: str) -> None:
        """Name the cities in `lang` (their Chinese or English name first)."""
        self._lang = lang
        self.set_cities(self._cities)

    def set_city(self, city_id: str) -> None:
        """Show `city_id` without emitting a choice."""
        index = self.findData(city_id)
        if index >= 0:
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)


class PeerPicker(QWidget):
    """A group chooser (default groups, then the analyst's saved groups, which can be deleted),
    the current peers (uncheck to drop), and a box to add one."""

    sig_peers_changed = Signal(tuple, object)  # (peer ids, group id or None)

    def __init__(self, cities: Sequence[City], groups: Sequence[PeerGroup], lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._names = {c.id: city_entry(c, lang) for c in cities}
        self._groups = list(groups)
        self._cities = list(cities)
        self._custom: list[PeerGroup] = []
        self._settings: Settings | None = None
        self._updating = False

        self.group_box = QComboBox()
        for group in self._groups:
            self.group_box.addItem(self._group_label(group), group.id)
        self.group_box.addItem("", None)  # Custom selection
        self.group_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group_box.setMinimumContentsLength(16)
        self.group_box.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.group_box.activated.connect(self._on_group_chosen)
        self.group_box.currentIndexChanged.connect(self._update_delete_button)
        self.delete_group_button = QToolButton()
        self.delete_group_button.clicked.connect(self._delete_current_group)
        self.delete_group_button.setVisible(False)

        self.peer_list = QListWidget()
        self.peer_list.itemChanged.connect(self._on_item_changed)
        self.add_box = CitySearchBox(cities, "", lang)
        self.add_box.setCurrentIndex(-1)
        self.add_box.sig_city_chosen.connect(self._on_add)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(lambda: self._emit(()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group_label = QLabel()
        self.group_label.setBuddy(self.group_box)
        self._retranslate()
        layout.addWidget(self.group_label)
        group_row = QHBoxLayout()
        group_row.addWidget(self.group_box, 1)
        group_row.addWidget(self.delete_group_button)
        layout.addLayout(group_row)
        layout.addWidget(self.peer_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_box, 1)
        row.addWidget(self.clear_button)
        layout.addLayout(row)

    def _retranslate(self) -> None:
        self.group_box.setAccessibleName(self.tr("Peer group"))
        self.group_box.setItemText(self.group_box.count() - 1, self.tr("Custom selection"))
        self.delete_group_button.setText(self.tr("Delete"))
        self.delete_group_button.setToolTip(self.tr("Delete this saved group"))
        self.delete_group_button.setAccessibleName(self.tr("Delete the saved peer group"))
        self.peer_list.setAccessibleName(self.tr("Peer cities"))
        self.add_box.lineEdit().setPlaceholderText(self.tr("Add a peer city…"))
        self.add_box.setAccessibleName(self.tr("Add a peer city"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every peer city"))
        self.clear_button.setAccessibleName(self.tr("Clear the peer cities"))
        self.group_label.setText(self.tr("Peer group"))

    def set_language(self, lang: str) -> None:
        """Name the groups and cities in `lang`, and say the picker's own words in it."""
        self._lang = lang
        self.add_box.set_language(lang)
        self.set_cities(self._cities)
        self.group_box.blockSignals(True)
        for index, group in enumerate(self._groups):
            self.group_box.setItemText(index, self._group_label(group))
        self.group_box.blockSignals(False)
        self.reload_custom_groups()
        self._retranslate()

    def _group_label(self, group: PeerGroup) -> str:
        members = [self._names.get(c, c).split(" · ")[0] for c in group.city_ids]
        words = translator(self._lang)  # Chinese punctuation: 东北（大连市、哈尔滨市、长春市）
        return group.name(self._lang) + words.parens(words.list_sep.join(members))

    # --- saved (custom) groups -----------------------------------------------------------
    def use_custom_groups(self, settings: Settings) -> None:
        """List the groups kept in `settings` after the default groups, and allow deleting."""
        self._settings = settings
        self.reload_custom_groups()

    def custom_group_ids(self) -> list[str]:
        return [g.id for g in self._custom]

    def reload_custom_groups(self) -> None:
        """Re-read the saved groups (after one was saved or deleted), keeping the choice."""
        current = self.group_box.currentData()
        self.group_box.blockSignals(True)
        for _ in self._custom:
            self.group_box.removeItem(len(self._groups))
        self._custom = self._settings.custom_groups() if self._settings else []
        for offset, group in enumerate(self._custom):
            self.group_box.insertItem(len(self._groups) + offset, self._group_label(group),
                                      group.id)
            self.group_box.setItemData(len(self._groups) + offset,
                                       self.tr("Saved group"), Qt.ItemDataRole.ToolTipRole)
        index = self.group_box.findData(current) if current else -1
        self.group_box.setCurrentIndex(index if index >= 0 else self.group_box.count() - 1)
        self.group_box.blockSignals(False)
        self._update_delete_button()

    def _update_delete_button(self, *_args: object) -> None:
        current = self.group_box.currentData()
        self.delete_group_button.setVisible(
            self._settings is not None and current in self.custom_group_ids())

    def _delete_current_group(self) -> None:
        group_id = self.group_box.currentData()
        if self._settings is None or group_id not in self.custom_group_ids():
            return
        self._settings.delete_custom_group(group_id)
        self.reload_custom_groups()
        # The peers stay; they are now a custom selection rather than the deleted group.
        self._emit(self.peer_ids())

    def set_cities(self, cities: Sequence[City]) -> None:
        self._cities = list(cities)
        self._names = {c.id: city_entry(c, self._lang) for c in cities}
        self._updating = True  # the peers shown keep up with the names, without a change
        for i in range(self.peer_list.count()):
            item = self.peer_list.item(i)
            city_id = item.data(CITY_ID_ROLE)
            item.setText(self._names.get(city_id, city_id))
        self._updating = False
        self.add_box.set_cities(cities)
        self.add_box.setCurrentIndex(-1)

    def peer_ids(self) -> tuple[str, ...]:
        return tuple(
            self.peer_list.item(i).data(CITY_ID_ROLE)
            for i in range(self.peer_list.count())
            if self.peer_list.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_peers(self, peer_ids: Sequence[str], group_id: str | None) -> None:
        """Show a selection without emitting a change."""
        shown = [self.peer_list.item(i) for i in range(self.peer_list.count())]
        if [item.data(CITY_ID_ROLE) for item in shown] == list(peer_ids) and all(
                item.checkState() == Qt.CheckState.Checked for item in shown) and (
                self.group_box.currentData() == group_id):
            return  # already shown (e.g. only the focus or the indicator changed)
        self._updating = True
        # the rows already there take the new peers in place (only a changed row is
        # repainted); rows are added or taken away at the end
        peer_list = self.peer_list
        for row, city_id in enumerate(peer_ids):
            item = peer_list.item(row)
            if item is None:
                item = QListWidgetItem()
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                peer_list.addItem(item)
            if item.data(CITY_ID_ROLE) != city_id:
                item.setText(self._names.get(city_id, city_id))
                item.setData(CITY_ID_ROLE, city_id)
            if item.checkState() != Qt.CheckState.Checked:
                item.setCheckState(Qt.CheckState.Checked)
        while peer_list.count() > len(peer_ids):
            peer_list.takeItem(peer_list.count() - 1)
        # laid out now, not by the list's own 0 ms timer: that one fired after the change
        # was painted and had the whole list painted again in the next event pass
        peer_list.executeDelayedItemsLayout()
        index = self.group_box.findData(group_id) if group_id else -1
        self.group_box.setCurrentIndex(index if index >= 0 else self.group_box.count() - 1)
        self._updating = False
        self._update_delete_button()

    def _emit(self, peer_ids: tuple[str, ...], group_id: str | None = None) -> None:
        self.sig_peers_changed.emit(peer_ids, group_id)

    def _on_group_chosen(self, index: int) -> None:
        group_id = self.group_box.itemData(index)
        group = next((g for g in (*self._groups, *self._custom) if g.id == group_id), None)
        if group is not None:
            self._emit(group.city_ids, group.id)

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if not self._updating:
            self._emit(self.peer_ids())

    def _on_add(self, city_id: str) -> None:
        peers = self.peer_ids()
        if city_id not in peers:
            self._emit((*peers, city_id))
        self.add_box.setCurrentIndex(-1)
        self.add_box.clearEditText()
