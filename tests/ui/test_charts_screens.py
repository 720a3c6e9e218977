"""Screenshots of each chart type, offscreen at 1200x800 (saved for looking at)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.dataset import Dataset
from desktop.ui.plots.chart_panel import ChartPanel

pytestmark = pytest.mark.ui

NAMES = ("over_time", "ranking", "scatter", "small_multiples")


def test_screenshot_of_each_chart(qtbot, dataset: Dataset, tmp_path: Path) -> None:
    out = Path(os.environ.get("CHART_SCREENSHOTS", tmp_path))
    panel = ChartPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_selection(dataset, "cn-210100", ("cn-210200", "cn-230100", "cn-220100"), "gdp",
                        None, "en")
    for index, name in enumerate(NAMES):
        panel.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        image = panel.grab().toImage()
        assert image.width() == 1200
        assert image.save(str(out / f"chart_{name}.png"))
        assert (out / f"chart_{name}.png").stat().st_size > 10_000
