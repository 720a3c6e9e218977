"""The Structure tab: location quotients, shift-share and time distance for one selection.

Three sections over the chart panel's selection, each computed by desktop.analysis (which
never changes the dataset) and shown as tables and sentences:
- location quotients by sector (primary / secondary / tertiary) for the focus city and each
  peer, on a value-added (GDP) or employment basis; LQ above 1 is shaded;
- shift-share of the focus city's sector value added between two years, with signs, in the
  display scale of the dataset's value-added indicators (亿元, or bn yuan in the international
  number style);
- time distance for the selected indicator, one sentence per peer.
A section whose data is missing (e.g. no sector data for a US metro area) shows a plain
message instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.panel import panel_for, pool_label
from desktop.analysis.structure import (
    SECTORS,
    LocationQuotients,
    ShiftShare,
    location_quotients,
    shift_share,
)
from desktop.analysis.time_distance import TimeDistance, time_distance
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.core.units import DisplayScale

HIGHLIGHT = QColor("#ffd98a")
HIGHLIGHT_TEXT = QColor("#1a1a1a")
VA_IDS = tuple(f"va_{s}" for s in SECTORS)
SHARE_IDS = {
    "gdp": tuple(f"gdp_share_{s}" for s in SECTORS),
    "employment": tuple(f"employment_share_{s}" for s in SECTORS),
}


@dataclass(frozen=True)
class StructureSelection:
    dataset: Dataset
    focus_id: str
    peer_ids: tuple[str, ...]
    indicator_id: str
    year: int | None
    lang: str


def years_with(dataset: Dataset, city_id: str, indicator_ids: Sequence[str]) -> list[int]:
    """The years in which the city has every one of these indicators."""
    if not all(i in dataset.indicators for i in indicator_ids):
        return []
    panel = panel_for(dataset)
    row = panel.row_of(city_id)
    present = np.ones(len(panel.years), dtype=bool)
    for indicator_id in indicator_ids:
        present &= ~np.isnan(panel.matrix(indicator_id)[row])
    return [int(y) for y in panel.years[present]]


def amount_scale(dataset: Dataset) -> DisplayScale:
    """How the shift-share shows amounts: the display scale of the value-added indicators
    (亿元 as bundled, bn yuan in the international number style), with one decimal less than
    the profile table shows (亿元 to 0.1)."""
    display = dataset.indicator(VA_IDS[0]).display
    return DisplayScale(display.factor, display.suffix_en, display.suffix_zh,
                        max(display.decimals - 1, 0))


def unsigned(value: float, scale: DisplayScale) -> str:
    """Yuan in the scale, without its suffix: 1,234.5."""
    return scale.format(value, with_suffix=False)


def signed(value: float, scale: DisplayScale) -> str:
    """Yuan in the scale with a sign: +1,234.5 / −56.7."""
    text = f"{scale.scaled(value):+,.{scale.decimals}f}"
    return text.replace("-", "\u2212")


class StructureView(QWidget):
    """Location quotients, shift-share and time distance (the chart panel's fifth tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection: StructureSelection | None = None
        self._updating = False
        self.lq_results: dict[str, LocationQuotients] = {}
        self.lq_year: int | None = None
        self.shift: ShiftShare | None = None
        self.distances: list[TimeDistance] = []
        self.sentences: list[str] = []

        # --- location quotients ---------------------------------------------------------
        self.basis_box = QComboBox()
        self.basis_box.addItem(self.tr("Value added (GDP)"), "gdp")
        self.basis_box.addItem(self.tr("Employment"), "employment")
        self.basis_box.setToolTip(self.tr("Basis of the location quotients"))
        self.basis_box.setAccessibleName(self.tr("Basis of the location quotients"))
        self.lq_caption = QLabel()
        self.lq_caption.setWordWrap(True)
        self.lq_table = self._table()
        self.lq_table.setAccessibleName(self.tr("Location quotients by sector"))
        self.lq_notes = self._note_label()
        self.lq_message = self._message_label()
        lq_box = QGroupBox(self.tr("Location quotients"))
        column = QVBoxLayout(lq_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Basis")))
        row.addWidget(self.basis_box)
        row.addWidget(self.lq_caption, 1)
        column.addLayout(row)
        column.addWidget(self.lq_message)
        column.addWidget(self.lq_table)
        column.addWidget(self.lq_notes)

        # --- shift-share ------------------------------------------------------------------
        self.start_box = QSpinBox()
        self.end_box = QSpinBox()
        self.start_box.setToolTip(self.tr("First year of the shift-share"))
        self.end_box.setToolTip(self.tr("Last year of the shift-share"))
        self.shift_caption = QLabel()
        self.shift_caption.setWordWrap(True)
        self.shift_table = self._table()
        self.shift_table.setAccessibleName(self.tr("Shift-share by sector"))
        self.shift_notes = self._note_label()
        self.shift_message = self._message_label()
        shift_box = QGroupBox(self.tr("Shift-share analysis"))
        column = QVBoxLayout(shift_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Years")))
        row.addWidget(self.start_box)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end_box)
        row.addWidget(self.shift_caption, 1)
        column.addLayout(row)
        column.addWidget(self.shift_message)
        column.addWidget(self.shift_table)
        column.addWidget(self.shift_notes)

        # --- time distance ----------------------------------------------------------------
        self.target_year_box = QSpinBox()
        self.target_year_box.setToolTip(self.tr("Year of the level to reach"))
        self.distance_text = QLabel()
        self.distance_text.setWordWrap(True)
        self.distance_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.distance_notes = self._note_label()
        self.distance_message = self._message_label()
        distance_box = QGroupBox(self.tr("Time distance"))
        column = QVBoxLayout(distance_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Level of the year")))
        row.addWidget(self.target_year_box)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.distance_message)
        column.addWidget(self.distance_text)
        column.addWidget(self.distance_notes)

        for box, name in ((self.start_box, self.tr("First year of the shift-share")),
                          (self.end_box, self.tr("Last year of the shift-share")),
                          (self.target_year_box, self.tr("Year of the level to reach"))):
            box.setGroupSeparatorShown(False)
            box.setKeyboardTracking(False)
            box.setAccessibleName(name)
            editor = box.findChild(QLineEdit)
            if editor is not None:
                editor.setAccessibleName(name)

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addWidget(lq_box)
        body.addWidget(shift_box)
        body.addWidget(distance_box)
        body.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

        self.basis_box.currentIndexChanged.connect(self._on_basis_changed)
        self.start_box.valueChanged.connect(self._on_years_changed)
        self.end_box.valueChanged.connect(self._on_years_changed)
        self.target_year_box.valueChanged.connect(self._on_target_year_changed)

    # --- widgets ------------------------------------------------------------------------
    @staticmethod
    def _table() -> QTableWidget:
        table = QTableWidget()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    @staticmethod
    def _fit_height(table: QTableWidget) -> None:
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height + 2)

    @staticmethod
    def _note_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("font-size: 11px;")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _message_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #a33; font-weight: bold;")
        label.setVisible(False)
        return label

    @staticmethod
    def _item(text: str, align_right: bool = True) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        alignment = Qt.AlignmentFlag.AlignRight if align_right else Qt.AlignmentFlag.AlignLeft
        item.setTextAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _sector_name(self, sector: str) -> str:
        return {"primary": self.tr("Primary"), "secondary": self.tr("Secondary"),
                "tertiary": self.tr("Tertiary"), "total": self.tr("Total")}[sector]

    def _city(self, city_id: str) -> str:
        selection = self._selection
        assert selection is not None
        return selection.dataset.cities[city_id].name(selection.lang)

    # --- selection ------------------------------------------------------------------------
    def set_selection(self, dataset: Dataset, focus_id: str, peer_ids: Sequence[str],
                      indicator_id: str, year: int | None = None, lang: str = "en") -> None:
        """Show this selection. The years chosen are kept while the focus city and the data
        stay: a dataset that only displays them differently (another number style) has the
        same observations."""
        previous = self._selection
        self._selection = StructureSelection(dataset, focus_id, tuple(peer_ids), indicator_id,
                                             year, lang)
        same_focus = (previous is not None and previous.focus_id == focus_id
                      and previous.dataset.observations is dataset.observations)
        same_distance = (same_focus and previous is not None
                         and previous.indicator_id == indicator_id and previous.year == year)
        self._updating = True
        try:
            if not same_focus:
                self._default_years()
            if not same_distance:
                self._default_target_year()
        finally:
            self._updating = False
        self.refresh()

    def refresh(self) -> None:
        self._draw_lq()
        self._draw_shift()
        self._draw_distance()

    def _on_basis_changed(self, *_: object) -> None:
        if self._selection is not None:
            self._draw_lq()

    def _on_years_changed(self, *_: object) -> None:
        if not self._updating and self._selection is not None:
            self._draw_shift()

    def _on_target_year_changed(self, *_: object) -> None:
        if not self._updating and self._selection is not None:
            self._draw_distance()

    def _default_years(self) -> None:
        """Shift-share: 10 years before the latest year the focus and peers share, and it."""
        selection = self._selection
        assert selection is not None
        own = years_with(selection.dataset, selection.focus_id, VA_IDS)
        self.start_box.setEnabled(bool(own))
        self.end_box.setEnabled(bool(own))
        if not own:
            self.start_box.setRange(0, 0)
            self.end_box.setRange(0, 0)
            return
        shared = set(own)
        for peer in selection.peer_ids:
            theirs = set(years_with(selection.dataset, peer, VA_IDS))
            if theirs and shared & theirs:
                shared &= theirs
        latest = max(shared)
        for box in (self.start_box, self.end_box):
            box.setRange(own[0], own[-1])
        self.end_box.setValue(latest)
        self.start_box.setValue(max(latest - 10, own[0]))

    def _default_target_year(self) -> None:
        """Time distance: the selected year, else 10 years before the latest shared year."""
        selection = self._selection
        assert selection is not None
        dataset = selection.dataset
        ids = (selection.indicator_id,)
        own = years_with(dataset, selection.focus_id, ids)
        all_years = sorted({y for c in (selection.focus_id, *selection.peer_ids)
                            for y in years_with(dataset, c, ids)})
        if not all_years:
            self.target_year_box.setRange(0, 0)
            return
        self.target_year_box.setRange(all_years[0], all_years[-1])
        if selection.year is not None:
            self.target_year_box.setValue(selection.year)
            return
        shared = set(own)
        for peer in selection.peer_ids:
            theirs = set(years_with(dataset, peer, ids))
            if shared & theirs:
                shared &= theirs
        latest = max(shared) if shared else all_years[-1]
        self.target_year_box.setValue(max(latest - 10, all_years[0]))

    # --- location quotients ---------------------------------------------------------------
    def _lq_year(self, basis: str) -> int | None:
        selection = self._selection
        assert selection is not None
        dataset, focus = selection.dataset, selection.focus_id
        years = set(years_with(dataset, focus, SHARE_IDS[basis]))
        if basis == "gdp":
            years |= set(years_with(dataset, focus, VA_IDS))
        if selection.year is not None:
            years = {y for y in years if y <= selection.year}
        return max(years) if years else None

    def _draw_lq(self) -> None:
        selection = self._selection
        assert selection is not None
        basis = self.basis_box.currentData() or "gdp"
        self.lq_results = {}
        table = self.lq_table
        table.clear()
        table.setRowCount(0)
        try:
            year = self._lq_year(basis)
            self.lq_year = year
            if year is None:
                self._lq_problem(self.tr(
                    "No sector data for {0}: location quotients need primary, secondary and "
                    "tertiary shares, which the data has for Chinese cities only.").format(
                        self._city(selection.focus_id)))
                return
            focus = location_quotients(selection.dataset, selection.focus_id, year, basis)
        except CityProfilesError:
            self._lq_problem(self.tr("No sector data for {0} in {1}.").format(
                self._city(selection.focus_id), self.lq_year))
            return
        except Exception as error:  # a message in the tab, never a traceback
            self._lq_problem(self.tr("Location quotients cannot be computed ({0}).").format(
                type(error).__name__))
            return
        self.lq_message.setVisible(False)
        table.setVisible(True)
        self.lq_results[selection.focus_id] = focus
        for peer in selection.peer_ids:
            try:
                self.lq_results[peer] = location_quotients(selection.dataset, peer, year, basis)
            except Exception:  # a peer without data shows dashes
                continue
        cities = [selection.focus_id, *selection.peer_ids]
        table.setColumnCount(len(SECTORS))
        table.setRowCount(len(cities))
        table.setHorizontalHeaderLabels([self._sector_name(s) for s in SECTORS])
        table.setVerticalHeaderLabels([self._city(c) for c in cities])
        bold = QFont(table.font())
        bold.setBold(True)
        for r, city_id in enumerate(cities):
            result = self.lq_results.get(city_id)
            for c, sector in enumerate(SECTORS):
                lq = result.sectors[c] if result is not None else None
                if lq is None or lq.lq is None:
                    item = self._item("–")
                    item.setToolTip(self.tr("No sector data for {0} in {1}.").format(
                        self._city(city_id), year))
                else:
                    item = self._item(f"{lq.lq:.2f}")
                    item.setData(Qt.ItemDataRole.UserRole, lq.lq)
                    item.setToolTip(self.tr(
                        "{0}: share {1:.1f}% against {2:.1f}% in the reference").format(
                            self._sector_name(sector), lq.city_share, lq.reference_share))
                    if lq.lq > 1:
                        item.setBackground(QBrush(HIGHLIGHT))
                        item.setForeground(QBrush(HIGHLIGHT_TEXT))
                if r == 0:
                    item.setFont(bold)
                table.setItem(r, c, item)
        self._fit_height(table)
        basis_text = self.basis_box.currentText()
        self.lq_caption.setText(self.tr("{0}, {1}: shaded cells are above 1 (more "
                                        "specialised than the reference)").format(
                                            basis_text, year))
        self.lq_notes.setText("\n".join(self._lq_notes(focus)))

    def _lq_problem(self, text: str) -> None:
        self.lq_message.setText(text)
        self.lq_message.setVisible(True)
        self.lq_table.setVisible(False)
        self.lq_caption.setText("")
        self.lq_notes.setText("")

    def _lq_notes(self, result: LocationQuotients) -> list[str]:
        selection = self._selection
        assert selection is not None
        key = panel_for(selection.dataset).pool_key_of(result.city_id)
        shares = ", ".join(
            self.tr("{0} {1:.1f}%").format(self._sector_name(s.sector), s.reference_share)
            for s in result.sectors if s.reference_share is not None)
        notes = [self.tr("Reference: all {0} with data in {1} ({2} cities), {3} included: "
                         "{4}. LQ above 1 means more specialised than the reference.").format(
                             pool_label(key, selection.lang), result.year,
                             result.reference_cities, self._city(result.city_id), shares)]
        for note in result.notes[1:]:
            if note.startswith("The city's shares are the published GDP shares"):
                notes.append(self.tr("The city's shares are the published GDP shares (no "
                                     "value added)."))
            elif note.startswith("Reference shares are the plain mean"):
                notes.append(self.tr("Reference shares are the plain mean of {0} cities' "
                                     "published shares (no totals to weight them).").format(
                                         result.reference_cities))
            elif note.startswith("Employment shares are of employees on payroll"):
                notes.append(self.tr("Employment shares are of employees on payroll "
                                     "(单位从业人员), not all employed persons."))
            else:
                notes.append(note)
        return notes

    # --- shift-share ------------------------------------------------------------------------
    def _draw_shift(self) -> None:
        selection = self._selection
        assert selection is not None
        self.shift = None
        start, end = self.start_box.value(), self.end_box.value()
        city = self._city(selection.focus_id)
        if not years_with(selection.dataset, selection.focus_id, VA_IDS):
            self._shift_problem(self.tr(
                "No sector data for {0}: shift-share needs value added by sector, which the "
                "data has for Chinese cities only.").format(city))
            return
        if start >= end:
            self._shift_problem(self.tr("Choose a first year before the last year."))
            return
        try:
            result = shift_share(selection.dataset, selection.focus_id, start, end)
        except CityProfilesError:
            self._shift_problem(self.tr(
                "Shift-share needs value added by sector for {0} in both {1} and {2}.").format(
                    city, start, end))
            return
        except Exception as error:  # a message in the tab, never a traceback
            self._shift_problem(self.tr("Shift-share cannot be computed ({0}).").format(
                type(error).__name__))
            return
        self.shift = result
        self.shift_message.setVisible(False)
        table = self.shift_table
        table.setVisible(True)
        headers = [self.tr("{0} value").format(start), self.tr("{0} value").format(end),
                   self.tr("Change"), self.tr("Growth effect"), self.tr("Industry-mix effect"),
                   self.tr("Competitive effect")]
        rows = [*result.sectors, result.total]
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(headers)
        table.setVerticalHeaderLabels([self._sector_name(s.sector) for s in rows])
        bold = QFont(table.font())
        bold.setBold(True)
        scale = amount_scale(selection.dataset)
        for r, shift in enumerate(rows):
            values = (unsigned(shift.start_value, scale), unsigned(shift.end_value, scale),
                      signed(shift.change, scale), signed(shift.growth_effect, scale),
                      signed(shift.mix_effect, scale), signed(shift.competitive_effect, scale))
            raw = (shift.start_value, shift.end_value, shift.change, shift.growth_effect,
                   shift.mix_effect, shift.competitive_effect)
            for c, (text, value) in enumerate(zip(values, raw, strict=True)):
                item = self._item(text)
                item.setData(Qt.ItemDataRole.UserRole, value)
                if shift.sector == "total":
                    item.setFont(bold)
                table.setItem(r, c, item)
        self._fit_height(table)
        self.shift_caption.setText(self.tr(
            "Value added of {0} by sector, {1}–{2}, {3} (nominal). Growth effect + "
            "industry-mix effect + competitive effect = change.").format(
                city, start, end, scale.suffix(selection.lang)))
        self.shift_notes.setText("\n".join(self._shift_notes(result)))

    def _shift_problem(self, text: str) -> None:
        self.shift_message.setText(text)
        self.shift_message.setVisible(True)
        self.shift_table.setVisible(False)
        self.shift_caption.setText("")
        self.shift_notes.setText("")

    def _shift_notes(self, result: ShiftShare) -> list[str]:
        selection = self._selection
        assert selection is not None
        dataset = selection.dataset
        key = panel_for(dataset).pool_key_of(result.city_id)
        total = result.total
        notes = [
            self.tr("Reference: the sum over the {0} {1} with sector value added in both {2} "
                    "and {3}, {4} included. Nominal yuan, not adjusted for prices.").format(
                        result.reference_cities, pool_label(key, selection.lang),
                        result.start_year, result.end_year, self._city(result.city_id)),
            self.tr("Over the period the reference grew {0:+.1f}%, {1} {2:+.1f}%.").format(
                result.reference_growth, self._city(result.city_id), total.city_growth),
        ]
        seen: set[str] = set()
        for indicator_id in VA_IDS:
            for b in dataset.breaks_for(result.city_id, indicator_id):
                if not result.start_year < b.year <= result.end_year:
                    continue
                text = b.note(selection.lang)
                if text in seen:
                    continue
                seen.add(text)
                notes.append(self.tr("Series break in {0} inside the period: {1}").format(
                    b.year, text))
        return notes

    # --- time distance ----------------------------------------------------------------------
    def _draw_distance(self) -> None:
        selection = self._selection
        assert selection is not None
        dataset = selection.dataset
        self.distances = []
        self.sentences = []
        if not selection.peer_ids:
            self._distance_problem(self.tr("Choose peers to compare with."))
            return
        year = self.target_year_box.value()
        indicator = dataset.indicators.get(selection.indicator_id)
        if indicator is None:
            self._distance_problem(self.tr("No indicator is selected."))
            return
        panel = panel_for(dataset)
        matrix = panel.matrix(selection.indicator_id)
        col = panel.col_of(year)
        lower = indicator.higher_is_better is False
        notes: list[str] = []
        for peer in selection.peer_ids:
            city, target = selection.focus_id, peer
            if col is not None:
                mine = matrix[panel.row_of(city), col]
                theirs = matrix[panel.row_of(peer), col]
                if not np.isnan(mine) and not np.isnan(theirs) and (
                        mine < theirs if lower else mine > theirs):
                    city, target = peer, selection.focus_id  # the one behind is the subject
            try:
                result = time_distance(dataset, city, target, selection.indicator_id, year)
            except CityProfilesError:
                self.sentences.append(self.tr("{0} and {1}: no values to compare in {2}.")
                                      .format(self._city(selection.focus_id),
                                              self._city(peer), year))
                continue
            except Exception as error:  # a message in the tab
                self.sentences.append(self.tr("{0}: time distance cannot be computed ({1}).")
                                      .format(self._city(peer), type(error).__name__))
                continue
            self.distances.append(result)
            self.sentences.append(result.sentence(selection.lang))
            for cid in (city, target):
                for b in dataset.breaks_for(cid, selection.indicator_id):
                    text = b.note(selection.lang)
                    if text not in notes:
                        notes.append(text)
        self.distance_message.setVisible(False)
        self.distance_text.setVisible(True)
        self.distance_text.setText("\n".join(f"• {s}" for s in self.sentences))
        self.distance_notes.setText("\n".join(notes))

    def _distance_problem(self, text: str) -> None:
        self.distance_message.setText(text)
        self.distance_message.setVisible(True)
        self.distance_text.setVisible(False)
        self.distance_text.setText("")
        self.distance_notes.setText("")
