"""The chart panel: Over time | Ranking | Scatter | Small multiples | Structure, their controls
and exports (the Structure tab has tables and sentences, no chart to export).

The panel receives a selection (`set_selection`), asks desktop.session.chart_specs for the
visible tab's spec (plain Python, which never changes the dataset) and hands it to the tab's
widget: widgets receive specs, they do not compute them. Only the visible tab is redrawn on a
change; the others are marked stale and drawn when shown, so an update costs one spec and one
chart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.chart_spec import CROSS_COUNTRY_NOTE
from desktop.analysis.currency import converted_basis
from desktop.analysis.selection_cube import LATEST_EACH
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.session.chart_options import ChartOptions
from desktop.session.chart_specs import (
    MAP,
    MULTIPLES,
    NOT_CHARTED,
    OVER_TIME,
    RANKING,
    SCATTER,
    STRUCTURE,
    chart_spec,
)
from desktop.session.selection import Selection
from desktop.ui.plots.line_chart import LineChart
from desktop.ui.plots.steady_tabs import keep_tabs_steady

if TYPE_CHECKING:  # built when their tab is first needed: ~0.1 s less at start-up
    import pandas as pd
    from PySide6.QtWidgets import QDialog

    from desktop.ui.dialogs.chart_data_dialog import ChartDataDialog
    from desktop.ui.plots.ranking_chart import RankingChart
    from desktop.ui.plots.scatter_chart import ScatterChart
    from desktop.ui.plots.small_multiples import SmallMultiples
    from desktop.ui.plots.structure_view import StructureView
    from desktop.ui.settings import Settings

__all__ = ["MAP", "MULTIPLES", "OVER_TIME", "RANKING", "SCATTER", "STRUCTURE", "ChartPanel"]

ALL_TABS = frozenset(range(6))
#: Tabs that show the comparison year (the ranking and scatter follow the year box).
BY_YEAR = frozenset({RANKING, SCATTER, STRUCTURE, MAP})
MODES = ("absolute", "indexed", "change")


@dataclass(frozen=True)
class Drawing:
    """What the panel draws: a selection, in the data (in the view's currency) and language
    it is drawn in."""

    dataset: Dataset
    selection: Selection
    lang: str

    @property
    def focus_id(self) -> str:
        return self.selection.focus_id

    @property
    def peer_ids(self) -> tuple[str, ...]:
        return self.selection.peer_ids

    @property
    def indicator_id(self) -> str:
        return self.selection.indicator_id

    @property
    def year(self) -> int | str | None:
        return self.selection.year


class SideScroll(QScrollArea):
    """A row of controls that scrolls sideways when the panel is narrower than the row, as
    tall as the row (plus the scroll bar only while it shows)."""

    def __init__(self, row: QWidget) -> None:
        super().__init__()
        self.setWidget(row)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row.installEventFilter(self)
        self._fit()

    def _fit(self) -> None:
        row = self.widget()
        needed = row.minimumSizeHint().width() > self.viewport().width()
        bar = self.horizontalScrollBar().sizeHint().height() if needed else 0
        self.setFixedHeight(row.sizeHint().height() + bar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        self._fit()


class ChartPanel(QWidget):
    """Four chart tabs and the Structure tab over one selection, with controls and exports."""

    sig_options_changed = Signal(object)  # ChartOptions
    sig_include_suspect_changed = Signal(bool)  # the window's switch and table follow it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection: Drawing | None = None
        self._dataset_key: int | None = None
        self._stale: set[int] = set()
        #: suspect values count in medians and ranks (View > Include suspect values)
        self.include_suspect = False
        self._updating = False
        self.options = ChartOptions()
        #: The charted cities' years with data: the year boxes show it until the user sets
        #: a range (None: nothing drawn yet; the boxes then show the dataset's years).
        self._span: tuple[int, int] | None = None
        self.error_box: QMessageBox | None = None
        self.data_dialog: ChartDataDialog | None = None
        #: where the PNG dialog remembers its size and DPI (set by the controller; None:
        #: nothing remembered)
        self.settings: Settings | None = None
        self.png_dialog: QDialog | None = None
        #: The indicators each tab drew last: their definitions go with its data export.
        self._shown: dict[int, tuple[str, ...]] = {}
        #: The selection the Structure tab shows (its years stay while focus and data do).
        self._structure_shown: Drawing | None = None

        self.chart = LineChart()
        self.tabs = QTabWidget()
        keep_tabs_steady(self.tabs)  # a label's new text does not repaint the whole tab
        self.tabs.addTab(self.chart, "")
        # The other tabs hold an empty host until first needed (shown, drawn or read).
        self._tab_charts: dict[int, QWidget] = {OVER_TIME: self.chart}
        self._tab_hosts: dict[int, QWidget] = {}
        for index in (RANKING, SCATTER, MULTIPLES, STRUCTURE, MAP):
            host = QWidget()
            QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
            self._tab_hosts[index] = host
            self.tabs.addTab(host, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)

        # --- over-time controls (their words: retranslate) --------------------------------
        self.mode_box = QComboBox()
        for mode in MODES:
            self.mode_box.addItem("", mode)
        self.base_year_box = QSpinBox()
        self.base_label = QLabel()
        self.log_check = QCheckBox()
        self.start_box = QSpinBox()
        self.end_box = QSpinBox()
        for box in (self.base_year_box, self.start_box, self.end_box):
            box.setGroupSeparatorShown(False)
            box.setKeyboardTracking(False)
        self.band_check = QCheckBox()
        self.band_check.setChecked(True)
        self.background_check = QCheckBox()

        # --- ranking and scatter controls ---------------------------------------------------
        self.year_box = QComboBox()
        self.x_box = QComboBox()
        self.y_box = QComboBox()
        self.size_check = QCheckBox()
        self.trails_check = QCheckBox()
        self.log_x_check = QCheckBox()
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self._export_actions = [
            menu.addAction("", lambda: self.export_png()),
            menu.addAction("", lambda: self.export_svg()),
            menu.addSeparator(),
            menu.addAction("", lambda: self.export_csv()),
            menu.addAction("", lambda: self.export_xlsx()),
            menu.addSeparator(),
            menu.addAction("", self.view_data),
            menu.addSeparator(),
            menu.addAction("", self.copy_chart)]
        self.export_button.setMenu(menu)
        self.export_menu = menu

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a33; font-weight: bold;")
        self.message.setVisible(False)

        self.years_label, self.year_label = QLabel(), QLabel()
        self.across_label, self.up_label = QLabel(), QLabel()
        self.time_controls = QWidget()
        row = QHBoxLayout(self.time_controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode_box)
        row.addWidget(self.base_label)
        row.addWidget(self.base_year_box)
        row.addWidget(self.years_label)
        row.addWidget(self.start_box)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end_box)
        row.addWidget(self.log_check)
        row.addWidget(self.band_check)
        row.addStretch(1)
        self.year_controls = QWidget()
        row = QHBoxLayout(self.year_controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year_label)
        row.addWidget(self.year_box)
        row.addStretch(1)
        self.scatter_controls = QWidget()
        row = QHBoxLayout(self.scatter_controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.across_label)
        row.addWidget(self.x_box, 1)
        row.addWidget(self.up_label)
        row.addWidget(self.y_box, 1)
        row.addWidget(self.size_check)
        row.addWidget(self.trails_check)
        row.addWidget(self.log_x_check)
        for box in (self.x_box, self.y_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
        self._retranslate_controls()
        top_row = QWidget()
        top = QHBoxLayout(top_row)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.time_controls, 1)
        top.addWidget(self.year_controls)
        top.addStretch(0)
        top.addWidget(self.background_check)  # the over-time and scatter tabs draw it
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the control rows scroll sideways in a narrow window (1024 px) instead of setting
        # the window's minimum width
        layout.addWidget(SideScroll(top_row))
        self.scatter_row = SideScroll(self.scatter_controls)
        layout.addWidget(self.scatter_row)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        for signal in (self.mode_box.currentIndexChanged, self.base_year_box.valueChanged,
                       self.start_box.valueChanged, self.end_box.valueChanged,
                       self.year_box.currentIndexChanged, self.x_box.currentIndexChanged,
                       self.y_box.currentIndexChanged):
            signal.connect(self._on_control_changed)
        for check in (self.log_check, self.band_check, self.background_check, self.size_check,
                      self.trails_check, self.log_x_check):
            check.toggled.connect(self._on_control_changed)
        self._show_controls()

    # --- words ----------------------------------------------------------------------------
    def _retranslate_controls(self) -> None:
        """The tabs' and controls' words in the current language (and their accessible
        names and tips). Every string is a self.tr literal, for lupdate."""
        for index, title in ((OVER_TIME, self.tr("Over time")), (RANKING, self.tr("Ranking")),
                             (SCATTER, self.tr("Scatter")),
                             (MULTIPLES, self.tr("Small multiples")),
                             (STRUCTURE, self.tr("Structure")), (MAP, self.tr("Map"))):
            self.tabs.setTabText(index, title)
        for index, text in enumerate((self.tr("Values"), self.tr("Index (base year = 100)"),
                                      self.tr("% change from start"))):
            self.mode_box.setItemText(index, text)
        # at its lowest value the box reads "Auto": the first year of the cities' data
        self.base_year_box.setSpecialValueText(self.tr("Auto"))
        self.base_label.setText(self.tr("Base"))
        self.log_check.setText(self.tr("Log scale"))
        self.band_check.setText(self.tr("Peer median and inter-quartile band"))
        self.background_check.setText(self.tr("All comparable cities, faintly"))
        self.size_check.setText(self.tr("Size by population"))
        self.trails_check.setText(self.tr("Trails over the years"))
        self.trails_check.setToolTip(self.tr(
            "Each city's path over the ten years up to the chosen year"))
        self.log_x_check.setText(self.tr("Log scale across"))
        for widget, name in (
                (self.mode_box, self.tr("How values are shown over time")),
                (self.base_year_box, self.tr("Base year of the index (= 100)")),
                (self.start_box, self.tr("First year shown")),
                (self.end_box, self.tr("Last year shown")),
                (self.year_box, self.tr("Year of the ranking and the scatter")),
                (self.x_box, self.tr("Indicator across")),
                (self.y_box, self.tr("Indicator up"))):
            widget.setAccessibleName(name)
            widget.setToolTip(name)
            editor = widget.findChild(QLineEdit)  # a spin box's own editor
            if editor is not None:
                editor.setAccessibleName(name)
        self.export_button.setText(self.tr("Export"))
        texts = iter((self.tr("Save chart as PNG…"), self.tr("Save chart as SVG…"),
                      self.tr("Save data as CSV…"), self.tr("Save data as Excel…"),
                      self.tr("View data…"), self.tr("Copy chart")))
        for action in self._export_actions:
            if not action.isSeparator():
                action.setText(next(texts))
        self.years_label.setText(self.tr("Years"))
        self.year_label.setText(self.tr("Year"))
        self.across_label.setText(self.tr("Across"))
        self.up_label.setText(self.tr("Up"))
        if self.year_box.count() >= 2:
            self.year_box.setItemText(0, self.tr("Latest shared"))
            self.year_box.setItemText(1, self.tr("Each city's latest"))

    def retranslate(self) -> None:
        """After a language switch: the panel's own words now; the charts and the indicator
        boxes are redrawn in the new language with the next selection (set_selection). The
        tabs built so far (but Over time) are dropped and built again when next shown, so
        their own words (headings, labels, tips) are in the new language too."""
        self._retranslate_controls()
        self._dataset_key = None  # the indicator boxes are filled again, in the new language
        for index in [i for i in self._tab_charts if i != OVER_TIME]:
            self._tab_charts.pop(index).deleteLater()
        self._shown = {OVER_TIME: self._shown[OVER_TIME]} if OVER_TIME in self._shown else {}

    # --- the tabs' charts, built on first use ----------------------------------------------
    def _tab_chart(self, index: int) -> QWidget:
        chart = self._tab_charts.get(index)
        if chart is None:
            chart = _build_tab_chart(index)
            if index == STRUCTURE:  # its own controls ask for a new spec
                chart.sig_choice_changed.connect(self._on_structure_choice)
            self._tab_hosts[index].layout().addWidget(chart)
            self._tab_charts[index] = chart
        return chart

    @property
    def ranking(self) -> RankingChart:
        return self._tab_chart(RANKING)

    @property
    def scatter(self) -> ScatterChart:
        return self._tab_chart(SCATTER)

    @property
    def multiples(self) -> SmallMultiples:
        return self._tab_chart(MULTIPLES)

    @property
    def structure(self) -> StructureView:
        return self._tab_chart(STRUCTURE)

    # --- selection ------------------------------------------------------------------------
    @property
    def current(self) -> QWidget:
        """The chart (or the Structure view) of the visible tab."""
        return self._tab_chart(self.tabs.currentIndex())

    def set_selection(self, dataset: Dataset, focus_id: str, peer_ids: Sequence[str],
                      indicator_id: str, year: int | str | None = None, lang: str = "en"
                      ) -> None:
        """Show this selection; only the visible chart is redrawn now, and only if the change
        concerns it (the over-time chart and the small multiples do not depend on the year).
        `dataset` is in the view's currency (the window's one choice: currency.view_dataset),
        which the captions say: the charts convert nothing themselves."""
        if id(dataset) != self._dataset_key:
            self._dataset_key = id(dataset)
            self._fill_controls(dataset, lang)
            self._selection = None
        previous = self._selection
        selection = Drawing(dataset, Selection(focus_id, tuple(peer_ids), indicator_id,
                                               year=year), lang)
        self._selection = selection
        self._follow_span(selection)
        # The toolbar's year sets the ranking's and scatter's year box: a year, and "Latest
        # shared" (None) when the toolbar goes back to it. While the toolbar stays on "Latest
        # shared", a year chosen in the chart panel is kept.
        year_chosen = year is not None or (previous is not None and previous.year is not None)
        if year_chosen and year != self.options.year:
            self._updating = True
            self.year_box.setCurrentIndex(max(self.year_box.findData(year), 0))
            self._updating = False
            self.options = replace(self.options, year=year)
        if (previous is not None and previous.dataset is dataset and previous.lang == lang
                and replace(previous.selection, year=year) == selection.selection):
            self._stale |= BY_YEAR  # only the year changed
        else:
            self._stale = set(ALL_TABS)
        self._draw(self.tabs.currentIndex())

    def set_include_suspect(self, include: bool) -> None:
        """Count suspect values (breaks register) in the peer median, band and ranks (View >
        Include suspect values); they stay greyed either way. Redraws the visible chart."""
        if include == self.include_suspect:
            return
        self.include_suspect = include
        self.options = replace(self.options, include_suspect=include)
        self._stale = set(ALL_TABS)
        if self._selection is not None:
            self._draw(self.tabs.currentIndex())
        self.sig_include_suspect_changed.emit(include)
        self.sig_options_changed.emit(self.options)

    def set_options(self, options: ChartOptions) -> None:
        """Set the controls (e.g. from a saved project) and redraw."""
        self._updating = True
        try:
            self.tabs.setCurrentIndex(options.tab)
            self.mode_box.setCurrentIndex(max(self.mode_box.findData(options.mode), 0))
            if options.base_year is not None:
                self.base_year_box.setValue(options.base_year)
            start, end = options.shown_range(self._auto_range())
            self.start_box.setValue(start)
            self.end_box.setValue(end)
            self.log_check.setChecked(options.log_y)
            self.band_check.setChecked(options.band)
            self.background_check.setChecked(options.background)
            self.year_box.setCurrentIndex(max(self.year_box.findData(options.year), 0))
            for box, value in ((self.x_box, options.x_indicator),
                               (self.y_box, options.y_indicator)):
                if value is not None and box.findData(value) >= 0:
                    box.setCurrentIndex(box.findData(value))
            self.size_check.setChecked(options.size_by_population)
            self.trails_check.setChecked(options.trails)
            self.log_x_check.setChecked(options.log_x)
        finally:
            self._updating = False
        changed = options.include_suspect != self.include_suspect
        self.include_suspect = options.include_suspect
        self._on_control_changed()
        if changed:
            self.sig_include_suspect_changed.emit(self.include_suspect)

    def _fill_controls(self, dataset: Dataset, lang: str) -> None:
        self._updating = True
        try:
            years = dataset.years()
            first, last = (years[0], years[-1]) if years else (2000, 2000)
            for box in (self.base_year_box, self.start_box, self.end_box):
                box.setRange(first, last)
            start, end = self.options.shown_range(self._auto_range())
            self.start_box.setValue(start)
            self.end_box.setValue(end)
            self.base_year_box.setValue(self.options.base_year or first)
            self.year_box.clear()
            self.year_box.addItem(self.tr("Latest shared"), None)
            self.year_box.addItem(self.tr("Each city's latest"), LATEST_EACH)
            for year in reversed(years):
                self.year_box.addItem(str(year), year)
            self.year_box.setCurrentIndex(max(self.year_box.findData(self.options.year), 0))
            for box in (self.x_box, self.y_box):
                box.clear()
                for indicator_id, indicator in dataset.indicators.items():
                    if indicator_id not in NOT_CHARTED:
                        box.addItem(indicator.label(lang), indicator_id)
                        box.setItemData(box.count() - 1, indicator.definition(lang),
                                        Qt.ItemDataRole.ToolTipRole)
            x = self.options.x_indicator or "gdp_per_capita"
            y = self.options.y_indicator or "gdp_real_growth"
            self.x_box.setCurrentIndex(max(self.x_box.findData(x), 0))
            self.y_box.setCurrentIndex(max(self.y_box.findData(y), 0))
        finally:
            self._updating = False
        self.options = self._read_options()

    def _auto_range(self) -> tuple[int, int]:
        """What the year boxes show while the user has set no range: the charted cities'
        data span, or the boxes' whole range before anything is drawn."""
        return self._span or (self.start_box.minimum(), self.end_box.maximum())

    def _follow_span(self, selection: Drawing) -> None:
        """The year boxes follow the selection's data span, each end unless the user set it
        (then the user's year stays, as in a saved project)."""
        from desktop.session.chart_options import data_span

        span = data_span(selection.dataset, (selection.focus_id, *selection.peer_ids),
                         selection.indicator_id)
        if span == self._span:
            return
        self._span = span
        start, end = self.options.shown_range(self._auto_range())
        self._updating, updating = True, self._updating
        try:
            self.start_box.setValue(start)
            self.end_box.setValue(end)
        finally:
            self._updating = updating

    def _read_options(self) -> ChartOptions:
        start, end = self.start_box.value(), self.end_box.value()
        if start > end:
            start, end = end, start
        auto_start, auto_end = self._auto_range()
        return ChartOptions(
            tab=self.tabs.currentIndex(),
            mode=self.mode_box.currentData() or "absolute",
            # the box's lowest year (the whole dataset's, 1960) stands for "automatic": the first
            # year of the charted cities' data (it said "1960 = 100" for series from 1990)
            base_year=(None if self.base_year_box.value() == self.base_year_box.minimum()
                       else self.base_year_box.value()),
            log_y=self.log_check.isChecked(),
            # a box at the data's own first or last year follows the data (None)
            start=None if start == auto_start else start,
            end=None if end == auto_end else end,
            band=self.band_check.isChecked(),
            background=self.background_check.isChecked(),
            year=self.year_box.currentData(),
            x_indicator=self.x_box.currentData(),
            y_indicator=self.y_box.currentData(),
            size_by_population=self.size_check.isChecked(),
            trails=self.trails_check.isChecked(),
            log_x=self.log_x_check.isChecked(),
            include_suspect=self.include_suspect,
        )

    def _on_control_changed(self, *_: object) -> None:
        if self._updating:
            return
        self.options = self._read_options()
        self._show_controls()
        self._stale = set(ALL_TABS)
        self._draw(self.tabs.currentIndex())
        self.sig_options_changed.emit(self.options)

    def _on_tab_changed(self, index: int) -> None:
        self._show_controls()
        if self._updating:
            return
        self.options = replace(self.options, tab=index)
        self._draw(index)
        self.sig_options_changed.emit(self.options)

    def _show_controls(self) -> None:
        """Show the controls the visible tab uses, and only those: what a tab draws never
        depends on a hidden control."""
        tab = self.tabs.currentIndex()
        self.time_controls.setVisible(tab in (OVER_TIME, MULTIPLES))
        self.background_check.setVisible(tab in (OVER_TIME, SCATTER))
        self.band_check.setVisible(tab == OVER_TIME)
        indexed = self.mode_box.currentData() == "indexed"
        self.base_label.setVisible(indexed)
        self.base_year_box.setVisible(indexed)
        self.year_controls.setVisible(tab in (RANKING, SCATTER, MAP))
        self.scatter_row.setVisible(tab == SCATTER)
        self.export_button.setVisible(tab != STRUCTURE)

    # --- drawing --------------------------------------------------------------------------
    def _draw(self, tab: int) -> None:
        selection = self._selection
        if selection is None or tab not in self._stale:
            return
        self._stale.discard(tab)
        try:
            if tab in (OVER_TIME, RANKING, SCATTER, MULTIPLES, MAP):
                self._draw_spec(selection, tab)  # the map follows the year box, as the ranking
            else:
                self._draw_structure(selection)
                self._shown[STRUCTURE] = (selection.indicator_id,)
        except CityProfilesError as error:
            self._show_problem(error)
        else:
            self.message.setVisible(False)

    def _show_problem(self, error: CityProfilesError) -> None:
        if error.code == "currency_mismatch":
            text = self.tr("These indicators report money in different currencies, which are "
                           "not drawn on one axis: choose another currency in the toolbar.")
        elif error.code == "unit_mismatch":
            text = self.tr("These indicators have different units and cannot share an axis.")
        elif error.code == "missing_exchange_rate":
            text = self.tr("No exchange rates in the data: values cannot be converted.")
        else:
            text = self.tr("This chart cannot be drawn ({0}).").format(error.code)
        self.message.setText(text)
        self.message.setVisible(True)

    def _caption(self, selection: Drawing, indicator_ids: Sequence[str]) -> str:
        """Say the view's currency when a drawn indicator's yuan were converted to it."""
        dataset = selection.dataset
        bases = {converted_basis(dataset.indicator(i)) for i in indicator_ids}
        if "ppp" in bases:
            return self.tr("yuan converted to international $ at PPP (the view's currency)")
        if "usd" in bases:
            return self.tr("yuan converted to US$ at annual average exchange rates (the view's "
                           "currency)")
        return ""

    def _localise(self, notes: Sequence[str]) -> tuple[str, ...]:
        """The one note analysis/ writes only in English, in the UI language."""
        return tuple(self.tr("Chinese prefecture-level cities include their rural counties; "
                             "US metropolitan areas are commuting regions. Money values are "
                             "converted between US dollars and yuan at the World Bank's annual "
                             "average exchange rate of each year; the chart says which "
                             "currency it shows.") if n == CROSS_COUNTRY_NOTE else n
                     for n in notes)

    def _draw_spec(self, selection: Drawing, tab: int) -> None:
        """The tab's spec (desktop.session.chart_specs), in the UI language, to its widget."""
        drawn = chart_spec(selection.dataset, selection.selection,
                           replace(self.options, include_suspect=self.include_suspect), tab,
                           selection.lang)
        spec = replace(drawn.spec, notes=self._localise(drawn.spec.notes))
        self._tab_chart(tab).set_spec(spec, self._caption(selection, drawn.indicator_ids))
        self._shown[tab] = drawn.indicator_ids

    def _draw_structure(self, selection: Drawing) -> None:
        """The Structure tab's years (kept while the focus city and the data stay: another
        number style has the same observations) and its sections, to the view."""
        from desktop.session.structure_spec import structure_spec, structure_years

        previous = self._structure_shown
        same_focus = (previous is not None and previous.focus_id == selection.focus_id
                      and previous.dataset.observations is selection.dataset.observations)
        same_target = (same_focus and previous is not None
                       and previous.indicator_id == selection.indicator_id
                       and previous.year == selection.year)
        view = self.structure
        view.set_years(structure_years(selection.dataset, selection.selection),
                       keep_shift=same_focus, keep_target=same_target)
        self._structure_shown = selection
        view.set_spec(structure_spec(selection.dataset, selection.selection, view.choice(),
                                     selection.lang))

    def _on_structure_choice(self, section: str) -> None:
        """A Structure control changed: that section again, for the shown selection."""
        from desktop.session.structure_spec import structure_spec

        selection = self._structure_shown
        if selection is None:
            return
        view = self.structure
        view.set_spec(structure_spec(selection.dataset, selection.selection, view.choice(),
                                     selection.lang, (section,)))

    # --- exports --------------------------------------------------------------------------
    def _file_name(self, suffix: str) -> str:
        spec = getattr(self.current, "spec", None)
        title = getattr(spec, "title", "") or getattr(spec, "focus_label", "") or "chart"
        return re.sub(r"[\\/:*?\"<>|]+", "_", title).strip() + suffix

    def _ask(self, caption: str, suffix: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, caption, self._file_name(suffix), pattern)
        return Path(path) if path else None

    def _run_export(self, write: object, path: Path) -> bool:
        try:
            write()  # type: ignore[operator]
        except (OSError, RuntimeError, ValueError) as error:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"),
                              self.tr("{0} was not written: {1}").format(path.name, error),
                              QMessageBox.StandardButton.Ok, self)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.open()
            self.error_box = box
            return False
        return True

    def export_png(self, path: Path | None = None, size: tuple[int, int] | None = None,
                   dpi: int = 96) -> bool:
        """Save the chart as PNG: asked for (size and DPI, then the file) when no `path` is
        given; else at `size` pixels and `dpi`, or twice its on-screen size."""
        from desktop.ui.plots.chart_export import write_png

        if path is None:
            choice = self.ask_png_size()
            if choice is None:
                return False
            size, dpi = choice
            path = self._ask(self.tr("Save chart as PNG"), ".png",
                             self.tr("PNG images (*.png)"))
        return path is not None and self._run_export(
            lambda: write_png(self.current, path, size=size, dpi=dpi), path)

    def ask_png_size(self) -> tuple[tuple[int, int], int] | None:
        """The PNG dialog's size and DPI (remembered in the settings), None if cancelled."""
        from desktop.ui.dialogs.png_dialog import PngDialog

        chart = self.current
        dialog = PngDialog((max(chart.width(), 320), max(chart.height(), 320)),
                           self.settings, self)
        self.png_dialog = dialog
        return dialog.choice() if dialog.exec() == PngDialog.DialogCode.Accepted else None

    def copy_chart(self) -> bool:
        """Put the chart on the clipboard: its picture, and its data as text for a
        spreadsheet. The Structure tab has no chart: nothing is copied."""
        if self.tabs.currentIndex() == STRUCTURE:
            return False
        from PySide6.QtWidgets import QApplication

        from desktop.ui.plots.chart_export import chart_mime

        chart = self.current
        try:
            mime = chart_mime(chart, chart.data_frame())
        except (RuntimeError, ValueError) as error:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Copy failed"),
                              self.tr("The chart was not copied: {0}").format(error),
                              QMessageBox.StandardButton.Ok, self)
            box.open()
            self.error_box = box
            return False
        QApplication.clipboard().setMimeData(mime)
        return True

    def export_svg(self, path: Path | None = None) -> bool:
        from desktop.ui.plots.chart_export import write_svg

        path = path or self._ask(self.tr("Save chart as SVG"), ".svg",
                                 self.tr("SVG drawings (*.svg)"))
        return path is not None and self._run_export(lambda: write_svg(self.current, path),
                                                     path)

    def shown_indicator_ids(self) -> tuple[str, ...]:
        """The indicators the current tab shows (none before it is drawn)."""
        return self._shown.get(self.tabs.currentIndex(), ())

    def definitions(self) -> pd.DataFrame:
        """Label, definition and notes of each indicator the current tab shows, in the
        chart's language: they go with the data wherever it is exported or viewed."""
        from desktop.ui.plots.chart_data import definitions_frame

        selection = self._selection
        if selection is None:
            return definitions_frame(None, ())
        return definitions_frame(selection.dataset, self.shown_indicator_ids(), selection.lang)

    def _lang(self) -> str:
        return self._selection.lang if self._selection is not None else "en"

    def export_csv(self, path: Path | None = None) -> bool:
        from desktop.ui.plots.chart_data import write_csv_with_definitions

        path = path or self._ask(self.tr("Save chart data as CSV"), ".csv",
                                 self.tr("CSV files (*.csv)"))
        return path is not None and self._run_export(
            lambda: write_csv_with_definitions(self.current.data_frame(), self.definitions(),
                                               path, self._lang()), path)

    def export_xlsx(self, path: Path | None = None) -> bool:
        from desktop.ui.plots.chart_data import write_xlsx_with_definitions

        path = path or self._ask(self.tr("Save chart data as Excel"), ".xlsx",
                                 self.tr("Excel workbooks (*.xlsx)"))
        return path is not None and self._run_export(
            lambda: write_xlsx_with_definitions(self.current.data_frame(), self.definitions(),
                                                path, self._lang()), path)

    def view_data(self) -> ChartDataDialog:
        chart = self.current
        title = (chart.title.text() if self.tabs.currentIndex() != MULTIPLES
                 else self.tr("Small multiples"))
        from desktop.ui.dialogs.chart_data_dialog import ChartDataDialog
        from desktop.ui.plots.chart_data import definitions_text

        dialog = ChartDataDialog(chart.data_frame(), title, self)
        definitions = self.definitions()
        explained = definitions_text(definitions, self._lang())
        if explained:
            # under the table, and on the header of each indicator's column
            label = QLabel(explained, dialog)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            dialog.layout().insertWidget(1, label)
            dialog.definitions_label = label
            # the longest label first: "GDP per capita" is not "GDP"
            by_label = sorted(zip(definitions.iloc[:, 0], definitions.iloc[:, 1], strict=True),
                              key=lambda pair: -len(pair[0]))
            for column in range(dialog.table.columnCount()):
                item = dialog.table.horizontalHeaderItem(column)
                tip = next((d for name, d in by_label
                            if item is not None and item.text().startswith(name)), "")
                if tip:
                    item.setToolTip(tip)
        dialog.open()
        self.data_dialog = dialog
        return dialog


def _build_tab_chart(index: int) -> QWidget:
    """The widget of a tab other than Over time (its module is imported here, on first use)."""
    if index == RANKING:
        from desktop.ui.plots.ranking_chart import RankingChart

        return RankingChart()
    if index == SCATTER:
        from desktop.ui.plots.scatter_chart import ScatterChart

        return ScatterChart()
    if index == MULTIPLES:
        from desktop.ui.plots.small_multiples import SmallMultiples

        return SmallMultiples()
    if index == MAP:
        from desktop.ui.plots.map_chart import MapChart

        return MapChart()
    from desktop.ui.plots.structure_view import StructureView

    return StructureView()
