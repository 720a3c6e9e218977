"""The main window: assembles the panels. Wiring lives in the controller."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.profile_table import ProfileTable
from desktop.core.dataset import Dataset
from desktop.ui.panels.city_picker import CitySearchBox, PeerPicker
from desktop.ui.panels.indicator_list import IndicatorList
from desktop.ui.panels.profile_view import ProfileView
from desktop.ui.plots.line_chart import LineChart

LATEST_YEAR = None


def comparable_cities(dataset: Dataset) -> list:
    """Cities first (Chinese by name, then US metros), context rows (provinces, countries) last."""
    ordered = sorted(dataset.cities.values(),
                     key=lambda c: (c.is_context, c.country != "CN", c.name_en.casefold()))
    return ordered


SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".gz", ".xlsx", ".xlsm", ".xls")


class MainWindow(QMainWindow):
    sig_import_requested = Signal(str)  # a file path, or "" to ask for one

    def __init__(self, dataset: Dataset) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("City Profiles"))
        self.setAcceptDrops(True)
        cities = comparable_cities(dataset)
        self._build_menus()

        toolbar = QToolBar(self.tr("Selection"))
        toolbar.setObjectName("selection_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        focus_label = QLabel(self.tr("Focus city "))
        self.focus_box = CitySearchBox(cities, self.tr("Find a city (English or 中文)…"))
        self.focus_box.setAccessibleName(self.tr("Focus city"))
        self.focus_box.setToolTip(self.tr("Type part of a name in English or Chinese"))
        focus_label.setBuddy(self.focus_box)
        toolbar.addWidget(focus_label)
        toolbar.addWidget(self.focus_box)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Year ")))
        self.year_box = QComboBox()
        self.year_box.setAccessibleName(self.tr("Comparison year"))
        self.year_box.addItem(self.tr("Latest shared"), LATEST_YEAR)
        for year in reversed(dataset.years()):
            self.year_box.addItem(str(year), year)
        toolbar.addWidget(self.year_box)
        toolbar.addSeparator()
        self.copy_action = QAction(self.tr("Copy table"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setToolTip(self.tr("Copy the profile table as tab-separated text"))
        toolbar.addAction(self.copy_action)

        self.peer_picker = PeerPicker(cities, list(dataset.groups.values()))
        self.indicator_list = IndicatorList(dataset.categories())
        side = QSplitter(Qt.Orientation.Vertical)
        peers_panel = QWidget()
        peers_layout = QVBoxLayout(peers_panel)
        peers_layout.setContentsMargins(6, 6, 6, 6)
        peers_layout.addWidget(self.peer_picker)
        indicators_panel = QWidget()
        indicators_layout = QVBoxLayout(indicators_panel)
        indicators_layout.setContentsMargins(6, 6, 6, 6)
        indicators_layout.addWidget(QLabel(self.tr("Indicators")))
        indicators_layout.addWidget(self.indicator_list)
        side.addWidget(peers_panel)
        side.addWidget(indicators_panel)
        side.setSizes([330, 560])

        self.profile_view = ProfileView()
        self.chart = LineChart()
        center = QSplitter(Qt.Orientation.Vertical)
        center.addWidget(self.profile_view)
        center.addWidget(self.chart)
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
        self.copy_action.triggered.connect(self.profile_view.copy_table)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.show_dataset_summary(dataset)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import data…"), self)
        self.import_action.setShortcut(QKeySequence(self.tr("Ctrl+I")))
        self.import_action.setStatusTip(
            self.tr("Read a CSV, TSV or Excel file and add its values to the comparison")
        )
        self.import_action.triggered.connect(lambda: self.sig_import_requested.emit(""))
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_file(event.mimeData()) is not None:
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
            "Focus city's rank among the selected cities with a value (1 = highest)",
        ),
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
            headers.append(QCoreApplication.translate(_CONTEXT, title))
            tips.append(QCoreApplication.translate(_CONTEXT, tip) if tip else "")
    return headers, tips
