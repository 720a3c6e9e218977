"""Scatter points sized by resident population, and trails that show which way they ran
(issue 15 item 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from desktop.ui.plots.chart_panel import SCATTER

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def _scatter(window: MainWindow, qtbot):
    panel = window.chart_panel
    panel.tabs.setCurrentIndex(SCATTER)
    panel.size_check.setChecked(True)
    panel.trails_check.setChecked(True)
    qtbot.wait(20)
    return panel.current


def test_points_are_sized_by_resident_population(window: MainWindow, qtbot) -> None:
    chart = _scatter(window, qtbot)
    assert chart.spec.size_indicator == "population_resident"
    assert "Resident population" in chart.spec.size_label


def test_trails_grow_from_the_earliest_year_and_say_so(window: MainWindow, qtbot) -> None:
    chart = _scatter(window, qtbot)
    assert chart.spec.trails
    assert any(note.startswith("Trails: ") for note in chart.spec.notes)
    drawn = [item for item in chart.trails if item.isVisible()]
    sizes = np.asarray(drawn[0].opts["symbolSize"], dtype=float)
    assert len(sizes) > 1 and np.all(np.diff(sizes) > 0)  # earliest smallest, latest biggest
