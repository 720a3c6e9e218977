"""The chart panel: Over time | Ranking | Scatter | Small multiples | Structure, their controls
and exports (the Structure tab has tables and sentences, no chart to export).

The panel receives a selection (`set_selection`), builds chart specs itself with the plain
functions of desktop.analysis.charts, .ranking, .scatter and .small_multiples (which never
change the dataset) and draws them. Only the
visible tab is redrawn on a change; the others are marked stale and drawn when shown, so an
update costs one spec and one chart.
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
from desktop.analysis.charts import over_time_spec
from desktop.analysis.currency import converted_basis
from desktop.analysis.panel import panel_for
from desktop.analysis.selection_cube import LATEST_EACH
from desktop.core.dataset import Dataset
from desktop.core.errors import CityProfilesError
from desktop.session.chart_options import ChartOptions
from desktop.session.selection import Selection
from desktop.ui.plots.line_chart import LineChart

if TYPE_CHECKING:  # built when their tab is first needed: ~0.1 s less at start-up
    import pandas as pd

    from desktop.ui.dialogs.chart_data_dialog import ChartDataDialog
    from desktop.ui.plots.ranking_chart import RankingChart
    from desktop.ui.plots.scatter_chart import ScatterChart
    from desktop.ui.plots.small_multiples import SmallMultiples
    from desktop.ui.plots.structure_view import StructureView

OVER_TIME, RANKING, SCATTER, MULTIPLES, STRUCTURE = range(5)
MAP = 5  # desktop/ui/plots/map_chart.py (issue 15)
ALL_TABS = frozenset(range(6))
#: Tabs that show the comparison year (the ranking and scatter follow the year box).
BY_YEAR = frozenset({RANKING, SCATTER, STRUCTURE, MAP})
MODES = ("absolute", "indexed", "change")
#: Indicators the small multiples show first (those the focus city has), then the rest.
HEADLINE = ("gdp", "gdp_per_capita", "gdp_real_growth", "population_registered",
            "average_wage", "gdp_share_tertiary", "employment", "fdi_utilised", "gdp_real_usd",
            "jobs", "gdp_usd_current")
NOT_CHARTED = frozenset({"exchange_rate"})
MAX_PANELS = 9
#: Scatter points sized by resident population (常住), else registered (户籍) where none.
POPULATION = ("population_resident", "population_registered")
#: Scatter trails go back this many years from the scatter's year.
TRAIL_YEARS = 10


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
        self.error_box: QMessageBox | None = None
        self.data_dialog: ChartDataDialog | None = None
        #: The indicators each tab drew last: their definitions go with its data export.
        self._shown: dict[int, tuple[str, ...]] = {}

        self.chart = LineChart()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.chart, self.tr("Over time"))
        # The other tabs hold an empty host until first needed (shown, drawn or read).
        self._tab_charts: dict[int, QWidget] = {OVER_TIME: self.chart}
        self._tab_hosts: dict[int, QWidget] = {}
        for index, title in ((RANKING, self.tr("Ranking")), (SCATTER, self.tr("Scatter")),
                             (MULTIPLES, self.tr("Small multiples")),
                             (STRUCTURE, self.tr("Structure")), (MAP, self.tr("Map"))):
            host = QWidget()
            QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
            self._tab_hosts[index] = host
            self.tabs.addTab(host, title)
        self.tabs.currentChanged.connect(self._on_tab_changed)

        # --- over-time controls ---------------------------------------------------------
        self.mode_box = QComboBox()
        self.mode_box.addItem(self.tr("Values"), "absolute")
        self.mode_box.addItem(self.tr("Index (base year = 100)"), "indexed")
        self.mode_box.addItem(self.tr("% change from start"), "change")
        self.mode_box.setToolTip(self.tr("How values are shown over time"))
        self.base_year_box = QSpinBox()
        self.base_year_box.setToolTip(self.tr("Base year of the index (= 100)"))
        # at its lowest value the box reads "Auto": the first year of the cities' data
        self.base_year_box.setSpecialValueText(self.tr("Auto"))
        self.base_label = QLabel(self.tr("Base"))
        self.log_check = QCheckBox(self.tr("Log scale"))
        self.start_box = QSpinBox()
        self.end_box = QSpinBox()
        self.start_box.setToolTip(self.tr("First year shown"))
        self.end_box.setToolTip(self.tr("Last year shown"))
        for box in (self.base_year_box, self.start_box, self.end_box):
            box.setGroupSeparatorShown(False)
            box.setKeyboardTracking(False)
        self.band_check = QCheckBox(self.tr("Peer median and inter-quartile band"))
        self.band_check.setChecked(True)
        self.background_check = QCheckBox(self.tr("All comparable cities, faintly"))

        # --- ranking and scatter controls ---------------------------------------------------
        self.year_box = QComboBox()
        self.year_box.setToolTip(self.tr("Year of the ranking and the scatter"))
        self.x_box = QComboBox()
        self.y_box = QComboBox()
        self.x_box.setToolTip(self.tr("Indicator across"))
        self.y_box.setToolTip(self.tr("Indicator up"))
        self.size_check = QCheckBox(self.tr("Size by population"))
        self.trails_check = QCheckBox(self.tr("Trails over the years"))
        self.trails_check.setToolTip(self.tr(
            "Each city's path over the ten years up to the chosen year"))
        self.log_x_check = QCheckBox(self.tr("Log scale across"))

        for widget, name in (
                (self.mode_box, self.tr("How values are shown over time")),
                (self.base_year_box, self.tr("Base year of the index (= 100)")),
                (self.start_box, self.tr("First year shown")),
                (self.end_box, self.tr("Last year shown")),
                (self.year_box, self.tr("Year of the ranking and the scatter")),
                (self.x_box, self.tr("Indicator across")),
                (self.y_box, self.tr("Indicator up"))):
            widget.setAccessibleName(name)
            editor = widget.findChild(QLineEdit)  # a spin box's own editor
            if editor is not None:
                editor.setAccessibleName(name)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Save chart as PNG…"), lambda: self.export_png())
        menu.addAction(self.tr("Save chart as SVG…"), lambda: self.export_svg())
        menu.addSeparator()
        menu.addAction(self.tr("Save data as CSV…"), lambda: self.export_csv())
        menu.addAction(self.tr("Save data as Excel…"), lambda: self.export_xlsx())
        menu.addSeparator()
        menu.addAction(self.tr("View data…"), self.view_data)
        self.export_button.setMenu(menu)
        self.export_menu = menu

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a33; font-weight: bold;")
        self.message.setVisible(False)

        self.time_controls = QWidget()
        row = QHBoxLayout(self.time_controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode_box)
        row.addWidget(self.base_label)
        row.addWidget(self.base_year_box)
        row.addWidget(QLabel(self.tr("Years")))
        row.addWidget(self.start_box)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end_box)
        row.addWidget(self.log_check)
        row.addWidget(self.band_check)
        row.addStretch(1)
        self.year_controls = QWidget()
        row = QHBoxLayout(self.year_controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Year")))
        row.addWidget(self.year_box)
        row.addStretch(1)
        self.scatter_controls = QWidget()
        row = QHBoxLayout(self.scatter_controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Across")))
        row.addWidget(self.x_box, 1)
        row.addWidget(QLabel(self.tr("Up")))
        row.addWidget(self.y_box, 1)
        row.addWidget(self.size_check)
        row.addWidget(self.trails_check)
        row.addWidget(self.log_x_check)
        for box in (self.x_box, self.y_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
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

    # --- the tabs' charts, built on first use ----------------------------------------------
    def _tab_chart(self, index: int) -> QWidget:
        chart = self._tab_charts.get(index)
        if chart is None:
            chart = _build_tab_chart(index)
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
            self.start_box.setValue(options.start or self.start_box.minimum())
            self.end_box.setValue(options.end or self.end_box.maximum())
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
            self.start_box.setValue(self.options.start or first)
            self.end_box.setValue(self.options.end or last)
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

    def _read_options(self) -> ChartOptions:
        start, end = self.start_box.value(), self.end_box.value()
        if start > end:
            start, end = end, start
        return ChartOptions(
            tab=self.tabs.currentIndex(),
            mode=self.mode_box.currentData() or "absolute",
            # the box's lowest year (the whole dataset's, 1960) stands for "automatic": the first
            # year of the charted cities' data (it said "1960 = 100" for series from 1990)
            base_year=(None if self.base_year_box.value() == self.base_year_box.minimum()
                       else self.base_year_box.value()),
            log_y=self.log_check.isChecked(),
            start=None if start == self.start_box.minimum() else start,
            end=None if end == self.end_box.maximum() else end,
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
            if tab == OVER_TIME:
                self._draw_over_time(selection)
            elif tab == RANKING:
                self._draw_ranking(selection)
            elif tab == SCATTER:
                self._draw_scatter(selection)
            elif tab == MULTIPLES:
                self._draw_multiples(selection)
            elif tab == MAP:  # the map follows the panel's year box, as the ranking does
                self._tab_chart(MAP).set_selection(
                    selection.dataset, selection.focus_id, selection.peer_ids,
                    selection.indicator_id, self.options.year, selection.lang,
                    self.include_suspect)
                self._shown[MAP] = (selection.indicator_id,)
            else:
                self.structure.set_selection(
                    selection.dataset, selection.focus_id, selection.peer_ids,
                    selection.indicator_id, selection.year, selection.lang)
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

    def _background_ids(self, selection: Drawing) -> list[str]:
        if not self.options.background:
            return []
        chosen = {selection.focus_id, *selection.peer_ids}
        pool = panel_for(selection.dataset).pool_ids(selection.focus_id)
        return [c for c in pool if c not in chosen]

    def _draw_over_time(self, selection: Drawing) -> None:
        options = self.options
        spec = over_time_spec(
            selection.dataset, selection.focus_id, selection.peer_ids, selection.indicator_id,
            mode=options.mode, log_y=options.log_y, year_range=(options.start, options.end),
            base_year=options.base_year, band=options.band,
            background_ids=self._background_ids(selection),
            lang=selection.lang, include_suspect=self.include_suspect)
        spec = replace(spec, notes=self._localise(spec.notes))
        self.chart.set_spec(spec, self._caption(selection, [selection.indicator_id]))
        self._shown[OVER_TIME] = (selection.indicator_id,)

    def _draw_ranking(self, selection: Drawing) -> None:
        from desktop.analysis.ranking import ranking_spec  # with its tab: not at the start

        spec = ranking_spec(selection.dataset, selection.focus_id, selection.peer_ids,
                            selection.indicator_id, self.options.year,
                            lang=selection.lang, include_suspect=self.include_suspect)
        spec = replace(spec, notes=self._localise(spec.notes))
        self.ranking.set_spec(spec, self._caption(selection, [selection.indicator_id]))
        self._shown[RANKING] = (selection.indicator_id,)

    def _draw_scatter(self, selection: Drawing) -> None:
        from desktop.analysis.scatter import scatter_spec

        options = self.options
        dataset = selection.dataset
        x = options.x_indicator or "gdp_per_capita"
        y = options.y_indicator or "gdp_real_growth"
        size = None
        if options.size_by_population:
            have = set(dataset.indicators_of(selection.focus_id))
            size = next((p for p in POPULATION if p in have), None)
        spec = scatter_spec(dataset, selection.focus_id, selection.peer_ids, x, y,
                            options.year, size_indicator=size,
                            trail_years=TRAIL_YEARS if options.trails else None,
                            background_ids=self._background_ids(selection),
                            log_x=options.log_x,
                            lang=selection.lang)
        spec = replace(spec, notes=self._localise(spec.notes))
        self.scatter.set_spec(spec, self._caption(selection, [x, y]))
        self._shown[SCATTER] = tuple(i for i in (x, y, size) if i)

    def multiples_indicators(self, selection: Drawing) -> list[str]:
        """The chosen indicator first, then headline ones the focus city has (at most 9)."""
        dataset = selection.dataset
        have = [i for i in dataset.indicators_of(selection.focus_id) if i not in NOT_CHARTED]
        ordered = [selection.indicator_id, *[h for h in HEADLINE if h in have],
                   *sorted(have)]
        return [i for i in dict.fromkeys(ordered) if i in have][:MAX_PANELS]

    def _draw_multiples(self, selection: Drawing) -> None:
        from desktop.analysis.small_multiples import small_multiples_spec

        options = self.options
        specs = []
        for indicator_id in self.multiples_indicators(selection):
            try:
                specs.append(small_multiples_spec(
                    selection.dataset, selection.focus_id, selection.peer_ids, [indicator_id],
                    mode=options.mode, log_y=options.log_y,
                    year_range=(options.start, options.end), base_year=options.base_year,
                    lang=selection.lang, include_suspect=self.include_suspect))
            except CityProfilesError:
                continue  # e.g. money in two currencies without conversion: left out
        if not specs:
            raise CityProfilesError()
        sources = sorted({s for spec in specs for s in spec.source_line.split("; ") if s})
        spec = replace(specs[0], panels=tuple(p for s in specs for p in s.panels),
                       source_line="; ".join(sources),
                       notes=self._localise(specs[0].notes))
        self.multiples.set_spec(spec, self._caption(selection, [p.indicator_id
                                                                for p in spec.panels]))
        self._shown[MULTIPLES] = tuple(dict.fromkeys(p.indicator_id for p in spec.panels))

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

    def export_png(self, path: Path | None = None) -> bool:
        from desktop.ui.plots.chart_export import write_png

        path = path or self._ask(self.tr("Save chart as PNG"), ".png",
                                 self.tr("PNG images (*.png)"))
        return path is not None and self._run_export(lambda: write_png(self.current, path),
                                                     path)

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
