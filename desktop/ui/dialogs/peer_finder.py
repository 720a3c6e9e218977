"""The peer finder: the analyst picks indicators, weights, year, scaling and k; the dialog shows
the k most similar cities of the focus city's comparable pool and why (each indicator's share of
the distance), with the missing-value report.

It returns a value and never touches the window: `chosen_ids()` after "Use as peers" (accepted),
and `sig_group_saved` after "Save as group…". find_peers runs in a TaskRunner worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.panel import panel_for, pool_label
from desktop.analysis.peers import PeerQueryError, PeerResult, default_indicators, find_peers
from desktop.core.bilingual import pick
from desktop.core.catalog import PeerGroup
from desktop.core.dataset import Dataset
from desktop.text.phrases import category_name
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.settings import Settings

INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 30
CITY_ID_ROLE = Qt.ItemDataRole.UserRole + 31
SHARE_ROLE = Qt.ItemDataRole.UserRole + 32  # float 0..1 (one indicator's share)
SHARES_ROLE = Qt.ItemDataRole.UserRole + 33  # [(share, QColor), ...] (the stacked bar)
SORT_ROLE = Qt.ItemDataRole.UserRole + 34
BAR_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 35  # the indicator's colour name, "#4e79a7"

#: Colour per chosen indicator (Tableau 10): the stacked bar, the legend and the column bars.
COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac")
_ANY_INDEX = QModelIndex | QPersistentModelIndex


def colour(position: int) -> QColor:
    return QColor(COLOURS[position % len(COLOURS)])


class StackedBarDelegate(QStyledItemDelegate):
    """Draws SHARES_ROLE as one horizontal bar split into coloured shares (they sum to 1)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ANY_INDEX) -> None:
        super().paint(painter, option, index)
        shares = index.data(SHARES_ROLE)
        if not shares:
            return
        rect = QRectF(option.rect).adjusted(4, 5, -4, -5)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        x = rect.left()
        for share, brush_colour in shares:
            width = rect.width() * share
            painter.setBrush(QBrush(brush_colour))
            painter.drawRect(QRectF(x, rect.top(), width, rect.height()))
            x += width
        painter.setPen(QPen(option.palette.mid().color()))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.restore()


class ShareBarDelegate(QStyledItemDelegate):
    """The value as text over a faint bar as long as the indicator's share of the distance."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _ANY_INDEX) -> None:
        share = index.data(SHARE_ROLE)
        if share:
            bar_colour = QColor(index.data(BAR_COLOUR_ROLE) or "#4e79a7")
            bar_colour.setAlpha(70)
            rect = QRectF(option.rect).adjusted(2, option.rect.height() - 7, -2, -2)
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(bar_colour))
            painter.drawRect(QRectF(rect.left(), rect.top(), rect.width() * share, rect.height()))
            painter.restore()
        super().paint(painter, option, index)


class _SortItem(QTableWidgetItem):
    """Sorts numerically by SORT_ROLE."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if isinstance(mine, int | float) and isinstance(theirs, int | float):
            return mine < theirs
        return super().__lt__(other)


class PeerFinderDialog(QDialog):
    sig_group_saved = Signal(object)  # the PeerGroup kept in the settings

    def __init__(self, dataset: Dataset, focus_id: str, lang: str = "en",
                 settings: Settings | None = None, parent: QWidget | None = None,
                 indicator_ids: Sequence[str] | None = None, year: int | None = None,
                 include_suspect: bool = False) -> None:
        super().__init__(parent)
        self.dataset, self.focus_id, self.lang, self.settings = dataset, focus_id, lang, settings
        #: View > Include suspect values: the distances follow the window's switch
        self.include_suspect = include_suspect
        self.peer_result: PeerResult | None = None
        self.error: str = ""
        focus = dataset.cities[focus_id]
        self.focus_name = focus.name(lang)
        panel = panel_for(dataset)
        self.setWindowTitle(self.tr("Find peers for {0}").format(self.focus_name))
        self.setObjectName("peer_finder")
        self.resize(1280, 720)

        self.runner = TaskRunner(self)
        self.runner.sig_finished.connect(self._on_result)
        self.runner.sig_failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.run)

        pool = pool_label(panel.pool_key_of(focus_id), lang)
        intro = QLabel(self.tr(
            "Cities of the same kind ({0}) most like {1} on the indicators you tick. Weights say "
            "how much each indicator counts.").format(pool, self.focus_name))
        intro.setWordWrap(True)

        # --- the query ------------------------------------------------------------------
        chosen = set(indicator_ids or default_indicators(dataset, focus_id))
        self.indicator_tree = QTreeWidget()
        self.indicator_tree.setAccessibleName(self.tr("Indicators to compare"))
        self.indicator_tree.setColumnCount(2)
        self.indicator_tree.setHeaderLabels([self.tr("Indicator"), self.tr("Weight")])
        self.indicator_tree.setRootIsDecorated(True)
        self.indicator_tree.setUniformRowHeights(True)
        self._items: dict[str, QTreeWidgetItem] = {}
        self.weight_boxes: dict[str, QDoubleSpinBox] = {}
        have = set(dataset.indicators_of(focus_id))
        for category, indicators in dataset.categories().items():
            usable = [i for i in indicators if i.id in have]
            if not usable:
                continue
            parent_item = QTreeWidgetItem(self.indicator_tree,
                                          [category_name(category, lang), ""])
            parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = parent_item.font(0)
            font.setBold(True)
            parent_item.setFont(0, font)
            for indicator in usable:
                item = QTreeWidgetItem(parent_item, [indicator.label(lang), ""])
                item.setData(0, INDICATOR_ROLE, indicator.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if indicator.id in chosen
                                   else Qt.CheckState.Unchecked)
                item.setToolTip(0, "\n".join(t for t in (
                    pick(lang, indicator.label_zh, indicator.label_en),
                    indicator.definition(lang)) if t))
                self._items[indicator.id] = item
                box = QDoubleSpinBox()
                box.setRange(0.0, 10.0)
                box.setSingleStep(0.5)
                box.setDecimals(1)
                box.setValue(1.0)
                box.setMinimumWidth(self.fontMetrics().horizontalAdvance("10.0") + 44)
                box.setAccessibleName(self.tr("Weight of {0}").format(indicator.label(lang)))
                box.valueChanged.connect(self._schedule)
                self.weight_boxes[indicator.id] = box
                self.indicator_tree.setItemWidget(item, 1, box)
        self.indicator_tree.expandAll()
        self.indicator_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.indicator_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.indicator_tree.setColumnWidth(1, self.fontMetrics().horizontalAdvance("10.0") + 56)
        self.indicator_tree.header().setStretchLastSection(False)
        self._sync_weight_boxes()
        self.indicator_tree.itemChanged.connect(self._on_item_changed)

        self.year_box = QComboBox()
        self.year_box.setAccessibleName(self.tr("Year of the values"))
        self.year_box.addItem(self.tr("Latest with good coverage"), None)
        for y in reversed(dataset.years()):
            self.year_box.addItem(str(y), y)
        if year is not None and self.year_box.findData(year) >= 0:
            self.year_box.setCurrentIndex(self.year_box.findData(year))
        self.scaling_box = QComboBox()
        self.scaling_box.setAccessibleName(self.tr("Scaling"))
        self.scaling_box.addItem(self.tr("z-score"), "zscore")
        self.scaling_box.addItem(self.tr("min-max"), "minmax")
        self.scaling_box.addItem(self.tr("rank"), "rank")
        for i, tip in enumerate((
            self.tr("Distance from the mean in standard deviations: outliers count a lot"),
            self.tr("Position between the lowest (0) and highest (1) value"),
            self.tr("Position in the ranking (0 lowest, 1 highest): outliers count little"),
        )):
            self.scaling_box.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
        self.missing_box = QComboBox()
        self.missing_box.setAccessibleName(self.tr("Cities lacking an indicator"))
        self.missing_box.addItem(self.tr("compare over the rest"), "renormalise")
        self.missing_box.addItem(self.tr("leave out"), "exclude")
        self.k_box = QSpinBox()
        self.k_box.setAccessibleName(self.tr("Number of peers"))
        self.k_box.setRange(1, 30)
        self.k_box.setValue(5)
        for box in (self.year_box, self.scaling_box, self.missing_box):
            box.currentIndexChanged.connect(self._schedule)
        self.k_box.valueChanged.connect(self._schedule)

        form = QFormLayout()
        form.addRow(self.tr("&Year"), self.year_box)
        form.addRow(self.tr("&Scaling"), self.scaling_box)
        form.addRow(self.tr("&Missing values"), self.missing_box)
        form.addRow(self.tr("&Peers to propose"), self.k_box)
        query = QGroupBox(self.tr("Compare on"))
        query_layout = QVBoxLayout(query)
        query_layout.addWidget(self.indicator_tree, 1)
        query_layout.addLayout(form)

        # --- the answer -----------------------------------------------------------------
        self.legend_label = QLabel()
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_table = QTableWidget()
        self.result_table.setAccessibleName(self.tr("Proposed peers"))
        self.result_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.result_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.result_table.verticalHeader().setVisible(False)
        self.result_table.setAlternatingRowColors(True)
        self.result_table.setWordWrap(False)
        self.result_table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 12)
        self._stacked = StackedBarDelegate(self.result_table)
        self._share = ShareBarDelegate(self.result_table)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setAccessibleName(self.tr("How the cities were compared"))
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        answer = QGroupBox(self.tr("Most similar cities"))
        answer_layout = QVBoxLayout(answer)
        answer_layout.addWidget(self.legend_label)
        answer_layout.addWidget(self.result_table, 1)
        answer_layout.addWidget(self.note_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(query)
        splitter.addWidget(answer)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 880])

        self.buttons = QDialogButtonBox()
        self.use_button = QPushButton(self.tr("&Use as peers"))
        self.use_button.setToolTip(self.tr("Show the ticked cities as the peers"))
        self.use_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as &group…"))
        self.save_button.setToolTip(self.tr("Keep the ticked cities as a named peer group"))
        self.save_button.setEnabled(False)
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.use_button.clicked.connect(self.accept)
        self.save_button.clicked.connect(self._ask_group_name)
        self.buttons.rejected.connect(self.reject)
        self.use_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.run()

    # --- the query ----------------------------------------------------------------------
    def chosen_indicators(self) -> list[str]:
        return [i for i, item in self._items.items()
                if item.checkState(0) == Qt.CheckState.Checked]

    def set_indicators(self, indicator_ids: Sequence[str]) -> None:
        for indicator_id, item in self._items.items():
            item.setCheckState(0, Qt.CheckState.Checked if indicator_id in indicator_ids
                               else Qt.CheckState.Unchecked)

    def weights(self) -> dict[str, float]:
        return {i: self.weight_boxes[i].value() for i in self.chosen_indicators()}

    def _on_item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self._sync_weight_boxes()
            self._schedule()

    def _sync_weight_boxes(self) -> None:
        chosen = set(self.chosen_indicators())
        for indicator_id, box in self.weight_boxes.items():
            box.setEnabled(indicator_id in chosen)

    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    def run(self) -> None:
        """Find peers for the current choices in the worker (the old query is cancelled)."""
        self._timer.stop()
        indicators = self.chosen_indicators()
        if not indicators:
            self.runner.cancel(quiet=True)
            self._show_error(self.tr("Tick at least one indicator."))
            return
        dataset, focus = self.dataset, self.focus_id
        weights, year = self.weights(), self.year_box.currentData()
        k, scaling = self.k_box.value(), self.scaling_box.currentData()
        missing, include_suspect = self.missing_box.currentData(), self.include_suspect

        def work(_progress: object) -> PeerResult:
            return find_peers(dataset, focus, indicators, weights, year, k, scaling, missing,
                              include_suspect=include_suspect)

        self.runner.start(work)

    def _on_failed(self, error: object) -> None:
        if isinstance(error, PeerQueryError):
            from desktop.session.messages import (
                error_reason,  # the CLI's words, in the window's language
            )

            self._show_error(self.tr("No peers: {0}").format(
                error_reason(error, self.lang, self.dataset)))
        else:
            self._show_error(self.tr("The peer search failed: {0}").format(error))

    def _show_error(self, message: str) -> None:
        self.peer_result = None
        self.error = message
        self.result_table.clear()
        self.result_table.setRowCount(0)
        self.result_table.setColumnCount(0)
        self.legend_label.clear()
        self.note_label.setText(message)
        self.use_button.setEnabled(False)
        self.save_button.setEnabled(False)

    # --- the answer ---------------------------------------------------------------------
    def _on_result(self, result: object) -> None:
        assert isinstance(result, PeerResult)
        self.peer_result, self.error = result, ""
        self._fill_table(result)
        self.note_label.setText(self._notes(result))
        self.use_button.setEnabled(bool(result.matches))
        self.save_button.setEnabled(bool(result.matches) and self.settings is not None)

    def _label(self, indicator_id: str) -> str:
        return self.dataset.indicator(indicator_id).label(self.lang)

    def _fill_table(self, result: PeerResult) -> None:
        table, lang = self.result_table, self.lang
        used = result.indicators
        colours = {i: colour(n) for n, i in enumerate(used)}
        self.legend_label.setText(
            self.tr("Share of the distance:") + "&nbsp; " + "&nbsp;&nbsp; ".join(
                f'<span style="color:{colours[i].name()}">■</span>&nbsp;{self._label(i)}'
                f" ({result.weights[i]:.0%})" for i in used))
        self.legend_label.setToolTip(self.tr(
            "Bar colours: each indicator's share of a city's distance from {0}; the percentage "
            "after a name is its weight").format(self.focus_name))
        headers = [self.tr("City"), self.tr("Distance"), self.tr("Why (share of the distance)"),
                   *(self._label(i) for i in used)]
        table.setSortingEnabled(False)
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        for n, indicator_id in enumerate(used):
            header = table.horizontalHeaderItem(3 + n)
            header.setForeground(QBrush(colours[indicator_id]))
            header.setToolTip(self.tr("Value in {0}; the bar is this indicator's share of the "
                                      "distance").format(result.year))
        table.setItemDelegateForColumn(2, self._stacked)
        for n in range(len(used)):
            table.setItemDelegateForColumn(3 + n, self._share)
        focus_values = {}
        for indicator_id in used:
            observation = self.dataset.observation(self.focus_id, indicator_id, result.year)
            focus_values[indicator_id] = observation.value if observation else None
        table.setRowCount(1 + len(result.matches))
        bold = table.font()
        bold.setBold(True)
        # The focus city first, as the reference the distances are measured from.
        focus_item = _SortItem(self.tr("{0} (focus)").format(self.focus_name))
        focus_item.setFont(bold)
        focus_item.setData(CITY_ID_ROLE, self.focus_id)
        focus_item.setData(SORT_ROLE, -1.0)
        table.setItem(0, 0, focus_item)
        table.setItem(0, 1, self._number_item("0", -1.0))
        table.setItem(0, 2, _SortItem(""))
        for n, indicator_id in enumerate(used):
            table.setItem(0, 3 + n, self._value_item(indicator_id, focus_values[indicator_id],
                                                     None, colours[indicator_id]))
        for row, match in enumerate(result.matches, start=1):
            city = self.dataset.cities[match.city_id]
            item = _SortItem(city.name(lang))
            item.setData(CITY_ID_ROLE, match.city_id)
            item.setData(SORT_ROLE, float(row))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(f"{city.name_en} · {city.name_zh}")
            table.setItem(row, 0, item)
            distance = self._number_item(f"{match.distance:.3f}", match.distance)
            if match.missing:
                distance.setText(distance.text() + " *")
                distance.setToolTip(self.tr("Compared without: {0}").format(
                    ", ".join(self._label(i) for i in match.missing)))
            table.setItem(row, 1, distance)
            shares = [(match.contributions.get(i, 0.0), colours[i]) for i in used]
            why = _SortItem("")
            why.setData(SHARES_ROLE, shares)
            why.setData(SORT_ROLE, match.distance)
            why.setToolTip("\n".join(
                f"{self._label(i)}: {share:.0%}" for i, (share, _c) in zip(used, shares,
                                                                            strict=True)))
            table.setItem(row, 2, why)
            for n, indicator_id in enumerate(used):
                table.setItem(row, 3 + n, self._value_item(
                    indicator_id, match.values.get(indicator_id),
                    match.contributions.get(indicator_id), colours[indicator_id]))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(2, 170)
        header.setStretchLastSection(False)

    def _number_item(self, text: str, sort_value: float) -> QTableWidgetItem:
        item = _SortItem(text)
        item.setData(SORT_ROLE, sort_value)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _value_item(self, indicator_id: str, value: float | None, share: float | None,
                    bar_colour: QColor) -> QTableWidgetItem:
        indicator = self.dataset.indicator(indicator_id)
        text = indicator.format(value, self.lang) if value is not None else "—"
        if share is not None:
            text = f"{text}  ·  {share:.0%}"
        item = self._number_item(text, value if value is not None else float("-inf"))
        item.setData(SHARE_ROLE, share or 0.0)
        item.setData(BAR_COLOUR_ROLE, bar_colour.name())
        if value is None:
            item.setToolTip(self.tr("No value in this year: the distance is averaged over the "
                                    "other indicators"))
        elif share is not None:
            item.setToolTip(self.tr("{0}: {1} of the distance").format(
                indicator.label(self.lang), f"{share:.0%}"))
        return item

    def _notes(self, result: PeerResult) -> str:
        report = result.missing
        scaling = self.scaling_box.itemText(self.scaling_box.findData(result.scaling))
        lines = [self.tr("Values of {0} only; each indicator scaled by {1} over the cities that "
                         "have it.").format(result.year, scaling)]
        if report.focus_missing:
            lines.append(self.tr("Left out because {0} has no value in {1} (or its weight is 0): "
                                 "{2}.").format(self.focus_name, result.year,
                                                ", ".join(self._label(i)
                                                          for i in report.focus_missing)))
        if report.policy == "renormalise":
            lines.append(self.tr(
                "Compared {0} of {1} cities: {2} with every indicator, {3} over the indicators "
                "they have (marked *, distance renormalised); {4} excluded with less than {5} of "
                "the weight.").format(report.compared, report.pool_size, report.complete,
                                      report.renormalised, report.excluded,
                                      f"{report.min_coverage:.0%}"))
        else:
            lines.append(self.tr(
                "Compared {0} of {1} cities; {2} excluded because they lack at least one "
                "indicator.").format(report.compared, report.pool_size, report.excluded))
        suspect = result.missing.suspect_sentence(self.lang, self._label)
        if suspect:
            lines.append(suspect[:1].upper() + suspect[1:] + ("" if suspect.endswith("。") else
                                                              "."))
        return "\n".join(lines)

    # --- what the dialog returns --------------------------------------------------------
    def chosen_ids(self) -> tuple[str, ...]:
        """The ticked proposed cities, nearest first."""
        table = self.result_table
        ids = []
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if (item is not None and item.data(CITY_ID_ROLE) != self.focus_id
                    and item.checkState() == Qt.CheckState.Checked):
                ids.append(item.data(CITY_ID_ROLE))
        return tuple(ids)

    def _ask_group_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as group"),
                                        self.tr("Name of the peer group:"),
                                        text=self.tr("Like {0}").format(self.focus_name))
        if ok and name.strip():
            self.save_group(name)

    def save_group(self, name: str) -> PeerGroup | None:
        """Keep the ticked cities as a named group in the settings; says so with a signal."""
        ids = self.chosen_ids()
        if self.settings is None or not ids:
            return None
        group = self.settings.save_custom_group(name, ids)
        self.note_label.setText(self.note_label.text() + "\n" + self.tr(
            "Saved as the peer group “{0}”.").format(group.name(self.lang)))
        self.sig_group_saved.emit(group)
        return group
