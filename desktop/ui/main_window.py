"""The main window: assembles the panels. Wiring lives in the controller."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
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


class MainWindow(QMainWindow):
    def __init__(self, dataset: Dataset) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("City Profiles"))
        cities = comparable_cities(dataset)

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
