"""The main window: assembles the panels. Wiring lives in the controller."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QMimeData, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.theme import is_dark

if TYPE_CHECKING:  # the panels pull in pandas and pyqtgraph: imported when the data is there
    from desktop.analysis.profile_table import ProfileTable
    from desktop.core.dataset import Dataset

LATEST_YEAR = None
#: The side panels' width: about a quarter of the window, within these bounds (pixels).
SIDE_MIN_WIDTH, SIDE_MAX_WIDTH = 250, 360
#: The charts' height in a short window, and the least the table (with findings) keeps.
CHART_MIN_HEIGHT, TABLE_MIN_HEIGHT = 380, 230
#: Below this height of the table and charts, the findings strip shows three lines, not five.
FIVE_FINDINGS_HEIGHT = 800
#: The earliest base year the Prices box offers by name (any later year with a deflator).
FIRST_BASE_YEAR = 2000


def comparable_cities(dataset: Dataset) -> list:
    """Cities first (Chinese by name, then US metros), context rows (provinces, countries) last."""
    ordered = sorted(dataset.cities.values(),
                     key=lambda c: (c.is_context, c.country != "CN", c.name_en.casefold()))
    return ordered


SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".gz", ".xlsx", ".xlsm", ".xls")


class MainWindow(QMainWindow):
    sig_import_requested = Signal(str)  # a file path, or "" to ask for one

    def __init__(self, dataset: Dataset | None = None, lang: str = "en") -> None:
        """The window with its panels for `dataset`; without one, the frame (menus, status
        bar) and a loading page, to be filled in by populate() once the data has loaded."""
        super().__init__()
        self.lang = lang
        self.setWindowTitle(self.tr("City Profiles"))
        #: Asked before the window closes (unsaved changes); set by the project controller.
        self.close_guard: Callable[[], bool] | None = None
        self.copy_action = self._action(QKeySequence.StandardKey.Copy)
        self._build_menus()
        self._build_edit_menu()
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Dataset summary"))
        self.statusBar().addWidget(self.status_label, 1)
        self.populated = False
        self._table_panel: QWidget | None = None
        if dataset is None:
            self._show_loading()
        else:
            self.populate(dataset)

    def _data_actions(self) -> list[QAction]:
        """The actions that need the data and the controllers: all but Quit."""
        return [action for action in self.findChildren(QAction)
                if action is not self.quit_action and action.menu() is None]

    def _show_loading(self) -> None:
        """A quiet page while the data loads; actions and drops wait for it."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        title = QLabel(self.tr("City Profiles"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        label = QLabel(self.tr("Loading the bundled data…"))
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy: the load reports no fractions worth showing
        bar.setTextVisible(False)
        bar.setFixedWidth(280)
        bar.setAccessibleName(self.tr("Loading the bundled data…"))
        # Centred by stretches, not alignment flags: the first use of Qt's `Qt` namespace
        # costs ~50 ms, which this page is here to avoid (it comes with the panels).
        for widget, space_after in ((title, 8), (label, 0), (bar, 0)):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addSpacing(space_after)
        layout.addStretch(3)
        self.setCentralWidget(page)
        self.status_label.setText(self.tr("Loading the bundled data…"))
        for action in self._data_actions():
            action.setEnabled(False)
        self.recent_menu.setEnabled(False)
        self.setAcceptDrops(False)

    def show_load_error(self, reason: str) -> None:
        """The loading page says why the data could not be read (the window stays open)."""
        from PySide6.QtCore import Qt

        message = self.tr("The bundled data could not be loaded: {0}").format(reason)
        label = QLabel(message)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setCentralWidget(label)
        self.status_label.setText(message)

    def prepare_panels(self) -> None:
        """The table and chart panels, which need no data (imports pandas and pyqtgraph).
        populate() calls it if nobody has yet."""
        if self._table_panel is not None:
            return
        from desktop.ui.panels.profile_view import ProfileView
        from desktop.ui.plots.chart_panel import ChartPanel

        self.profile_view = ProfileView()
        self._table_panel = self._build_table_panel()
        self.chart_panel = ChartPanel()
        self.chart = self.chart_panel.chart  # the over-time chart

    def populate(self, dataset: Dataset) -> None:
        """Build the toolbar and the data's panels for `dataset` and show them."""
        from PySide6.QtCore import Qt

        from desktop.analysis.selection_cube import LATEST_EACH
        from desktop.ui.panels.city_picker import CitySearchBox, PeerPicker
        from desktop.ui.panels.indicator_list import IndicatorList

        self.prepare_panels()
        lang = self.lang
        cities = comparable_cities(dataset)
        toolbar = QToolBar()
        self.toolbar = toolbar
        toolbar.setObjectName("selection_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.focus_label = QLabel()
        self.focus_box = CitySearchBox(cities, "", lang)
        self.focus_label.setBuddy(self.focus_box)
        toolbar.addWidget(self.focus_label)
        toolbar.addWidget(self.focus_box)
        toolbar.addSeparator()
        self.year_label = QLabel()
        toolbar.addWidget(self.year_label)
        self.year_box = QComboBox()
        self.year_label.setBuddy(self.year_box)
        self.year_box.addItem("", LATEST_YEAR)
        self.year_box.addItem("", LATEST_EACH)
        for year in reversed(dataset.years()):
            self.year_box.addItem(str(year), year)
        toolbar.addWidget(self.year_box)
        self.currency_label = QLabel()
        toolbar.addWidget(self.currency_label)
        self.currency_box = QComboBox()
        self.currency_label.setBuddy(self.currency_box)
        for choice in ("auto", "cny", "usd", "ppp"):
            self.currency_box.addItem("", choice)
        toolbar.addWidget(self.currency_box)
        self._build_prices_box(toolbar, dataset)
        toolbar.addSeparator()
        toolbar.addAction(self.copy_action)
        self._retranslate_toolbar()

        self.peer_picker = PeerPicker(cities, list(dataset.groups.values()), lang)
        self.indicator_list = IndicatorList(dataset.categories(), lang)
        side = QSplitter(Qt.Orientation.Vertical)
        peers_panel = QWidget()
        peers_layout = QVBoxLayout(peers_panel)
        peers_layout.setContentsMargins(6, 6, 6, 6)
        peers_layout.addWidget(self.peer_picker)
        indicators_panel = QWidget()
        indicators_layout = QVBoxLayout(indicators_panel)
        indicators_layout.setContentsMargins(6, 6, 6, 6)
        self.indicators_label = QLabel(self.tr("Indicators"))
        self.indicators_label.setBuddy(self.indicator_list)
        indicators_layout.addWidget(self.indicators_label)
        indicators_layout.addWidget(self.indicator_list)
        side.addWidget(peers_panel)
        side.addWidget(indicators_panel)
        side.setSizes([330, 560])

        center = QSplitter(Qt.Orientation.Vertical)
        center.addWidget(self._table_panel)
        center.addWidget(self.chart_panel)
        center.setStretchFactor(0, 1)
        center.setStretchFactor(1, 1)
        center.setSizes([470, 480])

        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(side)
        main.addWidget(center)
        main.setStretchFactor(0, 0)
        main.setStretchFactor(1, 1)
        main.setSizes([360, 1240])
        self.setCentralWidget(main)
        self._main_split, self._center_split = main, center
        # the window divides itself until the user drags a divider (then it is theirs)
        self._user_split = False
        for splitter in (main, center):
            splitter.splitterMoved.connect(self._on_splitter_moved)
        self._fit_toolbar_boxes()
        self._fit_splitters()
        self.copy_action.triggered.connect(self.profile_view.copy_table)
        self.copy_chart_action.triggered.connect(self.chart_panel.copy_chart)
        self.find_city_action.triggered.connect(self._find_city)
        self.show_table_action.triggered.connect(self.profile_view.setFocus)
        self.show_chart_action.triggered.connect(self.chart.plot_widget.setFocus)
        self.show_indicators_action.triggered.connect(self.indicator_list.setFocus)
        self.show_dataset_summary(dataset)
        self._set_tab_order()
        for action in self._data_actions():
            action.setEnabled(True)
        self.recent_menu.setEnabled(True)
        self.setAcceptDrops(True)
        self.populated = True
        self._follow_palette()

    def _fit_toolbar_boxes(self) -> None:
        """The toolbar fits a 1024 px window: its boxes are as wide as a typical entry (not
        the longest of 571 city names), and their lists open as wide as their longest entry,
        so nothing in them is cut."""
        self.focus_box.setMinimumContentsLength(22)  # its list: whole names (CitySearchBox)
        for box, length in ((self.year_box, 8), (self.currency_box, 10),
                            (self.prices_box, 12)):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(length)
            view = box.view()
            view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth()
                                 + view.verticalScrollBar().sizeHint().width())

    def _fit_splitters(self) -> None:
        """Divide the window for its size: the side panels narrower in a narrow window, and
        the charts at least CHART_MIN_HEIGHT tall when the window is short (at 1024x700 the
        plot got a sixth of the height), else half of it."""
        main, center = self._main_split, self._center_split
        width = main.width() - main.handleWidth()
        side = max(SIDE_MIN_WIDTH, min(SIDE_MAX_WIDTH, round(width * 0.23)))
        main.setSizes([side, max(width - side, 0)])
        height = center.height() - center.handleWidth()
        half = height // 2
        chart = min(max(height - TABLE_MIN_HEIGHT, half), max(half, CHART_MIN_HEIGHT))
        center.setSizes([height - chart, chart])
        # the best three findings in a short window, all five (at most) in a tall one
        self.findings_strip.set_max_lines(5 if height >= FIVE_FINDINGS_HEIGHT else 3)

    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        self._user_split = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.populated and not self._user_split:
            self._fit_splitters()

    def _build_prices_box(self, toolbar: QToolBar, dataset: Dataset) -> None:
        """The Prices box beside Currency: current prices, or constant prices of the latest
        base year every country has, or of a chosen year (desktop.analysis.prices)."""
        from desktop.analysis.prices import base_years

        self.prices_label = QLabel()
        toolbar.addWidget(self.prices_label)
        self.prices_box = QComboBox()
        self.prices_label.setBuddy(self.prices_box)
        self.prices_box.addItem("", "current")
        self.prices_box.addItem("", "constant")
        places = [p for p in ("country-CHN", "country-USA") if p in dataset.cities]
        for year in base_years(dataset, places, "usd"):
            if year >= FIRST_BASE_YEAR:
                self.prices_box.addItem("", f"constant:{year}")
        toolbar.addWidget(self.prices_box)

    def _retranslate_toolbar(self) -> None:
        """The toolbar's words (labels, box entries, tips) in the current language."""
        from PySide6.QtCore import Qt

        tip = Qt.ItemDataRole.ToolTipRole
        self.toolbar.setWindowTitle(self.tr("Selection"))
        self.focus_label.setText(self.tr("Focus city "))
        self.focus_box.lineEdit().setPlaceholderText(self.tr("Find a city (English or 中文)…"))
        self.focus_box.setAccessibleName(self.tr("Focus city"))
        self.focus_box.setToolTip(self.tr("Type part of a name in English or Chinese"))
        self.year_label.setText(self.tr(" Year "))
        self.year_box.setAccessibleName(self.tr("Comparison year"))
        self.year_box.setItemText(0, self.tr("Latest shared"))
        self.year_box.setItemData(0, self.tr("Each row compares the latest year all the "
                                             "selected cities have"), tip)
        self.year_box.setItemText(1, self.tr("Each city's latest"))
        self.year_box.setItemData(1, self.tr(
            "Each city's latest value, whatever its year: values of different years are "
            "marked, and the peer median and ranks then compare different years"), tip)
        self.currency_label.setText(self.tr(" Currency "))
        self.currency_box.setAccessibleName(self.tr("Currency of money values"))
        self.currency_box.setToolTip(self.tr(
            "Money in the table, the charts and the report: Automatic is yuan for Chinese "
            "cities alone and US$ when the selection mixes countries"))
        for index, text in enumerate((self.tr("Automatic"), self.tr("Yuan"),
                                      self.tr("US$ (annual exchange rate)"),
                                      self.tr("International $ (PPP)"))):
            self.currency_box.setItemText(index, text)
        self.prices_label.setText(self.tr(" Prices "))
        self.prices_box.setAccessibleName(self.tr("Prices of money values"))
        self.prices_box.setToolTip(self.tr(
            "Money in the table, the charts and the report at current prices, or at constant "
            "prices of a base year: deflated with each country's national GDP deflator, then "
            "converted at the base year's rate"))
        self.prices_box.setItemText(0, self.tr("Current prices"))
        self.prices_box.setItemText(1, self.tr("Constant prices (latest base year)"))
        for index in range(2, self.prices_box.count()):
            year = str(self.prices_box.itemData(index)).split(":")[1]
            self.prices_box.setItemText(index, self.tr("Constant {0} prices").format(year))

    def _set_tab_order(self) -> None:
        """Tab moves as the eye reads: toolbar, then the side panels, then table and chart."""
        picker = self.peer_picker
        chain = [self.focus_box, self.year_box, self.currency_box, self.prices_box,
                 picker.group_box,
                 picker.peer_list, picker.add_box, picker.clear_button, self.indicator_list,
                 self.table_filter, self.detail_box, self.profile_view, self.chart.plot_widget]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_table_panel(self) -> QWidget:
        """The profile table with a filter box and the detail switch above it."""
        self.table_filter = QLineEdit()
        self.table_filter.setClearButtonEnabled(True)
        self.table_filter.textChanged.connect(self.profile_view.set_filter_text)
        self.detail_box = QCheckBox()
        self.detail_box.setChecked(True)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.table_filter)
        self._retranslate_table_panel()
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filter_label)
        bar.addWidget(self.table_filter, 1)
        bar.addSpacing(12)
        bar.addWidget(self.detail_box)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        from desktop.ui.panels.findings_strip import FindingsStrip

        self.findings_strip = FindingsStrip()  # the ranked findings (issue 15), above the table
        layout.addWidget(self.findings_strip)
        layout.addWidget(self.profile_view, 1)
        return panel

    def _retranslate_table_panel(self) -> None:
        self.table_filter.setPlaceholderText(self.tr("Filter indicators (English or 中文)…"))
        self.table_filter.setAccessibleName(self.tr("Filter indicators"))
        self.table_filter.setToolTip(self.tr("Show only the indicators whose name contains this "
                                             "text, in English or Chinese"))
        self.detail_box.setText(self.tr("&Details"))
        self.detail_box.setToolTip(self.tr(
            "Rank among all comparable cities, percentile, index, changes over 1, 5 and 10 "
            "years, growth rates and a sentence per indicator"))
        self.filter_label.setText(self.tr("Fi&lter"))

    def retranslate(self, lang: str) -> None:
        """Say everything the window itself writes in `lang` (its translators are already
        installed: desktop.ui.i18n.switch_language). The controller then redraws the table,
        charts and findings, whose words come from the data and the text catalogue."""
        self.lang = lang
        self.setWindowTitle(self.tr("City Profiles"))
        self.status_label.setAccessibleName(self.tr("Dataset summary"))
        self._retranslate_menus()
        if not self.populated:
            return
        self._retranslate_toolbar()
        self._retranslate_table_panel()
        self.indicators_label.setText(self.tr("Indicators"))
        self.focus_box.set_language(lang)
        self.peer_picker.set_language(lang)
        self.indicator_list.set_language(lang)
        self.chart_panel.retranslate()
        self.profile_view.retranslate()
        self._fit_toolbar_boxes()  # the lists' widths follow their new words

    def _follow_palette(self) -> None:
        if not self.populated:
            return
        self.profile_view.profile_model.set_dark(is_dark(self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()
        super().changeEvent(event)

    def _action(self, shortcut: QKeySequence | QKeySequence.StandardKey | None = None
                ) -> QAction:
        """An action with its shortcut; its words come from _retranslate_menus."""
        action = QAction(self)
        if shortcut is not None:
            # setShortcuts: setShortcut's overloads make PySide6 build its whole `Qt`
            # namespace (~50 ms) before the first paint; a standard key keeps all its bindings.
            action.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey)
                                else [shortcut])
        return action

    def _build_menus(self) -> None:
        """Menus and shortcuts; the controller connects what they do. Their words are set by
        _retranslate_menus, again when the language changes."""
        self.open_action = self._action(QKeySequence.StandardKey.Open)
        self.save_action = self._action(QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(QKeySequence(self.tr("Ctrl+Shift+S")))
        self.recent_menu = QMenu(self)
        self.import_action = self._action(QKeySequence(self.tr("Ctrl+I")))
        self.import_action.triggered.connect(lambda: self.sig_import_requested.emit(""))
        self.export_action = self._action(QKeySequence(self.tr("Ctrl+E")))
        self.report_action = self._action(QKeySequence.StandardKey.Print)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu("")
        for item in (self.open_action, self.recent_menu, self.save_action, self.save_as_action,
                     None, self.import_action, self.export_action, self.report_action, None,
                     self.quit_action):
            if item is None:
                file_menu.addSeparator()
            elif isinstance(item, QMenu):
                file_menu.addMenu(item)
            else:
                file_menu.addAction(item)
        self.file_menu = file_menu
        self.edit_menu = self.menuBar().addMenu("")

        self.find_city_action = self._action(QKeySequence.StandardKey.Find)
        self.show_table_action = self._action(QKeySequence(self.tr("Ctrl+1")))
        self.show_chart_action = self._action(QKeySequence(self.tr("Ctrl+2")))
        self.show_indicators_action = self._action(QKeySequence(self.tr("Ctrl+3")))
        self.peer_finder_action = self._action(QKeySequence(self.tr("Ctrl+Shift+P")))
        view_menu = self.menuBar().addMenu("")
        self.view_menu = view_menu
        for action in (self.find_city_action, self.show_table_action, self.show_chart_action,
                       self.show_indicators_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.peer_finder_action)
        # suspect values (breaks register) are greyed and left out of medians, ranks and
        # sentences; this counts them in (they stay greyed). Default off, saved in projects.
        self.include_suspect_action = self._action()
        self.include_suspect_action.setCheckable(True)
        view_menu.addSeparator()
        view_menu.addAction(self.include_suspect_action)

        self.sources_action = self._action()
        self.guide_action = self._action(QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action()
        self.help_menu = self.menuBar().addMenu("")
        for action in (self.guide_action, self.sources_action, self.about_action):
            self.help_menu.addAction(action)

    def _build_edit_menu(self) -> None:
        """Edit: undo and redo (wired by the controller), copy the table and the chart, and
        the preferences (wired by the project controller)."""
        self.preferences_action = self._action()
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        ctrl_comma = QKeySequence(self.tr("Ctrl+,"))
        self.preferences_action.setShortcuts(
            [*standard, *([] if ctrl_comma in standard else [ctrl_comma])])
        # Undo and redo the selection and the chart controls (the controller keeps the
        # history: desktop.session.history); imports and opened projects are not undone.
        self.undo_action = self._action(QKeySequence.StandardKey.Undo)
        self.redo_action = self._action()
        redo = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        ctrl_shift_z = QKeySequence(self.tr("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts([*redo, *([] if ctrl_shift_z in redo else [ctrl_shift_z])])
        self.copy_chart_action = self._action(QKeySequence(self.tr("Ctrl+Shift+C")))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addAction(self.copy_chart_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self._retranslate_menus()

    def _retranslate_menus(self) -> None:
        """Every menu's and action's words in the current language.

        Every string is written as self.tr("literal") so that lupdate finds it in the
        MainWindow context (an alias such as `tr = self.tr` hides it from lupdate).
        """
        texts = (
            (self.open_action, self.tr("&Open project…"),
             self.tr("Open a saved comparison with its data files")),
            (self.save_action, self.tr("&Save project"),
             self.tr("Save this comparison and the data files it uses")),
            (self.save_as_action, self.tr("Save project &as…"), ""),
            (self.import_action, self.tr("&Import data…"),
             self.tr("Read a CSV, TSV or Excel file and add its values to the comparison")),
            (self.export_action, self.tr("&Export table…"),
             self.tr("Save the profile table as CSV or Excel")),
            (self.report_action, self.tr("&Print report…"),
             self.tr("Preview, print or save a profile report (PDF or HTML)")),
            (self.quit_action, self.tr("&Quit"), ""),
            (self.find_city_action, self.tr("&Find a city"),
             self.tr("Type a city name in English or Chinese")),
            (self.show_table_action, self.tr("Go to the &table"), ""),
            (self.show_chart_action, self.tr("Go to the &chart"), ""),
            (self.show_indicators_action, self.tr("Go to the &indicators"), ""),
            (self.peer_finder_action, self.tr("Find &peers…"),
             self.tr("Propose the cities most similar to the focus city, and show why")),
            (self.include_suspect_action, self.tr("Include &suspect values"),
             self.tr("Count values the breaks register judges suspect in peer medians, "
                     "ranks and sentences (they stay greyed, with their reason)")),
            (self.sources_action, self.tr("Data &sources…"),
             self.tr("Where every number comes from, with caveats")),
            (self.guide_action, self.tr("User &guide"), ""),
            (self.about_action, self.tr("&About City Profiles"), ""),
            (self.preferences_action, self.tr("&Preferences…"),
             self.tr("Language, default cities, theme, report paper and start-up")),
            (self.undo_action, self.tr("&Undo"),
             self.tr("Go back to the previous cities, indicator, year or chart settings")),
            (self.redo_action, self.tr("&Redo"), self.tr("Go forward again after an undo")),
            (self.copy_action, self.tr("Copy table"),
             self.tr("Copy the profile table as tab-separated text")),
            (self.copy_chart_action, self.tr("Copy c&hart"),
             self.tr("Copy the chart as a picture, with its data as text for a spreadsheet")),
        )
        for action, text, tip in texts:
            action.setText(text)
            action.setToolTip(tip or text.replace("&", "").rstrip("…"))
            action.setStatusTip(tip)
        for menu, title in ((self.file_menu, self.tr("&File")), (self.edit_menu, self.tr("&Edit")),
                            (self.view_menu, self.tr("&View")), (self.help_menu, self.tr("&Help")),
                            (self.recent_menu, self.tr("Open &recent"))):
            menu.setTitle(title)

    def set_recent_files(self, paths: list[str], open_recent: object) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: open_recent(p))
        self.recent_menu.setEnabled(bool(paths))

    def _find_city(self) -> None:
        self.focus_box.setFocus()
        self.focus_box.lineEdit().selectAll()

    def set_dataset(self, dataset: Dataset) -> None:
        """Refill the pickers after the dataset changed (an import added cities or indicators)."""
        cities = comparable_cities(dataset)
        self.focus_box.set_cities(cities)
        self.peer_picker.set_cities(cities)
        self.indicator_list.set_categories(dataset.categories())
        self.show_dataset_summary(dataset)

    def show_dataset_summary(self, dataset: Dataset) -> None:
        self.status_label.setText(
            self.tr("{0} values · {1} places · {2} sources")
            .format(f"{len(dataset):,}", f"{len(dataset.cities):,}", len(dataset.sources))
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        event.accept()
        # This window is the application: once it has closed, the event loop ends even if
        # some other top-level widget is still "open" (hidden chart renderers kept a quit
        # app's process running, issue 12). Outside app.exec() (tests) quit() does nothing.
        QCoreApplication.quit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.populated and _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.sig_import_requested.emit(path)

    def show_profile(self, dataset: Dataset, table: ProfileTable, lang: str) -> None:
        headers, tips = column_headers(dataset, table, lang)
        self.profile_view.profile_model.set_table(table, headers, tips)
        self.profile_view.resize_columns()


_CONTEXT = "ProfileTable"
#: Column headings and tooltips, marked for translation and translated when shown.
COLUMN_TEXT = {
    "indicator": (QT_TRANSLATE_NOOP("ProfileTable", "Indicator"), ""),
    "unit": (
        QT_TRANSLATE_NOOP("ProfileTable", "Unit"),
        QT_TRANSLATE_NOOP("ProfileTable", "Display unit (亿 = 100 million, 万 = 10,000)"),
    ),
    "year": (
        QT_TRANSLATE_NOOP("ProfileTable", "Year"),
        QT_TRANSLATE_NOOP(
            "ProfileTable", "Comparison year; a value from another year shows it in brackets"
        ),
    ),
    "peer_median": (
        QT_TRANSLATE_NOOP("ProfileTable", "Peer median"),
        QT_TRANSLATE_NOOP("ProfileTable", "Median of the peers, without the focus city"),
    ),
    "gap": (
        QT_TRANSLATE_NOOP("ProfileTable", "Gap to median"),
        QT_TRANSLATE_NOOP(
            "ProfileTable",
            "Focus city against the peer median: % for levels, "
            "percentage points (pp) for rates and shares",
        ),
    ),
    "rank": (
        QT_TRANSLATE_NOOP("ProfileTable", "Rank"),
        QT_TRANSLATE_NOOP(
            "ProfileTable",
            "Focus city's rank among the selected cities with a value (1 = the highest value, "
            "or the lowest where lower is better)",
        ),
    ),
    # Detail columns (ProfileTable built with detail=True); {0} is a number of years.
    "pool_rank": (
        QT_TRANSLATE_NOOP("ProfileTable", "Rank in pool"),
        QT_TRANSLATE_NOOP(
            "ProfileTable",
            "Focus city's rank among all comparable cities with a value that year "
            "(1 = the highest value, or the lowest where lower is better)",
        ),
    ),
    "percentile": (
        QT_TRANSLATE_NOOP("ProfileTable", "Percentile"),
        QT_TRANSLATE_NOOP(
            "ProfileTable",
            "Share of the other comparable cities with a lower value (100 = highest value)",
        ),
    ),
    "index": (
        QT_TRANSLATE_NOOP("ProfileTable", "Index"),
        QT_TRANSLATE_NOOP("ProfileTable", "Focus city's value with the peer median = 100"),
    ),
    "change": (
        QT_TRANSLATE_NOOP("ProfileTable", "{0}-yr change"),
        QT_TRANSLATE_NOOP(
            "ProfileTable",
            "Focus city's change over {0} years: % for levels, percentage points for rates; "
            "† = the window crosses a series break (see the tooltip)",
        ),
    ),
    "cagr": (
        QT_TRANSLATE_NOOP("ProfileTable", "CAGR {0} yr"),
        QT_TRANSLATE_NOOP(
            "ProfileTable",
            "Compound average yearly growth of the focus city over {0} years; "
            "† = the window crosses a series break",
        ),
    ),
    "sentence": (
        QT_TRANSLATE_NOOP("ProfileTable", "In words"),
        QT_TRANSLATE_NOOP("ProfileTable", "The focus city against the peer median, in a sentence"),
    ),
}


def _dropped_file(mime: QMimeData) -> str | None:
    """The one local file a drop carries, if it looks like a spreadsheet."""
    if not mime.hasUrls():
        return None
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    if len(files) != 1 or not files[0].lower().endswith(SPREADSHEET_SUFFIXES):
        return None
    return files[0]


def column_headers(
    dataset: Dataset, table: ProfileTable, lang: str
) -> tuple[list[str], list[str]]:
    """Translated column headings and their tooltips."""
    headers, tips = [], []
    for column in table.columns:
        if column.city_id:
            city = dataset.cities[column.city_id]
            headers.append(city.name(lang))
            tips.append(f"{city.name_en} {city.name_zh} · {city.kind_label(lang)}")
        else:
            title, tip = COLUMN_TEXT[column.key]
            years = column.horizon or ""
            headers.append(QCoreApplication.translate(_CONTEXT, title).format(years))
            tips.append(QCoreApplication.translate(_CONTEXT, tip).format(years) if tip else "")
    return headers, tips
