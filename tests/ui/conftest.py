"""UI fixtures: one bundled dataset per session, a fresh main window per test."""

from __future__ import annotations

import pytest

from desktop.core.dataset import Dataset
from desktop.core.storage import load_bundled
from desktop.session.selection import Selection

NORTH_EAST = ("cn-210200", "cn-230100", "cn-220100")


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_bundled()


@pytest.fixture
def window(qtbot, dataset: Dataset):
    from desktop.ui.app import build_main_window

    selection = Selection("cn-210100", NORTH_EAST, "gdp", "north_east")
    main_window = build_main_window(dataset, selection)
    # Closing at teardown must not stop on the unsaved-changes question (tested on its own).
    main_window.close_guard = None
    qtbot.addWidget(main_window)
    main_window.resize(1600, 1000)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


@pytest.fixture
def shown_line_chart(qtbot):
    """Make an over-time chart widget on screen, `width` x `height`, empty."""
    from desktop.ui.plots.line_chart import LineChart

    def make(width: int = 900, height: int = 600) -> LineChart:
        widget = LineChart()
        qtbot.addWidget(widget)
        widget.resize(width, height)
        widget.show()
        qtbot.waitExposed(widget)
        return widget
    return make


def shown_panel(qtbot, dataset: Dataset, peers: tuple[str, ...] = NORTH_EAST,
                indicator: str = "gdp", year: int | None = None):
    """A chart panel on screen (1200x800) showing Shenyang beside `peers`."""
    from desktop.ui.plots.chart_panel import ChartPanel

    widget = ChartPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_selection(dataset, "cn-210100", peers, indicator, year, "en")
    return widget


@pytest.fixture
def panel(qtbot, dataset: Dataset):
    """The chart panel on Shenyang beside the north-east peers, GDP, latest shared year."""
    return shown_panel(qtbot, dataset)
