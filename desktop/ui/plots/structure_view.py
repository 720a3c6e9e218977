"""The Structure tab: location quotients, shift-share and time distance for one selection.

Three sections over the chart panel's selection, computed by desktop.session.structure_spec
(the view receives a StructureSpec and never reads the dataset; its controls ask the panel
for a new one with sig_choice_changed) and shown as tables and sentences:
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

from PySide6.QtCore import Qt, Signal
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

from desktop.analysis.structure import SECTORS, LocationQuotients, ShiftShare
from desktop.analysis.time_distance import TimeDistance
from desktop.core.units import DisplayScale
from desktop.session.structure_spec import (
    DistanceSection,
    LqSection,
    ShiftSection,
    StructureChoice,
    StructureSpec,
    StructureYears,
)

HIGHLIGHT = QColor("#ffd98a")
HIGHLIGHT_TEXT = QColor("#1a1a1a")


def unsigned(value: float, scale: DisplayScale) -> str:
    """Yuan in the scale, without its suffix: 1,234.5."""
    return scale.format(value, with_suffix=False)


def signed(value: float, scale: DisplayScale) -> str:
    """Yuan in the scale with a sign: +1,234.5 / −56.7."""
    text = f"{scale.scaled(value):+,.{scale.decimals}f}"
    return text.replace("-", "\u2212")


class StructureView(QWidget):
    """Location quotients, shift-share and time distance (the chart panel's fifth tab)."""

    #: a control changed: the section to recompute ("lq", "shift" or "distance")
    sig_choice_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: StructureSpec | None = None
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
        assert self._spec is not None
        return self._spec.names[city_id]

    # --- spec -----------------------------------------------------------------------------
    @property
    def spec(self) -> StructureSpec | None:
        return self._spec

    def set_years(self, years: StructureYears, keep_shift: bool = False,
                  keep_target: bool = False) -> None:
        """Offer these years in the boxes; each box starts at its default unless told to keep
        the year the user chose (the same focus city and data: a dataset that only displays
        them differently, in another number style, has the same observations)."""
        self._updating = True
        try:
            if not keep_shift:
                shown = years.shift_range is not None
                self.start_box.setEnabled(shown)
                self.end_box.setEnabled(shown)
                low, high = years.shift_range or (0, 0)
                for box in (self.start_box, self.end_box):
                    box.setRange(low, high)
                if years.shift_default is not None:
                    self.end_box.setValue(years.shift_default[1])
                    self.start_box.setValue(years.shift_default[0])
            if not keep_target:
                low, high = years.target_range or (0, 0)
                self.target_year_box.setRange(low, high)
                if years.target_default is not None:
                    self.target_year_box.setValue(years.target_default)
        finally:
            self._updating = False

    def choice(self) -> StructureChoice:
        """What the tab's controls say."""
        return StructureChoice(self.basis_box.currentData() or "gdp", self.start_box.value(),
                               self.end_box.value(), self.target_year_box.value())

    def set_spec(self, spec: StructureSpec, caption: str = "") -> None:
        """Show the sections `spec` has (a section it leaves None stays as drawn)."""
        self._spec = spec
        if spec.lq is not None:
            self._draw_lq(spec.lq)
        if spec.shift is not None:
            self._draw_shift(spec.shift)
        if spec.distance is not None:
            self._draw_distance(spec.distance)

    def _on_basis_changed(self, *_: object) -> None:
        if self._spec is not None:
            self.sig_choice_changed.emit("lq")

    def _on_years_changed(self, *_: object) -> None:
        if not self._updating and self._spec is not None:
            self.sig_choice_changed.emit("shift")

    def _on_target_year_changed(self, *_: object) -> None:
        if not self._updating and self._spec is not None:
            self.sig_choice_changed.emit("distance")

    # --- location quotients ---------------------------------------------------------------
    def _draw_lq(self, section: LqSection) -> None:
        focus_id = self._spec.focus_id if self._spec is not None else ""
        self.lq_results = dict(section.results)
        self.lq_year = year = section.year
        table = self.lq_table
        table.clear()
        table.setRowCount(0)
        if section.problem == "no_sector_data":
            self._lq_problem(self.tr(
                "No sector data for {0}: location quotients need primary, secondary and "
                "tertiary shares, which the data has for Chinese cities only.").format(
                    self._city(focus_id)))
            return
        if section.problem == "no_data_in_year":
            self._lq_problem(self.tr("No sector data for {0} in {1}.").format(
                self._city(focus_id), year))
            return
        if section.problem:
            self._lq_problem(self.tr("Location quotients cannot be computed ({0}).").format(
                section.error))
            return
        self.lq_message.setVisible(False)
        table.setVisible(True)
        cities = [focus_id, *(self._spec.peer_ids if self._spec is not None else ())]
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
        self.lq_notes.setText("\n".join(self._lq_notes(self.lq_results[focus_id],
                                                       section.pool)))

    def _lq_problem(self, text: str) -> None:
        self.lq_message.setText(text)
        self.lq_message.setVisible(True)
        self.lq_table.setVisible(False)
        self.lq_caption.setText("")
        self.lq_notes.setText("")

    def _lq_notes(self, result: LocationQuotients, pool: str) -> list[str]:
        shares = ", ".join(
            self.tr("{0} {1:.1f}%").format(self._sector_name(s.sector), s.reference_share)
            for s in result.sectors if s.reference_share is not None)
        notes = [self.tr("Reference: all {0} with data in {1} ({2} cities), {3} included: "
                         "{4}. LQ above 1 means more specialised than the reference.").format(
                             pool, result.year, result.reference_cities,
                             self._city(result.city_id), shares)]
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
    def _draw_shift(self, section: ShiftSection) -> None:
        assert self._spec is not None
        self.shift = None
        start, end = section.start, section.end
        city = self._city(self._spec.focus_id)
        if section.problem == "no_sector_data":
            self._shift_problem(self.tr(
                "No sector data for {0}: shift-share needs value added by sector, which the "
                "data has for Chinese cities only.").format(city))
            return
        if section.problem == "order":
            self._shift_problem(self.tr("Choose a first year before the last year."))
            return
        if section.problem == "missing_years":
            self._shift_problem(self.tr(
                "Shift-share needs value added by sector for {0} in both {1} and {2}.").format(
                    city, start, end))
            return
        if section.problem or section.result is None or section.scale is None:
            self._shift_problem(self.tr("Shift-share cannot be computed ({0}).").format(
                section.error))
            return
        result = self.shift = section.result
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
        scale = section.scale
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
                city, start, end, scale.suffix(self._spec.lang)))
        self.shift_notes.setText("\n".join(self._shift_notes(section)))

    def _shift_problem(self, text: str) -> None:
        self.shift_message.setText(text)
        self.shift_message.setVisible(True)
        self.shift_table.setVisible(False)
        self.shift_caption.setText("")
        self.shift_notes.setText("")

    def _shift_notes(self, section: ShiftSection) -> list[str]:
        result = section.result
        assert result is not None
        total = result.total
        notes = [
            self.tr("Reference: the sum over the {0} {1} with sector value added in both {2} "
                    "and {3}, {4} included. Nominal yuan, not adjusted for prices.").format(
                        result.reference_cities, section.pool,
                        result.start_year, result.end_year, self._city(result.city_id)),
            self.tr("Over the period the reference grew {0:+.1f}%, {1} {2:+.1f}%.").format(
                result.reference_growth, self._city(result.city_id), total.city_growth),
        ]
        notes += [self.tr("Series break in {0} inside the period: {1}").format(year, text)
                  for year, text in section.breaks]
        return notes

    # --- time distance ----------------------------------------------------------------------
    def _draw_distance(self, section: DistanceSection) -> None:
        assert self._spec is not None
        self.distances = []
        self.sentences = []
        if section.problem == "no_peers":
            self._distance_problem(self.tr("Choose peers to compare with."))
            return
        if section.problem:
            self._distance_problem(self.tr("No indicator is selected."))
            return
        focus = self._spec.focus_id
        for distance in section.distances:
            if distance.result is not None:
                self.distances.append(distance.result)
                self.sentences.append(distance.result.sentence(self._spec.lang))
            elif distance.problem == "no_values":
                self.sentences.append(self.tr("{0} and {1}: no values to compare in {2}.")
                                      .format(self._city(focus), self._city(distance.peer_id),
                                              section.year))
            else:
                self.sentences.append(self.tr("{0}: time distance cannot be computed ({1}).")
                                      .format(self._city(distance.peer_id), distance.problem))
        self.distance_message.setVisible(False)
        self.distance_text.setVisible(True)
        self.distance_text.setText("\n".join(f"• {s}" for s in self.sentences))
        self.distance_notes.setText("\n".join(section.notes))

    def _distance_problem(self, text: str) -> None:
        self.distance_message.setText(text)
        self.distance_message.setVisible(True)
        self.distance_text.setVisible(False)
        self.distance_text.setText("")
        self.distance_notes.setText("")
